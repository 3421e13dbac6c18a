#!/usr/bin/env node
// Lists false friends of s4s's matching: words that a single-word term of the bundled criteria
// matches only because diacritics are dropped before comparing (and stems are then compared), so
// that, for example, Polish "połowa" (a half) met "połów*" (fishing), Slovak "pôvodne" (originally)
// met "povodn*" (floods) and "hľadá" (looks for) met "hlad" (hunger).
//
// The words come from V4 text in the repository: our eval passages (scripts/eval/*/<lang>.jsonl)
// and ordinary prose we wrote for this check (scripts/eval/prose/<lang>.txt: minutes, tenders,
// notices, school news). Most lines it prints are harmless inflections ("finanční" for "financ*");
// read them for words of another meaning. Run it after adding terms (needs the built dist/).
//   node scripts/false-friends.mjs [--lang cs|sk|pl|hu]
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const at = process.argv.indexOf('--lang');
const languages = at === -1 ? ['cs', 'sk', 'pl', 'hu'] : [process.argv[at + 1]];
const dist = (path) => join(ROOT, 'dist', path);
if (!existsSync(dist('match/match.js'))) {
  console.error('false-friends: dist/ is missing; run npm run build first');
  process.exit(2);
}
const { loadCriteriaSet } = await import(dist('criteria/load.js'));
const { createMatcher, matchText } = await import(dist('match/match.js'));
const matchers = ['sdg', 'egd', 'smart'].map((id) => createMatcher([loadCriteriaSet(id)]));
const stripped = (word) => word.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase().replace(/ł/g, 'l');

function textsOf(language) {
  const evalDirectory = join(ROOT, 'scripts', 'eval');
  const texts = [];
  for (const folder of readdirSync(evalDirectory, { withFileTypes: true }).filter((entry) => entry.isDirectory())) {
    const jsonl = join(evalDirectory, folder.name, `${language}.jsonl`);
    if (existsSync(jsonl)) texts.push(...readFileSync(jsonl, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line).text));
    const prose = join(evalDirectory, folder.name, `${language}.txt`);
    if (existsSync(prose)) texts.push(readFileSync(prose, 'utf8'));
  }
  return texts;
}

for (const language of languages) {
  const counts = new Map();
  for (const text of textsOf(language)) for (const word of text.toLowerCase().match(/\p{L}+/gu) ?? []) counts.set(word, (counts.get(word) ?? 0) + 1);
  const found = new Map();
  for (const matcher of matchers) {
    for (const [word, count] of counts) {
      if (word === stripped(word)) continue; // written without diacritics: matching it so is the point
      for (const [criterion, terms] of matchText(word, language, matcher)) {
        for (const term of terms) {
          if (/\s|~/.test(term)) continue; // phrases and near terms are anchored by their other words
          const written = term.replace(/\*$/, '').toLowerCase();
          if (word.startsWith(written.slice(0, -1))) continue; // the term's own letters, an inflection
          if (stripped(word).slice(0, written.length - 1) !== stripped(written).slice(0, -1)) continue; // a stem of another shape
          const key = `${term} -> ${word}`;
          const entry = found.get(key) ?? { count, criteria: new Set() };
          entry.criteria.add(criterion);
          found.set(key, entry);
        }
      }
    }
  }
  console.log(`\n${language}: ${counts.size} distinct words; words a term meets only without diacritics:`);
  for (const [key, { count, criteria }] of [...found].sort((a, b) => b[1].count - a[1].count)) console.log(`  ${String(count).padStart(4)}  ${key}  (${[...criteria].slice(0, 3).join(', ')})`);
}
