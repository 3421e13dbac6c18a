#!/usr/bin/env node
// Benchmark of the matcher (built dist/): time to match a text against all bundled criteria sets,
// (a) as the text grows and (b) as the number of criteria grows by made-up terms that never occur
// in the text. Matching should grow linearly with the text and stay flat with the criteria.
// Prints figures only; nothing here is a pass/fail test.
//
//   npm run build && node scripts/bench-match.mjs
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { loadCriteriaSet, bundledSetIds } = await import(join(root, 'dist', 'criteria', 'load.js'));
const { createMatcher, matchText } = await import(join(root, 'dist', 'match', 'match.js'));

const sets = bundledSetIds().map((id) => loadCriteriaSet(id));
const base = ['en-riverton.md', 'cs-horni-lhota.md'].map((name) => readFileSync(join(root, 'fixtures', 'strategies', name), 'utf8')).join('\n\n');
const words = (text) => text.split(/\s+/).filter(Boolean).length;

/** A deterministic made-up word: letters from a seeded sequence. */
function madeUpWord(seed) {
  let state = seed * 2654435761;
  let word = 'zq';
  for (let index = 0; index < 7; index++) {
    state = (state * 1103515245 + 12345) >>> 0;
    word += String.fromCharCode(97 + (state % 26));
  }
  return word;
}

/** Adds `count` criteria of five made-up terms each (phrases, prefixes, near terms) in every language. */
function withExtraCriteria(count) {
  if (count === 0) return sets;
  const criteria = Array.from({ length: count }, (_, index) => {
    const w = (k) => madeUpWord(index * 10 + k);
    const terms = [w(1), `${w(2)} ${w(3)}`, `${w(4)}*`, { near: [w(5), '#year'], within: 6 }, `${w(6)} ${w(7)}*`];
    return {
      id: `bench/${index}`,
      setId: 'bench',
      title: { en: `Made-up ${index}` },
      kind: 'theme',
      weight: 1,
      terms: { en: terms, cs: terms, sk: terms, pl: terms, hu: terms },
      headings: {},
      exclude: {},
      thresholds: { met: 0.5, partial: 0.2 },
      guidance: { en: '' },
      examples: { positive: [], negative: [] },
    };
  });
  return [...sets, { id: 'bench', version: '0.0.0', title: { en: 'bench' }, source: '', languages: ['en'], changelog: [], origin: '', criteria }];
}

function time(text, selected, language) {
  const matcher = createMatcher(selected);
  matchText('warm up', language, matcher);
  const runs = 3;
  const start = process.hrtime.bigint();
  for (let run = 0; run < runs; run++) matchText(text, language, matcher);
  return Number(process.hrtime.bigint() - start) / 1e6 / runs;
}

const termCount = (selected) => selected.flatMap((set) => set.criteria).reduce((sum, criterion) => sum + Object.values(criterion.terms).reduce((n, list) => n + list.length, 0), 0);

console.log('(a) text size, all bundled criteria');
console.log('   words        ms   µs/word');
for (const copies of [4, 16, 64]) {
  const text = Array(copies).fill(base).join('\n\n');
  const ms = time(text, sets, 'und');
  console.log(`${String(words(text)).padStart(8)} ${ms.toFixed(1).padStart(9)} ${((ms * 1000) / words(text)).toFixed(2).padStart(9)}`);
}

console.log('\n(b) criteria count, same text');
const text = Array(16).fill(base).join('\n\n');
console.log(` criteria     terms        ms   (text: ${words(text)} words)`);
for (const extra of [0, 1000, 5000, 20000]) {
  const selected = withExtraCriteria(extra);
  const criteria = selected.reduce((sum, set) => sum + set.criteria.length, 0);
  console.log(`${String(criteria).padStart(9)} ${String(termCount(selected)).padStart(9)} ${time(text, selected, 'und').toFixed(1).padStart(9)}`);
}
