// The worker thread's entry (tinypool). A worker either checks whole documents (read and analyse),
// or only reads them, or only analyses documents read elsewhere. Workers that analyse compile the
// criteria as they start, once, not once per document; every job announces its start, so that its
// time limit counts the document's work, not the worker's start-up.
import { BroadcastChannel } from 'node:worker_threads';
import Tinypool from 'tinypool';
import type { Document } from '../document/types.js';
import type { DocumentResult } from '../score/types.js';
import { createDocumentReader, createReadDocumentAnalyzer, toErrorResult } from './analyze-document.js';
import type { WorkerData, WorkerJob } from './worker-pool.js';

/** What a read job returns: the document, or the input's error entry. */
export type ReadOutcome = { document: Document } | { failure: DocumentResult };

const data = Tinypool.workerData as WorkerData;
const starts = new BroadcastChannel(data.startChannel);
starts.unref();
const read = createDocumentReader(data.setup);
const analyse = data.role === 'read' ? undefined : createReadDocumentAnalyzer(data.setup);

export default async function runJob(job: WorkerJob): Promise<DocumentResult | ReadOutcome> {
  announceStart(job);
  if (job.kind === 'analyse') return analyser()(job.document, job.path);
  let document: Document;
  try {
    document = await read(job.input);
  } catch (error) {
    const failure = toErrorResult(job.input.path, error);
    return job.kind === 'read' ? { failure } : failure;
  }
  return job.kind === 'read' ? { document } : analyser()(document, job.input.path);
}

/** Tells the pool that the job's document is being worked on now: its clock starts. */
export function announceStart(job: WorkerJob): void {
  starts.postMessage(job.id);
}

function analyser() {
  if (!analyse) throw new Error('a reading worker was given a document to analyse');
  return analyse;
}
