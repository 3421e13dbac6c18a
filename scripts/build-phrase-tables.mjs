#!/usr/bin/env node
// Part of `npm run build`, after tsc: compiles every phrase of every released bundled criteria set,
// per language, into dist/match/phrase-tables/<language>.json (src/match/phrase-table.ts says why
// and when a table is used). It runs the compiled modules, so a table always matches its build.
import { listBundledSets, loadCriteriaSet } from '../dist/criteria/load.js';
import { LANGUAGE_CODES } from '../dist/document/types.js';
import { compilePhraseAnew, criteriaPhrases } from '../dist/match/compile.js';
import { writePhraseTable } from '../dist/match/phrase-table.js';

const criteria = listBundledSets().flatMap((ref) => loadCriteriaSet(`${ref.id}@${ref.version}`).criteria);
for (const language of LANGUAGE_CODES) {
  const phrases = new Map([...criteriaPhrases(criteria, language)].map((phrase) => [phrase, compilePhraseAnew(phrase, language)]));
  writePhraseTable(language, phrases);
}
