import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { reportSchemaErrors } from '../report-schema.js';
import { runS4s, testFixture } from '../helpers.js';

const MINI = testFixture('criteria', 'mini.json');
const CZECH = 'fixtures/strategies/cs-horni-lhota.md';
const ENGLISH = 'fixtures/strategies/en-riverton.md';
const FORMATS = ['json', 'md', 'csv', 'sarif', 'junit', 'github', 'html'];

describe('s4s check --report', () => {
  it('writes every format in one run and still prints the terminal summary', async () => {
    const directory = mkdtempSync(join(tmpdir(), 's4s-reports-'));
    const reports = FORMATS.flatMap((format) => ['--report', `${format}=${join(directory, `report.${format}`)}`]);
    const run = await runS4s(['check', CZECH, ENGLISH, '--criteria', MINI, ...reports]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^fixtures\/strategies\/cs-horni-lhota\.md {2}md, cs/);
    expect(run.stdout).toContain('2 documents: 2 analysed, 0 failed');
    const read = (format: string) => readFileSync(join(directory, `report.${format}`), 'utf8');
    const report = JSON.parse(read('json'));
    expect(reportSchemaErrors(report)).toEqual([]);
    const criteria = report.documents.flatMap((document: { criteria: { status: string; parent?: string }[] }) => document.criteria);
    expect(read('md')).toContain('## Comparison');
    expect((parse(read('csv'), { columns: true }) as unknown[]).length).toBe(10);
    expect(JSON.parse(read('sarif')).runs[0].results.length).toBe(criteria.filter((criterion: { status: string }) => criterion.status !== 'met').length);
    const junit = new DOMParser({ onError: (level, message) => { throw new Error(`${level}: ${message}`); } }).parseFromString(read('junit'), 'text/xml');
    expect(junit.getElementsByTagName('testsuite').length).toBe(2);
    const missing = criteria.filter((criterion: { status: string; parent?: string }) => criterion.status === 'missing' && !criterion.parent).length;
    expect(missing).toBeGreaterThan(0);
    expect(read('github').split('\n').filter((line) => line.startsWith('::warning ')).length).toBe(missing);
    expect(read('html')).toContain('<svg class="chart"');
  });

  it('writes the same bytes as --format for the same format', async () => {
    const directory = mkdtempSync(join(tmpdir(), 's4s-reports-'));
    const viaReport = join(directory, 'a.sarif');
    await runS4s(['check', CZECH, '--criteria', MINI, '--report', `sarif=${viaReport}`, '--quiet']);
    const viaFormat = await runS4s(['check', CZECH, '--criteria', MINI, '--format', 'sarif']);
    expect(readFileSync(viaReport, 'utf8')).toBe(viaFormat.stdout);
  });

  it('prints nothing but errors with --quiet, and passes --csv-layout and --bom to CSV reports', async () => {
    const directory = mkdtempSync(join(tmpdir(), 's4s-reports-'));
    const csv = join(directory, 'wide.csv');
    const run = await runS4s(['check', CZECH, ENGLISH, '--criteria', MINI, '--report', `csv=${csv}`, '--csv-layout', 'wide', '--bom', '--quiet']);
    expect(run).toMatchObject({ code: 0, stdout: '', stderr: '' });
    const text = readFileSync(csv, 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text.slice(1).split('\n')[0]).toBe('document,language,format,score,score_mini,mini/transport,mini/transport.cycling,mini/vision,mini/emissions,mini/ocean,error');
  });

  it('refuses a malformed --report, an unknown format and two reports on one path, with exit 2', async () => {
    const bad = await runS4s(['check', CZECH, '--criteria', MINI, '--report', 'report.md']);
    expect(bad).toMatchObject({ code: 2, stderr: 's4s: invalid --report "report.md" (use FORMAT=PATH, e.g. --report md=report.md)\n' });
    const unknown = await runS4s(['check', CZECH, '--criteria', MINI, '--report', 'pptx=r.pptx']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^s4s: unknown format "pptx" in --report pptx=r.pptx \(choose from text, json, .*sarif, junit, github, html/);
    const twice = await runS4s(['check', CZECH, '--criteria', MINI, '-o', 'x/r.md', '--report', 'md=x/r.md']);
    expect(twice.code).toBe(2);
    expect(twice.stderr).toMatch(/^s4s: two reports would be written to .*x\/r\.md\n$/);
  });

  it('appends a Markdown summary to $GITHUB_STEP_SUMMARY, unless --no-step-summary', async () => {
    const directory = mkdtempSync(join(tmpdir(), 's4s-summary-'));
    const summary = join(directory, 'summary.md');
    writeFileSync(summary, '# Earlier step\n\n');
    const run = await runS4s(['check', CZECH, '--criteria', MINI, '--format', 'json'], { env: { GITHUB_STEP_SUMMARY: summary } });
    const { score, frameworks, counts } = JSON.parse(run.stdout).documents[0];
    const text = readFileSync(summary, 'utf8');
    expect(text.startsWith('# Earlier step\n\n## s4s compliance\n')).toBe(true);
    expect(text).toContain(`| fixtures/strategies/cs-horni-lhota.md | ${score} | ${frameworks[0].score} | ${counts.met} | ${counts.partial} | ${counts.missing} |`);
    const other = join(directory, 'other.md');
    await runS4s(['check', CZECH, '--criteria', MINI, '--no-step-summary'], { env: { GITHUB_STEP_SUMMARY: other } });
    expect(existsSync(other)).toBe(false);
  });
});
