#!/usr/bin/env node
// Trains the bundled passage model (models/sdg-en.json, read by `s4s tag`): one logistic regression
// per SDG over the features of src/classify/features.ts (built dist/), on the TUNING part of the
// TU Berlin sentences (scripts/tuberlin-passages.mjs; never the checking part) and the UN target
// texts, both from ../shared/data/sdg/ (Apache-2.0), and on the English examples of the bundled
// sdg set (our own, in the words of city strategies). Skips cleanly without ../shared.
// Deterministic: a seeded shuffle and a fixed order of work give the same file on every machine.
//
//   node scripts/train-model.mjs [--fold a|b] [--out models/sdg-en.json]
// --fold trains on one fold of the tuning part only, so that `npm run eval -- --part tuning --fold`
// on the other fold (with `--model <that file>`) measures the model on passages it never saw.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { seededRandom } from './seeded-random.mjs';
import { GOALS, ROOT, haveSentences, readTargetTexts, readTuberlinPassages } from './tuberlin-passages.mjs';

/** Settings chosen on the two tuning folds (train on one, measure on the other). */
const SETTINGS = {
  epochs: 80,
  learningRate: 0.3,
  /** The rate at epoch e is learningRate / (1 + decay * e). */
  decay: 0.1,
  l2: 3e-5,
  /** A feature must occur in this many training passages to get weights. */
  minPassages: 2,
  initialBias: -2,
  seed: 20261207,
  /** Weights smaller than this are left out of the file: 0.3 keeps it small (~0.3 MB) and changed no
   * fold's accuracy by more than 0.001 against keeping every weight. */
  prune: 0.3,
  threshold: 0.2,
};

const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const fold = option('--fold', null);
const out = option('--out', join(ROOT, 'models', 'sdg-en.json'));
if (fold !== null && !['a', 'b'].includes(fold)) {
  console.error(`train-model: --fold must be a or b, not ${fold}`);
  process.exit(2);
}
if (!haveSentences()) {
  console.log('train-model: ../shared/data/sdg/ not found; skipping (the labelled passages live outside the repository)');
  process.exit(0);
}
const { passageFeatures } = await import(join(ROOT, 'dist', 'classify', 'features.js'));

const passages = readTuberlinPassages().filter((passage) => passage.part === 'tuning' && (fold === null || passage.fold === fold));
const targets = readTargetTexts();
const criteriaExamples = readCriteriaExamples();
// label: index of the goal, or -1 (a negative example): a passage of no goal.
const examples = [...passages, ...targets, ...criteriaExamples].map((item) => ({ label: item.sdg - 1, features: passageFeatures(item.text, 'en').features }));

const passageCounts = new Map();
for (const example of examples) for (const feature of example.features) passageCounts.set(feature, (passageCounts.get(feature) ?? 0) + 1);
const vocabulary = [...passageCounts.keys()].filter((feature) => passageCounts.get(feature) >= SETTINGS.minPassages).sort();
const indexOf = new Map(vocabulary.map((feature, index) => [feature, index]));
const rows = examples.map((example) => ({
  label: example.label,
  indexes: example.features.map((feature) => indexOf.get(feature)).filter((index) => index !== undefined),
  scale: 1 / Math.sqrt(example.features.length || 1),
}));

const weights = GOALS.map(() => new Float64Array(vocabulary.length));
const bias = GOALS.map(() => SETTINGS.initialBias);
const random = seededRandom(SETTINGS.seed);
const order = rows.map((_row, index) => index);
for (let epoch = 0; epoch < SETTINGS.epochs; epoch++) {
  const rate = SETTINGS.learningRate / (1 + SETTINGS.decay * epoch);
  for (let index = order.length - 1; index > 0; index--) {
    const swap = Math.floor(random() * (index + 1));
    [order[index], order[swap]] = [order[swap], order[index]];
  }
  for (const rowIndex of order) {
    const row = rows[rowIndex];
    for (let label = 0; label < GOALS.length; label++) {
      const labelWeights = weights[label];
      let sum = bias[label];
      for (const feature of row.indexes) sum += labelWeights[feature] * row.scale;
      const gradient = 1 / (1 + Math.exp(-sum)) - (row.label === label ? 1 : 0);
      bias[label] -= rate * gradient;
      for (const feature of row.indexes) labelWeights[feature] -= rate * (gradient * row.scale + SETTINGS.l2 * labelWeights[feature]);
    }
  }
}

/**
 * The English examples of the bundled sdg set (written by us, in the style of city strategies): a
 * positive example of a goal or target is a passage of that goal; a negative one of none (sdg 0).
 */
function readCriteriaExamples() {
  const set = JSON.parse(readFileSync(join(ROOT, 'criteria', 'sdg', '1.0.0.json'), 'utf8'));
  const goalOf = (id) => Number(/^sdg\/(\d+)/.exec(id)[1]);
  return set.criteria.flatMap((criterion) => [
    ...(criterion.examples?.positive ?? []).filter((example) => example.lang === 'en').map((example) => ({ sdg: goalOf(criterion.id), text: example.text })),
    ...(criterion.examples?.negative ?? []).filter((example) => example.lang === 'en').map((example) => ({ sdg: 0, text: example.text })),
  ]);
}

const round = (value) => Math.round(value * 1000) / 1000;
const fileWeights = {};
for (const [index, feature] of vocabulary.entries()) {
  const pairs = GOALS.map((_goal, label) => [label, round(weights[label][index])]).filter(([, weight]) => Math.abs(weight) >= SETTINGS.prune);
  if (pairs.length) fileWeights[feature] = pairs;
}
const model = {
  format: 's4s-passage-model/1',
  set: 'sdg',
  language: 'en',
  training: {
    what: 'one-vs-rest logistic regression per SDG over word stems and neighbouring stem pairs (src/classify/features.ts)',
    data: `TU Berlin SDG sentences (Apache-2.0, github.com/amrayach/Quality_and_usability_SDG_project), tuning part${fold ? `, fold ${fold}` : ''} only (${passages.length} sentences; the checking part is never read), ${targets.length} UN SDG target texts, and the ${criteriaExamples.length} English examples of the bundled sdg set (negative ones as passages of no goal)`,
    script: 'scripts/train-model.mjs',
    settings: SETTINGS,
  },
  threshold: SETTINGS.threshold,
  labels: GOALS.map((goal) => `sdg/${goal}`),
  bias: bias.map(round),
  weights: fileWeights,
};
writeFileSync(out, `${JSON.stringify(model)}\n`);
console.log(`train-model: ${examples.length} examples, ${vocabulary.length} features, ${Object.keys(fileWeights).length} kept; wrote ${out}`);
