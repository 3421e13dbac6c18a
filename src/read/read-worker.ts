// The thread a document is read on when the read has a time limit (`s4s extract --timeout`; see
// read-in-worker.ts): a reader stuck in a damaged PDF can then be stopped from outside. It reads one
// document, posts it back (or the reason it could not be read) and ends.
import { parentPort, workerData } from 'node:worker_threads';
import { asReadError } from './errors.js';
import { readJob, type ReadJob, type ReadReply } from './read-job.js';

parentPort?.postMessage(await replyTo(workerData as ReadJob));

async function replyTo(job: ReadJob): Promise<ReadReply> {
  try {
    return { document: await readJob(job) };
  } catch (error) {
    const { code, message } = asReadError(error);
    return { error: { code, message } };
  }
}
