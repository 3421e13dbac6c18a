import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import { Ajv } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { ROOT, runS4s, testFixture } from '../helpers.js';

const MINI = testFixture('criteria', 'mini.json');
const ENGLISH = join(ROOT, 'fixtures/strategies/en-riverton.md');
const CZECH = join(ROOT, 'fixtures/strategies/cs-horni-lhota.md');

const diffSchema = JSON.parse(readFileSync(join(ROOT, 'schemas/diff.schema.json'), 'utf8'));
const validateDiff = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true, validateFormats: false }).compile(diffSchema);
const { $schema: _draft, id: _id, ...sarifSchema } = JSON.parse(readFileSync(join(ROOT, 'test/report/fixtures/sarif-schema-2.1.0-rtm.5.json'), 'utf8'));
const validateSarif = new Ajv({ strict: false, validateFormats: false, unicodeRegExp: false }).compile(sarifSchema);

/** A working folder with the English strategy as `old.md` and an edited copy as `new.md`. */
function versions(edit: (text: string) => string): { directory: string; old: string; new: string } {
  const directory = mkdtempSync(join(tmpdir(), 's4s-diff-'));
  const text = readFileSync(ENGLISH, 'utf8');
  writeFileSync(join(directory, 'old.md'), text);
  writeFileSync(join(directory, 'new.md'), edit(text));
  return { directory, old: 'old.md', new: 'new.md' };
}

// Without the word "vision", the vision criterion goes from met to missing; with an ocean chapter, oceans from missing to met.
const dropVision = (text: string) => text.replace(/vision/gi, 'outlook');
const addOceans = (text: string) => `${text}\n## Coast\n\nWe protect the marine park and its coral reefs, and the marine life of the bay.\n`;

describe('s4s diff', () => {
  it('lists the criteria whose status changed between two documents, regressions first', async () => {
    const { directory } = versions((text) => addOceans(dropVision(text)));
    const run = await runS4s(['diff', 'old.md', 'new.md', '--criteria', MINI, '--format', 'json'], { cwd: directory });
    expect(run.code).toBe(0);
    const diff = JSON.parse(run.stdout);
    expect(validateDiff(diff), JSON.stringify(validateDiff.errors)).toBe(true);
    expect(diff.changes.map((change: { id: string; change: string }) => `${change.id} ${change.change}`)).toEqual(expect.arrayContaining(['mini/vision regressed', 'mini/ocean improved']));
    const vision = diff.changes.find((change: { id: string }) => change.id === 'mini/vision');
    expect(vision).toMatchObject({ old: { status: 'met' }, new: { status: 'missing', score: 0 }, guidance: 'Add a vision.' });
    expect(diff.summary).toMatchObject({ regressed: 1, improved: 1 });
    expect(diff.old).toMatchObject({ path: 'old.md', source: 'document', criteriaSets: ['mini@1.2.0'] });
    const text = await runS4s(['diff', 'old.md', 'new.md', '--criteria', MINI], { cwd: directory });
    expect(text.stdout.indexOf('Regressed')).toBeLessThan(text.stdout.indexOf('Improved'));
    expect(text.stdout).toMatch(/mini\/vision\s+met 0\.\d\d → missing 0\.00/);
  });

  it('--fail-on-regression exits 1 when a status got worse, 0 when nothing did', async () => {
    const worse = versions(dropVision);
    const failed = await runS4s(['diff', worse.old, worse.new, '--criteria', MINI, '--fail-on-regression', '--quiet'], { cwd: worse.directory });
    expect(failed).toMatchObject({ code: 1, stdout: '', stderr: 's4s: 1 criterion regressed in new.md\n' });
    expect((await runS4s(['diff', worse.old, worse.new, '--criteria', MINI], { cwd: worse.directory })).code).toBe(0);
    const better = versions(addOceans);
    expect((await runS4s(['diff', better.old, better.new, '--criteria', MINI, '--fail-on-regression'], { cwd: better.directory })).code).toBe(0);
  });

  it('compares a document with a saved JSON report, judging it with the report\'s own criteria', async () => {
    const { directory } = versions(dropVision);
    await runS4s(['check', 'old.md', '--criteria', MINI, '--format', 'json', '-o', 'baseline.json', '--quiet'], { cwd: directory });
    const same = await runS4s(['diff', 'baseline.json', 'old.md', '--format', 'json'], { cwd: directory });
    expect(same.code).toBe(0);
    expect(JSON.parse(same.stdout)).toMatchObject({ changes: [], old: { source: 'report', reportPath: 'baseline.json', criteriaSets: ['mini@1.2.0'] }, new: { criteriaSets: ['mini@1.2.0'] } });
    const changed = await runS4s(['diff', 'baseline.json', 'new.md', '--fail-on-regression', '--format', 'md'], { cwd: directory });
    expect(changed.code).toBe(1);
    expect(changed.stdout).toContain('## Regressed (status got worse) (1)');
    expect(changed.stdout).toMatch(/\| `mini\/vision` \| Vision \| met 0\.\d\d \| missing 0\.00 \| −0\.\d{3} \| Add a vision\. \|/);
  });

  it('picks the document of the same name from a saved report of several', async () => {
    const { directory } = versions(dropVision);
    writeFileSync(join(directory, 'other.md'), readFileSync(CZECH));
    await runS4s(['check', 'old.md', 'other.md', '--criteria', MINI, '--format', 'json', '-o', 'all.json', '--quiet'], { cwd: directory });
    const run = await runS4s(['diff', 'all.json', 'old.md', '--format', 'json'], { cwd: directory });
    expect(JSON.parse(run.stdout)).toMatchObject({ old: { path: 'old.md' }, changes: [] });
    const unknown = await runS4s(['diff', 'all.json', 'new.md'], { cwd: directory });
    expect(unknown).toMatchObject({ code: 2, stderr: 's4s: all.json: holds 2 documents and none is new.md; save a report of one document\n' });
  });

  it('writes every format, well-formed, and several in one run', async () => {
    const { directory } = versions((text) => addOceans(dropVision(text)));
    const reports = ['md', 'csv', 'sarif', 'junit', 'github', 'html'].flatMap((format) => ['--report', `${format}=diff.${format}`]);
    const run = await runS4s(['diff', 'old.md', 'new.md', '--criteria', MINI, ...reports], { cwd: directory });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Regressed (status got worse) (1):');
    const read = (format: string) => readFileSync(join(directory, `diff.${format}`), 'utf8');
    const rows = parse(read('csv'), { columns: true }) as Record<string, string>[];
    expect(rows.find((row) => row.criterion === 'mini/vision')).toMatchObject({ old_document: 'old.md', new_document: 'new.md', change: 'regressed', old_status: 'met', new_status: 'missing' });
    const sarif = JSON.parse(read('sarif'));
    expect(validateSarif(sarif)).toBe(true);
    expect(sarif.runs[0].results.find((result: { ruleId: string }) => result.ruleId === 'mini/vision')).toMatchObject({ level: 'warning', baselineState: 'updated' });
    const junit = new DOMParser({ onError: (level, message) => { throw new Error(`${level}: ${message}`); } }).parseFromString(read('junit'), 'text/xml');
    expect(junit.getElementsByTagName('failure').length).toBe(1);
    expect(read('github')).toMatch(/^::warning file=new\.md,line=1,title=mini\/vision regressed%3A Vision::met 0\.\d\d → missing 0\.00%0AWhat to add: Add a vision\.$/m);
    const html = read('html');
    expect(html).toContain('<svg class="chart"');
    expect(html).not.toMatch(/<script|\ssrc=|\shref=/);
    expect(read('md')).toMatch(/\n\| Overall \| [\d.]+ \| [\d.]+ \| −[\d.]+ \|\n/);
  });

  it('takes its options from the "diff" block of the configuration, the command line still winning', async () => {
    const { directory } = versions(dropVision);
    writeFileSync(join(directory, 's4s.config.json'), JSON.stringify({ criteria: MINI, diff: { failOnRegression: true, format: 'csv' } }));
    const run = await runS4s(['diff', 'old.md', 'new.md'], { cwd: directory });
    expect(run.code).toBe(1);
    expect(run.stdout.split('\n')[0]).toBe('old_document,new_document,framework,criterion,parent,title,change,old_status,new_status,old_score,new_score,score_delta');
    expect((await runS4s(['diff', 'old.md', 'new.md', '--format', 'json'], { cwd: directory })).stdout).toMatch(/^\{/);
  });

  it('analyses both documents at once on worker threads, under --timeout, as it does in-process', async () => {
    const { directory } = versions((text) => addOceans(dropVision(text)));
    const inProcess = await runS4s(['diff', 'old.md', 'new.md', '--criteria', MINI, '--format', 'json', '--jobs', '1', '--timeout', '0'], { cwd: directory });
    const pooled = await runS4s(['diff', 'old.md', 'new.md', '--criteria', MINI, '--format', 'json', '--jobs', '2', '--timeout', '60'], { cwd: directory });
    expect(pooled).toMatchObject({ code: 0, stderr: '' });
    expect(pooled.stdout).toBe(inProcess.stdout);
    // Configuration files give diff the same jobs and timeout as check; a bad value is one line.
    writeFileSync(join(directory, 's4s.config.json'), JSON.stringify({ criteria: MINI, jobs: 1, timeout: 0 }));
    expect((await runS4s(['diff', 'old.md', 'new.md', '--format', 'json'], { cwd: directory })).stdout).toBe(inProcess.stdout);
    expect(await runS4s(['diff', 'old.md', 'new.md', '--timeout', 'soon'], { cwd: directory })).toMatchObject({
      code: 2,
      stderr: 's4s: invalid --timeout "soon" (use seconds, e.g. 120, or 0 for no limit)\n',
    });
    expect((await runS4s(['diff', 'old.md', 'new.md', '--jobs', '0'], { cwd: directory })).stderr).toBe('s4s: invalid --jobs "0" (use a whole number of at least 1, or auto)\n');
  });

  it('reads standard input as Markdown, and files by their names, in the same run', async () => {
    const { directory } = versions(dropVision);
    writeFileSync(join(directory, 'new.txt'), readFileSync(join(directory, 'new.md')));
    const piped = await runS4s(['diff', '-', 'new.txt', '--criteria', MINI, '--format', 'json'], { cwd: directory, stdin: readFileSync(ENGLISH) });
    expect(piped.code).toBe(0);
    const diff = JSON.parse(piped.stdout);
    expect([diff.old.path, diff.new.path]).toEqual(['-', 'new.txt']);
    expect(diff.changes.map((change: { id: string; change: string }) => `${change.id} ${change.change}`)).toContain('mini/vision regressed');
  });

  it('stops with one line for each document that cannot be read', async () => {
    const { directory } = versions(dropVision);
    writeFileSync(join(directory, 'empty.md'), '');
    writeFileSync(join(directory, 'broken.pdf'), Buffer.from([0x00, 0x01, 0xff, 0x00, 0x7f, 0x00, 0x02, 0x03]));
    const run = await runS4s(['diff', 'empty.md', 'broken.pdf', '--criteria', MINI], { cwd: directory });
    expect(run).toMatchObject({ code: 2, stdout: '' });
    expect(run.stderr.split('\n')).toEqual(['s4s: empty.md: file is empty (0 bytes) [EMPTY]', expect.stringMatching(/^s4s: broken\.pdf: .+ \[[A-Z_]+\]$/), '']);
  });

  it('refuses what it cannot compare with one line and exit 2', async () => {
    const { directory } = versions(dropVision);
    writeFileSync(join(directory, 'data.json'), '{"not": "a report"}');
    const notReport = await runS4s(['diff', 'data.json', 'new.md', '--criteria', MINI], { cwd: directory });
    expect(notReport.code).toBe(2);
    expect(notReport.stderr).toMatch(/^s4s: data\.json: not an s4s JSON report \(.*\)\n$/);
    const missing = await runS4s(['diff', 'gone.md', 'new.md', '--criteria', MINI], { cwd: directory });
    expect(missing).toMatchObject({ code: 2, stderr: 's4s: gone.md: no such file, directory or matching glob [ENOENT]\n' });
    const missingReport = await runS4s(['diff', 'gone.json', 'new.md'], { cwd: directory });
    expect(missingReport).toMatchObject({ code: 2, stderr: 's4s: gone.json: no such file\n' });
  });
});
