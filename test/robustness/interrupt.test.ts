// Ctrl-C on the real executable: the run stops, every input still has its entry (the ones not
// done as INTERRUPTED), the reports are written, one line says how much is missing, and the
// exit code is 130; one while the main thread is busy ends the process at once. Also what else the
// process as a whole does: a check that stops on its own mistake ends the worker threads it had
// started, so that the process exits; and one whose output is closed early (| head) finishes quietly.
import { type ChildProcess, spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeInputsInOrder } from '../../src/batch/analyze-inputs.js';
import { loadSelectedSets } from '../../src/cli/criteria-select.js';
import { fixture } from '../helpers.js';
import { builtCli, removeBuiltCli } from './built-cli.js';

const FAST = ['a-horni-lhota.md', 'b-horni-lhota.md', 'c-horni-lhota.md'];
const SLOW = ['x-slow.md', 'y-slow.md', 'z-slow.md', 'zz-slow.md'];

let cli: string;
let corpus: string;

beforeAll(async () => {
  cli = await builtCli();
  corpus = mkdtempSync(join(tmpdir(), 's4s-interrupt-'));
  mkdirSync(join(corpus, 'docs'));
  for (const name of FAST) copyFileSync(fixture('strategies', 'cs-horni-lhota.md'), join(corpus, 'docs', name));
  // 300,000 lines (15 MB) of links and emphasis: seconds of reading and matching (~5 s here), so these are never done first.
  for (const name of SLOW) writeFileSync(join(corpus, 'docs', name), `# Plán\n\n${'Slovo *důraz* a [odkaz](http://example.org) text.\n'.repeat(300_000)}`);
}, 120_000);

afterAll(() => {
  removeBuiltCli();
  rmSync(corpus, { recursive: true, force: true });
});

interface Finished {
  code: number | null;
  stdout: string;
  stderr: string;
}

function start(args: string[]): { child: ChildProcess; output: { stdout: string; stderr: string }; finished: Promise<Finished> } {
  const child = spawn(process.execPath, [cli, ...args], { cwd: corpus, env: { ...process.env, NO_COLOR: '1', CI: '1' } });
  const output = { stdout: '', stderr: '' };
  child.stdout?.on('data', (chunk: Buffer) => (output.stdout += chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => (output.stderr += chunk.toString('utf8')));
  const finished = new Promise<Finished>((resolve) => child.on('close', (code) => resolve({ code, ...output })));
  return { child, output, finished };
}

async function waitFor(condition: () => boolean, what: string, timeoutMs = 60_000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error(`waited ${timeoutMs} ms for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('Ctrl-C during s4s check', () => {
  it('writes every report with an entry for each input, says how much is missing, and exits 130', async () => {
    const run = start(['check', 'docs', '--format', 'jsonl', '--report', 'json=report.json', '--jobs', '2', '--no-config', '--criteria', 'smart']);
    // JSON Lines stream in input order: the header and the three quick documents, then the slow ones.
    await waitFor(() => run.output.stdout.split('\n').length > 1 + FAST.length, 'the quick documents');
    const signalled = Date.now();
    run.child.kill('SIGINT');
    const result = await run.finished;
    expect(Date.now() - signalled).toBeLessThan(15_000);
    expect(result.code).toBe(130);
    const lines = result.stdout.trimEnd().split('\n').map((line) => JSON.parse(line));
    const documents = lines.slice(1).map((document: { path: string; error: { code: string } | null }) => [document.path, document.error?.code ?? null]);
    expect(documents).toEqual([...FAST.map((name) => [`docs/${name}`, null]), ...SLOW.map((name) => [`docs/${name}`, 'INTERRUPTED'])]);
    const report = JSON.parse(readFileSync(join(corpus, 'report.json'), 'utf8'));
    expect(report.documents.map((document: { path: string; error: { code: string } | null }) => [document.path, document.error?.code ?? null])).toEqual(documents);
    expect(result.stderr).toBe('s4s: interrupted (SIGINT): 3 of 7 documents done; the 4 not analysed are in the report as INTERRUPTED\n');
  }, 120_000);

  it('treats SIGTERM the same way, with exit code 143', async () => {
    const run = start(['check', 'docs', '--format', 'jsonl', '-o', 'results.jsonl', '--jobs', '2', '--no-config', '--criteria', 'smart']);
    const partial = join(corpus, `results.jsonl.${run.child.pid}.tmp`);
    await waitFor(() => existsSync(partial) && readFileSync(partial, 'utf8').split('\n').length > 1 + FAST.length, 'the quick documents');
    run.child.kill('SIGTERM');
    const result = await run.finished;
    expect(result.code).toBe(143);
    expect(readFileSync(join(corpus, 'results.jsonl'), 'utf8').trimEnd().split('\n')).toHaveLength(1 + FAST.length + SLOW.length);
    expect(existsSync(partial)).toBe(false);
    expect(result.stderr).toBe('s4s: interrupted (SIGTERM): 3 of 7 documents done; the 4 not analysed are in the report as INTERRUPTED\n');
  }, 120_000);

  it('ends at once when documents run in the main thread, which could not even hear a request to stop', async () => {
    // One job and no time limit: documents run in the main thread, busy in the Markdown parser.
    const run = start(['check', 'docs/x-slow.md', '--format', 'json', '-o', 'never.json', '--jobs', '1', '--timeout', '0', '--no-config']);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const signalled = Date.now();
    run.child.kill('SIGINT');
    await run.finished;
    expect(Date.now() - signalled).toBeLessThan(5_000);
    expect(run.child.signalCode).toBe('SIGINT');
    expect(existsSync(join(corpus, 'never.json'))).toBe(false);
  }, 60_000);
});

describe('analyzeInputsInOrder with a signal', () => {
  it('emits one entry per input, in input order, however late the signal comes', async () => {
    const entries = [...FAST, ...SLOW].map((name) => ({ path: name, source: join(corpus, 'docs', name) }));
    const controller = new AbortController();
    const emitted: [string, string | null][] = [];
    await analyzeInputsInOrder(entries, loadSelectedSets(['smart'], corpus), { read: {}, jobs: 2, timeoutMs: 60_000, signal: controller.signal }, (result) => {
      emitted.push([result.path, result.error?.code ?? null]);
      controller.abort('SIGINT');
    });
    expect(emitted.map(([path]) => path)).toEqual(entries.map((entry) => entry.path));
    expect(emitted[0]).toEqual([FAST[0], null]);
    expect(emitted.slice(1).every(([, code]) => code === null || code === 'INTERRUPTED')).toBe(true);
    expect(emitted.slice(-SLOW.length).every(([, code]) => code === 'INTERRUPTED')).toBe(true);
  }, 60_000);
});

describe('worker threads started before the criteria are loaded', () => {
  it('are ended when the check stops on its criteria, so that the process exits with its error', async () => {
    const { finished } = start(['check', 'docs', '--criteria', 'no-such-set', '--jobs', '2']);
    const result = await finished;
    expect(result.stderr).toMatch(/no bundled criteria set "no-such-set"/);
    expect(result.code).toBe(2);
  }, 30_000);
});

describe('standard output closed by its reader (s4s check … | head)', () => {
  it('drops the rest of that output and finishes as it would have: no stack trace, the same exit code, the report file written', async () => {
    const { child, finished } = start(['check', ...FAST.map((name) => `docs/${name}`), '--format', 'json', '--report', 'csv=closed-output.csv']);
    // The JSON report is one large write: reading its first bytes and closing the pipe makes the rest fail with EPIPE.
    child.stdout?.once('data', () => child.stdout?.destroy());
    const result = await finished;
    expect(result.stderr).not.toMatch(/EPIPE|Unhandled|at .*\(node:/);
    expect(result.code).toBe(0);
    expect(readFileSync(join(corpus, 'closed-output.csv'), 'utf8')).toContain(FAST[2]);
  }, 60_000);
});
