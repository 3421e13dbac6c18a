// Worker threads for a batch (tinypool): each document runs in a worker under a time limit; a worker
// that overruns is terminated (even inside a busy loop) and replaced, and its document becomes an
// error entry while the others go on.
import { randomUUID } from 'node:crypto';
import Tinypool from 'tinypool';
import { errorResult } from '../score/error-result.js';
import type { DocumentResult } from '../score/types.js';
import type { AnalysisSetup, DocumentTask } from './analyze-document.js';
import { interruptedResult } from './interrupted.js';

/** What each worker receives once. */
export interface WorkerData {
  setup: AnalysisSetup;
  /** BroadcastChannel on which workers announce the tasks they start. */
  startChannel: string;
}

/** What workers say on the channel: a task's id when they start it, or that they exit during one. */
export type WorkerSignal = number | { exited: number; code: number };

/** A document as sent to a worker, with the id under which the worker announces its start. */
export interface PooledTask {
  id: number;
  document: DocumentTask;
}

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

export function createWorkerPool(setup: AnalysisSetup, threads: number, timeoutMs: number, workerUrl: URL = WORKER_URL): DocumentRunner {
  const workerData: WorkerData = { setup, startChannel: `s4s-batch-${randomUUID()}` };
  const pool = new Tinypool({
    filename: workerUrl.href,
    minThreads: threads,
    maxThreads: threads,
    workerData,
    ...(workerUrl.pathname.endsWith('.ts') ? { execArgv: [...process.execArgv, ...typescriptLoaderArgs()] } : {}),
  });
  const starts = new BroadcastChannel(workerData.startChannel);
  const listeners = new Map<number, { started(): void; exited(code: number): void }>();
  starts.onmessage = (event) => {
    const signal = (event as { data: WorkerSignal }).data;
    if (typeof signal === 'number') listeners.get(signal)?.started();
    else listeners.get(signal.exited)?.exited(signal.code);
  };
  let nextId = 0;
  return {
    async run(task, signal) {
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
      try {
        const pooled: PooledTask = { id, document: task };
        return (await pool.run(pooled, { signal: controller.signal })) as DocumentResult;
      } catch (error) {
        if (signal?.aborted) return interruptedResult(task.path);
        if (timedOut) return errorResult(task.path, 'TIMEOUT', `stopped after ${formatSeconds(timeoutMs)} (--timeout)`);
        if (exitCode !== undefined) return errorResult(task.path, 'WORKER_FAILED', `the worker analysing it exited (code ${exitCode})`);
        const message = error instanceof Error ? (error.message.split('\n')[0] ?? error.name) : String(error);
        return errorResult(task.path, 'WORKER_FAILED', `the worker analysing it failed: ${message}`);
      } finally {
        signal?.removeEventListener('abort', interrupt);
        listeners.delete(id);
        clearTimeout(timer);
      }
    },
    async close() {
      starts.close();
      await pool.destroy();
    },
  };
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
