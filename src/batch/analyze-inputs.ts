// Runs the pipeline over every input: read, analyse, and turn any failure into that input's
// error entry so that one broken file never stops the batch.
import type { Readable } from 'node:stream';
import type { CriteriaSet } from '../criteria/types.js';
import type { InputEntry } from '../cli/inputs.js';
import { readDocumentBytes, readDocumentFile, type ReadOptions } from '../read/index.js';
import { ReadError } from '../read/errors.js';
import { createMatcher } from '../match/match.js';
import { analyzeDocument, errorResult } from '../score/analyze.js';
import type { DocumentResult } from '../score/types.js';

export interface AnalyzeOptions {
  read: ReadOptions;
  reportLanguage?: string;
  stdin?: Readable;
}

export async function analyzeInputs(entries: InputEntry[], sets: CriteriaSet[], options: AnalyzeOptions): Promise<DocumentResult[]> {
  const matcher = createMatcher(sets);
  const results: DocumentResult[] = [];
  for (const entry of entries) {
    if (entry.missing) {
      results.push(errorResult(entry.path, 'ENOENT', 'no such file, directory or matching glob'));
      continue;
    }
    try {
      const document =
        entry.source === '-' ? await readDocumentBytes(await readAll(options.stdin), '-', options.read) : await readDocumentFile(entry.source, options.read);
      results.push(analyzeDocument({ ...document, path: entry.path }, sets, matcher, options.reportLanguage ? { reportLanguage: options.reportLanguage } : {}));
    } catch (error) {
      results.push(toErrorResult(entry.path, error));
    }
  }
  return results;
}

export function toErrorResult(path: string, error: unknown): DocumentResult {
  if (error instanceof ReadError) return errorResult(path, error.code, error.message);
  const message = error instanceof Error ? error.message.split('\n')[0] ?? error.name : String(error);
  return errorResult(path, 'READ_FAILED', message);
}

async function readAll(stream: Readable | undefined): Promise<Uint8Array> {
  if (!stream) return new Uint8Array();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks);
}
