// The core: a Document and criteria sets in, a DocumentResult out. No files, terminal or clock.
import type { Document } from '../document/types.js';
import type { CriteriaSet } from '../criteria/types.js';
import { matchDocument, type Matcher } from '../match/match.js';
import { scoreDocument, type ScoreOptions } from './score.js';
import type { DocumentResult } from './types.js';

export function analyzeDocument(document: Document, sets: CriteriaSet[], matcher: Matcher, options: ScoreOptions = {}): DocumentResult {
  return scoreDocument(document, sets, matchDocument(document, matcher), options);
}
