// Every broken or hostile file the suite makes ends in a document or in a ReadError with its code,
// and a batch that mixes them all with sound documents reports every input and exits 2.
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReadError } from '../../src/read/errors.js';
import { readDocumentFile } from '../../src/read/index.js';
import { runS4s } from '../helpers.js';
import { reportSchemaErrors } from '../report-schema.js';
import { type BadInput, GOOD_DOCUMENTS, makeBadInputs } from './make-bad-inputs.js';

let root: string;
let cases: BadInput[];

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 's4s-bad-inputs-'));
  cases = makeBadInputs(root);
  for (const good of GOOD_DOCUMENTS) copyFileSync(good, join(root, `good-${basename(good)}`));
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

function documentText(document: Awaited<ReturnType<typeof readDocumentFile>>): string {
  return document.sections.map((section) => [section.heading, ...section.blocks.map((block) => block.text)].join('\n')).join('\n');
}

describe('reading the bad-input suite', () => {
  it('makes every case it lists', () => {
    expect(cases.length).toBeGreaterThanOrEqual(50);
    expect(new Set(cases.map((entry) => entry.file)).size).toBe(cases.length);
  });

  it('ends every case in text or in a one-line ReadError with the expected code', async () => {
    const outcomes: string[] = [];
    for (const entry of cases) {
      let outcome: string;
      try {
        const text = documentText(await readDocumentFile(join(root, entry.file), { maxPages: 5000 }));
        const words = 'words' in entry.expect ? entry.expect.words : (entry.expect.orWords ?? []);
        const missing = words.filter((word) => !text.includes(word));
        outcome = 'words' in entry.expect || entry.expect.orWords ? (missing.length ? `text without ${missing.join(', ')}` : 'ok') : 'text, but an error was expected';
      } catch (error) {
        if (!(error instanceof ReadError)) outcome = `unexpected ${error instanceof Error ? error.name : typeof error}: ${String(error)}`;
        else if (error.message.includes('\n') || error.message.length === 0) outcome = `message not one line: ${JSON.stringify(error.message)}`;
        else if ('codes' in entry.expect && entry.expect.codes.includes(error.code)) outcome = 'ok';
        else outcome = `${error.code} (${error.message})`;
      }
      outcomes.push(`${entry.file}: ${outcome}`);
    }
    expect(outcomes).toEqual(cases.map((entry) => `${entry.file}: ok`));
  });

  it('refuses zip bombs by their declared and by their actual size', async () => {
    await expect(readDocumentFile(join(root, 'docx/zip-bomb-declared.docx'))).rejects.toMatchObject({ code: 'ZIP_BOMB', message: expect.stringContaining('4.0 GB, over the limit of 512.0 MB (--max-inflated-size)') });
    await expect(readDocumentFile(join(root, 'docx/zip-bomb-lying.docx'))).rejects.toMatchObject({ code: 'ZIP_BOMB', message: 'archive entry word/document.xml unpacks to more than the 2.9 KB it declares: refused' });
    await expect(readDocumentFile(join(root, 'docx/zip-bomb-lying-media.docx'))).rejects.toMatchObject({ code: 'ZIP_BOMB', message: expect.stringContaining('word/media/image1.png') });
    await expect(readDocumentFile(join(root, 'docx/zip-bomb-many-parts.docx'))).rejects.toMatchObject({ code: 'ZIP_BOMB', message: expect.stringContaining('600.0 MB') });
  });
});

describe('a batch mixing every bad case with sound documents', () => {
  it('reports every input, each error with its code and one line on stderr, and exits 2', async () => {
    const output = join(root, 'report.json');
    const run = await runS4s(['check', root, '--format', 'json', '-o', output, '--jobs', '2', '--timeout', '120', '--quiet'], { cwd: root });
    expect(run.code).toBe(2);
    const report = JSON.parse(readFileSync(output, 'utf8'));
    expect(reportSchemaErrors(report)).toEqual([]);
    const paths = [...cases.map((entry) => entry.file), ...GOOD_DOCUMENTS.map((good) => `good-${basename(good)}`)].sort();
    expect(report.documents.map((document: { path: string }) => document.path)).toEqual(paths);
    const expectedCode = (path: string) => {
      const entry = cases.find((candidate) => candidate.file === path);
      return entry && 'codes' in entry.expect ? entry.expect.codes : undefined;
    };
    for (const document of report.documents as { path: string; error: { code: string; message: string } | null; score: number | null }[]) {
      const codes = expectedCode(document.path);
      if (document.error) {
        expect(codes, `${document.path} failed: ${document.error.code} ${document.error.message}`).toContain(document.error.code);
        expect(run.stderr).toContain(`s4s: ${document.path}: ${document.error.message} [${document.error.code}]\n`);
      } else {
        expect(document.score, document.path).toEqual(expect.any(Number));
      }
    }
    for (const good of GOOD_DOCUMENTS) expect(report.documents.find((document: { path: string }) => document.path === `good-${basename(good)}`)?.error).toBeNull();
    const errorLines = run.stderr.trimEnd().split('\n');
    expect(errorLines).toHaveLength(report.documents.filter((document: { error: unknown }) => document.error).length);
    expect(errorLines.every((line) => /^s4s: \S.* \[[A-Z_]+\]$/.test(line))).toBe(true);
    expect(run.stderr).not.toMatch(/^\s+at /m);
  }, 180_000);
});
