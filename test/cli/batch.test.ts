import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { availableParallelism } from 'node:os';
import { effectiveJobs } from '../../src/batch/analyze-inputs.js';
import { shardOf } from '../../src/batch/shard.js';
import { runCli } from '../../src/cli/main.js';
import { ROOT, runS4s, testFixture } from '../helpers.js';
import { reportSchemaErrors } from '../report-schema.js';

const MINI = testFixture('criteria', 'mini.json');
const LANGUAGES = testFixture('criteria', 'languages.json');
const CORPUS = ['fixtures/strategies', 'test/cli/fixtures/corpus'];
const CORPUS_PATHS = [
  'fixtures/strategies/cs-horni-lhota.md',
  'fixtures/strategies/en-riverton.md',
  'test/cli/fixtures/corpus/brno-doprava.md',
  'test/cli/fixtures/corpus/harbour-town.txt',
  'test/cli/fixtures/corpus/region/krakow-klimat.md',
  'test/cli/fixtures/corpus/region/szeged.md',
  'test/cli/fixtures/corpus/region/zilina.txt',
];
const temporaryDirectory = () => mkdtempSync(join(tmpdir(), 's4s-batch-'));
const jsonlLines = (text: string) => text.trimEnd().split('\n').map((line) => JSON.parse(line));

describe('s4s check --format jsonl', () => {
  it('writes a header line, then one document result per line in path order', async () => {
    const run = await runS4s(['check', ...CORPUS, 'missing.md', '--criteria', MINI, '--format', 'jsonl', '--jobs', '2']);
    expect(run.code).toBe(2);
    const [header, ...documents] = jsonlLines(run.stdout);
    expect(header).toMatchObject({ type: 's4s-report-header', version: '1.0.0', tool: { name: 's4s' }, criteriaSets: [{ id: 'mini', version: '1.2.0' }] });
    expect(documents.map((document) => document.path)).toEqual([...CORPUS_PATHS.slice(0, 2), 'missing.md', ...CORPUS_PATHS.slice(2)]);
    const json = JSON.parse((await runS4s(['check', ...CORPUS, 'missing.md', '--criteria', MINI, '--format', 'json', '--jobs', '1'])).stdout);
    expect(documents).toEqual(json.documents);
    expect(run.stderr).toBe('s4s: missing.md: no such file, directory or matching glob [ENOENT]\n');
  });

  it('writes the file only when the run is complete and says so in one line', async () => {
    const output = join(temporaryDirectory(), 'results.jsonl');
    const run = await runS4s(['check', ...CORPUS, '--criteria', MINI, '--format', 'jsonl', '-o', output]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`7 documents, 0 could not be analysed; JSON Lines written to ${output}\n`);
    expect(jsonlLines(readFileSync(output, 'utf8'))).toHaveLength(8);
    expect(readdirSync(join(output, '..'))).toEqual(['results.jsonl']);
  });
});

describe('s4s check --jobs and --timeout', () => {
  it('gives byte-identical reports with any number of jobs, in-process or on workers', async () => {
    const inProcess = await runS4s(['check', ...CORPUS, '--criteria', MINI, '--format', 'json', '--jobs', '1', '--timeout', '0']);
    const oneWorker = await runS4s(['check', ...CORPUS, '--criteria', MINI, '--format', 'json', '--jobs', '1']);
    const twoWorkers = await runS4s(['check', ...CORPUS, '--criteria', MINI, '--format', 'json', '--jobs', '2']);
    expect(inProcess.code).toBe(0);
    expect(oneWorker.stdout).toBe(inProcess.stdout);
    expect(twoWorkers.stdout).toBe(inProcess.stdout);
  });

  it('reports a document that overruns --timeout as TIMEOUT and keeps the others', async () => {
    const directory = temporaryDirectory();
    // About 40 MB of text on one line: far more than a second's work, so the limit always strikes.
    const huge = join(directory, 'huge.txt');
    writeFileSync(huge, 'Město podporuje cyklistickou dopravu, veřejnou dopravu a ochranu klimatu. '.repeat(500_000));
    const run = await runS4s(['check', huge, 'fixtures/strategies/en-riverton.md', '--criteria', MINI, '--format', 'json', '--timeout', '1', '--jobs', '2', '--max-file-size', '100MB']);
    expect(run.code).toBe(2);
    const report = JSON.parse(run.stdout);
    expect(report.documents.map((document: { path: string; error: { code: string } | null }) => [document.path, document.error?.code ?? null])).toEqual([
      [huge, 'TIMEOUT'],
      ['fixtures/strategies/en-riverton.md', null],
    ]);
    expect(run.stderr).toBe(`s4s: ${huge}: stopped after 1 s (--timeout) [TIMEOUT]\n`);
  });

  it('turns bad values into one line and exit 2', async () => {
    for (const [option, value, message] of [
      ['--jobs', '0', 's4s: invalid --jobs "0" (use a whole number of at least 1, or auto)\n'],
      ['--timeout', 'soon', 's4s: invalid --timeout "soon" (use seconds, e.g. 120, or 0 for no limit)\n'],
      ['--shard', '5/4', 's4s: invalid shard "5/4" (use k/n with 1 <= k <= n, e.g. 2/4)\n'],
    ] as const) {
      const run = await runS4s(['check', ...CORPUS, '--criteria', MINI, option, value]);
      expect(run.code).toBe(2);
      expect(run.stderr).toBe(message);
    }
  });
});

describe('s4s check --shard and s4s merge', () => {
  it('splits the inputs into disjoint stable shards that merge back into the very same report', async () => {
    const directory = temporaryDirectory();
    const shardPaths: string[][] = [];
    for (const shard of ['1/3', '2/3', '3/3']) {
      const format = shard === '2/3' ? 'json' : 'jsonl';
      const output = join(directory, `shard-${shard[0]}.${format}`);
      const run = await runS4s(['check', ...CORPUS, '--criteria', MINI, '--shard', shard, '--format', format, '-o', output, '--quiet']);
      expect(run.code).toBe(0);
      const documents = format === 'json' ? JSON.parse(readFileSync(output, 'utf8')).documents : jsonlLines(readFileSync(output, 'utf8')).slice(1);
      shardPaths.push(documents.map((document: { path: string }) => document.path));
    }
    expect(shardPaths.flat().sort()).toEqual(CORPUS_PATHS);
    expect(shardPaths.every((paths) => paths.length > 0)).toBe(true);
    const again = await runS4s(['check', ...CORPUS, '--criteria', MINI, '--shard', '1/3', '--format', 'jsonl']);
    expect(jsonlLines(again.stdout).slice(1).map((document) => document.path)).toEqual(shardPaths[0]);

    const shards = ['shard-3.jsonl', 'shard-1.jsonl', 'shard-2.json'].map((name) => join(directory, name));
    const whole = await runS4s(['check', ...CORPUS, '--criteria', MINI, '--format', 'json']);
    const merged = await runS4s(['merge', ...shards, '--format', 'json']);
    expect(merged.code).toBe(0);
    expect(merged.stdout).toBe(whole.stdout);
    expect(reportSchemaErrors(JSON.parse(merged.stdout))).toEqual([]);
    const wholeCsv = await runS4s(['check', ...CORPUS, '--criteria', MINI, '--format', 'csv']);
    expect((await runS4s(['merge', ...shards, '--format', 'csv'])).stdout).toBe(wholeCsv.stdout);
    const mergedJsonl = await runS4s(['merge', ...shards, '--format', 'jsonl']);
    expect(mergedJsonl.stdout).toBe((await runS4s(['check', ...CORPUS, '--criteria', MINI, '--format', 'jsonl'])).stdout);
  });

  it('applies the thresholds the shards were checked with, or those given to merge, with the exit codes of check', async () => {
    const directory = temporaryDirectory();
    const shardFiles = (rule: string) =>
      ['1/2', '2/2'].map((shard, index) => {
        const format = index === 0 ? 'jsonl' : 'json';
        return { shard, output: join(directory, `${rule.replace(/\W/g, '')}-${index + 1}.${format}`), format };
      });
    // A rule that some documents fail: the whole run exits 1, and so must the merge of its shards.
    const rule = '--fail-under=30';
    const whole = await runS4s(['check', ...CORPUS, '--criteria', MINI, '--format', 'json', rule]);
    expect(whole.code).toBe(1);
    const files = shardFiles(rule);
    for (const { shard, output, format } of files) await runS4s(['check', ...CORPUS, '--criteria', MINI, '--shard', shard, '--format', format, '-o', output, '--quiet', rule]);
    expect(jsonlLines(readFileSync(files[0]!.output, 'utf8'))[0].thresholdRules).toEqual([{ type: 'fail-under', minimum: 30 }]);
    const merged = await runS4s(['merge', ...files.map((file) => file.output), '--format', 'json']);
    expect(merged.code).toBe(1);
    expect(merged.stdout).toBe(whole.stdout);
    expect(merged.stderr).toBe(whole.stderr);
    expect(merged.stderr).toMatch(/^s4s: threshold failed: .+ \(fail-under 30\)$/m);

    // Rules given to merge replace the shards'; shards checked with different rules need them.
    expect((await runS4s(['merge', ...files.map((file) => file.output), '--fail-under', '0'])).code).toBe(0);
    const other = join(directory, 'other.jsonl');
    await runS4s(['check', ...CORPUS, '--criteria', MINI, '--shard', '2/2', '--format', 'jsonl', '-o', other, '--quiet']);
    const differ = await runS4s(['merge', files[0]!.output, other]);
    expect(differ.code).toBe(2);
    expect(differ.stderr).toBe(`s4s: the shards were checked with different thresholds (${files[0]!.output}: fail-under 30; ${other}: none); give merge the rules to apply with --fail-under and --require\n`);
    expect((await runS4s(['merge', files[0]!.output, other, '--fail-under', '30'])).stdout).toBe((await runS4s(['merge', ...files.map((file) => file.output)])).stdout);
    const unknown = await runS4s(['merge', files[0]!.output, other, '--fail-under', 'egd=50']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe('s4s: --fail-under egd=50: the shards were checked without a criteria set "egd" (they used: mini)\n');
  });

  it('writes an empty but valid report for a shard that holds no input', async () => {
    const empty = (shardOf('fixtures/strategies/en-riverton.md', 2) % 2) + 1;
    const run = await runS4s(['check', 'fixtures/strategies/en-riverton.md', '--criteria', MINI, '--shard', `${empty}/2`, '--format', 'json']);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe(`s4s: shard ${empty}/2 holds none of the 1 documents; the report is empty\n`);
    const report = JSON.parse(run.stdout);
    expect(report.summary).toEqual({ documents: 0, analysed: 0, failed: 0 });
    expect(reportSchemaErrors(report)).toEqual([]);
  });

  it('refuses results made with different criteria, the same document twice, and broken files', async () => {
    const directory = temporaryDirectory();
    const mini = join(directory, 'mini.jsonl');
    const other = join(directory, 'other.jsonl');
    await runS4s(['check', 'fixtures/strategies', '--criteria', MINI, '--format', 'jsonl', '-o', mini]);
    await runS4s(['check', 'fixtures/text', '--criteria', LANGUAGES, '--format', 'jsonl', '-o', other]);
    const mixed = await runS4s(['merge', mini, other]);
    expect(mixed.code).toBe(2);
    expect(mixed.stderr).toMatch(/^s4s: cannot merge results made with different criteria: .*mini\.jsonl used mini@1\.2\.0, .*other\.jsonl used \S+@\S+ \(run every shard with the same --criteria\)\n$/);

    const twice = await runS4s(['merge', mini, mini]);
    expect(twice.code).toBe(2);
    expect(twice.stderr).toBe(`s4s: fixtures/strategies/cs-horni-lhota.md is in both ${mini} and ${mini} (were the same shard's results given twice?)\n`);

    const truncated = join(directory, 'truncated.jsonl');
    const text = readFileSync(mini, 'utf8');
    writeFileSync(truncated, text.slice(0, text.length - 40));
    const broken = await runS4s(['merge', truncated]);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toBe(`s4s: ${truncated}: line 3 is not a document result (was the run interrupted?)\n`);

    const notResults = await runS4s(['merge', MINI]);
    expect(notResults.code).toBe(2);
    expect(notResults.stderr).toBe(`s4s: ${MINI} is not an s4s result (write it with s4s check --format json or --format jsonl)\n`);
    const missing = await runS4s(['merge', join(directory, 'nope.jsonl')]);
    expect(missing.stderr).toBe(`s4s: cannot read ${join(directory, 'nope.jsonl')}: no such file\n`);
  });
});

describe('batch options that cannot work', () => {
  it('refuses an empty or impossible cache directory in one line, and never hangs on /proc', async () => {
    const empty = await runS4s(['check', 'fixtures/strategies/en-riverton.md', '--criteria', MINI, '--cache-dir', '']);
    expect(empty).toMatchObject({ code: 2, stderr: 's4s: invalid --cache-dir "" (name a directory)\n' });
    // Node's recursive mkdir never returns under /proc; the cache directory is made one level at a time.
    const proc = await runS4s(['check', 'fixtures/strategies/en-riverton.md', '--criteria', MINI, '--cache-dir', '/proc/s4s-cache']);
    expect(proc).toMatchObject({ code: 2, stderr: "s4s: cannot use the cache directory /proc/s4s-cache: ENOENT: no such file or directory, mkdir '/proc/s4s-cache'\n" });
  });

  it('holds --jobs to the machine\'s cores (at least 2): more threads only cost memory', () => {
    const cores = Math.max(2, availableParallelism());
    expect(effectiveJobs(1)).toBe(1);
    expect(effectiveJobs(2)).toBe(2);
    expect(effectiveJobs(1000)).toBe(cores);
    expect(effectiveJobs(undefined)).toBe(1);
  });

  it('starts its error lines with s4s:, commander\'s own too', async () => {
    expect(await runS4s(['check', '--bogus'])).toMatchObject({ code: 2, stderr: "s4s: unknown option '--bogus'\n" });
    expect(await runS4s(['merge'])).toMatchObject({ code: 2, stderr: "s4s: missing required argument 'results'\n" });
  });
});

describe('s4s check --cache', () => {
  it('reuses extracted documents whatever the criteria, and rewrites damaged entries', async () => {
    const cache = temporaryDirectory();
    const first = await runS4s(['check', 'fixtures/strategies/en-riverton.md', '--criteria', MINI, '--format', 'json', '--cache-dir', cache]);
    expect(first.code).toBe(0);
    const entries = readdirSync(join(cache, 'documents'), { recursive: true }).filter((name) => String(name).endsWith('.json'));
    expect(entries).toHaveLength(1);
    const entryPath = join(cache, 'documents', String(entries[0]));

    // Mark the cached document: a rerun with other criteria must show the mark, so it did not re-read the file.
    const entry = JSON.parse(readFileSync(entryPath, 'utf8'));
    entry.document.sections[0].blocks[0].text = 'Ocean protection and marine conservation are funded yearly.';
    writeFileSync(entryPath, JSON.stringify(entry));
    const reuse = await runS4s(['check', 'fixtures/strategies/en-riverton.md', '--criteria', LANGUAGES, '--criteria', MINI, '--format', 'json', '--cache-dir', cache]);
    const ocean = JSON.parse(reuse.stdout).documents[0].criteria.find((criterion: { id: string }) => criterion.id === 'mini/ocean');
    expect(ocean.evidence[0].quote).toContain('Ocean protection and marine conservation');
    const uncached = await runS4s(['check', 'fixtures/strategies/en-riverton.md', '--criteria', LANGUAGES, '--criteria', MINI, '--format', 'json']);
    expect(uncached.stdout).not.toContain('Ocean protection and marine conservation');

    writeFileSync(entryPath, '{"key": "damaged');
    const repaired = await runS4s(['check', 'fixtures/strategies/en-riverton.md', '--criteria', MINI, '--format', 'json', '--cache-dir', cache]);
    expect(repaired.stdout).toBe(first.stdout);
    expect(JSON.parse(readFileSync(entryPath, 'utf8')).document.sha256).toBe(JSON.parse(first.stdout).documents[0].sha256);
  });

  it('keeps the same bytes apart when they are read as different formats, and never caches a PDF opened with a password', async () => {
    const directory = temporaryDirectory();
    const cache = join(directory, 'cache');
    const markdown = readFileSync(join(ROOT, 'fixtures/strategies/en-riverton.md'));
    writeFileSync(join(directory, 'plan.md'), markdown);
    writeFileSync(join(directory, 'plan.txt'), markdown);
    const formats = (stdout: string) => JSON.parse(stdout).documents.map((document: { path: string; format: string; score: number }) => `${document.path} ${document.format} ${document.score}`);
    const uncached = formats((await runS4s(['check', 'plan.md', 'plan.txt', '--criteria', MINI, '--format', 'json', '--jobs', '1', '--timeout', '0'], { cwd: directory })).stdout);
    expect(uncached.map((line: string) => line.split(' ').slice(0, 2).join(' '))).toEqual(['plan.md md', 'plan.txt txt']);
    // Whichever is read first, and however often: each keeps its own format (and score) with a cache.
    for (const order of [['plan.txt', 'plan.md'], ['plan.md', 'plan.txt'], ['plan.txt', 'plan.md']]) {
      const run = await runS4s(['check', ...order, '--criteria', MINI, '--format', 'json', '--jobs', '1', '--timeout', '0', '--cache-dir', cache], { cwd: directory });
      expect(formats(run.stdout)).toEqual(uncached);
    }
    const piped = await runS4s(['check', '-', '--criteria', MINI, '--format', 'json', '--cache-dir', cache, '--stdin-format', 'txt'], { cwd: directory, stdin: markdown });
    expect(formats(piped.stdout)).toEqual([uncached[1]!.replace('plan.txt', '-')]);

    const encrypted = join(ROOT, 'fixtures/pdf/encrypted.pdf');
    const opened = await runS4s(['check', encrypted, '--password', 'heslo-s4s', '--criteria', MINI, '--format', 'json', '--cache-dir', cache]);
    expect(opened.code).toBe(0);
    const wrong = await runS4s(['check', encrypted, '--password', 'wrong', '--criteria', MINI, '--format', 'json', '--cache-dir', cache]);
    expect(wrong.code).toBe(2);
    expect(JSON.parse(wrong.stdout).documents[0].error).toMatchObject({ code: 'ENCRYPTED' });
    const cachedFormats = readdirSync(join(cache, 'documents'), { recursive: true })
      .filter((name) => String(name).endsWith('.json'))
      .map((name) => JSON.parse(readFileSync(join(cache, 'documents', String(name)), 'utf8')).document.format as string);
    // plan.md, plan.txt, and standard input (--stdin-format is a reading option of its own); no PDF.
    expect(cachedFormats.sort()).toEqual(['md', 'txt', 'txt']);
  });

  it('defaults to the user cache directory', async () => {
    const home = temporaryDirectory();
    const run = await runS4s(['check', 'fixtures/strategies/en-riverton.md', '--criteria', MINI, '--format', 'json', '--cache'], { env: { XDG_CACHE_HOME: home } });
    expect(run.code).toBe(0);
    expect(existsSync(join(home, 's4s', 'documents'))).toBe(true);
    expect(readdirSync(join(home, 's4s', 'documents'), { recursive: true }).some((name) => String(name).endsWith('.json'))).toBe(true);
  });
});

describe('progress bar', () => {
  const runWithTerminal = async (argv: string[], env: Record<string, string> = {}) => {
    let stdout = '';
    let stderr = '';
    const code = await runCli(argv, {
      stdout: { write: (chunk: string) => (stdout += chunk) },
      stderr: { write: (chunk: string) => (stderr += chunk), isTTY: true },
      stdin: Readable.from([]),
      cwd: ROOT,
      env: { NO_COLOR: '1', ...env },
    });
    return { code, stdout, stderr };
  };

  it('shows done/total, the file, elapsed and remaining time on a terminal, and never touches the report', async () => {
    const argv = ['check', ...CORPUS, '--criteria', MINI, '--format', 'json'];
    const shown = await runWithTerminal(argv);
    expect(shown.code).toBe(0);
    expect(shown.stderr).toContain('7/7');
    expect(shown.stderr).toMatch(/\d+s elapsed, \d+s left \| \S+\.(md|txt)/);
    expect(shown.stdout).toBe((await runS4s(argv)).stdout);
  });

  it('stays silent with --quiet, in CI and when stderr is not a terminal', async () => {
    const argv = ['check', ...CORPUS, '--criteria', MINI, '--format', 'json'];
    expect((await runWithTerminal([...argv, '--quiet'])).stderr).toBe('');
    expect((await runWithTerminal(argv, { CI: 'true' })).stderr).toBe('');
    expect((await runS4s(argv)).stderr).toBe('');
  });
});
