// The worker thread's entry (tinypool): analyses one document per task. The criteria come with the
// tasks, in memory shared by all workers, and are read and compiled at the first document; each task
// announces its start, so that its time limit counts the document's work, not the worker's start-up,
// and a worker that exits in the middle of a task (a library calling process.exit) says so.
import { deserialize } from 'node:v8';
import type { MessagePort } from 'node:worker_threads';
import Tinypool from 'tinypool';
import { detectFormat } from '../read/detect-format.js';
import { loadPdfJs } from '../read/pdf-load.js';
import { pageHelperThread, type HelperLease } from '../read/pdf-page-helper.js';
import type { DocumentResult } from '../score/types.js';
import { createDocumentAnalyzer, type AnalysisSetup, type DocumentAnalyzer } from './analyze-document.js';
import type { LeaseMessage, PooledTask, WorkerData, WorkerSignal } from './worker-pool.js';

const data = Tinypool.workerData as WorkerData;
const starts = new BroadcastChannel(data.startChannel);
starts.unref();
let analyzer: DocumentAnalyzer | undefined;
let current: number | undefined;
process.on('exit', (code) => {
  if (current !== undefined) starts.postMessage({ exited: current, code } satisfies WorkerSignal);
});

export default async function analyzeInWorker(task: PooledTask): Promise<DocumentResult> {
  // A pool serves one run, so every task carries the same setup.
  analyzer ??= createDocumentAnalyzer(deserialize(new Uint8Array(task.setup)) as AnalysisSetup);
  // A fresh worker (the first, or one replacing a worker stopped by --timeout) loads pdf.js before
  // the clock starts: its loading is the worker's start-up, not the document's time.
  if (looksLikePdf(task.document)) await loadPdfJs().catch(() => undefined);
  announceStart(task);
  try {
    return await analyzer(task.document, task.leasePort ? pageHelperThread(leaseOver(task.leasePort)) : undefined);
  } finally {
    current = undefined;
    task.leasePort?.close();
  }
}

/**
 * Standard input by its bytes, as the reader will judge them (detectFormat); a file by its name, not
 * to read it twice: a PDF named otherwise just loads pdf.js on the clock, as before.
 */
function looksLikePdf(document: PooledTask['document']): boolean {
  if (!document.bytes) return document.source.toLowerCase().endsWith('.pdf');
  try {
    return detectFormat(document.bytes, document.path) === 'pdf';
  } catch {
    return false; // refused: the reader will say why
  }
}

/** Tells the pool that the task's document is being worked on now: its clock starts. */
export function announceStart(task: PooledTask): void {
  current = task.id;
  starts.postMessage(task.id satisfies WorkerSignal);
}

/** A thread for a PDF's pages, lent by the pool on the main thread when one is free (worker-pool.ts). */
function leaseOver(port: MessagePort): HelperLease {
  return {
    ask(granted) {
      port.once('message', granted);
      port.postMessage('ask' satisfies LeaseMessage);
    },
    release: () => port.postMessage('release' satisfies LeaseMessage),
  };
}
