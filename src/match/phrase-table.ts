// Phrase tables: the bundled criteria's phrases, compiled by `npm run build` (scripts/build-phrase-
// tables.mjs) and read back instead of tokenised and stemmed again on every run. Compiling a
// Czech and an English index from scratch took some 0.1 s of every check, on the document's own
// thread, after its pages were read; with the tables it takes a third of that.
//
// A table is used only when it was written by the very code that would compile the phrase now: it
// carries a fingerprint of the compiling modules, the stemmer packages and the Unicode version
// (NFKD and case folding come from it). A table left behind by an older build, or a `tsc` that
// skipped the script, does not match and is ignored; phrases not in the table (a user's own
// criteria) are compiled as before. Either way the patterns are the same, only slower.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { LanguageCode } from '../document/types.js';
import type { WordPattern } from './compile.js';

/** Next to this module: dist/match/phrase-tables/ once built (the TypeScript sources have none). */
export const PHRASE_TABLE_DIRECTORY = new URL('./phrase-tables/', import.meta.url);

/**
 * The modules whose code decides what a phrase compiles to (compile.ts and what it imports), and
 * this one, which decides the format. test/match/phrase-table.test.ts checks the list is whole.
 */
export const COMPILING_MODULES = ['compile', 'normalize', 'phrase-table', 'stem', 'stopwords', 'tokenize'];
/** The stemmers stem.ts loads. */
const STEMMER_PACKAGES = ['natural', 'snowball-stemmers'];

interface PhraseTableFile {
  fingerprint: string;
  language: LanguageCode;
  phrases: Record<string, WordPattern[]>;
}

let fingerprint: string | undefined;

/** What the compiled patterns depend on, as one hash. */
export function compilerFingerprint(): string {
  if (fingerprint) return fingerprint;
  const hash = createHash('sha256');
  const extension = import.meta.url.endsWith('.ts') ? '.ts' : '.js';
  for (const name of COMPILING_MODULES) hash.update(`${name}\n`).update(readFileSync(new URL(`./${name}${extension}`, import.meta.url)));
  const require = createRequire(import.meta.url);
  for (const name of STEMMER_PACKAGES) {
    const { version } = require(`${name}/package.json`) as { version: string };
    hash.update(`${name}@${version}\n`);
  }
  hash.update(`unicode ${process.versions.unicode ?? ''}\n`);
  fingerprint = hash.digest('hex');
  return fingerprint;
}

/**
 * The table of a language, or undefined when there is none or it was not compiled by this code. A
 * damaged table is no error either: the phrases are then compiled.
 */
export function loadPhraseTable(language: LanguageCode, directory: URL = PHRASE_TABLE_DIRECTORY): Map<string, readonly WordPattern[]> | undefined {
  let text: string;
  try {
    text = readFileSync(new URL(`${language}.json`, directory), 'utf8');
  } catch {
    return undefined;
  }
  try {
    const table = JSON.parse(text) as PhraseTableFile;
    if (table.fingerprint !== compilerFingerprint() || table.language !== language) return undefined;
    return new Map(Object.entries(table.phrases));
  } catch {
    return undefined;
  }
}

/** Writes a language's table (the build's script gives it the freshly compiled phrases). */
export function writePhraseTable(language: LanguageCode, phrases: Map<string, readonly WordPattern[]>, directory: URL = PHRASE_TABLE_DIRECTORY): void {
  mkdirSync(directory, { recursive: true });
  const sorted = Object.fromEntries([...phrases].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  const table: PhraseTableFile = { fingerprint: compilerFingerprint(), language, phrases: sorted as Record<string, WordPattern[]> };
  writeFileSync(new URL(`${language}.json`, directory), `${JSON.stringify(table)}\n`);
}
