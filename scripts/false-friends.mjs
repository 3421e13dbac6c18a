#!/usr/bin/env node
// Lists false friends of s4s's matching: words that a single-word term of the bundled criteria
// matches only because diacritics are dropped before comparing (and stems are then compared), so
// that, for example, Polish "połowa" (a half) met "połów*" (fishing), Slovak "pôvodne" (originally)
// met "povodn*" (floods) and "hľadá" (looks for) met "hlad" (hunger); and ordinary lower-case words
// that an acronym term meets, since case is dropped too (Slovak "sme", we are, met "SMEs";
// Hungarian "oda", there, met "ODA"; Czech "květ", a flower, met "KVET").
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
/** An acronym, or an acronym's plural ("SMEs"). */
const ACRONYM = /^(?=(?:.*\p{Lu}){2})[\p{Lu}\p{N}]+s?\*?$/u;

function add(found, key, count, criterion) {
  const entry = found.get(key) ?? { count, criteria: new Set() };
  entry.criteria.add(criterion);
  found.set(key, entry);
}

// The matcher's own normalisation (case, diacritics, ł and the like), so that the listing sees what it sees.
const { normalizeWord: stripped } = await import(dist('match/normalize.js'));

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
  // As written: an acronym term meeting "SME" is right, meeting "sme" is the false friend.
  for (const text of textsOf(language)) for (const word of text.match(/\p{L}+/gu) ?? []) counts.set(word, (counts.get(word) ?? 0) + 1);
  const found = new Map();
  for (const matcher of matchers) {
    for (const [written, count] of counts) {
      const word = written.toLowerCase();
      for (const [criterion, terms] of matchText(written, language, matcher)) {
        for (const term of terms) {
          if (/\s|~/.test(term)) continue; // phrases and near terms are anchored by their other words
          if (ACRONYM.test(term)) {
            if (written === word) add(found, `${term} -> ${written}`, count, criterion); // an acronym met by a lower-case word
            continue;
          }
          if (word === stripped(word)) continue; // written without diacritics: matching it so is the point
          const spelled = term.replace(/\*$/, '').toLowerCase();
          if (word.startsWith(spelled.slice(0, -1))) continue; // the term's own letters, an inflection
          if (stripped(word).slice(0, spelled.length - 1) !== stripped(spelled).slice(0, -1)) continue; // a stem of another shape
          add(found, `${term} -> ${word}`, count, criterion);
        }
      }
    }
  }
  console.log(`\n${language}: ${counts.size} distinct words; words a term meets only without diacritics, or in lower case for an acronym:`);
  for (const [key, { count, criteria }] of [...found].sort((a, b) => b[1].count - a[1].count)) console.log(`  ${String(count).padStart(4)}  ${key}  (${[...criteria].slice(0, 3).join(', ')})`);
}
