import { describe, expect, it } from 'vitest';
import { runS4s, testFixture } from '../helpers.js';

const MINI = testFixture('criteria', 'mini.json');
const CZECH = 'fixtures/strategies/cs-horni-lhota.md';
const ENGLISH = 'fixtures/strategies/en-riverton.md';

// With the mini set, the Czech strategy scores 60 (vision met, emissions missing) and the English one 70 (emissions partial).
describe('s4s check thresholds', () => {
  it('--fail-under on the overall score: exit 1 below it, 0 at or above it', async () => {
    const failed = await runS4s(['check', CZECH, ENGLISH, '--criteria', MINI, '--fail-under', '65']);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toBe('s4s: threshold failed: fixtures/strategies/cs-horni-lhota.md: overall score 60 is under 65 (fail-under 65)\n');
    expect(failed.stdout).toContain('\nthresholds failed: 1 violation of fail-under 65\n');
    const passed = await runS4s(['check', CZECH, ENGLISH, '--criteria', MINI, '--fail-under', '60']);
    expect(passed.code).toBe(0);
    expect(passed.stdout).toContain('\nthresholds passed: fail-under 60\n');
  });

  it('--fail-under per framework, repeatable, the later value for a framework winning', async () => {
    const failed = await runS4s(['check', ENGLISH, '--criteria', MINI, '--fail-under', 'mini=80', '--fail-under', 'overall=10']);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain('mini score 70 is under 80 (fail-under mini=80)');
    const relaxed = await runS4s(['check', ENGLISH, '--criteria', MINI, '--fail-under', 'mini=80', '--fail-under', 'mini=70']);
    expect(relaxed).toMatchObject({ code: 0, stderr: '' });
  });

  it('--require fails when the criterion is partial or missing, passes when it is met', async () => {
    const partial = await runS4s(['check', ENGLISH, '--criteria', MINI, '--require', 'mini/emissions', '--format', 'json']);
    expect(partial.code).toBe(1);
    expect(partial.stderr).toBe('s4s: threshold failed: fixtures/strategies/en-riverton.md: mini/emissions is partial, required to be met (require mini/emissions)\n');
    expect(JSON.parse(partial.stdout).thresholds).toMatchObject({ passed: false, rules: [{ type: 'require', criterion: 'mini/emissions' }] });
    expect((await runS4s(['check', ENGLISH, CZECH, '--criteria', MINI, '--require', 'mini/vision'])).code).toBe(0);
  });

  it('--quiet never changes the exit code, and still says why the run failed', async () => {
    const quiet = await runS4s(['check', CZECH, '--criteria', MINI, '--fail-under', '65', '--quiet']);
    expect(quiet.code).toBe(1);
    expect(quiet.stdout).toBe('');
    expect(quiet.stderr).toContain('overall score 60 is under 65');
    const quietOk = await runS4s(['check', CZECH, '--criteria', MINI, '--fail-under', '50', '--quiet']);
    expect(quietOk).toMatchObject({ code: 0, stdout: '', stderr: '' });
  });

  it('exit 2 (an unreadable input) wins over a failed threshold', async () => {
    const run = await runS4s(['check', 'missing.md', CZECH, '--criteria', MINI, '--fail-under', '99']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('s4s: missing.md: no such file');
    expect(run.stderr).toContain('overall score 60 is under 99');
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
