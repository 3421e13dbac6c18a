#!/usr/bin/env node
// A guide for people tuning SDG terms: the words and two-word phrases most typical of each goal
// in the TUNING part of the TU Berlin sentences (log-odds ratio with an informative Dirichlet
// prior, Monroe et al. 2008), marked with whether the bundled sdg set already matches them.
// It never reads the checking part (see the split in scripts/tuberlin-passages.mjs). Candidates are only a
// guide: what goes into the criteria must be a real term, written in all five languages.
//
// With --fold a|b it reads only that fold of the tuning part (folds as in scripts/tuberlin-passages.mjs), so that
// candidates mined on one fold can be checked on the other (`node scripts/eval.mjs --part tuning --fold`).
//
// With --held-out it estimates how the English terms do on passages nobody tuned them on: on each
// fold, terms that match positives of their goal only in that fold are set aside (as if the terms
// had been tuned on the other fold alone; terms that match no tuning positive stay), and recall is
// measured again. The positives then missed are the kind of passage the checking part loses; the
// words and two-word phrases found among such misses in BOTH folds are printed as candidates (a
// phrase that recurs in both halves is more likely to recur in unseen text than one fitted to one).
//
//   node scripts/mine-terms.mjs [goal] [--top 40] [--fold a|b]
//   node scripts/mine-terms.mjs --held-out [goal] [--top 40]
import { join } from 'node:path';
import { GOALS, ROOT as root, SENTENCES_FILE, haveSentences, readTuberlinPassages } from './tuberlin-passages.mjs';

if (!haveSentences()) {
  console.log(`mine-terms: ${SENTENCES_FILE} not found; skipping`);
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
const heldOutMode = args.includes('--held-out');
if (heldOutMode && fold !== null) {
  console.error('mine-terms: --held-out uses both folds; leave out --fold');
  process.exit(2);
}
const rows = readTuberlinPassages().filter((row) => row.part === 'tuning' && (fold === null || row.fold === fold));

const { createMatcher, matchText } = await import(join(root, 'dist', 'match', 'match.js'));
const { loadCriteriaSet } = await import(join(root, 'dist', 'criteria', 'load.js'));
const sdg = loadCriteriaSet('sdg');
const matcher = createMatcher([sdg]);
if (heldOutMode) {
  heldOut();
  process.exit(0);
}

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

function heldOut() {
  const goalOf = (id) => Number(/^sdg\/(\d+)/.exec(id)[1]);
  const other = (side) => (side === 'a' ? 'b' : 'a');
  // Each English term on its own, so that every passage knows which terms (not only which goals) match it.
  const terms = sdg.criteria.flatMap((criterion) => (criterion.terms.en ?? []).map((term) => ({ criterion: criterion.id, goal: goalOf(criterion.id), term })));
  const single = createMatcher([{ criteria: terms.map((entry, index) => ({ id: String(index), terms: { en: [entry.term] }, headings: {}, exclude: {} })) }]);
  const excluding = createMatcher([{ criteria: sdg.criteria.filter((criterion) => criterion.exclude?.en?.length).map((criterion) => ({ id: criterion.id, terms: { en: criterion.exclude.en }, headings: {}, exclude: {} })) }]);
  const support = terms.map(() => ({ a: 0, b: 0 }));
  for (const row of rows) {
    const excluded = new Set(matchText(row.text, 'en', excluding).keys());
    row.hits = [...matchText(row.text, 'en', single).keys()].map(Number).filter((index) => !excluded.has(terms[index].criterion));
    for (const index of row.hits) if (terms[index].goal === row.sdg) support[index][row.fold]++;
  }
  const kept = (index, side) => support[index][other(side)] > 0 || support[index].a + support[index].b === 0;
  const found = (row, kept) => row.hits.some((index) => terms[index].goal === row.sdg && kept(index));
  const misses = new Map();
  const recalls = [];
  console.log('recall of the English terms per fold: all terms / only terms the other fold would have given (held out)');
  for (const goal of onlyGoal ? [Number(onlyGoal)] : GOALS) {
    const cells = [];
    for (const side of ['a', 'b']) {
      const positives = rows.filter((row) => row.sdg === goal && row.fold === side);
      const held = positives.filter((row) => !found(row, (index) => kept(index, side)));
      misses.set(`${goal}${side}`, held);
      const full = positives.filter((row) => found(row, () => true)).length / positives.length;
      const heldOutRecall = 1 - held.length / positives.length;
      recalls.push(heldOutRecall);
      cells.push(`${side}: ${full.toFixed(3)} / ${heldOutRecall.toFixed(3)}`);
    }
    console.log(`  SDG ${String(goal).padStart(2)}  ${cells.join('   ')}`);
  }
  console.log(`  mean held-out recall ${(recalls.reduce((sum, value) => sum + value, 0) / recalls.length).toFixed(3)}`);
  console.log('\nwords and phrases in held-out misses of both folds (misses a + b; passages of other goals that contain them)');
  const gramRows = rows.map((row) => ({ sdg: row.sdg, grams: grams(row.text) }));
  for (const goal of onlyGoal ? [Number(onlyGoal)] : GOALS) {
    const countIn = (list) => {
      const counts = new Map();
      for (const row of list) for (const gram of grams(row.text)) counts.set(gram, (counts.get(gram) ?? 0) + 1);
      return counts;
    };
    const inA = countIn(misses.get(`${goal}a`));
    const inB = countIn(misses.get(`${goal}b`));
    const shared = [...inA.keys()].filter((gram) => inB.has(gram)).map((gram) => ({ gram, a: inA.get(gram), b: inB.get(gram), rest: gramRows.filter((row) => row.sdg !== goal && row.grams.has(gram)).length }));
    if (!shared.length) continue;
    shared.sort((x, y) => x.rest / (x.a + x.b) - y.rest / (y.a + y.b) || y.a + y.b - x.a - x.b);
    console.log(`  SDG ${goal}: ${shared.slice(0, top).map((entry) => `${entry.gram} (${entry.a}+${entry.b}; ${entry.rest})`).join(', ')}`);
  }
}
