// Passage tagging (`s4s tag`): a passage is scored as a one-paragraph document, so a passage gets
// the same statuses a document would: a goal is addressed through its own terms or its targets'.
import { predictLabels, type PassageModel } from '../classify/model.js';
import { detectLanguage } from '../document/language.js';
import type { DetectedLanguage, Document, LanguageCode } from '../document/types.js';
import type { CriteriaSet } from '../criteria/types.js';
import type { Matcher } from '../match/match.js';
import { analyzeDocument } from './analyze.js';
import { strengthFromScore } from './score.js';
import type { Status } from './types.js';

export interface PassageTag {
  criterion: string;
  framework: string;
  parent?: string;
  status: Exclude<Status, 'missing'>;
  /** The criterion's score from its evidence; for a tag of the model, its probability. */
  score: number;
  /**
   * Terms that matched, the criterion's own first, then those of its sub-criteria; for a tag of
   * the model, the passage's words that weighed most for it.
   */
  terms: string[];
  /** What tagged it: the criteria's terms, or the learned passage model where no term did. */
  source: 'terms' | 'model';
}

/**
 * By default a passage is tagged with every criterion it addresses. With a share above 0 it is
 * tagged only with what it is mainly about: a top-level criterion then needs at least that share
 * of the evidence strength of the strongest top-level criterion of its set (a sub-criterion
 * follows its parent), so a passage on farming that mentions poverty once is no poverty passage.
 * On the TU Berlin tuning passages, shares from 0 to 0.5 change macro accuracy by under 0.01.
 */
export const DEFAULT_MIN_SHARE = 0;

export interface TagOptions {
  /** 0 (the default) tags every criterion with enough evidence of its own, whatever else the passage is about. */
  minShare?: number;
  /**
   * A second opinion for passages in the model's language when its set is selected: a criterion the
   * model is confident of tags the passage when no term matched it (status `partial`). It adds
   * tags, never removes one; a criterion that --min-share left out stays out.
   */
  model?: PassageModel;
}

export interface TaggedPassage {
  language: DetectedLanguage;
  tags: PassageTag[];
}

/** `auto` detects the language of each passage; short passages fall back to all languages. */
export function tagPassage(text: string, language: LanguageCode | 'auto', sets: CriteriaSet[], matcher: Matcher, options: TagOptions = {}): TaggedPassage {
  const minShare = options.minShare ?? DEFAULT_MIN_SHARE;
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
  const result = analyzeDocument(document, sets, matcher, { reportLanguage: 'en', unit: 'passage' });
  const parents = new Map(result.criteria.flatMap((criterion) => (criterion.parent ? [[criterion.id, criterion.parent] as const] : [])));
  const termsById = new Map(result.criteria.map((criterion) => [criterion.id, criterion.evidence.flatMap((item) => item.terms)]));
  const childTerms = new Map<string, string[]>();
  for (const criterion of result.criteria) {
    if (criterion.parent) childTerms.set(criterion.parent, [...(childTerms.get(criterion.parent) ?? []), ...(termsById.get(criterion.id) ?? [])]);
  }
  const strongest = new Map<string, number>();
  for (const criterion of result.criteria) {
    if (!criterion.parent) strongest.set(criterion.framework, Math.max(strongest.get(criterion.framework) ?? 0, strengthFromScore(criterion.score, 'passage')));
  }
  const mainTopics = new Set(
    result.criteria.filter((criterion) => !criterion.parent && criterion.status !== 'missing' && strengthFromScore(criterion.score, 'passage') >= minShare * (strongest.get(criterion.framework) ?? 0)).map((criterion) => criterion.id),
  );
  const tags: PassageTag[] = [];
  for (const criterion of result.criteria) {
    if (criterion.status === 'missing' || !mainTopics.has(topOf(criterion.id, parents))) continue;
    tags.push({
      criterion: criterion.id,
      framework: criterion.framework,
      ...(criterion.parent ? { parent: criterion.parent } : {}),
      status: criterion.status,
      score: criterion.score,
      terms: [...new Set([...(termsById.get(criterion.id) ?? []), ...(childTerms.get(criterion.id) ?? [])])],
      source: 'terms',
    });
  }
  const model = options.model;
  if (model && model.language === passageLanguage) {
    // Only criteria of the model's set that this run analysed (a custom set may leave some out).
    const modelCriteria = new Set(result.criteria.filter((criterion) => criterion.framework === model.set).map((criterion) => criterion.id));
    // A criterion the terms found evidence for is theirs, even when --min-share left it out.
    const foundByTerms = new Set(result.criteria.filter((criterion) => criterion.status !== 'missing').map((criterion) => criterion.id));
    for (const label of predictLabels(model, text)) {
      if (foundByTerms.has(label.criterion) || !modelCriteria.has(label.criterion)) continue;
      tags.push({ criterion: label.criterion, framework: model.set, status: 'partial', score: Math.round(label.probability * 1000) / 1000, terms: label.words, source: 'model' });
    }
    // In the criteria's order, as the terms' tags are.
    const rank = new Map(result.criteria.map((criterion, index) => [criterion.id, index]));
    tags.sort((a, b) => (rank.get(a.criterion) ?? 0) - (rank.get(b.criterion) ?? 0));
  }
  return { language: passageLanguage, tags };
}

function topOf(id: string, parents: Map<string, string>): string {
  let current = id;
  for (let parent = parents.get(current); parent; parent = parents.get(current)) current = parent;
  return current;
}
