// A helper thread for one PDF: reads pages of it, taken from the counter it shares with the thread
// that reads the document (pdf-pages.ts), and posts them back. Started with a lease on a core
// (`--jobs`), and ended when its pages are collected, so that its memory (its own pdf.js and the
// document it opened) is given back before the analysis, which is when a check peaks.
import type { Worker } from 'node:worker_threads';
import { startQuietWorker } from '../worker-loader.js';
import type { PageHelper, PageHelpRequest, ReadPage } from './pdf-pages.js';

/** Permission to use one more thread: `ask` calls back when one may start; `release` gives it back. */
export interface HelperLease {
  ask(granted: () => void): void;
  release(): void;
}

/**
 * A lease granted at once, with nothing to give back: for the one document a process reads on its
 * own thread (check in-process, extract) when --jobs allows a second thread.
 */
export const LEASE_GRANTED: HelperLease = { ask: (granted) => granted(), release: () => {} };

/** The helper thread's entry, compiled or (tests, development) its TypeScript source. */
const HELPER_URL = new URL(import.meta.url.endsWith('.ts') ? './pdf-page-helper-thread.ts' : './pdf-page-helper-thread.js', import.meta.url);

/** A PageHelper that starts a helper thread when the lease allows one. */
export function pageHelperThread(lease: HelperLease): PageHelper {
  let collecting = false;
  let helper: { worker: Worker; pages: Promise<ReadPage[] | undefined> } | undefined;
  let collected: Promise<ReadPage[] | undefined> | undefined;
  return {
    offer(request: PageHelpRequest) {
      lease.ask(() => {
        if (collecting) return lease.release();
        let worker: Worker;
        try {
          worker = startQuietWorker(HELPER_URL, request);
        } catch {
          return lease.release(); // no thread to be had (resources): this thread reads every page
        }
        const pages = new Promise<ReadPage[] | undefined>((resolve) => {
          worker.once('message', (message: ReadPage[]) => resolve(message));
          worker.once('error', () => resolve(undefined));
          worker.once('exit', () => resolve(undefined));
        });
        helper = { worker, pages };
      });
    },
    collect() {
      collecting = true;
      collected ??= (async () => {
        if (!helper) {
          lease.release();
          return undefined;
        }
        try {
          return await helper.pages;
        } finally {
          await helper.worker.terminate();
          lease.release();
        }
      })();
      return collected;
    },
  };
}
