// Worker threads for a batch (tinypool): each document runs in workers under a time limit; a worker
// that overruns is terminated (even inside a busy loop) and replaced, and its document becomes an
// error entry while the others go on.
import { randomUUID } from 'node:crypto';
import { BroadcastChannel } from 'node:worker_threads';
import Tinypool from 'tinypool';
import { errorResult } from '../score/analyze.js';
import type { DocumentResult } from '../score/types.js';
import type { Document } from '../document/types.js';
import type { AnalysisSetup, DocumentTask } from './analyze-document.js';
import type { ReadOutcome } from './worker.js';

export type WorkerRole = 'check' | 'read' | 'analyse';

/** What each worker receives once. */
export interface WorkerData {
  setup: AnalysisSetup;
  /** What the worker does: read and analyse (`check`), or only one of the two. */
  role: WorkerRole;
  /** BroadcastChannel on which workers announce the jobs they start. */
  startChannel: string;
}

/** A job: check or read an input, or analyse a document read by another worker. */
export type Job = { kind: 'check' | 'read'; input: DocumentTask } | { kind: 'analyse'; path: string; document: Document };

/** A job as sent to a worker, with the id under which the worker announces its start. */
export type WorkerJob = Job & { id: number };

/**
 * A job's clock starts when its worker announces it; this much more is allowed from the moment it
 * is handed over, for a fresh worker to start, so that a worker that never announces is still stopped.
 */
const START_ALLOWANCE_MS = 30_000;

export interface DocumentRunner {
  run(task: DocumentTask): Promise<DocumentResult>;
  close(): Promise<void>;
}

/** How many threads of each kind: `analysers` 0 means that the readers analyse too. */
export interface PoolSizes {
  readers: number;
  analysers: number;
}

/** The compiled worker next to this module; from the TypeScript sources (tests), the .ts file. */
export const WORKER_URL = new URL(import.meta.url.endsWith('.ts') ? './worker.ts' : './worker.js', import.meta.url);

/**
 * With analysers, a document is read on a reader thread and analysed on an analyser thread, which
 * compiled the criteria while the first documents were being read; the time limit covers both steps.
 */
export function createWorkerRunner(setup: AnalysisSetup, sizes: PoolSizes, timeoutMs: number, workerUrl: URL = WORKER_URL): DocumentRunner {
  if (sizes.analysers === 0) {
    const checkers = new TimedPool({ ...setup }, 'check', sizes.readers, workerUrl);
    return {
      async run(task) {
        const outcome = await checkers.run({ kind: 'check', input: task }, task.path, timeoutMs);
        return 'failure' in outcome ? outcome.failure : (outcome.value as DocumentResult);
      },
      close: () => checkers.close(),
    };
  }
  const readers = new TimedPool({ ...setup, sets: [] }, 'read', sizes.readers, workerUrl);
  const analysers = new TimedPool(setup, 'analyse', sizes.analysers, workerUrl);
  return {
    async run(task) {
      const reading = await readers.run({ kind: 'read', input: task }, task.path, timeoutMs);
      if ('failure' in reading) return reading.failure;
      const read = reading.value as ReadOutcome;
      if ('failure' in read) return read.failure;
      const budget = timeoutMs > 0 ? Math.max(1, timeoutMs - reading.elapsedMs) : 0;
      const analysis = await analysers.run({ kind: 'analyse', path: task.path, document: read.document }, task.path, budget, timeoutMs);
      return 'failure' in analysis ? analysis.failure : (analysis.value as DocumentResult);
    },
    async close() {
      await Promise.all([readers.close(), analysers.close()]);
    },
  };
}

type TimedOutcome = { value: unknown; elapsedMs: number } | { failure: DocumentResult };

/** Tinypool threads of one role; each job runs under a time budget and any failure becomes an error entry. */
class TimedPool {
  private readonly pool: Tinypool;
  private readonly starts: BroadcastChannel;
  private readonly onStart = new Map<number, () => void>();
  private nextId = 0;

  constructor(setup: AnalysisSetup, role: WorkerRole, threads: number, workerUrl: URL) {
    const workerData: WorkerData = { setup, role, startChannel: `s4s-batch-${randomUUID()}` };
    this.pool = new Tinypool({
      filename: workerUrl.href,
      minThreads: threads,
      maxThreads: threads,
      workerData,
      ...(workerUrl.pathname.endsWith('.ts') ? { execArgv: [...process.execArgv, ...typescriptLoaderArgs()] } : {}),
    });
    this.starts = new BroadcastChannel(workerData.startChannel);
    this.starts.onmessage = (event) => this.onStart.get((event as { data: number }).data)?.();
  }

  /** `budgetMs` 0: no limit; `limitMs` is the limit as the user gave it, for the message. */
  async run(job: Job, path: string, budgetMs: number, limitMs = budgetMs): Promise<TimedOutcome> {
    const id = this.nextId++;
    const controller = new AbortController();
    let timedOut = false;
    let startedAt = performance.now();
    let timer: NodeJS.Timeout | undefined;
    const stopAfter = (milliseconds: number) => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        timedOut = true;
        controller.abort();
      }, milliseconds);
    };
    this.onStart.set(id, () => {
      startedAt = performance.now();
      if (budgetMs > 0) stopAfter(budgetMs);
    });
    if (budgetMs > 0) stopAfter(budgetMs + START_ALLOWANCE_MS);
    try {
      const value: unknown = await this.pool.run({ ...job, id }, budgetMs > 0 ? { signal: controller.signal } : {});
      return { value, elapsedMs: performance.now() - startedAt };
    } catch (error) {
      if (timedOut) return { failure: errorResult(path, 'TIMEOUT', `stopped after ${formatSeconds(limitMs)} (--timeout)`) };
      const message = error instanceof Error ? (error.message.split('\n')[0] ?? error.name) : String(error);
      return { failure: errorResult(path, 'WORKER_FAILED', `the worker analysing it failed: ${message}`) };
    } finally {
      this.onStart.delete(id);
      clearTimeout(timer);
    }
  }

  async close(): Promise<void> {
    this.starts.close();
    await this.pool.destroy();
  }
}

/**
 * Worker threads cannot load .ts files by themselves: when s4s runs from its sources (tests,
 * development), each worker first registers the small transpiling loader in scripts/.
 */
function typescriptLoaderArgs(): string[] {
  const hooks = new URL('../../scripts/dev-ts-hooks.mjs', import.meta.url).href;
  return ['--import', `data:text/javascript,import{register}from'node:module';register(${JSON.stringify(hooks)})`];
}

function formatSeconds(milliseconds: number): string {
  const seconds = milliseconds / 1000;
  return `${Number.isInteger(seconds) ? seconds : seconds.toFixed(1)} s`;
}
