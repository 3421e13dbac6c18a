// Reading one PDF's pages on two threads: the pages come back in order and the document is the same
// as read by one thread, whoever read which page, also when the helper starts late, fails, or is
// given a document too short to share.
import { describe, expect, it } from 'vitest';
import { readDocumentBytes } from '../../src/read/index.js';
import { LEASE_GRANTED, pageHelperThread } from '../../src/read/pdf-page-helper.js';
import { MIN_PAGES_TO_SHARE, PageClaims, readAllPages, type PageHelper, type ReadPage } from '../../src/read/pdf-pages.js';
import { writePdf } from '../robustness/pdf-writer.js';

const WORDS = ['zeleň', 'doprava', 'voda', 'energie', 'škola', 'park', 'most', 'les', 'řeka', 'náměstí', 'tramvaj', 'kolo', 'strom', 'budova', 'teplo', 'odpad', 'vzduch', 'hluk', 'půda', 'zdraví'];
/** A page of its own words: lines repeated on many pages would be taken for running headers. */
const sentence = (page: number) => {
  const word = (offset: number) => WORDS[(page * 7 + offset) % WORDS.length] as string;
  return [
    `Kapitola ${WORDS[page % WORDS.length]} ${WORDS[Math.floor(page / WORDS.length)]}`,
    ...Array.from({ length: 8 }, (_, line) => `Město podporuje ${word(line)} a ${word(line + 3)} v lokalitě ${word(line + 5)}, plán ${page}.${line}.`),
  ];
};
const longPdf = writePdf({ pages: Array.from({ length: MIN_PAGES_TO_SHARE + 10 }, (_, index) => sentence(index + 1)) });
const shortPdf = writePdf({ pages: Array.from({ length: 5 }, (_, index) => sentence(index + 1)) });

/**
 * A helper thread whose delivered pages are counted. Its offer waits (up to 20 s) until the helper
 * has taken a few pages, so that the helper surely takes part however fast this thread reads; a
 * helper that cannot open the document takes none, so it is not waited for.
 */
function countingHelper(waitForPages = true): { helper: PageHelper; delivered: () => number } {
  const inner = pageHelperThread(LEASE_GRANTED);
  let delivered = 0;
  return {
    helper: {
      offer: (request) => {
        inner.offer(request);
        const counter = new Int32Array(request.claims);
        const pause = new Int32Array(new SharedArrayBuffer(4));
        for (let waited = 0; waitForPages && Atomics.load(counter, 0) < 3 && waited < 2000; waited++) Atomics.wait(pause, 0, 0, 10);
      },
      collect: async () => {
        const pages = await inner.collect();
        delivered = pages?.length ?? 0;
        return pages;
      },
    },
    delivered: () => delivered,
  };
}

describe('PageClaims', () => {
  it('hands out every page once, across copies sharing the buffer', () => {
    const mine = new PageClaims();
    const theirs = new PageClaims(mine.buffer);
    const taken = [mine.take(5), theirs.take(5), mine.take(5), theirs.take(5), mine.take(5), theirs.take(5)];
    expect(taken).toEqual([1, 2, 3, 4, 5, undefined]);
  });

  it('takes the rest at once: the pages taken before are counted, and nobody takes more', () => {
    const mine = new PageClaims();
    const theirs = new PageClaims(mine.buffer);
    theirs.take(9);
    theirs.take(9);
    expect(mine.takeRest(9)).toBe(2);
    expect(theirs.take(9)).toBeUndefined();
  });
});

describe('reading a PDF with a page helper thread', () => {
  it('gives the same document as one thread, with pages read by the helper', async () => {
    const alone = await readDocumentBytes(longPdf, 'long.pdf');
    const { helper, delivered } = countingHelper();
    const helped = await readDocumentBytes(longPdf, 'long.pdf', {}, helper);
    expect(JSON.stringify(helped)).toBe(JSON.stringify(alone));
    expect(alone.pageCount).toBe(MIN_PAGES_TO_SHARE + 10);
    expect(alone.sections.flatMap((section) => section.blocks).at(-1)?.location.page).toBe(MIN_PAGES_TO_SHARE + 10);
    expect(delivered()).toBeGreaterThan(0);
  });

  it('reads the pages a failed helper had taken', async () => {
    const alone = await readDocumentBytes(longPdf, 'long.pdf');
    const failing: PageHelper = {
      // As if a helper took the first three pages and then its thread died.
      offer: (request) => [1, 2, 3].forEach(() => new PageClaims(request.claims).take(MIN_PAGES_TO_SHARE + 10)),
      collect: async () => undefined,
    };
    expect(JSON.stringify(await readDocumentBytes(longPdf, 'long.pdf', {}, failing))).toBe(JSON.stringify(alone));
  });

  it('takes the pages a helper delivered even when it read them in any order', async () => {
    const alone = await readDocumentBytes(longPdf, 'long.pdf');
    let claims: PageClaims | undefined;
    const stolen: ReadPage[] = [];
    const sneaky: PageHelper = {
      offer: (request) => {
        claims = new PageClaims(request.claims);
      },
      collect: async () => stolen,
    };
    // The helper has taken nothing: every page is read here, and an empty delivery changes nothing.
    expect(JSON.stringify(await readDocumentBytes(longPdf, 'long.pdf', {}, sneaky))).toBe(JSON.stringify(alone));
    expect(claims?.take(MIN_PAGES_TO_SHARE + 10)).toBeUndefined();
  });

  it('reads a short PDF here alone but for pages a fast helper took first', async () => {
    const alone = await readDocumentBytes(shortPdf, 'short.pdf');
    const early: PageHelper = { offer: (request) => void new PageClaims(request.claims).take(5), collect: async () => undefined };
    expect(JSON.stringify(await readDocumentBytes(shortPdf, 'short.pdf', {}, early))).toBe(JSON.stringify(alone));
    const { helper } = countingHelper();
    expect(JSON.stringify(await readDocumentBytes(shortPdf, 'short.pdf', {}, helper))).toBe(JSON.stringify(alone));
  });

  it('gives a short PDF\'s helper up before reading its pages, so that a lease granted meanwhile starts no thread', async () => {
    const events: string[] = [];
    const page = { getViewport: () => ({ height: 800, transform: [1, 0, 0, -1, 0, 800] }), getTextContent: async () => ({ items: [] }), cleanup: () => {} };
    const document = { numPages: 3, getPage: async (number: number) => (events.push(`page ${number}`), page) } as unknown as Parameters<typeof readAllPages>[0];
    const helper: PageHelper = { offer: () => {}, collect: async () => (events.push('helper collected'), undefined) };
    const pages = await readAllPages(document, new PageClaims(), helper);
    expect(pages.map((read) => read.page)).toEqual([1, 2, 3]);
    expect(events[0]).toBe('helper collected');
    expect(events.filter((event) => event.startsWith('page'))).toEqual(['page 1', 'page 2', 'page 3']);

    // With a real helper thread whose lease comes only after that: it never starts, and the lease goes back.
    let grant: () => void = () => {};
    let released = 0;
    const late = pageHelperThread({ ask: (granted) => (grant = granted), release: () => released++ });
    const read = readDocumentBytes(shortPdf, 'short.pdf', {}, late);
    const alone = await readDocumentBytes(shortPdf, 'short.pdf');
    expect(JSON.stringify(await read)).toBe(JSON.stringify(alone));
    grant();
    expect(released).toBe(2); // once when given up, once for the late grant it turned down
  });

  it('stops the helper when the PDF is refused (--max-pages): it reads no more than the pages in hand', async () => {
    const { helper, delivered } = countingHelper();
    await expect(readDocumentBytes(longPdf, 'long.pdf', { maxPages: 10 }, helper)).rejects.toMatchObject({ code: 'TOO_MANY_PAGES' });
    // The offer waited until the helper had taken 3 pages; it takes a few more while this thread
    // opens the PDF (more on a busy machine), but not the 70 it would read if it were not stopped.
    expect(delivered()).toBeGreaterThan(0);
    expect(delivered()).toBeLessThan(35);
  });

  it('opens an encrypted PDF in the helper with the same password, and ends the helper when the password is wrong', async () => {
    const pages = Array.from({ length: MIN_PAGES_TO_SHARE + 2 }, (_, index) => sentence(index + 1));
    const encrypted = writePdf({ pages, encrypt: { userPassword: 'tajne', ownerPassword: 'vlastnik' } });
    const alone = await readDocumentBytes(encrypted, 'plan.pdf', { password: 'tajne' });
    const { helper, delivered } = countingHelper();
    expect(JSON.stringify(await readDocumentBytes(encrypted, 'plan.pdf', { password: 'tajne' }, helper))).toBe(JSON.stringify(alone));
    expect(delivered()).toBeGreaterThan(0);
    const wrong = countingHelper(false);
    await expect(readDocumentBytes(encrypted, 'plan.pdf', { password: 'spatne' }, wrong.helper)).rejects.toMatchObject({ code: 'ENCRYPTED' });
    expect(wrong.delivered()).toBe(0);
  });
});
