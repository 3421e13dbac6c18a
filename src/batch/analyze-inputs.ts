// Runs the pipeline over every input, on worker threads or in-process, and hands the results on in
// input order whatever order they finish in; one broken, stuck or crashing file never stops the batch.
import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import type { Readable } from 'node:stream';
import type { InputEntry } from '../cli/inputs.js';
import type { CriteriaSet } from '../criteria/types.js';
import type { ReadOptions } from '../read/index.js';
import { errorResult } from '../score/error-result.js';
import type { DocumentResult } from '../score/types.js';
import type { AnalysisSetup, DocumentTask } from './analyze-document.js';
import { interruptedResult } from './interrupted.js';
import type { DocumentRunner, PoolOptions, WorkerPool } from './worker-pool.js';
import { readStreamBytes } from '../read/read-stream.js';

export interface AnalyzeOptions {
  read: ReadOptions;
  reportLanguage?: string;
  stdin?: Readable;
  /** Documents analysed at once, each on its own worker thread (default 1). */
  jobs?: number;
  /** Per-document limit in milliseconds; 0 or absent for none. */
  timeoutMs?: number;
  /** Keep extracted documents in this directory (`--cache`), keyed also by the tool's version. */
  cache?: { directory: string; toolVersion: string };
  /** A document was handed to a worker (progress). */
  onStart?: (entry: InputEntry) => void;
  /** A document is done, in completion order (progress). */
  onDone?: (result: DocumentResult) => void;
  /**
   * Which inputs start first (default `input`): in input order, so that results streamed in input
   * order flow from the start; or `largest-first`, for output assembled at the end (schedulingOrder).
   */
  startOrder?: 'input' | 'largest-first';
  /** The worker module; tests substitute one that misbehaves on purpose. */
  workerUrl?: URL;
  /**
   * Worker threads started ahead of the run (startWorkersFor), while the criteria were loaded. Used
   * when they are what the run needs, and closed when the run ends either way.
   */
  workers?: WorkerPool;
  /**
   * Interrupts the run: no document starts after it, documents on workers are stopped, and every
   * document not done is still emitted, as an INTERRUPTED entry, so that N inputs give N entries.
   */
  signal?: AbortSignal;
}

/**
 * How far results may run ahead of the oldest unfinished document. It bounds the reorder buffer, so a
 * streamed run over thousands of files keeps its memory flat even behind one slow document.
 */
const REORDER_WINDOW = 256;

/** Every input's result, in input order. */
export async function analyzeInputs(entries: InputEntry[], sets: CriteriaSet[], options: AnalyzeOptions): Promise<DocumentResult[]> {
  const results: DocumentResult[] = [];
  await analyzeInputsInOrder(entries, sets, options, (result) => results.push(result));
  return results;
}

/** Calls `emit` once per input, in input order, as soon as that input and all before it are done. */
export async function analyzeInputsInOrder(entries: InputEntry[], sets: CriteriaSet[], options: AnalyzeOptions, emit: (result: DocumentResult) => void): Promise<void> {
  try {
    await runInOrder(entries, sets, options, emit);
  } finally {
    await options.workers?.close();
  }
}

/**
 * Documents at once: `--jobs`, but no more than the machine's cores (and at least 2, so that a run
 * behaves alike on a one-core machine). Each job is a worker thread with its own V8 heap and its
 * own copy of pdf.js: on 2 cores, --jobs 64 over 320 files took 12 s and 2.6 GB against 2.4 s and
 * 0.6 GB with --jobs 2, and --jobs 1000 ran out of memory. More threads than cores never helps
 * work that is all CPU.
 */
export function effectiveJobs(jobs: number | undefined): number {
  return Math.min(Math.max(1, jobs ?? 1), Math.max(2, availableParallelism()));
}

async function runInOrder(entries: InputEntry[], sets: CriteriaSet[], options: AnalyzeOptions, emit: (result: DocumentResult) => void): Promise<void> {
  const jobs = effectiveJobs(options.jobs);
  const toRead = entries.filter((entry) => !entry.missing);
  const stdinBytes = toRead.some((entry) => entry.source === '-') ? await readStreamBytes(options.stdin) : undefined;
  const setup: AnalysisSetup = {
    sets,
    read: options.read,
    ...(options.reportLanguage ? { reportLanguage: options.reportLanguage } : {}),
    ...(options.cache ? { cacheDirectory: options.cache.directory } : {}),
    toolVersion: options.cache?.toolVersion ?? '',
  };
  let nextToStart = 0;
  let stopped = false;
  const documentsWaiting = () => !stopped && !options.signal?.aborted && nextToStart < entries.length;
  // The jobs that documents leave unused may read pages of a PDF on a helper thread (worker-pool.ts).
  const poolOptions: PoolOptions = { threadBudget: jobs, documentsWaiting };
  const runner = await createRunner(setup, workerThreads(entries, options), poolOptions, options);

  const finished = new Map<number, DocumentResult>();
  const startOrder = options.startOrder === 'largest-first' ? schedulingOrder(entries) : entries.map((_entry, index) => index);
  let nextToEmit = 0;
  let wakeLanes: () => void = () => {};
  let emitted = new Promise<void>((resolve) => (wakeLanes = resolve));

  const flush = () => {
    let advanced = false;
    for (let result = finished.get(nextToEmit); result; result = finished.get(nextToEmit)) {
      finished.delete(nextToEmit);
      nextToEmit++;
      advanced = true;
      emit(result);
    }
    if (advanced) {
      wakeLanes();
      emitted = new Promise<void>((resolve) => (wakeLanes = resolve));
    }
  };

  const lane = async () => {
    while (!stopped && !options.signal?.aborted && nextToStart < entries.length) {
      if ((startOrder[nextToStart] as number) >= nextToEmit + REORDER_WINDOW) {
        await emitted;
        continue;
      }
      const index = startOrder[nextToStart++] as number;
      const entry = entries[index] as InputEntry;
      options.onStart?.(entry);
      const result =
        entry.missing || !runner
          ? errorResult(entry.path, 'ENOENT', 'no such file, directory or matching glob')
          : await runner.run(taskFor(entry, stdinBytes), options.signal);
      options.onDone?.(result);
      finished.set(index, result);
      flush();
    }
  };

  try {
    await Promise.all(
      Array.from({ length: Math.min(jobs, entries.length) }, () =>
        lane().catch((error: unknown) => {
          stopped = true;
          throw error;
        }),
      ),
    );
    if (options.signal?.aborted) {
      for (const index of startOrder.slice(nextToStart)) finished.set(index, interruptedResult((entries[index] as InputEntry).path));
      nextToStart = entries.length;
      flush();
    }
  } finally {
    await runner?.close();
  }
}

/**
 * How many worker threads a run over these entries uses: one per job, no more than the documents;
 * none when nothing is read, or when one document at a time without a time limit is asked for
 * (nothing could then be gained from a thread: the only reason to isolate a document is to be able
 * to stop it), which runs in-process.
 */
function workerThreads(entries: InputEntry[], options: Pick<AnalyzeOptions, 'jobs' | 'timeoutMs' | 'workerUrl'>): number | 'in-process' | 'nothing to read' {
  const documents = entries.filter((entry) => !entry.missing).length;
  if (documents === 0) return 'nothing to read';
  const threads = Math.min(effectiveJobs(options.jobs), documents);
  return threads === 1 && !options.timeoutMs && !options.workerUrl ? 'in-process' : threads;
}

/** The run's worker threads, started now (see AnalyzeOptions.workers); none when it needs none. */
export async function startWorkersFor(entries: InputEntry[], options: Pick<AnalyzeOptions, 'jobs' | 'timeoutMs' | 'workerUrl'>): Promise<WorkerPool | undefined> {
  const threads = workerThreads(entries, options);
  if (typeof threads !== 'number') return undefined;
  const { startWorkerPool } = await import('./worker-pool.js');
  return startWorkerPool(threads, options.timeoutMs ?? 0, options.workerUrl);
}

/**
 * Largest file first when the whole batch fits the reorder window, so that no big document starts
 * last and runs alone while the other workers idle (on the bench batch of 15 documents, --jobs 2
 * took 6.1 s instead of 8-9 s). Larger batches start in input order, which keeps the buffer of
 * results waiting for their turn within the window. Reports are in input order either way.
 */
export function schedulingOrder(entries: InputEntry[]): number[] {
  const indexes = entries.map((_entry, index) => index);
  if (entries.length > REORDER_WINDOW) return indexes;
  const sizes = entries.map(sizeOf);
  return indexes.sort((a, b) => (sizes[b] as number) - (sizes[a] as number) || a - b);
}

function sizeOf(entry: InputEntry): number {
  if (entry.missing || entry.source === '-') return 0;
  try {
    return statSync(entry.source).size;
  } catch {
    return 0; // reading it will say what is wrong
  }
}

/**
 * Worker threads (those started ahead when they fit), or this thread, with a page helper thread for
 * a PDF when --jobs allows one more thread; nothing when there is nothing to read.
 */
async function createRunner(setup: AnalysisSetup, threads: ReturnType<typeof workerThreads>, poolOptions: PoolOptions, options: AnalyzeOptions): Promise<DocumentRunner | undefined> {
  const ahead = options.workers;
  const workerUrl = options.workerUrl;
  if (typeof threads === 'number') {
    const fits = ahead && ahead.threads === threads && ahead.timeoutMs === (options.timeoutMs ?? 0) && (!workerUrl || ahead.workerUrl.href === workerUrl.href);
    if (fits) return ahead.runner(setup, poolOptions);
    await ahead?.close();
    const { startWorkerPool } = await import('./worker-pool.js');
    return startWorkerPool(threads, options.timeoutMs ?? 0, workerUrl).runner(setup, poolOptions);
  }
  await ahead?.close();
  if (threads === 'nothing to read') return undefined;
  const [{ createDocumentAnalyzer }, { LEASE_GRANTED, pageHelperThread }] = await Promise.all([import('./analyze-document.js'), import('../read/pdf-page-helper.js')]);
  const analyze = createDocumentAnalyzer(setup);
  const helperAllowed = (poolOptions.threadBudget ?? 1) > 1;
  return { run: (task) => analyze(task, helperAllowed ? pageHelperThread(LEASE_GRANTED) : undefined), close: async () => {} };
}

function taskFor(entry: InputEntry, stdinBytes: Uint8Array | undefined): DocumentTask {
  return entry.source === '-' ? { path: entry.path, source: '-', bytes: stdinBytes ?? new Uint8Array() } : { path: entry.path, source: entry.source };
}
