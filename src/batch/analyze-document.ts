// One document through the pipeline: read (possibly from the extraction cache), then analyse, with
// any failure turned into that document's error entry. The two steps can run in one thread or in
// two (a reader worker and an analyser worker), and in-process.
import { createHash } from 'node:crypto';
import type { CriteriaSet } from '../criteria/types.js';
import type { Document } from '../document/types.js';
import { createMatcher } from '../match/match.js';
import { ReadError } from '../read/errors.js';
import { readDocumentBytes, readFileBytes, type ReadOptions } from '../read/index.js';
import { analyzeDocument, errorResult } from '../score/analyze.js';
import type { DocumentResult } from '../score/types.js';
import { openDocumentCache, readerFingerprint } from './document-cache.js';

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

export type DocumentReader = (task: DocumentTask) => Promise<Document>;
export type ReadDocumentAnalyzer = (document: Document, path: string) => DocumentResult;
export type DocumentAnalyzer = (task: DocumentTask) => Promise<DocumentResult>;

/** Reads inputs into documents, through the cache when there is one; failures are thrown. */
export function createDocumentReader(setup: AnalysisSetup): DocumentReader {
  const cache = setup.cacheDirectory ? openDocumentCache(setup.cacheDirectory, readerFingerprint(setup.toolVersion, setup.read)) : undefined;
  return async (task) => {
    const bytes = task.bytes ?? (await readFileBytes(task.source, setup.read));
    if (!cache) return readDocumentBytes(bytes, task.source, setup.read);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const cached = cache.lookup(sha256);
    if (cached) return cached;
    const document = await readDocumentBytes(bytes, task.source, setup.read);
    cache.store(document);
    return document;
  };
}

/** Compiles the criteria once; the returned function then analyses any number of read documents. */
export function createReadDocumentAnalyzer(setup: AnalysisSetup): ReadDocumentAnalyzer {
  const matcher = createMatcher(setup.sets);
  const scoreOptions = setup.reportLanguage ? { reportLanguage: setup.reportLanguage } : {};
  return (document, path) => {
    try {
      return analyzeDocument({ ...document, path }, setup.sets, matcher, scoreOptions);
    } catch (error) {
      return toErrorResult(path, error);
    }
  };
}

/** Both steps in one thread. */
export function createDocumentAnalyzer(setup: AnalysisSetup): DocumentAnalyzer {
  const read = createDocumentReader(setup);
  const analyse = createReadDocumentAnalyzer(setup);
  return async (task) => {
    let document: Document;
    try {
      document = await read(task);
    } catch (error) {
      return toErrorResult(task.path, error);
    }
    return analyse(document, task.path);
  };
}

export function toErrorResult(path: string, error: unknown): DocumentResult {
  if (error instanceof ReadError) return errorResult(path, error.code, error.message);
  const message = error instanceof Error ? (error.message.split('\n')[0] ?? error.name) : String(error);
  return errorResult(path, 'READ_FAILED', message);
}
