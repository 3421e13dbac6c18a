import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { reportSchemaErrors } from '../report-schema.js';
import { ROOT, runS4s, testFixture } from '../helpers.js';

const MINI = testFixture('criteria', 'mini.json');
const CZECH = 'fixtures/strategies/cs-horni-lhota.md';
const ENGLISH = 'fixtures/strategies/en-riverton.md';

describe('s4s check', () => {
  it('writes a JSON report that follows the published schema', async () => {
    const run = await runS4s(['check', ENGLISH, CZECH, '--criteria', MINI, '--format', 'json']);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(reportSchemaErrors(report)).toEqual([]);
    expect(report.tool.name).toBe('s4s');
    expect(report.criteriaSets).toEqual([{ id: 'mini', version: '1.2.0', title: 'Mini test set', origin: 'test/fixtures/criteria/mini.json' }]);
    expect(report.documents.map((document: { path: string }) => document.path)).toEqual([CZECH, ENGLISH]);
    const czech = report.documents[0];
    expect(czech).toMatchObject({ format: 'md', language: 'cs', error: null });
    expect(czech.sha256).toMatch(/^[0-9a-f]{64}$/);
    const transport = czech.criteria.find((criterion: { id: string }) => criterion.id === 'mini/transport');
    expect(transport.status).toBe('met');
    expect(transport.evidence[0]).toMatchObject({ section: expect.stringContaining('Udržitelná mobilita'), line: expect.any(Number) });
  });

  it('gives byte-identical reports run after run', async () => {
    const first = await runS4s(['check', CZECH, '--criteria', MINI, '--format', 'json']);
    const second = await runS4s(['check', CZECH, '--criteria', MINI, '--format', 'json']);
    expect(second.stdout).toBe(first.stdout);
    expect(first.stdout).not.toContain('generatedAt');
  });

  it('writes a tidy CSV with one row per document and criterion', async () => {
    const run = await runS4s(['check', CZECH, '--criteria', MINI, '--format', 'csv']);
    const rows = parse(run.stdout, { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(5);
    expect(rows.map((row) => row.criterion)).toEqual(['mini/transport', 'mini/transport.cycling', 'mini/vision', 'mini/emissions', 'mini/ocean']);
    expect(rows[0]).toMatchObject({ document: CZECH, language: 'cs', framework: 'mini', status: 'met' });
  });

  it('writes Markdown with scores, criteria, evidence and what to add in the document language', async () => {
    const run = await runS4s(['check', CZECH, '--criteria', MINI, '--format', 'md']);
    expect(run.stdout).toContain('| Malá testovací sada (`mini`) |');
    expect(run.stdout).toContain('| Rámec | Skóre | Splněno | Částečně | Chybí |');
    expect(run.stdout).toContain('### Doklady v textu');
    expect(run.stdout).toMatch(/> .*cyklostezky.* — \*.*line \d+\*/);
    expect(run.stdout).toContain('### Co doplnit');
    const english = await runS4s(['check', CZECH, '--criteria', MINI, '--format', 'md', '--report-lang', 'en']);
    expect(english.stdout).toContain('### What to add');
    expect(english.stdout).toContain('Add ocean protection.');
    expect(run.stdout).toContain('Doplňte ochranu oceánů.');
  });

  it('prints a terminal summary without colour when NO_COLOR is set', async () => {
    const run = await runS4s(['check', ENGLISH, '--criteria', MINI]);
    expect(run.stdout).toContain('en-riverton.md');
    expect(run.stdout).toMatch(/overall\s+\d+\.\d\/100/);
    expect(run.stdout).not.toMatch(/\u001b\[/);
    const coloured = await runS4s(['check', ENGLISH, '--criteria', MINI], { env: { FORCE_COLOR: '1', NO_COLOR: '' } });
    expect(coloured.stdout).toMatch(/\u001b\[/);
    const plain = await runS4s(['check', ENGLISH, '--criteria', MINI, '--no-color'], { env: { FORCE_COLOR: '1', NO_COLOR: '' } });
    expect(plain.stdout).not.toMatch(/\u001b\[/);
  });

  it('keeps the terminal summary of a batch compact: scores and first gaps, no criterion list', async () => {
    const single = await runS4s(['check', ENGLISH, '--criteria', MINI]);
    expect(single.stdout).toMatch(/✘ missing mini\/ocean/);
    const batch = await runS4s(['check', 'fixtures/strategies', '--criteria', MINI]);
    expect(batch.stdout).not.toMatch(/✘ missing mini\/ocean/);
    expect(batch.stdout.match(/What to add first:/g)).toHaveLength(2);
    expect(batch.stdout).toMatch(/mini\/ocean: Doplňte ochranu oceánů\./);
  });

  it('exits 2 with one line naming a missing file, and still reports the others', async () => {
    const run = await runS4s(['check', 'missing.pdf', CZECH, '--criteria', MINI, '--format', 'json']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('s4s: missing.pdf: no such file, directory or matching glob [ENOENT]\n');
    const report = JSON.parse(run.stdout);
    expect(report.summary).toEqual({ documents: 2, analysed: 1, failed: 1 });
    expect(report.documents.map((document: { path: string }) => document.path)).toEqual([CZECH, 'missing.pdf']);
    expect(report.documents[1]).toMatchObject({ path: 'missing.pdf', error: { code: 'ENOENT' }, score: null });
    expect(reportSchemaErrors(report)).toEqual([]);
  });

  it('walks directories, expands globs and reads standard input', async () => {
    const directory = await runS4s(['check', 'fixtures/strategies', '--criteria', MINI, '--format', 'json']);
    expect(JSON.parse(directory.stdout).documents.map((document: { path: string }) => document.path)).toEqual([CZECH, ENGLISH]);
    const globbed = await runS4s(['check', 'fixtures/strategies/en-*.md', '--criteria', MINI, '--format', 'json']);
    expect(JSON.parse(globbed.stdout).documents.map((document: { path: string }) => document.path)).toEqual([ENGLISH]);
    const stdin = await runS4s(['check', '-', '--criteria', MINI, '--format', 'json', '--stdin-format', 'md'], { stdin: '# Vision\n\nTrams for all.\n' });
    const document = JSON.parse(stdin.stdout).documents[0];
    expect(document).toMatchObject({ path: '-', format: 'md' });
    expect(document.criteria.find((criterion: { id: string }) => criterion.id === 'mini/vision').status).not.toBe('missing');
  });

  it('honours --lang over detection', async () => {
    const run = await runS4s(['check', ENGLISH, '--criteria', MINI, '--format', 'json', '--lang', 'cs']);
    expect(JSON.parse(run.stdout).documents[0].language).toBe('cs');
  });

  it('writes the report to --output atomically and never over an input', async () => {
    const directory = mkdtempSync(join(tmpdir(), 's4s-'));
    const output = join(directory, 'out', 'report.json');
    const run = await runS4s(['check', CZECH, '--criteria', MINI, '--format', 'json', '-o', output, '--quiet']);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('');
    expect(JSON.parse(readFileSync(output, 'utf8')).documents).toHaveLength(1);
    const input = join(directory, 'input.md');
    writeFileSync(input, '# Vision\n');
    const overwrite = await runS4s(['check', input, '--criteria', MINI, '-o', input]);
    expect(overwrite.code).toBe(2);
    expect(overwrite.stderr).toMatch(/refusing to write the report over the input/);
    expect(readFileSync(input, 'utf8')).toBe('# Vision\n');
  });

  it('passes over its own reports when it walks a directory, run after run', async () => {
    const directory = mkdtempSync(join(tmpdir(), 's4s-'));
    writeFileSync(join(directory, 'plan.md'), readFileSync(join(ROOT, CZECH)));
    for (let run = 0; run < 2; run++) {
      const checked = await runS4s(['check', '.', '--criteria', MINI, '-f', 'md', '-o', 'report.md', '--report', 'json=out/report.json', '--report', 'csv=table.txt', '--report', 'text=summary.txt', '--quiet'], { cwd: directory });
      expect(checked.code).toBe(0);
      expect(JSON.parse(readFileSync(join(directory, 'out', 'report.json'), 'utf8')).documents.map((document: { path: string }) => document.path)).toEqual(['plan.md']);
    }
    // Only a file that holds an s4s report is passed over: -o pointed at a strategy is refused, not written.
    const strategy = await runS4s(['check', '.', '--criteria', MINI, '-f', 'md', '-o', 'plan.md'], { cwd: directory });
    expect(strategy).toMatchObject({ code: 2, stderr: 's4s: refusing to write the report over the input plan.md\n' });
    expect(readFileSync(join(directory, 'plan.md'))).toEqual(readFileSync(join(ROOT, CZECH)));
    // Named on the command line, a report is still an input, and never written over.
    const named = await runS4s(['check', 'plan.md', 'report.md', '--criteria', MINI, '-f', 'md', '-o', 'report.md'], { cwd: directory });
    expect(named.code).toBe(2);
    expect(named.stderr).toMatch(/refusing to write the report over the input/);
  });

  it('refuses --report FORMAT=- in one line: standard output carries the --format report', async () => {
    const run = await runS4s(['check', CZECH, '--criteria', MINI, '--report', 'md=-']);
    expect(run).toMatchObject({ code: 2, stdout: '', stderr: 's4s: --report md=-: standard output carries the --format report; give --report a file (or use --format md)\n' });
  });

  it('takes -o - as standard output, also over a configuration file\'s output', async () => {
    const directory = mkdtempSync(join(tmpdir(), 's4s-'));
    writeFileSync(join(directory, 's4s.config.json'), JSON.stringify({ output: 'report.json', format: 'json' }));
    const stdout = await runS4s(['check', join(ROOT, CZECH), '--criteria', MINI, '-o', '-'], { cwd: directory });
    expect(stdout.code).toBe(0);
    expect(JSON.parse(stdout.stdout).documents).toHaveLength(1);
    expect(readdirSync(directory)).toEqual(['s4s.config.json']);
  });

  it('turns user mistakes into one line and exit 2, never a stack trace', async () => {
    const unknownFormat = await runS4s(['check', CZECH, '--format', 'pptx']);
    expect(unknownFormat.code).toBe(2);
    expect(unknownFormat.stderr.trim().split('\n')).toHaveLength(1);
    const badCriteria = await runS4s(['check', CZECH, '--criteria', testFixture('criteria', 'broken-weight.json')]);
    expect(badCriteria.code).toBe(2);
    expect(badCriteria.stderr).toContain('/criteria/0/weight: must be >= 0');
    expect(badCriteria.stderr).not.toMatch(/\n\s+at /);
    const nothing = await runS4s(['check', 'test/fixtures/criteria', '--criteria', MINI]);
    expect(nothing.code).toBe(2);
    expect(nothing.stderr).toMatch(/^s4s: no documents found in test\/fixtures\/criteria/);
  });

  it('prints its version and help with examples', async () => {
    const version = await runS4s(['--version']);
    expect(version.code).toBe(0);
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    const help = await runS4s(['check', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Examples:');
  });
});
