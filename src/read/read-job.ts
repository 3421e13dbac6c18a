// One document to read, as `s4s extract` hands it over: read here (readJob), or on a thread of its own
// under a time limit (read-in-worker.ts, which runs read-worker.ts).
import type { Document } from '../document/types.js';
import type { ReadErrorCode } from './errors.js';
import { readDocumentBytes, readDocumentFile, type ReadOptions } from './index.js';
import type { PageHelper } from './pdf-pages.js';

export interface ReadJob {
  /** Absolute path, or `-` with the bytes of standard input. */
  source: string;
  bytes?: Uint8Array;
  options: ReadOptions;
  /** Whether a second thread may read some of a long PDF's pages (--jobs 2 or more). */
  pageHelper: boolean;
}

/** What a reading thread posts back: the document, or why it could not be read. */
export type ReadReply = { document: Document } | { error: { code: ReadErrorCode; message: string } };

/** Reads the job's document on this thread; a page helper, when allowed, may always start (one document). */
export async function readJob({ source, bytes, options, pageHelper }: ReadJob): Promise<Document> {
  const helper = pageHelper ? await startPageHelper() : undefined;
  return bytes ? readDocumentBytes(bytes, source, options, helper) : readDocumentFile(source, options, helper);
}

async function startPageHelper(): Promise<PageHelper> {
  const { LEASE_GRANTED, pageHelperThread } = await import('./pdf-page-helper.js');
  return pageHelperThread(LEASE_GRANTED);
}
