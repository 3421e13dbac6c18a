import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyzeInputs, analyzeInputsInOrder, schedulingOrder, startWorkersFor } from '../../src/batch/analyze-inputs.js';
import type { WorkerPool } from '../../src/batch/worker-pool.js';
import type { InputEntry } from '../../src/cli/inputs.js';
import { loadCriteriaFile } from '../../src/criteria/load.js';
import type { DocumentResult } from '../../src/score/types.js';
import { fixture, ROOT, testFixture } from '../helpers.js';

const SETS = [loadCriteriaFile(testFixture('criteria', 'mini.json'), ROOT)];
const CZECH = fixture('strategies', 'cs-horni-lhota.md');
const ENGLISH = fixture('strategies', 'en-riverton.md');
const MISBEHAVING = new URL('./fixtures/misbehaving-worker.ts', import.meta.url);

/** An input reported under `name` whose content is a real strategy. */
const entry = (name: string, source = CZECH): InputEntry => ({ path: name, source });
const summary = (result: DocumentResult) => ({ path: result.path, error: result.error?.code ?? null, language: result.language });

describe('analyzeInputs', () => {
  it('gives the same results on worker threads as in-process, in input order', async () => {
    const entries = [entry('a.md', CZECH), entry('b.md', ENGLISH), { path: 'missing.md', source: '/nowhere/missing.md', missing: true }, entry('c.md', ENGLISH)];
    const inProcess = await analyzeInputs(entries, SETS, { read: {}, jobs: 1, timeoutMs: 0 });
    const pooled = await analyzeInputs(entries, SETS, { read: {}, jobs: 2, timeoutMs: 60_000 });
    expect(inProcess.map(summary)).toEqual([
      { path: 'a.md', error: null, language: 'cs' },
      { path: 'b.md', error: null, language: 'en' },
      { path: 'missing.md', error: 'ENOENT', language: null },
      { path: 'c.md', error: null, language: 'en' },
    ]);
    expect(JSON.stringify(pooled)).toBe(JSON.stringify(inProcess));
  });

  it('uses worker threads started ahead of the run when they fit it, and ends them with the run', async () => {
    const entries = [entry('a.md', CZECH), entry('b.md', ENGLISH)];
    const options = { read: {}, jobs: 2, timeoutMs: 60_000 };
    const workers = watched(await startWorkersFor(entries, options));
    expect(workers.threads).toBe(2);
    const results = await analyzeInputs(entries, SETS, { ...options, workers });
    expect(results.map(summary)).toEqual([
      { path: 'a.md', error: null, language: 'cs' },
      { path: 'b.md', error: null, language: 'en' },
    ]);
    expect(workers.calls).toEqual(['runner', 'close']);
  });

  it('ends worker threads started ahead that the run cannot use, and starts none it does not need', async () => {
    const entries = [entry('a.md', CZECH)];
    expect(await startWorkersFor(entries, { jobs: 1, timeoutMs: 0 })).toBeUndefined(); // one document in-process
    expect(await startWorkersFor([{ path: 'gone.md', source: '/nowhere/gone.md', missing: true }], { jobs: 2, timeoutMs: 1000 })).toBeUndefined();

    const tooMany = watched(await startWorkersFor([...entries, entry('b.md')], { jobs: 2, timeoutMs: 60_000 }));
    const results = await analyzeInputs(entries, SETS, { read: {}, jobs: 2, timeoutMs: 60_000, workers: tooMany });
    expect(results.map(summary)).toEqual([{ path: 'a.md', error: null, language: 'cs' }]);
    expect(tooMany.calls).toEqual(['close']);

    const unused = watched(await startWorkersFor(entries, { jobs: 2, timeoutMs: 60_000 }));
    await analyzeInputs(entries, SETS, { read: {}, jobs: 1, timeoutMs: 0, workers: unused });
    expect(unused.calls).toEqual(['close']);
  });

  it('emits results in input order even when they finish in another order', async () => {
    const finishedOrder: string[] = [];
    const emittedOrder: string[] = [];
    await analyzeInputsInOrder(
      [entry('late-3000-a.md'), entry('b.md'), entry('c.md')],
      SETS,
      { read: {}, jobs: 2, timeoutMs: 60_000, workerUrl: MISBEHAVING, onDone: (result) => finishedOrder.push(result.path) },
      (result) => emittedOrder.push(result.path),
    );
    expect(finishedOrder).toEqual(['b.md', 'c.md', 'late-3000-a.md']);
    expect(emittedOrder).toEqual(['late-3000-a.md', 'b.md', 'c.md']);
  });

  it('stops a document stuck in a busy loop at the time limit and goes on with the others', async () => {
    const results = await analyzeInputs([entry('a.md'), entry('hang.md'), entry('b.md', ENGLISH)], SETS, { read: {}, jobs: 2, timeoutMs: 2_000, workerUrl: MISBEHAVING });
    expect(results.map(summary)).toEqual([
      { path: 'a.md', error: null, language: 'cs' },
      { path: 'hang.md', error: 'TIMEOUT', language: null },
      { path: 'b.md', error: null, language: 'en' },
    ]);
    expect(results[1]?.error?.message).toBe('stopped after 2 s (--timeout)');
  });

  it('replaces a stopped worker, so that one job still finishes the batch', async () => {
    const results = await analyzeInputs([entry('hang-1.md'), entry('a.md'), entry('hang-2.md'), entry('b.md', ENGLISH)], SETS, {
      read: {},
      jobs: 1,
      timeoutMs: 2_000,
      workerUrl: MISBEHAVING,
    });
    expect(results.map((result) => result.error?.code ?? 'ok')).toEqual(['TIMEOUT', 'ok', 'TIMEOUT', 'ok']);
  });

  it('turns a worker that dies into an error entry for its document only', async () => {
    const results = await analyzeInputs([entry('a.md'), entry('crash.md'), entry('b.md', ENGLISH)], SETS, { read: {}, jobs: 2, timeoutMs: 60_000, workerUrl: MISBEHAVING });
    expect(results.map((result) => result.error?.code ?? 'ok')).toEqual(['ok', 'WORKER_FAILED', 'ok']);
    expect(results[1]?.error?.message).toBe('the worker analysing it failed: simulated crash outside any task');
  });

  it('notices a worker that exits in the middle of a document, even without a time limit', async () => {
    const results = await analyzeInputs([entry('exit.md'), entry('a.md')], SETS, { read: {}, jobs: 1, timeoutMs: 0, workerUrl: MISBEHAVING });
    expect(results.map((result) => result.error?.code ?? 'ok')).toEqual(['WORKER_FAILED', 'ok']);
    expect(results[0]?.error?.message).toBe('the worker analysing it exited (code 3)');
  });

  it('can start the largest files first (missing ones and standard input last), reporting in input order', async () => {
    const directory = mkdtempSync(join(tmpdir(), 's4s-order-'));
    try {
      const file = (name: string, size: number): InputEntry => {
        const path = join(directory, name);
        writeFileSync(path, `# ${name}\n\n${'Strategie města a jeho cíle. '.repeat(size)}`);
        return { path: name, source: path };
      };
      const entries = [file('small.md', 10), { path: 'gone.md', source: '/nowhere/gone.md', missing: true }, file('large.md', 400), { path: '-', source: '-' }, file('middle.md', 100)];
      expect(schedulingOrder(entries).map((index) => entries[index]?.path)).toEqual(['large.md', 'middle.md', 'small.md', 'gone.md', '-']);
      const started: string[] = [];
      const results = await analyzeInputs(entries.slice(0, 3), SETS, { read: {}, jobs: 1, timeoutMs: 0, startOrder: 'largest-first', onStart: (entry) => started.push(entry.path) });
      expect(started).toEqual(['large.md', 'small.md', 'gone.md']);
      expect(results.map((result) => result.path)).toEqual(['small.md', 'gone.md', 'large.md']);
      const inInputOrder: string[] = [];
      await analyzeInputs(entries.slice(0, 3), SETS, { read: {}, jobs: 1, timeoutMs: 0, onStart: (entry) => inInputOrder.push(entry.path) });
      expect(inInputOrder).toEqual(['small.md', 'gone.md', 'large.md']);
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });

  it('keeps input order for batches larger than the reorder window, whose buffer it bounds', () => {
    const entries = Array.from({ length: 300 }, (_unused, index): InputEntry => ({ path: `${index}.md`, source: index % 2 ? CZECH : ENGLISH }));
    expect(schedulingOrder(entries)).toEqual(entries.map((_entry, index) => index));
  });
});

/** A pool whose runner and close calls are recorded (close is recorded once, however often called). */
function watched(pool: WorkerPool | undefined): WorkerPool & { calls: string[] } {
  if (!pool) throw new Error('expected worker threads to be started');
  const calls: string[] = [];
  let closed = false;
  return {
    ...pool,
    calls,
    runner: (setup, options) => {
      calls.push('runner');
      return pool.runner(setup, options);
    },
    close: () => {
      if (!closed) calls.push('close');
      closed = true;
      return pool.close();
    },
  };
}
