import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIFF_FORMATTERS } from '../../src/report/diff/index.js';
import { FORMAT_NAMES } from '../../src/report/index.js';
import { ROOT, runS4s, testFixture } from '../helpers.js';

const MINI = testFixture('criteria', 'mini.json');
const CZECH = join(ROOT, 'fixtures/strategies/cs-horni-lhota.md');

/** A project folder with a configuration file and a nested working directory. */
function project(file: string, content: unknown): { root: string; nested: string } {
  const root = mkdtempSync(join(tmpdir(), 's4s-config-'));
  const nested = join(root, 'drafts', 'deep');
  mkdirSync(nested, { recursive: true });
  writeFileSync(join(root, file), typeof content === 'string' ? content : JSON.stringify(content));
  return { root, nested };
}

async function printedConfig(cwd: string, extra: string[] = []) {
  const run = await runS4s(['check', '--print-config', ...extra], { cwd });
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout) as { configFile: string | null; options: Record<string, unknown> };
}

describe('configuration files', () => {
  it('finds s4s.config.json upwards from the working directory and resolves its paths from its folder', async () => {
    const { root, nested } = project('s4s.config.json', { criteria: [MINI, 'sdg'], format: 'md', failUnder: { overall: 50, mini: 40 }, require: 'mini/vision', reports: { sarif: 'out/s4s.sarif' } });
    const printed = await printedConfig(nested);
    expect(printed.configFile).toBe(join(root, 's4s.config.json'));
    expect(printed.options).toMatchObject({ criteria: [MINI, 'sdg'], format: 'md', failUnder: ['50', 'mini=40'], require: ['mini/vision'], report: [`sarif=${join(root, 'out/s4s.sarif')}`] });
  });

  it('reads .s4src.json and the "s4s" key of package.json', async () => {
    const rc = project('.s4src.json', { lang: 'cs' });
    expect((await printedConfig(rc.nested)).options.lang).toBe('cs');
    const pkg = project('package.json', { name: 'city-plans', s4s: { csvLayout: 'wide' } });
    const printed = await printedConfig(pkg.nested);
    expect(printed.configFile).toBe(join(pkg.root, 'package.json'));
    expect(printed.options.csvLayout).toBe('wide');
    const without = project('package.json', { name: 'no-s4s-key' });
    expect((await printedConfig(without.nested)).configFile).toBeNull();
  });

  it('lets the command line beat the file and the file beat the defaults', async () => {
    const { nested } = project('s4s.config.json', { criteria: MINI, format: 'md', lang: 'cs', failUnder: { overall: 50, mini: 40 }, quiet: true });
    const printed = await printedConfig(nested, ['--format', 'json', '--fail-under', 'mini=70']);
    expect(printed.options).toMatchObject({ format: 'json', lang: 'cs', quiet: true, failUnder: ['50', 'mini=40', 'mini=70'], csvLayout: 'long' });
    const ignored = await printedConfig(nested, ['--no-config']);
    expect(ignored.configFile).toBeNull();
    expect(ignored.options).toMatchObject({ format: 'text', lang: 'auto' });
  });

  it('takes the batch options jobs, timeout, cache and cacheDir (check only), the command line still winning', async () => {
    const { root, nested } = project('s4s.config.json', { jobs: 1, timeout: 60, cacheDir: 'cache' });
    expect((await printedConfig(nested)).options).toMatchObject({ jobs: '1', timeout: '60', cacheDir: join(root, 'cache') });
    expect((await printedConfig(nested, ['--jobs', '2', '--timeout', '0'])).options).toMatchObject({ jobs: '2', timeout: '0' });
    const auto = project('s4s.config.json', { jobs: 'auto', cache: true });
    expect((await printedConfig(auto.nested)).options).toMatchObject({ jobs: 'auto', cache: true });
    const wrong = project('s4s.config.json', { jobs: 0 });
    const run = await runS4s(['check', '--print-config'], { cwd: wrong.nested });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/s4s\.config\.json: \/jobs: /);
  });

  it('drives a real run: thresholds and outputs from the file, exit 1 when they fail', async () => {
    const { root, nested } = project('s4s.config.json', { criteria: MINI, failUnder: 100, reports: { md: 'report.md' }, quiet: true });
    const run = await runS4s(['check', CZECH], { cwd: nested });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/overall score [\d.]+ is under 100 \(fail-under 100\)/);
    expect(readFileSync(join(root, 'report.md'), 'utf8')).toContain('## Thresholds');
    expect((await runS4s(['check', CZECH, '--fail-under', '0'], { cwd: nested })).code).toBe(0);
  });

  it('uses --config FILE instead of searching', async () => {
    const { root } = project('custom.json', { format: 'csv' });
    const elsewhere = mkdtempSync(join(tmpdir(), 's4s-config-'));
    const printed = await printedConfig(elsewhere, ['--config', join(root, 'custom.json')]);
    expect(printed).toMatchObject({ configFile: join(root, 'custom.json'), options: { format: 'csv' } });
    const missing = await runS4s(['check', '--print-config', '--config', 'nowhere.json'], { cwd: elsewhere });
    expect(missing).toMatchObject({ code: 2, stderr: 's4s: nowhere.json: configuration file not found\n' });
  });

  it('refuses --config with --no-config (either order), on check and diff', async () => {
    const { root } = project('custom.json', { format: 'csv' });
    const message = 's4s: --config and --no-config contradict each other: give one of them\n';
    for (const args of [
      ['check', '--print-config', '--config', join(root, 'custom.json'), '--no-config'],
      ['check', '--print-config', '--no-config', `--config=${join(root, 'custom.json')}`],
      ['diff', CZECH, CZECH, '--no-config', '--config', join(root, 'custom.json')],
    ]) {
      expect(await runS4s(args, { cwd: root })).toMatchObject({ code: 2, stderr: message });
    }
    // After `--`, "--config" is an input's name.
    expect((await runS4s(['check', '--print-config', '--no-config', '--', '--config'], { cwd: root })).code).toBe(0);
  });

  it('--print-config refuses what the run would refuse, exit 2', async () => {
    const elsewhere = mkdtempSync(join(tmpdir(), 's4s-config-'));
    const cases: [string[], RegExp][] = [
      [['--jobs', 'many'], /invalid --jobs "many"/],
      [['--timeout', 'soon'], /invalid --timeout "soon"/],
      [["--shard", "3/2"], /invalid shard "3\/2"/],
      [['--max-file-size', '5QB'], /invalid size "5QB"/],
      [['--fail-under', 'high'], /--fail-under/],
      [['--require', 'smart/nothing'], /--require smart\/nothing: no such criterion/],
      [['--report', 'pdf=out.pdf'], /pdf/],
    ];
    for (const [extra, message] of cases) {
      const run = await runS4s(['check', '--print-config', '--no-config', ...extra], { cwd: elsewhere });
      expect(run.code, extra.join(' ')).toBe(2);
      expect(run.stderr).toMatch(message);
    }
  });

  it('rejects an unknown option, a wrong type or broken JSON with one line naming the file, exit 2', async () => {
    const cases: [unknown, string][] = [
      [{ formats: 'md' }, '/: unknown option "formats"'],
      [{ failUnder: 'high' }, '/failUnder: must be number or must be object'],
      [{ failUnder: { egd: 'x' } }, '/failUnder/egd: must be number'],
      [{ csvLayout: 'tall' }, '/csvLayout: must be one of "long", "wide"'],
      [{ format: 'pdf' }, '/format: must be one of "text", "json", "jsonl", "md", "csv", "sarif", "junit", "github", "html"'],
      [{ reports: { pdf: 'report.pdf' } }, '/reports: "pdf" is not one of "text", "json", "jsonl"'],
      [{ diff: { format: 'jsonl' } }, '/diff/format: must be one of "text", "json", "md", "csv"'],
      ['{ "format": ', 'not valid JSON'],
    ];
    for (const [content, message] of cases) {
      const { root, nested } = project('s4s.config.json', content);
      const run = await runS4s(['check', CZECH, '--criteria', MINI], { cwd: nested });
      expect(run.code).toBe(2);
      expect(run.stderr.split('\n')).toHaveLength(2);
      expect(run.stderr).toContain(`s4s: ${join(root, 's4s.config.json')}: `);
      expect(run.stderr).toContain(message);
    }
  });

  it('knows the formats check and diff write, no more and no fewer', () => {
    const schema = JSON.parse(readFileSync(join(ROOT, 'schemas/config.schema.json'), 'utf8'));
    expect(schema.$defs.format.enum).toEqual([...FORMAT_NAMES]);
    expect(schema.$defs.diffFormat.enum).toEqual(Object.keys(DIFF_FORMATTERS));
  });

  it('asks for inputs when there are none and no --print-config', async () => {
    const run = await runS4s(['check', '--no-config']);
    expect(run).toMatchObject({ code: 2, stderr: 's4s: no inputs given (files, directories, globs, or - for standard input)\n' });
  });
});
