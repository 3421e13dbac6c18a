// Reading a PDF's pages, possibly by two threads at once. Pages are handed out one at a time from a
// counter in shared memory (PageClaims): the thread that reads the document takes the next page,
// and so does a helper thread when one is free, so that the work splits itself however uneven the
// pages are and however late the helper starts. Each thread opens the same bytes with its own
// pdf.js; the pages are put back in order before anything depends on them, so the result is the
// same whoever read which page.
import type { PDFDocumentProxy, PDFPageProxy, TextItem } from 'pdfjs-dist/types/src/display/api.js';
import { buildSegments, type TextSegment } from './pdf-lines.js';
import { firstLineOf } from './errors.js';
import { openPdf } from './pdf-load.js';

/** One page as read: its text segments, or why it could not be read. Plain data, sent between threads. */
export interface ReadPage {
  page: number;
  height: number;
  segments: TextSegment[];
  /** The page's viewport transform (PDF space to display space). */
  transform: number[];
  /** The first line of the error, when pdf.js could not read the page. */
  error?: string;
}

/**
 * The next page to read, shared between threads: a 32-bit counter in a SharedArrayBuffer. Whoever
 * takes a page reads it; every page is taken exactly once.
 */
export class PageClaims {
  readonly counter: Int32Array;

  constructor(buffer: SharedArrayBuffer = new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT)) {
    this.counter = new Int32Array(buffer);
  }

  get buffer(): SharedArrayBuffer {
    return this.counter.buffer as SharedArrayBuffer;
  }

  /** The next page of `pageCount` nobody has taken, or undefined when all are taken. */
  take(pageCount: number): number | undefined {
    const page = Atomics.add(this.counter, 0, 1) + 1;
    return page <= pageCount ? page : undefined;
  }

  /** Nobody takes a page any more. */
  close(): void {
    Atomics.store(this.counter, 0, CLAIMS_CLOSED);
  }

  /** Takes every page left at once; returns how many were taken before (the first pages). */
  takeRest(pageCount: number): number {
    return Math.min(Atomics.exchange(this.counter, 0, CLAIMS_CLOSED), pageCount);
  }
}

/** Beyond any page number: nobody takes a page after takeRest or close. */
const CLAIMS_CLOSED = 2 ** 30;

/** What a helper thread is given: the PDF's bytes and the shared page counter. */
export interface PageHelpRequest {
  /** The PDF as the reading thread has it (so that both read the same bytes, even if the file changes). */
  bytes: SharedArrayBuffer;
  password?: string;
  claims: SharedArrayBuffer;
}

/**
 * Another thread that may read some of a PDF's pages (pdf-page-helper.ts). `offer`, made before the
 * document is opened here (the helper opens it meanwhile), says there may be pages to share; a
 * helper starts when a thread may be used, now or later, and reads untaken pages until none are
 * left. `collect`, once this thread has taken its last page, resolves to the pages the helper read,
 * or to undefined when none came (no thread was free, or the helper failed): the pages it had taken
 * and not delivered are then read here. `collect` also ends the helper, and may be called again.
 */
export interface PageHelper {
  offer(request: PageHelpRequest): void;
  collect(): Promise<ReadPage[] | undefined>;
}

/** Takes pages and reads them until none are left (the page is released right after: memory stays flat). */
async function readTakenPages(document: PDFDocumentProxy, claims: PageClaims): Promise<ReadPage[]> {
  const pages: ReadPage[] = [];
  for (let number = claims.take(document.numPages); number !== undefined; number = claims.take(document.numPages)) pages.push(await readPage(document, number));
  return pages;
}

/**
 * Takes every page left at once and reads them. A helper is then of no more use: one not started
 * yet never starts (its lease goes back now, not after these pages), and one started stops after
 * the page in hand; what it took is collected later.
 */
async function readUntakenPages(document: PDFDocumentProxy, claims: PageClaims, helper: PageHelper | undefined): Promise<ReadPage[]> {
  const first = claims.takeRest(document.numPages) + 1;
  helper?.collect().catch(() => undefined);
  const pages: ReadPage[] = [];
  for (let number = first; number <= document.numPages; number++) pages.push(await readPage(document, number));
  return pages;
}

export async function readPage(document: PDFDocumentProxy, number: number): Promise<ReadPage> {
  let page: PDFPageProxy | undefined;
  try {
    page = await document.getPage(number);
    const viewport = page.getViewport({ scale: 1 });
    const content = await page.getTextContent();
    const items = content.items.filter((item): item is TextItem => 'str' in item);
    return { page: number, height: viewport.height, segments: buildSegments(items, viewport.transform), transform: viewport.transform };
  } catch (error) {
    return { page: number, height: 0, segments: [], transform: [], error: firstLineOf(error) };
  } finally {
    page?.cleanup();
  }
}

/** The helper's side: opens the bytes it was given and reads pages until none are left. */
export async function readPagesForHelp(request: PageHelpRequest): Promise<ReadPage[]> {
  const document = await openPdf(new Uint8Array(request.bytes), request.password);
  try {
    return await readTakenPages(document, new PageClaims(request.claims));
  } finally {
    await document.destroy().catch(() => undefined);
  }
}

/** A help request for these bytes, with a new page counter; the caller offers it before opening the PDF. */
export function helpRequest(bytes: Uint8Array, password: string | undefined): PageHelpRequest {
  const shared = new SharedArrayBuffer(bytes.byteLength);
  new Uint8Array(shared).set(bytes);
  return { bytes: shared, ...(password !== undefined ? { password } : {}), claims: new PageClaims().buffer };
}

/**
 * Every page of the document, in order: read here and by the helper, when one started. A document
 * shorter than MIN_PAGES_TO_SHARE is read here alone, but for the pages a helper took already.
 * Pages the helper took but did not deliver (it failed, or its thread was stopped) are read here.
 */
export async function readAllPages(document: PDFDocumentProxy, claims: PageClaims, helper?: PageHelper): Promise<ReadPage[]> {
  const pageCount = document.numPages;
  const pages = helper && pageCount >= MIN_PAGES_TO_SHARE ? await readTakenPages(document, claims) : await readUntakenPages(document, claims, helper);
  const helped = helper ? await helper.collect().catch(() => undefined) : undefined;
  const byNumber = new Map<number, ReadPage>(pages.map((page) => [page.page, page]));
  for (const page of helped ?? []) if (!byNumber.has(page.page)) byNumber.set(page.page, page);
  const all: ReadPage[] = [];
  for (let number = 1; number <= pageCount; number++) all.push(byNumber.get(number) ?? (await readPage(document, number)));
  return all;
}

/**
 * Documents shorter than this are read by one thread: a helper pays its own start (its pdf.js, the
 * fonts, V8 compiling the parser again), which shorter documents do not win back.
 */
export const MIN_PAGES_TO_SHARE = 60;

