// Threads lent for PDF page helpers: granted only within --jobs beside the documents, never while
// documents wait to start, given back when the helper is done or its document ends; and a long PDF
// checked on a worker with a helper gives the same result as in-process alone.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MessagePort } from 'node:worker_threads';
import { afterAll, describe, expect, it } from 'vitest';
import { analyzeInputs } from '../../src/batch/analyze-inputs.js';
import { createLeases } from '../../src/batch/worker-pool.js';
import { loadCriteriaFile } from '../../src/criteria/load.js';
import { MIN_PAGES_TO_SHARE } from '../../src/read/pdf-pages.js';
import { ROOT, testFixture } from '../helpers.js';
import { writePdf } from '../robustness/pdf-writer.js';

/** Whether the port hears "granted" within a short while (the lease answers on the next turns). */
async function granted(port: MessagePort): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      port.off('message', onMessage);
      resolve(false);
    }, 200);
    const onMessage = () => {
      clearTimeout(timer);
      resolve(true);
    };
    port.once('message', onMessage);
  });
}

describe('createLeases', () => {
  it('grants a helper within the budget, and again once it is given back', async () => {
    const leases = createLeases(3, () => false);
    const [a, b] = [leases.open(), leases.open()];
    if (!a || !b) throw new Error('a budget of 3 gives lease lines');
    a.port.postMessage('ask');
    expect(await granted(a.port)).toBe(true);
    b.port.postMessage('ask');
    expect(await granted(b.port)).toBe(false); // two documents and a helper fill the budget of 3
    const bGranted = granted(b.port);
    a.port.postMessage('release');
    expect(await bGranted).toBe(true);
    const c = leases.open(); // a third document fills the budget with b's helper: ask waits
    c?.port.postMessage('ask');
    const cGranted = c ? granted(c.port) : Promise.resolve(false);
    b.close(); // b's document ends: its helper's thread and its own are free
    expect(await cGranted).toBe(true);
    [a, c].forEach((line) => line?.close());
  });

  it('grants nothing while documents wait to start, and nothing at all with one job', async () => {
    let waiting = true;
    const leases = createLeases(2, () => waiting);
    const line = leases.open();
    line?.port.postMessage('ask');
    expect(line ? await granted(line.port) : true).toBe(false);
    waiting = false;
    const other = leases.open(); // a document ends, the next one starts: the lease looks again
    const lineGranted = line ? granted(line.port) : Promise.resolve(false);
    other?.close();
    expect(await lineGranted).toBe(true);
    line?.close();
    expect(createLeases(1, () => false).open()).toBeUndefined();
  });
});

describe('a long PDF with a page helper', () => {
  const directory = mkdtempSync(join(tmpdir(), 's4s-leases-'));
  afterAll(() => rmSync(directory, { recursive: true, force: true }));
  const words = ['zeleň', 'doprava', 'voda', 'energie', 'škola', 'park', 'most', 'les', 'řeka', 'náměstí', 'tramvaj', 'kolo', 'strom'];
  const pages = Array.from({ length: MIN_PAGES_TO_SHARE + 20 }, (_, page) =>
    Array.from({ length: 8 }, (_, line) => `Město podporuje ${words[(page * 5 + line) % words.length]} a ${words[(page * 3 + line + 1) % words.length]}, opatření ${page}.${line}.`),
  );
  const path = join(directory, 'long.pdf');
  writeFileSync(path, writePdf({ pages }));
  const sets = [loadCriteriaFile(testFixture('criteria', 'mini.json'), ROOT)];

  it('gives the same result on a worker with a helper and in-process with one', async () => {
    const entries = [{ path: 'long.pdf', source: path }];
    const alone = await analyzeInputs(entries, sets, { read: {}, jobs: 1, timeoutMs: 0 });
    const pooled = await analyzeInputs(entries, sets, { read: {}, jobs: 2, timeoutMs: 60_000 });
    const inProcess = await analyzeInputs(entries, sets, { read: {}, jobs: 2, timeoutMs: 0 });
    expect(alone[0]?.error ?? null).toBeNull();
    expect(JSON.stringify(pooled)).toBe(JSON.stringify(alone));
    expect(JSON.stringify(inProcess)).toBe(JSON.stringify(alone));
  });
});
