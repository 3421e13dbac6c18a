// Reading under a time limit (extract --timeout): the document read on its own thread is the one read
// here; a thread stuck in synchronous code is ended when the limit passes, and one that dies says so.
import { describe, expect, it } from 'vitest';
import { readDocumentFile } from '../../src/read/index.js';
import { readInWorker } from '../../src/read/read-in-worker.js';
import { fixture } from '../helpers.js';

const MISBEHAVING = new URL('./fixtures/misbehaving-read-worker.ts', import.meta.url);

describe('readInWorker', () => {
  it('gives the document as reading it here does, PDF with pages and Markdown alike', async () => {
    for (const path of [fixture('pdf', 'cs-strategie.pdf'), fixture('strategies', 'cs-horni-lhota.md')]) {
      const here = await readDocumentFile(path, {});
      expect(await readInWorker({ source: path, options: {}, pageHelper: false }, 60_000)).toEqual(here);
    }
  }, 60_000);

  it('reads bytes it is given (standard input), with the format hint', async () => {
    const bytes = new TextEncoder().encode('# Strategie\n\nMěsto podporuje veřejnou dopravu.\n');
    const document = await readInWorker({ source: '-', bytes, options: { formatHint: 'md' }, pageHelper: false }, 60_000);
    expect(document).toMatchObject({ format: 'md', sections: [expect.objectContaining({ heading: 'Strategie' })] });
  });

  it('turns what the reader refuses into the same ReadError', async () => {
    const path = fixture('pdf', 'encrypted.pdf');
    const here = await readDocumentFile(path, {}).catch((error: unknown) => error);
    await expect(readInWorker({ source: path, options: {}, pageHelper: false }, 60_000)).rejects.toEqual(here);
    await expect(readInWorker({ source: path, options: {}, pageHelper: false }, 60_000)).rejects.toMatchObject({ name: 'ReadError', code: 'ENCRYPTED' });
  });

  it('ends a thread stuck in synchronous code when the limit passes: TIMEOUT', async () => {
    const started = Date.now();
    await expect(readInWorker({ source: '/nowhere/hang.pdf', options: {}, pageHelper: false }, 1_500, MISBEHAVING)).rejects.toMatchObject({
      code: 'TIMEOUT',
      message: 'stopped after 1.5 s (--timeout)',
    });
    expect(Date.now() - started).toBeLessThan(20_000);
  }, 30_000);

  it('says so when the thread ends without an answer', async () => {
    await expect(readInWorker({ source: '/nowhere/exit.pdf', options: {}, pageHelper: false }, 60_000, MISBEHAVING)).rejects.toMatchObject({
      code: 'READ_FAILED',
      message: 'the thread reading it exited (code 3)',
    });
  });
});
