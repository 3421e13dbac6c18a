// The entry for an input that could not be read. Kept apart from the analysis so that the main
// thread of a batch, which only collects results from workers, never loads the matcher and stemmers.
import type { DocumentResult } from './types.js';

/** The entry for an input that could not be read: it still appears in every report. */
export function errorResult(path: string, code: string, message: string): DocumentResult {
  return {
    path,
    format: null,
    language: null,
    reportLanguage: 'en',
    sha256: null,
    sectionCount: 0,
    error: { code, message },
    score: null,
    frameworks: [],
    criteria: [],
    gaps: [],
    warnings: [],
    counts: { met: 0, partial: 0, missing: 0 },
  };
}
