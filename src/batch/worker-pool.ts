// Worker threads for a batch (tinypool): each document runs in a worker under a time limit; a worker
// that overruns is terminated (even inside a busy loop) and replaced, and its document becomes an
// error entry while the others go on.
import Tinypool from 'tinypool';
import { errorResult } from '../score/analyze.js';
import type { DocumentResult } from '../score/types.js';
import type { AnalysisSetup, DocumentTask } from './analyze-document.js';

export interface DocumentRunner {
  run(task: DocumentTask): Promise<DocumentResult>;
  close(): Promise<void>;
}

/** The compiled worker next to this module; from the TypeScript sources (tests), the .ts file. */
export const WORKER_URL = new URL(import.meta.url.endsWith('.ts') ? './worker.ts' : './worker.js', import.meta.url);

export function createWorkerPool(setup: AnalysisSetup, threads: number, timeoutMs: number, workerUrl: URL = WORKER_URL): DocumentRunner {
  const pool = new Tinypool({
    filename: workerUrl.href,
    minThreads: threads,
    maxThreads: threads,
    workerData: setup,
    ...(workerUrl.pathname.endsWith('.ts') ? { execArgv: [...process.execArgv, ...typescriptLoaderArgs()] } : {}),
  });
  return {
    async run(task) {
      const controller = new AbortController();
      let timedOut = false;
      const timer =
        timeoutMs > 0
          ? setTimeout(() => {
              timedOut = true;
              controller.abort();
            }, timeoutMs)
          : undefined;
      try {
        return (await pool.run(task, timer ? { signal: controller.signal } : {})) as DocumentResult;
      } catch (error) {
        if (timedOut) return errorResult(task.path, 'TIMEOUT', `stopped after ${formatSeconds(timeoutMs)} (--timeout)`);
        const message = error instanceof Error ? (error.message.split('\n')[0] ?? error.name) : String(error);
        return errorResult(task.path, 'WORKER_FAILED', `the worker analysing it failed: ${message}`);
      } finally {
        clearTimeout(timer);
      }
    },
    close: () => pool.destroy(),
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
