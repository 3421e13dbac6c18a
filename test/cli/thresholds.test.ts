import { describe, expect, it } from 'vitest';
import { runS4s, testFixture } from '../helpers.js';

const MINI = testFixture('criteria', 'mini.json');
const CZECH = 'fixtures/strategies/cs-horni-lhota.md';
const ENGLISH = 'fixtures/strategies/en-riverton.md';

interface Analysed {
  path: string;
  score: number;
  frameworks: { id: string; score: number }[];
  criteria: { id: string; status: string }[];
}

/** Scores and statuses as s4s itself reports them, so that thresholds are set just above or at them. */
async function analysed(path: string): Promise<Analysed> {
  return JSON.parse((await runS4s(['check', path, '--criteria', MINI, '--format', 'json'])).stdout).documents[0];
}

describe('s4s check thresholds', async () => {
  const czech = await analysed(CZECH);
  const english = await analysed(ENGLISH);
  const lower = Math.min(czech.score, english.score);
  const lowerPath = czech.score <= english.score ? CZECH : ENGLISH;
  const met = english.criteria.find((criterion) => criterion.status === 'met')!;
  const notMet = english.criteria.find((criterion) => criterion.status !== 'met')!;

  it('the fixtures give the thresholds something to decide', () => {
    expect(met).toBeDefined();
    expect(notMet).toBeDefined();
    expect(lower).toBeLessThan(99);
  });

  it('--fail-under on the overall score: exit 1 below it, 0 at it', async () => {
    const failed = await runS4s(['check', CZECH, ENGLISH, '--criteria', MINI, '--fail-under', String(lower + 1)]);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain(`s4s: threshold failed: ${lowerPath}: overall score ${lower} is under ${lower + 1} (fail-under ${lower + 1})\n`);
    expect(failed.stdout).toMatch(/\nthresholds failed: [12] violations? of fail-under \d+(\.\d)?\n/);
    const passed = await runS4s(['check', CZECH, ENGLISH, '--criteria', MINI, '--fail-under', String(lower)]);
    expect(passed).toMatchObject({ code: 0, stderr: '' });
    expect(passed.stdout).toContain(`\nthresholds passed: fail-under ${lower}\n`);
  });

  it('--fail-under per framework, repeatable, the later value for a framework winning', async () => {
    const score = english.frameworks[0]!.score;
    const failed = await runS4s(['check', ENGLISH, '--criteria', MINI, '--fail-under', `mini=${score + 10}`, '--fail-under', 'overall=0']);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toBe(`s4s: threshold failed: ${ENGLISH}: mini score ${score} is under ${score + 10} (fail-under mini=${score + 10})\n`);
    const relaxed = await runS4s(['check', ENGLISH, '--criteria', MINI, '--fail-under', `mini=${score + 10}`, '--fail-under', `mini=${score}`]);
    expect(relaxed).toMatchObject({ code: 0, stderr: '' });
  });

  it('--require fails when the criterion is not met, passes when it is', async () => {
    const failed = await runS4s(['check', ENGLISH, '--criteria', MINI, '--require', notMet.id, '--format', 'json']);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toBe(`s4s: threshold failed: ${ENGLISH}: ${notMet.id} is ${notMet.status}, required to be met (require ${notMet.id})\n`);
    expect(JSON.parse(failed.stdout).thresholds).toMatchObject({ passed: false, rules: [{ type: 'require', criterion: notMet.id }] });
    expect((await runS4s(['check', ENGLISH, '--criteria', MINI, '--require', met.id])).code).toBe(0);
  });

  it('--quiet never changes the exit code, and still says why the run failed', async () => {
    const quiet = await runS4s(['check', CZECH, '--criteria', MINI, '--fail-under', String(czech.score + 1), '--quiet']);
    expect(quiet.code).toBe(1);
    expect(quiet.stdout).toBe('');
    expect(quiet.stderr).toContain(`overall score ${czech.score} is under ${czech.score + 1}`);
    const quietOk = await runS4s(['check', CZECH, '--criteria', MINI, '--fail-under', String(czech.score), '--quiet']);
    expect(quietOk).toMatchObject({ code: 0, stdout: '', stderr: '' });
  });

  it('exit 2 (an unreadable input) wins over a failed threshold', async () => {
    const run = await runS4s(['check', 'missing.md', CZECH, '--criteria', MINI, '--fail-under', '100']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('s4s: missing.md: no such file');
    expect(run.stderr).toContain(`overall score ${czech.score} is under 100`);
  });

  it('refuses a malformed score, an unknown framework or criterion with one line and exit 2', async () => {
    const cases: [string[], string][] = [
      [['--fail-under', 'high'], 's4s: invalid --fail-under "high" (use a score 0-100, e.g. 60, or FRAMEWORK=SCORE, e.g. egd=60)\n'],
      [['--fail-under', '101'], 's4s: invalid --fail-under "101" (use a score 0-100, e.g. 60, or FRAMEWORK=SCORE, e.g. egd=60)\n'],
      [['--fail-under', 'egd=60'], 's4s: --fail-under egd=60: no criteria set "egd" is loaded (loaded: mini)\n'],
      [['--require', 'mini/typo'], 's4s: --require mini/typo: no such criterion in the loaded sets (mini); see s4s criteria show <set>\n'],
    ];
    for (const [options, stderr] of cases) {
      const run = await runS4s(['check', CZECH, '--criteria', MINI, ...options]);
      expect(run).toMatchObject({ code: 2, stdout: '', stderr });
    }
  });
});
