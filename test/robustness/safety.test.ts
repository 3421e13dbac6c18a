// Safe by construction: documents fetch nothing and read no other file, criteria are words and
// never code, CSV cells cannot run as formulas, and reports are written whole and never over an input.
import { createServer, type Server } from 'node:http';
import { linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CriteriaError } from '../../src/criteria/errors.js';
import { loadCriteriaFile } from '../../src/criteria/load.js';
import { readDocumentBytes } from '../../src/read/index.js';
import { fixture, runS4s } from '../helpers.js';
import { docxWithExternalEntity, docxWithExternalReferences } from './make-bad-inputs.js';
import { writePdf } from './pdf-writer.js';

const STRATEGY = readFileSync(fixture('strategies', 'cs-horni-lhota.md'));
let directory: string;

beforeAll(() => {
  directory = mkdtempSync(join(tmpdir(), 's4s-safety-'));
});

afterAll(() => rmSync(directory, { recursive: true, force: true }));

describe('documents that point outside themselves', () => {
  let server: Server;
  const requests: string[] = [];
  let url = '';
  const secretFile = () => join(directory, 'secret.txt');

  beforeAll(async () => {
    server = createServer((request, response) => {
      requests.push(request.url ?? '');
      response.end('OBSAH ZE SERVERU');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    writeFileSync(secretFile(), 'TAJNÉ HESLO 1234');
  });

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('fetch nothing and read no local file: DOCX images, links, chunks, subdocuments and fields; PDF links, outline, remote go-to and external streams', async () => {
    const docx = await readDocumentBytes(docxWithExternalReferences(url, secretFile()), 'external.docx');
    const pdf = await readDocumentBytes(writePdf({ pages: [['Strategie obce a odkazy na plány.']], externalUrls: [`${url}/plan.pdf`, `${url}/image.png`] }), 'external.pdf');
    expect(JSON.stringify(docx)).toContain('Strategie obce Dolní Ves');
    expect(JSON.stringify(pdf)).toContain('Strategie obce a odkazy');
    for (const document of [docx, pdf]) {
      expect(JSON.stringify(document)).not.toContain('TAJNÉ HESLO');
      expect(JSON.stringify(document)).not.toContain('OBSAH ZE SERVERU');
    }
    // A fetch could still be on its way: give it time to arrive.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(requests).toEqual([]);
  });

  it('never expand an external XML entity (XXE) in a DOCX', async () => {
    const outcome = await readDocumentBytes(docxWithExternalEntity(secretFile()), 'entity.docx').then(
      (document) => JSON.stringify(document),
      (error: Error & { code?: string }) => `${error.code}: ${error.message}`,
    );
    expect(outcome).not.toContain('TAJNÉ HESLO');
    expect(outcome).toMatch(/^DAMAGED: damaged DOCX: .*entity not found/);
  });
});

describe('criteria are data, never code', () => {
  const criteriaFile = (terms: unknown) => {
    const path = join(directory, `criteria-${Math.random().toString(36).slice(2)}.json`);
    const set = JSON.parse(readFileSync(join(import.meta.dirname, '../fixtures/criteria/mini.json'), 'utf8'));
    set.criteria = [{ id: 'mini/pattern', kind: 'theme', title: { en: 'Pattern' }, terms: { en: terms }, guidance: { en: 'None.' } }];
    delete set.$schema;
    writeFileSync(path, JSON.stringify(set));
    return path;
  };

  it('reads regular-expression syntax in a term as words: no pattern runs, and hostile text costs nothing', async () => {
    const path = criteriaFile(['(a+)+$', 'x.*y', '[0-9]{1,99}z']);
    const document = join(directory, 'pattern.txt');
    writeFileSync(document, `Strategy. ${'a'.repeat(50_000)}! Then xoooy and 42z. Finally x y and 0 9 1 99 z.`);
    const run = await runS4s(['check', document, '--criteria', path, '--format', 'json', '--no-config']);
    expect(run.code).toBe(0);
    const [criterion] = JSON.parse(run.stdout).documents[0].criteria;
    // `x.*y` is the phrase "x y", and `[0-9]{1,99}z` the words "0 9 1 99 z": only the literal words match.
    expect(criterion.evidence.map((evidence: { quote: string }) => evidence.quote)).toEqual(['Finally x y and 0 9 1 99 z.']);
  });

  it('refuses a term that is not a word or a near-group, whatever it is called', () => {
    expect(() => loadCriteriaFile(criteriaFile([{ regex: '(a+)+$' }]))).toThrow(CriteriaError);
    expect(() => loadCriteriaFile(criteriaFile([{ pattern: '.*' }]))).toThrow(CriteriaError);
  });

  it('lets no criteria file pollute object prototypes', () => {
    const path = criteriaFile(['plan']);
    const text = readFileSync(path, 'utf8').replace('"terms":', '"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}, "terms":');
    writeFileSync(path, text);
    try {
      loadCriteriaFile(path);
    } catch (error) {
      expect(error).toBeInstanceOf(CriteriaError);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('CSV reports', () => {
  it('defuse cells that a spreadsheet would run as formulas, in the long and the wide layout', async () => {
    const names = ['=HYPERLINK("x").md', '+cmd.md', '-2+3.md', '@SUM(A1).md'];
    const csvDirectory = join(directory, 'formulas');
    mkdirSync(csvDirectory);
    for (const name of names) writeFileSync(join(csvDirectory, name), STRATEGY);
    for (const layout of ['long', 'wide']) {
      const run = await runS4s(['check', '.', '--format', 'csv', '--csv-layout', layout, '--no-config', '--criteria', 'smart'], { cwd: csvDirectory });
      expect(run.code).toBe(0);
      const firstCells = run.stdout.trimEnd().split('\n').slice(1).map((line) => line.slice(0, line.indexOf(',', line.startsWith('"') ? line.indexOf('"', 1) : 0)));
      expect(new Set(firstCells)).toEqual(new Set([`"'=HYPERLINK(""x"").md"`, "'+cmd.md", "'-2+3.md", "'@SUM(A1).md"]));
    }
  });
});

describe('report files', () => {
  const setUp = () => {
    const root = mkdtempSync(join(directory, 'outputs-'));
    mkdirSync(join(root, 'docs'));
    writeFileSync(join(root, 'docs', 'plan.md'), STRATEGY);
    return root;
  };

  it('are never written over an input, given by any path, and the refusal comes before the work', async () => {
    const root = setUp();
    symlinkSync('docs', join(root, 'docs-link'));
    linkSync(join(root, 'docs', 'plan.md'), join(root, 'hard-link.md'));
    for (const args of [
      ['-o', 'docs/plan.md'],
      ['--format', 'json', '--report', 'md=docs/plan.md'],
      ['--report', 'csv=docs-link/plan.md'],
      ['--format', 'jsonl', '-o', 'docs-link/plan.md'],
      ['-o', 'hard-link.md'],
    ]) {
      const run = await runS4s(['check', 'docs', ...args, '--no-config', '--timeout', '0', '--jobs', '1'], { cwd: root });
      expect(run, args.join(' ')).toMatchObject({ code: 2, stdout: '', stderr: `s4s: refusing to write the report over the input ${args.at(-1)?.replace(/^\w+=/, '')}\n` });
    }
    expect(readFileSync(join(root, 'docs', 'plan.md'))).toEqual(STRATEGY);
  });

  it('appear whole or not at all: a failed write leaves no temporary file and says why in one line', async () => {
    const root = setUp();
    mkdirSync(join(root, 'report.md'));
    for (const args of [
      ['--format', 'md', '-o', 'report.md'],
      ['--format', 'jsonl', '-o', 'report.md'],
      ['--report', 'csv=report.md'],
    ]) {
      const run = await runS4s(['check', 'docs', ...args, '--no-config'], { cwd: root });
      expect(run, args.join(' ')).toEqual({ code: 2, stdout: '', stderr: 's4s: cannot write report.md: it is a directory\n' });
    }
    expect(readdirSync(root).sort()).toEqual(['docs', 'report.md']);
    // Refused before any document is analysed, naming the report (not the temporary file); /proc takes no new files.
    for (const args of [['-o', '/proc/s4s-report.json'], ['-o', '/proc/s4s/deeper/report.json'], ['--report', 'sarif=/proc/s4s.sarif']]) {
      const run = await runS4s(['check', 'docs', ...args, '--no-config'], { cwd: root });
      expect(run, args.join(' ')).toEqual({ code: 2, stdout: '', stderr: `s4s: cannot write ${args[1]?.replace(/^\w+=/, '')}: no such directory, or no file can be made there\n` });
    }
    const written = await runS4s(['check', 'docs', '--format', 'json', '-o', 'out/report.json', '--report', 'csv=out/report.csv', '--no-config', '-q'], { cwd: root });
    expect(written.code).toBe(0);
    expect(readdirSync(join(root, 'out')).sort()).toEqual(['report.csv', 'report.json']);
    expect(JSON.parse(readFileSync(join(root, 'out', 'report.json'), 'utf8')).documents).toHaveLength(1);
  });
});

describe('control characters in a document', () => {
  it('never reach a report: no escape sequence acts on a terminal, no override turns a quote around', async () => {
    const path = join(directory, 'escapes.txt');
    writeFileSync(path, '1. Vize\n\nV roce 2030 je obec zelená. \u001b]0;HACKED\u0007\u001b[2J\u001b[31mVybudujeme cyklostezky\u202e a veřejnou dopravu.\u001b[0m Snížíme emise o 55 % do roku 2030.\n');
    for (const format of ['csv', 'md', 'text', 'github', 'junit', 'sarif', 'html', 'json']) {
      const run = await runS4s(['check', path, '--format', format, '--no-config', '--criteria', 'smart'], { cwd: directory });
      expect(run.code, format).toBe(0);
      expect(run.stdout, format).not.toMatch(/[\u0000-\u0008\u000B\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/);
    }
    const document = await readDocumentBytes(readFileSync(path), 'escapes.txt');
    expect(document.sections.flatMap((section) => section.blocks.map((block) => block.text))).toContain('V roce 2030 je obec zelená. ]0;HACKED[2J[31mVybudujeme cyklostezky a veřejnou dopravu.[0m Snížíme emise o 55 % do roku 2030.');
  });
});
