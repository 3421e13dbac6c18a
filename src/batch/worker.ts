// The worker thread's entry (tinypool): analyses one document per task. The criteria arrive once in
// the worker's data and are compiled before the first document, not once per document; each task
// announces its start, so that its time limit counts the document's work, not the worker's start-up.
import Tinypool from 'tinypool';
import type { DocumentResult } from '../score/types.js';
import { createDocumentAnalyzer, type DocumentAnalyzer } from './analyze-document.js';
import type { PooledTask, WorkerData } from './worker-pool.js';

const data = Tinypool.workerData as WorkerData;
const starts = new BroadcastChannel(data.startChannel);
starts.unref();
let analyzer: DocumentAnalyzer | undefined;

export default function analyzeInWorker(task: PooledTask): Promise<DocumentResult> {
  analyzer ??= createDocumentAnalyzer(data.setup);
  announceStart(task);
  return analyzer(task.document);
}

/** Tells the pool that the task's document is being worked on now: its clock starts. */
export function announceStart(task: PooledTask): void {
  starts.postMessage(task.id);
}
