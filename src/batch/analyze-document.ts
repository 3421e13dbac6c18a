// One document through the pipeline (read, possibly from the extraction cache, then analyse), with
// any failure turned into that document's error entry. Runs in a worker thread or in-process.
import { createHash } from 'node:crypto';
import type { CriteriaSet } from '../criteria/types.js';
import type { Document } from '../document/types.js';
import { createMatcher } from '../match/match.js';
import { asReadError } from '../read/errors.js';
import { detectFormat } from '../read/detect-format.js';
import { readDocumentBytes, readFileBytes, type ReadOptions } from '../read/index.js';
import type { PageHelper } from '../read/pdf-pages.js';
import { analyzeDocument } from '../score/analyze.js';
import { errorResult } from '../score/error-result.js';
import type { DocumentResult } from '../score/types.js';
import { openDocumentCache, readerFingerprint, type DocumentCache } from './document-cache.js';

/** Everything a worker needs, sent once when it starts. */
export interface AnalysisSetup {
  sets: CriteriaSet[];
  read: ReadOptions;
  reportLanguage?: string;
  /** The extraction cache's directory; without it nothing is cached. */
  cacheDirectory?: string;
  toolVersion: string;
}

/** One input to analyse: a file, or standard input's bytes read by the main thread. */
export interface DocumentTask {
  /** As reported. */
  path: string;
  /** Absolute path, or `-` for standard input. */
  source: string;
  bytes?: Uint8Array;
}

/** `pdfHelper`: another thread that may read some of a PDF's pages (src/read/pdf-pages.ts). */
export type DocumentAnalyzer = (task: DocumentTask, pdfHelper?: PageHelper) => Promise<DocumentResult>;

/** Compiles the criteria once; the returned function then analyses any number of documents. */
export function createDocumentAnalyzer(setup: AnalysisSetup): DocumentAnalyzer {
  const matcher = createMatcher(setup.sets);
  const cache = setup.cacheDirectory ? openDocumentCache(setup.cacheDirectory, readerFingerprint(setup.toolVersion, setup.read)) : undefined;
  const scoreOptions = setup.reportLanguage ? { reportLanguage: setup.reportLanguage } : {};
  return async (task, pdfHelper) => {
    try {
      const document = await readTask(task, setup.read, cache, pdfHelper);
      return analyzeDocument({ ...document, path: task.path }, setup.sets, matcher, scoreOptions);
    } catch (error) {
      return toErrorResult(task.path, error);
    }
  };
}

async function readTask(task: DocumentTask, options: ReadOptions, cache: DocumentCache | undefined, pdfHelper: PageHelper | undefined): Promise<Document> {
  const bytes = task.bytes ?? (await readFileBytes(task.source, options));
  if (!cache) return readDocumentBytes(bytes, task.source, options, pdfHelper);
  const format = detectFormat(bytes, task.source, options.formatHint);
  // A PDF opened with --password is never cached: its text would sit decrypted on disk, and a wrong
  // password must be refused, not answered from what the right one once opened.
  if (format === 'pdf' && options.password !== undefined) return readDocumentBytes(bytes, task.source, options, pdfHelper);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const cached = cache.lookup(sha256, format);
  if (cached) return cached;
  const document = await readDocumentBytes(bytes, task.source, options, pdfHelper);
  cache.store(document);
  return document;
}

export function toErrorResult(path: string, error: unknown): DocumentResult {
  const { code, message } = asReadError(error);
  return errorResult(path, code, message);
}
