// Entry of a PDF page helper thread (pdf-page-helper.ts): reads the pages it can take and posts them.
import { parentPort, workerData } from 'node:worker_threads';
import { readPagesForHelp, type PageHelpRequest } from './pdf-pages.js';

parentPort?.postMessage(await readPagesForHelp(workerData as PageHelpRequest));
