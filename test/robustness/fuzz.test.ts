// Property-based fuzzing (fast-check) of the readers and the matcher over the project's own PDF,
// DOCX, Markdown and text fixtures, damaged at random: every input ends in a document or in a
// ReadError with a code and a one-line message, never in another exception, and within a bound;
// every document read is analysed, and every quote it yields stands in its text.
// `npm test` runs a fixed seed and few runs; `npm run fuzz -- --runs 2000 --seed 7` runs more.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadSelectedSets } from '../../src/cli/criteria-select.js';
import type { CriteriaSet } from '../../src/criteria/types.js';
import type { Document } from '../../src/document/types.js';
import { createMatcher, type Matcher } from '../../src/match/match.js';
import { ReadError } from '../../src/read/errors.js';
import { readDocumentBytes } from '../../src/read/index.js';
import { analyzeDocument } from '../../src/score/analyze.js';
import { fixture, ROOT } from '../helpers.js';
import { CZECH_PAGES } from './make-bad-inputs.js';
import { describeMutations, mutate, mutations } from './mutations.js';
import { writePdf } from './pdf-writer.js';
import { readZipEntries, writeZip } from './zip-writer.js';

const SEED = Number(process.env.S4S_FUZZ_SEED ?? 20_261_122);
/** Runs per property; the defaults keep the whole file near 25 s on two cores. */
const runs = (standard: number) => Number(process.env.S4S_FUZZ_RUNS ?? standard);
/** A bound that only a hang or runaway work would pass: the fixtures are small. */
const CASE_LIMIT_MS = 20_000;
const LIMITS = { maxPages: 200, maxInflatedBytes: 64 * 1024 * 1024 };
const EXPECTED_CODES = new Set(['EMPTY', 'ENCRYPTED', 'NO_TEXT', 'DAMAGED', 'NOT_DOCX', 'UNSUPPORTED', 'TOO_MANY_PAGES', 'ZIP_BOMB', 'ENCODING']);
const TEST_TIMEOUT_MS = Number(process.env.S4S_FUZZ_TEST_TIMEOUT ?? 120_000);

const read = (...parts: string[]) => readFileSync(fixture(...parts));
const PDFS: Record<string, Buffer> = {
  'generated.pdf': writePdf({ pages: CZECH_PAGES }),
  'cs-strategie.pdf': read('pdf', 'cs-strategie.pdf'),
  'hu-two-columns.pdf': read('pdf', 'hu-strategia-ket-hasab.pdf'),
  'encrypted.pdf': read('pdf', 'encrypted.pdf'),
  'scan-mixed.pdf': read('pdf', 'scan-mixed.pdf'),
};
const DOCXS: Record<string, Buffer> = {
  'cs-strategie.docx': read('docx', 'cs-strategie.docx'),
  'hu-strategia.docx': read('docx', 'hu-strategia.docx'),
  'cs-libreoffice.docx': read('docx', 'cs-strategie-libreoffice.docx'),
};
const TEXTS: Record<string, Buffer> = {
  'cs-horni-lhota.md': read('strategies', 'cs-horni-lhota.md'),
  'en-riverton.md': read('strategies', 'en-riverton.md'),
  'cs-one-line.txt': read('text', 'cs-one-line.txt'),
  'cs-windows-1250.txt': read('text', 'cs-windows-1250.txt'),
  'hu-utf16le-bom.txt': read('text', 'hu-utf16le-bom.txt'),
  'sk-iso-8859-2.txt': read('text', 'sk-iso-8859-2.txt'),
};

let sets: CriteriaSet[];
let matcher: Matcher;

beforeAll(() => {
  sets = loadSelectedSets(undefined, ROOT);
  matcher = createMatcher(sets);
});

/** Reads one input and checks how it ended; throws (a failing case) on anything else. */
async function readsToAnEnd(bytes: Uint8Array, name: string): Promise<void> {
  const started = performance.now();
  let document: Document | undefined;
  try {
    document = await readDocumentBytes(bytes, name, LIMITS);
  } catch (error) {
    if (!(error instanceof ReadError)) throw new Error(`${name}: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)} is not a ReadError`);
    if (!EXPECTED_CODES.has(error.code)) throw new Error(`${name}: unexpected code ${error.code} (${error.message})`);
    if (!error.message || error.message.includes('\n')) throw new Error(`${name}: message not one line: ${JSON.stringify(error.message)}`);
  }
  if (document) analysesCleanly(document);
  const elapsed = performance.now() - started;
  if (elapsed > CASE_LIMIT_MS) throw new Error(`${name}: took ${Math.round(elapsed)} ms`);
}

/** The matcher and scoring take any document; each quote stands in the document's text. */
function analysesCleanly(document: Document): void {
  const result = analyzeDocument(document, sets, matcher);
  if (result.error) throw new Error(`analysis failed: ${result.error.code} ${result.error.message}`);
  const text = normalise(document.sections.flatMap((section) => [section.heading, ...section.blocks.map((block) => block.text)]).join('\n'));
  for (const criterion of result.criteria) {
    for (const evidence of criterion.evidence) {
      if (!evidence.quote.trim() || !text.includes(normalise(evidence.quote))) throw new Error(`${criterion.id}: quote not in the text: ${JSON.stringify(evidence.quote)}`);
    }
  }
}

const normalise = (text: string) => text.replace(/\s+/g, ' ');

const fuzz = (arbitrary: fc.Arbitrary<[string, Buffer]>, numRuns: number) =>
  fc.assert(
    fc.asyncProperty(arbitrary, ([name, bytes]) => readsToAnEnd(bytes, name)),
    // Unbiased: fast-check's bias towards the ends of ranges would spend most runs on the first byte.
    { seed: SEED, numRuns, endOnFailure: true, unbiased: true },
  );

const damaged = (files: Record<string, Buffer>) =>
  fc.record({ name: fc.constantFrom(...Object.keys(files)), steps: mutations }).map(({ name, steps }): [string, Buffer] => {
    const bytes = mutate(files[name]!, steps);
    return [name, Object.assign(bytes, { toString: () => `${name}: ${describeMutations(steps)}` })];
  });

describe('fuzzing the readers and the matcher', () => {
  it('ends every damaged PDF in a document or a ReadError', () => fuzz(damaged(PDFS), runs(300)), TEST_TIMEOUT_MS);

  it('ends every damaged DOCX archive in a document or a ReadError', () => fuzz(damaged(DOCXS), runs(300)), TEST_TIMEOUT_MS);

  it('ends every DOCX with a damaged part (re-zipped soundly) in a document or a ReadError', () => {
    const parts = ['word/document.xml', 'word/styles.xml', 'word/_rels/document.xml.rels', '_rels/.rels', '[Content_Types].xml', 'word/footnotes.xml', 'word/numbering.xml'];
    const arbitrary = fc.record({ name: fc.constantFrom(...Object.keys(DOCXS)), part: fc.constantFrom(...parts), steps: mutations }).map(({ name, part, steps }): [string, Buffer] => {
      const entries = readZipEntries(DOCXS[name]!).map((entry) => (entry.name === part ? { name: entry.name, data: mutate(entry.data, steps) } : entry));
      return [name, Object.assign(writeZip(entries), { toString: () => `${name} ${part}: ${describeMutations(steps)}` })];
    });
    return fuzz(arbitrary, runs(500));
  }, TEST_TIMEOUT_MS);

  it('ends every damaged Markdown and text file in a document or a ReadError', () => fuzz(damaged(TEXTS), runs(600)), TEST_TIMEOUT_MS);

  it('matches any text, in any script, without failing, and the same way twice', () => {
    const words = [...new Set(sets.flatMap((set) => set.criteria.flatMap((criterion) => Object.values(criterion.terms ?? {}).flat().filter((term): term is string => typeof term === 'string'))))].slice(0, 400);
    const piece = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 20 }), fc.constantFrom(...words), fc.constantFrom('. ', '\n\n', '# ', '2030', '55 %', ' ', '-', '*', 'ı', 'İ', 'ß', 'ǅ', '\u0301'));
    const text = fc.array(piece, { maxLength: 60 }).map((pieces) => pieces.join(' '));
    return fc.assert(
      fc.property(fc.array(fc.tuple(text, fc.array(text, { maxLength: 5 })), { minLength: 1, maxLength: 6 }), (sections) => {
        const document: Document = {
          path: 'fuzz.md',
          sha256: '0'.repeat(64),
          format: 'md',
          language: 'und',
          sections: sections.map(([heading, blocks], index) => ({ heading, level: 1, path: [heading], location: { line: index + 1 }, blocks: blocks.map((block, line) => ({ text: block, location: { line: index + line + 2 }, role: 'body' as const })) })),
          metadata: {},
          warnings: [],
        };
        analysesCleanly(document);
        expect(analyzeDocument(document, sets, matcher)).toEqual(analyzeDocument(structuredClone(document), sets, matcher));
      }),
      { seed: SEED, numRuns: runs(400), endOnFailure: true },
    );
  }, TEST_TIMEOUT_MS);
});
