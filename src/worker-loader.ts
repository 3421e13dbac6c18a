// Worker threads cannot load .ts files by themselves: when s4s runs from its sources (tests,
// development), each worker first registers the small transpiling loader in scripts/.
import { Worker } from 'node:worker_threads';

/** Node options for a worker thread running `entry`: the TypeScript loader added for a .ts entry. */
export function workerExecArgv(entry: URL): string[] | undefined {
  if (!entry.pathname.endsWith('.ts')) return undefined;
  const hooks = new URL('../scripts/dev-ts-hooks.mjs', import.meta.url).href;
  const loader = `data:text/javascript,import{register}from'node:module';register(${JSON.stringify(hooks)})`;
  // A worker started by a worker already has the loader.
  return process.execArgv.includes(loader) ? [...process.execArgv] : [...process.execArgv, '--import', loader];
}

/**
 * A worker thread for `entry` whose output is its own: nothing a library prints there may reach what
 * the command writes on standard output (a report). Its streams are read and dropped.
 */
export function startQuietWorker(entry: URL, workerData: unknown): Worker {
  const execArgv = workerExecArgv(entry);
  const worker = new Worker(entry, { workerData, stdout: true, stderr: true, ...(execArgv ? { execArgv } : {}) });
  worker.stdout.resume();
  worker.stderr.resume();
  return worker;
}
