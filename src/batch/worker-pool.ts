// Worker threads for a batch (tinypool): each document runs in a worker under a time limit; a worker
// that overruns is terminated (even inside a busy loop) and replaced, and its document becomes an
// error entry while the others go on. A core that `--jobs` allows but no document uses (one long
// PDF, or the end of a batch) is lent to a worker reading a PDF, for a helper thread that reads
// some of its pages (src/read/pdf-pages.ts).
import { randomUUID } from 'node:crypto';
import { serialize } from 'node:v8';
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import Tinypool from 'tinypool';
import { workerExecArgv } from '../worker-loader.js';
import { firstLineOf, timedOutMessage } from '../read/errors.js';
import { errorResult } from '../score/error-result.js';
import type { DocumentResult } from '../score/types.js';
import type { AnalysisSetup, DocumentTask } from './analyze-document.js';
import { interruptedResult } from './interrupted.js';

/**
 * What each worker receives when it starts. The analysis setup is not in it: the threads start
 * before the criteria are loaded (startWorkerPool), and the setup comes with the tasks.
 */
export interface WorkerData {
  /** BroadcastChannel on which workers announce the tasks they start. */
  startChannel: string;
}

/** What workers say on the channel: a task's id when they start it, or that they exit during one. */
export type WorkerSignal = number | { exited: number; code: number };

/** A document as sent to a worker, with the id under which the worker announces its start. */
export interface PooledTask {
  id: number;
  /**
   * The AnalysisSetup, serialised once (v8) into memory every worker shares: each task carries it
   * without a copy, and a worker reads it at its first task.
   */
  setup: SharedArrayBuffer;
  document: DocumentTask;
  /** Where the worker asks for, and gives back, a thread to read some of a PDF's pages. */
  leasePort?: MessagePort;
}

/** From a worker on its lease port: `ask` for a helper thread, or `release` it (or the request). */
export type LeaseMessage = 'ask' | 'release';

/**
 * A task's clock starts when its worker announces it; this much more is allowed from the moment it
 * is handed over, for a fresh worker to start, so that a worker that never announces is still stopped.
 */
const START_ALLOWANCE_MS = 30_000;

export interface DocumentRunner {
  /** `signal` stops the document when the whole run is interrupted; it then becomes an INTERRUPTED entry. */
  run(task: DocumentTask, signal?: AbortSignal): Promise<DocumentResult>;
  close(): Promise<void>;
}

/** The compiled worker next to this module; from the TypeScript sources (tests), the .ts file. */
export const WORKER_URL = new URL(import.meta.url.endsWith('.ts') ? './worker.ts' : './worker.js', import.meta.url);

export interface PoolOptions {
  /** Threads the run may use at once (`--jobs`): documents' workers and page helpers (default: the pool's threads). */
  threadBudget?: number;
  /** Whether documents are still waiting to start: no helper is lent while they are. */
  documentsWaiting?: () => boolean;
}

/** Worker threads started ahead of their work; `runner`, called once, hands them documents when the setup is known. */
export interface WorkerPool {
  threads: number;
  /** Each document's time limit (0: none). */
  timeoutMs: number;
  workerUrl: URL;
  runner(setup: AnalysisSetup, options?: PoolOptions): DocumentRunner;
  /** Ends the threads; any number of calls. */
  close(): Promise<void>;
}

/**
 * Starts `threads` workers now. A thread takes about 0.1 s to start and load its modules, so it is
 * started before the main thread loads the criteria, and the two overlap.
 */
export function startWorkerPool(threads: number, timeoutMs: number, workerUrl: URL = WORKER_URL): WorkerPool {
  const workerData: WorkerData = { startChannel: `s4s-batch-${randomUUID()}` };
  const execArgv = workerExecArgv(workerUrl);
  const pool = new Tinypool({
    filename: workerUrl.href,
    minThreads: threads,
    maxThreads: threads,
    workerData,
    ...(execArgv ? { execArgv } : {}),
  });
  const starts = new BroadcastChannel(workerData.startChannel);
  const listeners = new Map<number, { started(): void; exited(code: number): void }>();
  starts.onmessage = (event) => {
    const signal = (event as { data: WorkerSignal }).data;
    if (typeof signal === 'number') listeners.get(signal)?.started();
    else listeners.get(signal.exited)?.exited(signal.code);
  };
  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= (async () => {
      starts.close();
      await pool.destroy();
    })();
    return closing;
  };
  let nextId = 0;
  let setupGiven = false;
  const runner = (setup: AnalysisSetup, options: PoolOptions = {}): DocumentRunner => {
    // A worker reads the setup at its first task and keeps it: one pool, one run.
    if (setupGiven) throw new Error('a worker pool serves one run: its runner is made once');
    setupGiven = true;
    const sharedSetup = shareSetup(setup);
    const leases = createLeases(options.threadBudget ?? threads, options.documentsWaiting ?? (() => false));
    const run = async (task: DocumentTask, signal?: AbortSignal): Promise<DocumentResult> => {
      if (signal?.aborted) return interruptedResult(task.path);
      const id = nextId++;
      const controller = new AbortController();
      const interrupt = () => controller.abort();
      signal?.addEventListener('abort', interrupt, { once: true });
      let timedOut = false;
      let exitCode: number | undefined;
      let timer: NodeJS.Timeout | undefined;
      const stopAfter = (milliseconds: number) => {
        clearTimeout(timer);
        timer = setTimeout(() => {
          timedOut = true;
          controller.abort();
        }, milliseconds);
      };
      listeners.set(id, {
        started: () => {
          if (timeoutMs > 0) stopAfter(timeoutMs);
        },
        exited: (code) => {
          exitCode = code;
          controller.abort();
        },
      });
      if (timeoutMs > 0) stopAfter(timeoutMs + START_ALLOWANCE_MS);
      const lease = leases.open();
      try {
        const pooled: PooledTask = { id, setup: sharedSetup, document: task, ...(lease ? { leasePort: lease.port } : {}) };
        return (await pool.run(pooled, { signal: controller.signal, ...(lease ? { transferList: [lease.port] } : {}) })) as DocumentResult;
      } catch (error) {
        if (signal?.aborted) return interruptedResult(task.path);
        if (timedOut) return errorResult(task.path, 'TIMEOUT', timedOutMessage(timeoutMs));
        if (exitCode !== undefined) return errorResult(task.path, 'WORKER_FAILED', `the worker analysing it exited (code ${exitCode})`);
        return errorResult(task.path, 'WORKER_FAILED', `the worker analysing it failed: ${firstLineOf(error)}`);
      } finally {
        lease?.close();
        signal?.removeEventListener('abort', interrupt);
        listeners.delete(id);
        clearTimeout(timer);
      }
    };
    return { run, close };
  };
  return { threads, timeoutMs, workerUrl, runner, close };
}

function shareSetup(setup: AnalysisSetup): SharedArrayBuffer {
  const bytes = serialize(setup);
  const shared = new SharedArrayBuffer(bytes.length);
  new Uint8Array(shared).set(bytes);
  return shared;
}

/** One document's lease line: the port its worker gets, and `close` when the document is done. */
interface LeaseLine {
  port: MessagePort;
  close(): void;
}

/**
 * Lends threads for PDF page helpers: a worker's request is granted as soon as the running documents
 * and helpers leave room within the budget and no document waits to start (at once on a check of one
 * PDF, later at the end of a batch). A document holds at most one helper, given back when its pages
 * are read or when the document ends (done, timed out or interrupted). `open` gives no line when the
 * budget has no room for a helper beside the documents' own workers.
 */
export function createLeases(budget: number, documentsWaiting: () => boolean) {
  let documents = 0;
  let helpers = 0;
  const requests: { grant(): void }[] = [];
  const grantWhileFree = () => {
    while (requests.length && documents + helpers < budget && !documentsWaiting()) requests.shift()?.grant();
  };
  const open = (): LeaseLine | undefined => {
    if (budget <= 1) return undefined;
    documents++;
    const { port1: line, port2: port } = new MessageChannel();
    let state: 'none' | 'asked' | 'granted' = 'none';
    const request = {
      grant: () => {
        state = 'granted';
        helpers++;
        line.postMessage('granted');
      },
    };
    const giveBack = () => {
      if (state === 'asked') requests.splice(requests.indexOf(request), 1);
      if (state === 'granted') helpers--;
      state = 'none';
      grantWhileFree();
    };
    line.on('message', (message: LeaseMessage) => {
      if (message === 'release') return giveBack();
      if (state !== 'none') return;
      state = 'asked';
      requests.push(request);
      grantWhileFree();
    });
    return {
      port,
      close: () => {
        line.close();
        documents--;
        giveBack();
      },
    };
  };
  return { open };
}
