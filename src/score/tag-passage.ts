// Passage tagging (`s4s tag`): a passage is scored as a one-paragraph document, so a passage gets
// the same statuses a document would: a goal is addressed through its own terms or its targets'.
import { detectLanguage } from '../document/language.js';
import type { DetectedLanguage, Document, LanguageCode } from '../document/types.js';
import type { CriteriaSet } from '../criteria/types.js';
import type { Matcher } from '../match/match.js';
import { analyzeDocument } from './analyze.js';
import type { Status } from './types.js';

export interface PassageTag {
  criterion: string;
  framework: string;
  parent?: string;
  status: Exclude<Status, 'missing'>;
  score: number;
  /** Terms that matched, the criterion's own first, then those of its sub-criteria. */
  terms: string[];
}

export interface TaggedPassage {
  language: DetectedLanguage;
  tags: PassageTag[];
}

/** `auto` detects the language of each passage; short passages fall back to all languages. */
export function tagPassage(text: string, language: LanguageCode | 'auto', sets: CriteriaSet[], matcher: Matcher): TaggedPassage {
  const passageLanguage = language === 'auto' ? detectLanguage(text) : language;
  const document: Document = {
    path: '',
    format: 'txt',
    sha256: '',
    language: passageLanguage,
    sections: [{ heading: '', level: 0, path: [], location: {}, blocks: [{ text, location: {} }] }],
    metadata: {},
    warnings: [],
  };
  const result = analyzeDocument(document, sets, matcher, { reportLanguage: 'en' });
  const termsById = new Map(result.criteria.map((criterion) => [criterion.id, criterion.evidence.flatMap((item) => item.terms)]));
  const childTerms = new Map<string, string[]>();
  for (const criterion of result.criteria) {
    if (criterion.parent) childTerms.set(criterion.parent, [...(childTerms.get(criterion.parent) ?? []), ...(termsById.get(criterion.id) ?? [])]);
  }
  const tags: PassageTag[] = [];
  for (const criterion of result.criteria) {
    if (criterion.status === 'missing') continue;
    tags.push({
      criterion: criterion.id,
      framework: criterion.framework,
      ...(criterion.parent ? { parent: criterion.parent } : {}),
      status: criterion.status,
      score: criterion.score,
      terms: [...new Set([...(termsById.get(criterion.id) ?? []), ...(childTerms.get(criterion.id) ?? [])])],
    });
  }
  return { language: passageLanguage, tags };
}
