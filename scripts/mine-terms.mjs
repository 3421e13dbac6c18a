#!/usr/bin/env node
// A guide for people tuning SDG terms: the words and two-word phrases most typical of each goal
// in the TUNING part of the TU Berlin sentences (log-odds ratio with an informative Dirichlet
// prior, Monroe et al. 2008), marked with whether the bundled sdg set already matches them.
// It never reads the checking part (see the split in scripts/eval.mjs). Candidates are only a
// guide: what goes into the criteria must be a real term, written in all five languages.
//
// With --fold a|b it reads only that fold of the tuning part (folds as in scripts/eval.mjs), so that
// candidates mined on one fold can be checked on the other (`node scripts/eval.mjs --part tuning --fold`).
//
//   node scripts/mine-terms.mjs [goal] [--top 40] [--fold a|b]
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const shared = process.env.S4S_SHARED ?? join(root, '..', 'shared');
const sentencesFile = join(shared, 'data', 'sdg', 'tuberlin-sentences.csv');
if (!existsSync(sentencesFile)) {
  console.log(`mine-terms: ${sentencesFile} not found; skipping`);
  process.exit(0);
}
const args = process.argv.slice(2);
const topAt = args.indexOf('--top');
const top = topAt === -1 ? 40 : Number(args[topAt + 1]);
const onlyGoal = args.find((arg, index) => /^\d+$/.test(arg) && index !== topAt + 1);
const foldAt = args.indexOf('--fold');
const fold = foldAt === -1 ? null : args[foldAt + 1];
if (fold !== null && !['a', 'b'].includes(fold)) {
  console.error(`mine-terms: --fold must be a or b, not ${fold}`);
  process.exit(2);
}

const STOP = new Set(
  'a an the of to in on at by for from with into and or as its their this that these those is are was were be been has have had will would can could may should which who such than also not no it we our they them all more most other its per via both'.split(' '),
);
const isTuning = (text) => createHash('sha256').update(text.trim()).digest().readUInt32BE(0) % 100 < 60;
const foldOf = (text) => (createHash('sha256').update(text.trim()).digest()[4] & 1 ? 'b' : 'a');
const rows = parse(readFileSync(sentencesFile, 'utf8'), { columns: true, bom: true, skip_empty_lines: true, relax_column_count: true })
  .map((record) => ({ sdg: Number(record.SDG), text: String(record.Text ?? '').trim() }))
  .filter((row) => row.text && row.sdg >= 1 && row.sdg <= 17 && isTuning(row.text) && (fold === null || foldOf(row.text) === fold));

const { createMatcher, matchText } = await import(join(root, 'dist', 'match', 'match.js'));
const { loadCriteriaSet } = await import(join(root, 'dist', 'criteria', 'load.js'));
const sdg = loadCriteriaSet('sdg');
const matcher = createMatcher([sdg]);

function grams(text) {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const found = new Set();
  words.forEach((word, index) => {
    if (!STOP.has(word) && word.length > 2) found.add(word);
    const next = words[index + 1];
    if (next && !STOP.has(word) && !STOP.has(next)) found.add(`${word} ${next}`);
  });
  return found;
}

// Document frequency per goal (a sentence counts a gram once).
const perGoal = new Map();
const overall = new Map();
for (const row of rows) {
  const counts = perGoal.get(row.sdg) ?? new Map();
  perGoal.set(row.sdg, counts);
  for (const gram of grams(row.text)) {
    counts.set(gram, (counts.get(gram) ?? 0) + 1);
    overall.set(gram, (overall.get(gram) ?? 0) + 1);
  }
}
const totalAll = [...overall.values()].reduce((sum, count) => sum + count, 0);
const PRIOR = 10;

for (const goal of onlyGoal ? [Number(onlyGoal)] : [...perGoal.keys()].sort((a, b) => a - b)) {
  const counts = perGoal.get(goal) ?? new Map();
  const total = [...counts.values()].reduce((sum, count) => sum + count, 0);
  const scored = [];
  for (const [gram, inGoal] of counts) {
    if (inGoal < 3) continue;
    const all = overall.get(gram) ?? 0;
    const prior = (PRIOR * all) / totalAll;
    const rest = all - inGoal;
    const restTotal = totalAll - total;
    const delta = Math.log((inGoal + prior) / (total + PRIOR - inGoal - prior)) - Math.log((rest + prior) / (restTotal + PRIOR - rest - prior));
    const variance = 1 / (inGoal + prior) + 1 / (rest + prior);
    scored.push({ gram, inGoal, rest, z: delta / Math.sqrt(variance) });
  }
  scored.sort((a, b) => b.z - a.z);
  console.log(`\nSDG ${goal} (${rows.filter((row) => row.sdg === goal).length} tuning sentences${fold === null ? '' : `, fold ${fold}`})`);
  for (const { gram, inGoal, rest, z } of scored.slice(0, top)) {
    const hits = [...matchText(gram, 'en', matcher).keys()].map((id) => id.replace('sdg/', '')).join(' ');
    console.log(`  ${z.toFixed(1).padStart(5)}  ${String(inGoal).padStart(3)} vs ${String(rest).padStart(3)}  ${gram.padEnd(32)} ${hits ? `[matched: ${hits}]` : ''}`);
  }
}
