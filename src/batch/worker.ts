// The worker thread's entry (tinypool): analyses one document per task. The criteria arrive once in
// the worker's data and are compiled before the first document, not once per document; each task
// announces its start, so that its time limit counts the document's work, not the worker's start-up,
// and a worker that exits in the middle of a task (a library calling process.exit) says so.
import Tinypool from 'tinypool';
import type { DocumentResult } from '../score/types.js';
import { createDocumentAnalyzer, type DocumentAnalyzer } from './analyze-document.js';
import type { PooledTask, WorkerData, WorkerSignal } from './worker-pool.js';

const data = Tinypool.workerData as WorkerData;
const starts = new BroadcastChannel(data.startChannel);
starts.unref();
let analyzer: DocumentAnalyzer | undefined;
let current: number | undefined;
process.on('exit', (code) => {
  if (current !== undefined) starts.postMessage({ exited: current, code } satisfies WorkerSignal);
});

export default async function analyzeInWorker(task: PooledTask): Promise<DocumentResult> {
  analyzer ??= createDocumentAnalyzer(data.setup);
  announceStart(task);
  try {
    return await analyzer(task.document);
  } finally {
    current = undefined;
  }
}

/** Tells the pool that the task's document is being worked on now: its clock starts. */
export function announceStart(task: PooledTask): void {
  current = task.id;
  starts.postMessage(task.id satisfies WorkerSignal);
}
