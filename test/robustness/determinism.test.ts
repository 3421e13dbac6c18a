// The same inputs give byte-identical reports, run after run and with any --jobs, in every format,
// on a batch that mixes sound documents with broken and hostile ones.
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runS4s } from '../helpers.js';
import { GOOD_DOCUMENTS, makeBadInputs } from './make-bad-inputs.js';

const FORMATS = ['json', 'jsonl', 'md', 'csv', 'sarif', 'junit', 'github', 'html'];
let root: string;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 's4s-determinism-'));
  makeBadInputs(join(root, 'inputs'));
  for (const good of GOOD_DOCUMENTS) copyFileSync(good, join(root, 'inputs', `good-${basename(good)}`));
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Every format of one run, by name; the text summary is what goes to standard output. */
async function reportsOf(run: string, jobs: string[]): Promise<Record<string, string>> {
  const reports = FORMATS.map((format) => ['--report', `${format}=${run}/report.${format}`]).flat();
  const result = await runS4s(['check', 'inputs', '--format', 'text', ...reports, ...jobs, '--no-config'], { cwd: root, env: { CI: '1' } });
  expect(result.code).toBe(2);
  return Object.fromEntries([...FORMATS.map((format) => [format, readFileSync(join(root, run, `report.${format}`), 'utf8')]), ['stdout', result.stdout], ['stderr', result.stderr]]);
}

describe('reports of a mixed batch', () => {
  it('are byte-identical run after run, in-process and with one, two or three workers', async () => {
    const first = await reportsOf('in-process', ['--jobs', '1', '--timeout', '0']);
    expect(JSON.parse(first.json!).documents.length).toBeGreaterThan(50);
    for (const [run, jobs] of [
      ['in-process-again', ['--jobs', '1', '--timeout', '0']],
      ['one-worker', ['--jobs', '1']],
      ['two-workers', ['--jobs', '2']],
      ['three-workers', ['--jobs', '3']],
    ] as const) {
      const again = await reportsOf(run, [...jobs]);
      for (const name of Object.keys(first)) expect(again[name], `${name} of ${run}`).toBe(first[name]);
    }
  }, 300_000);
});
