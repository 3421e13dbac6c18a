import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { runS4s, testFixture } from '../helpers.js';

const MINI = testFixture('criteria', 'mini.json');
const INJECTION = 'test/report/fixtures/injection.md';
// The Markdown reader keeps the heading's text and drops its inline HTML.
const SECTION = 'Plan alert("x") & "quotes" 100% > Vision | pipes, commas: colons';

describe('every format escapes what a strategy may contain', async () => {
  const directory = mkdtempSync(join(tmpdir(), 's4s-escaping-'));
  const formats = ['json', 'md', 'csv', 'sarif', 'junit', 'github', 'html'];
  const run = await runS4s(['check', INJECTION, '--criteria', MINI, '--quiet', ...formats.flatMap((format) => ['--report', `${format}=${join(directory, format)}`])]);
  const read = (format: string) => readFileSync(join(directory, format), 'utf8');

  it('runs', () => {
    expect(run).toMatchObject({ code: 0, stdout: '', stderr: '' });
    const vision = JSON.parse(read('json')).documents[0].criteria.find((criterion: { id: string }) => criterion.id === 'mini/vision');
    expect(vision.evidence[0].section).toBe(SECTION);
  });

  it('github: a quote cannot start a workflow command of its own', () => {
    const lines = read('github').trimEnd().split('\n');
    expect(lines.every((line) => /^::(notice|warning|error) file=[^,]+/.test(line))).toBe(true);
    expect(lines.some((line) => line.startsWith('::warning::injected'))).toBe(false);
  });

  it('junit: strict XML that gives the text back unchanged', () => {
    const xml = new DOMParser({ onError: (level, message) => { throw new Error(`${level}: ${message}`); } }).parseFromString(read('junit'), 'text/xml');
    const outputs = Array.from(xml.getElementsByTagName('system-out')).map((node) => node.textContent ?? '');
    // The paragraph is wrapped over two lines (a soft break, read as a space): one sentence, cited at its first line.
    expect(outputs.join('\n')).toContain(`and a form feed  and 50 % more public transport::warning::injected" (${SECTION}, line 9)`);
  });

  it('sarif: the strongest evidence\'s section as logical location, the text intact', () => {
    const criteria = JSON.parse(read('json')).documents[0].criteria as { id: string; status: string; evidence: { section: string }[] }[];
    const results = JSON.parse(read('sarif')).runs[0].results as { ruleId: string; locations: { logicalLocations?: { fullyQualifiedName?: string }[] }[] }[];
    const unmet = criteria.filter((criterion) => criterion.status !== 'met');
    expect(results.map((result) => result.ruleId)).toEqual(unmet.map((criterion) => criterion.id));
    for (const [index, criterion] of unmet.entries()) {
      expect(results[index]!.locations[0]!.logicalLocations?.[0]?.fullyQualifiedName).toBe(criterion.evidence[0]?.section);
    }
  });

  it('html and Markdown: markup escaped, tables intact', () => {
    expect(read('html')).toContain('Plan alert(&quot;x&quot;) &amp; &quot;quotes&quot; 100% &gt; Vision | pipes, commas: colons');
    const markdown = read('md');
    expect(markdown).toContain('Vision \\| pipes, commas: colons');
    const criteriaTable = markdown.split('\n').filter((line) => line.startsWith('| `mini/'));
    for (const line of criteriaTable) expect(line.replace(/\\\|/g, '').split('|').length - 2).toBe(5);
  });

  it('csv: the quote and section come back as written', () => {
    const rows = parse(read('csv'), { columns: true }) as Record<string, string>[];
    expect(rows.find((row) => row.criterion === 'mini/vision')!.first_section).toBe(SECTION);
  });
});
