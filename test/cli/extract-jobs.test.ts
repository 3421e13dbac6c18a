// `s4s extract --jobs`, `--timeout`: with two threads allowed, a PDF is offered to a page helper thread (the real
// one, watched), and the output is the same as with one thread. How many pages the helper reads
// depends on how soon its thread starts; test/read/pdf-pages.test.ts covers what it reads. With
// --timeout 0 the document is read on this thread, where the helper is watched; with a time limit it is
// read on a thread of its own, which starts its own helper.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { MIN_PAGES_TO_SHARE, type PageHelper } from '../../src/read/pdf-pages.js';
import { runS4s } from '../helpers.js';
import { writePdf } from '../robustness/pdf-writer.js';

const helped = vi.hoisted(() => ({ offers: 0, collects: 0 }));

vi.mock('../../src/read/pdf-page-helper.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/read/pdf-page-helper.js')>();
  return {
    ...actual,
    pageHelperThread: (...args: Parameters<typeof actual.pageHelperThread>): PageHelper => {
      const helper = actual.pageHelperThread(...args);
      return {
        offer: (request) => {
          helped.offers++;
          helper.offer(request);
        },
        collect: () => {
          helped.collects++;
          return helper.collect();
        },
      };
    },
  };
});

describe('s4s extract --jobs and --timeout', () => {
  const directory = mkdtempSync(join(tmpdir(), 's4s-extract-jobs-'));
  afterAll(() => rmSync(directory, { recursive: true, force: true }));
  const pages = Array.from({ length: MIN_PAGES_TO_SHARE + 40 }, (_, page) => [`${page + 1} Kapitola ${page + 1}`, ...Array.from({ length: 12 }, (_, line) => `Město podporuje dopravu a zeleň, opatření ${page}.${line}.`)]);
  const path = join(directory, 'long.pdf');
  writeFileSync(path, writePdf({ pages }));

  it('offers a long PDF to a page helper when two threads are allowed, with the same output as one thread', async () => {
    const alone = await runS4s(['extract', path, '--format', 'json', '--jobs', '1', '--timeout', '0']);
    expect(alone.code).toBe(0);
    expect(helped).toEqual({ offers: 0, collects: 0 });

    const shared = await runS4s(['extract', path, '--format', 'json', '--jobs', '2', '--timeout', '0']);
    expect(shared.code).toBe(0);
    expect(helped.offers).toBe(1);
    expect(helped.collects).toBeGreaterThan(0); // its pages, then its end (collect is memoised)
    expect(shared.stdout).toBe(alone.stdout);
    expect(JSON.parse(shared.stdout)).toMatchObject({ format: 'pdf', pages: MIN_PAGES_TO_SHARE + 40 });

    // Under a time limit (the default), on a thread of its own with or without a helper: the same output.
    for (const jobs of ['1', '2']) expect((await runS4s(['extract', path, '--format', 'json', '--jobs', jobs])).stdout).toBe(alone.stdout);
    expect(helped.offers).toBe(1);
  }, 60_000);

  it('refuses a --jobs that is not a number of at least 1, and a --timeout that is not seconds', async () => {
    const run = await runS4s(['extract', path, '--jobs', '0']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('invalid --jobs "0"');
    expect(await runS4s(['extract', path, '--timeout', '-1'])).toMatchObject({ code: 2, stdout: '', stderr: 's4s: invalid --timeout "-1" (use seconds, e.g. 120, or 0 for no limit)\n' });
  });
});
