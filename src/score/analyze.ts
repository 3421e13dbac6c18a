// The core: a Document and criteria sets in, a DocumentResult out. No files, terminal or clock.
import type { Document } from '../document/types.js';
import type { CriteriaSet } from '../criteria/types.js';
import { matchDocument, type Matcher } from '../match/match.js';
import { scoreDocument, type ScoreOptions } from './score.js';
import type { DocumentResult } from './types.js';

export function analyzeDocument(document: Document, sets: CriteriaSet[], matcher: Matcher, options: ScoreOptions = {}): DocumentResult {
  return scoreDocument(document, sets, matchDocument(document, matcher), options);
}

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
