// The thread a document is read on when the read has a time limit (`s4s extract --timeout`; see
// read-in-worker.ts): a reader stuck in a damaged PDF can then be stopped from outside. It reads one
// document, posts it back (or the reason it could not be read) and ends.
import { parentPort, workerData } from 'node:worker_threads';
import type { Document } from '../document/types.js';
import { ReadError, type ReadErrorCode } from './errors.js';
import { readDocumentBytes, readDocumentFile, type ReadOptions } from './index.js';
import type { PageHelper } from './pdf-pages.js';

/** What the reading thread is given. */
export interface ReadJob {
  /** Absolute path, or `-` with the bytes of standard input. */
  source: string;
  bytes?: Uint8Array;
  options: ReadOptions;
  /** Whether a second thread may read some of a long PDF's pages (--jobs 2 or more). */
  pageHelper: boolean;
}

/** What it posts back: the document, or why it could not be read. */
export type ReadReply = { document: Document } | { error: { code: ReadErrorCode; message: string } };

const job = workerData as ReadJob;
parentPort?.postMessage(await readJob(job));

async function readJob({ source, bytes, options, pageHelper }: ReadJob): Promise<ReadReply> {
  try {
    const helper = pageHelper ? await startPageHelper() : undefined;
    const document = bytes ? await readDocumentBytes(bytes, source, options, helper) : await readDocumentFile(source, options, helper);
    return { document };
  } catch (error) {
    if (error instanceof ReadError) return { error: { code: error.code, message: error.message } };
    return { error: { code: 'READ_FAILED', message: error instanceof Error ? (error.message.split('\n')[0] ?? error.name) : String(error) } };
  }
}

async function startPageHelper(): Promise<PageHelper> {
  const { LEASE_GRANTED, pageHelperThread } = await import('./pdf-page-helper.js');
  return pageHelperThread(LEASE_GRANTED);
}
