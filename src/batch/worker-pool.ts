// Worker threads for a batch (tinypool): each document runs in a worker under a time limit; a worker
// that overruns is terminated (even inside a busy loop) and replaced, and its document becomes an
// error entry while the others go on.
import { randomUUID } from 'node:crypto';
import Tinypool from 'tinypool';
import { errorResult } from '../score/analyze.js';
import type { DocumentResult } from '../score/types.js';
import type { AnalysisSetup, DocumentTask } from './analyze-document.js';

/** What each worker receives once. */
export interface WorkerData {
  setup: AnalysisSetup;
  /** BroadcastChannel on which workers announce the tasks they start. */
  startChannel: string;
}

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
  run(task: DocumentTask): Promise<DocumentResult>;
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
  const onStart = new Map<number, () => void>();
  starts.onmessage = (event) => onStart.get((event as { data: number }).data)?.();
  let nextId = 0;
  return {
    async run(task) {
      const id = nextId++;
      const controller = new AbortController();
      let timedOut = false;
      let timer: NodeJS.Timeout | undefined;
      const stopAfter = (milliseconds: number) => {
        clearTimeout(timer);
        timer = setTimeout(() => {
          timedOut = true;
          controller.abort();
        }, milliseconds);
      };
      if (timeoutMs > 0) {
        stopAfter(timeoutMs + START_ALLOWANCE_MS);
        onStart.set(id, () => stopAfter(timeoutMs));
      }
      try {
        const pooled: PooledTask = { id, document: task };
        return (await pool.run(pooled, timeoutMs > 0 ? { signal: controller.signal } : {})) as DocumentResult;
      } catch (error) {
        if (timedOut) return errorResult(task.path, 'TIMEOUT', `stopped after ${formatSeconds(timeoutMs)} (--timeout)`);
        const message = error instanceof Error ? (error.message.split('\n')[0] ?? error.name) : String(error);
        return errorResult(task.path, 'WORKER_FAILED', `the worker analysing it failed: ${message}`);
      } finally {
        onStart.delete(id);
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
