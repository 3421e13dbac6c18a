// Reading one document under a time limit. pdf.js runs synchronously for as long as a page takes,
// and a damaged PDF can keep it busy forever; no timer on the reading thread would ever fire. So the
// document is read on a thread of its own (read-worker.ts), which is ended when the limit passes:
// the read fails with code TIMEOUT instead of hanging the command.
import type { Document } from '../document/types.js';
import { startQuietWorker } from '../worker-loader.js';
import { firstLineOf, ReadError, timedOutMessage } from './errors.js';
import type { ReadJob, ReadReply } from './read-job.js';

/** The reading thread's entry, compiled or (tests, development) its TypeScript source. */
export const READ_WORKER_URL = new URL(import.meta.url.endsWith('.ts') ? './read-worker.ts' : './read-worker.js', import.meta.url);

/** Reads `job` on its own thread; after `timeoutMs` (more than 0) the thread is ended and the read fails with TIMEOUT. */
export async function readInWorker(job: ReadJob, timeoutMs: number, workerUrl: URL = READ_WORKER_URL): Promise<Document> {
  const worker = startQuietWorker(workerUrl, job);
  let timer: NodeJS.Timeout | undefined;
  const reply = new Promise<ReadReply>((resolve, reject) => {
    timer = setTimeout(() => reject(new ReadError('TIMEOUT', timedOutMessage(timeoutMs))), timeoutMs);
    worker.once('message', resolve);
    worker.once('error', (error) => reject(new ReadError('READ_FAILED', `the thread reading it failed: ${firstLineOf(error)}`)));
    worker.once('exit', (code) => reject(new ReadError('READ_FAILED', `the thread reading it exited (code ${code})`)));
  });
  try {
    const answer = await reply;
    if ('error' in answer) throw new ReadError(answer.error.code, answer.error.message);
    return answer.document;
  } finally {
    clearTimeout(timer);
    await worker.terminate();
  }
}
