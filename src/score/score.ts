// Scoring: turns the evidence found for each criterion into a score (0-1), a status from the
// criterion's thresholds, an explanation, framework scores (0-100), an overall score and gaps.
import type { Document, Section } from '../document/types.js';
import type { CriteriaSet, Criterion } from '../criteria/types.js';
import { localize } from '../criteria/types.js';
import type { Evidence, MatchResult } from '../match/match.js';
import type { CriterionResult, DocumentResult, EvidenceResult, FrameworkResult, Gap, Status, StatusCounts } from './types.js';

/** How many quotes a criterion carries in the report; the count says how many there were. */
export const QUOTES_PER_CRITERION = 5;

interface Strength {
  value: number;
  passages: number;
  sections: number;
  terms: string[];
  headingHit: boolean;
}

export interface ScoreOptions {
  /** Language for titles and guidance; the document's language when absent. */
  reportLanguage?: string;
}

export function scoreDocument(document: Document, sets: CriteriaSet[], matches: MatchResult, options: ScoreOptions = {}): DocumentResult {
  const reportLanguage = options.reportLanguage ?? (document.language === 'und' ? 'en' : document.language);
  const criteria: CriterionResult[] = [];
  const frameworks: FrameworkResult[] = [];
  for (const set of sets) {
    const strengths = new Map(set.criteria.map((criterion) => [criterion.id, strengthOf(matches.get(criterion.id) ?? [])]));
    const results = set.criteria.map((criterion) => scoreCriterion(criterion, set, strengths, matches.get(criterion.id) ?? [], document, reportLanguage));
    criteria.push(...results);
    frameworks.push(scoreFramework(set, results, reportLanguage));
  }
  return {
    path: document.path,
    format: document.format,
    language: document.language,
    reportLanguage,
    sha256: document.sha256,
    ...(document.pageCount !== undefined ? { pageCount: document.pageCount } : {}),
    sectionCount: document.sections.length,
    error: null,
    score: frameworks.length ? round1(frameworks.reduce((sum, framework) => sum + framework.score, 0) / frameworks.length) : 0,
    frameworks,
    criteria,
    gaps: gapsOf(criteria, sets, reportLanguage),
    warnings: document.warnings,
    counts: countStatuses(criteria),
  };
}

function strengthOf(evidence: Evidence[]): Strength {
  const terms = new Set<string>();
  const sections = new Set<number>();
  let passages = 0;
  let headingHit = false;
  let structural = false;
  for (const item of evidence) {
    const factor = item.role === 'body' ? 1 : 0.5;
    passages += factor;
    sections.add(item.sectionIndex);
    for (const term of item.terms) terms.add(term);
    headingHit ||= item.inHeading;
    structural ||= item.structuralHeading;
  }
  const value = terms.size + 0.3 * Math.min(passages, 10) + 0.5 * Math.min(sections.size, 5) + (headingHit ? 1.5 : 0) + (structural ? 3 : 0);
  return { value: evidence.length ? value : 0, passages: evidence.length, sections: sections.size, terms: [...terms], headingHit: headingHit || structural };
}

/** Saturating map from evidence strength to 0-1: one term in one passage is weak, several in several chapters strong. */
function scoreFromStrength(value: number): number {
  return Math.round((1 - Math.exp(-value / 4)) * 1000) / 1000;
}

function scoreCriterion(criterion: Criterion, set: CriteriaSet, strengths: Map<string, Strength>, evidence: Evidence[], document: Document, language: string): CriterionResult {
  const own = strengths.get(criterion.id) ?? strengthOf([]);
  const children = set.criteria.filter((candidate) => candidate.parent === criterion.id);
  const addressedChildren = children.filter((child) => (strengths.get(child.id)?.passages ?? 0) > 0);
  // A goal is also addressed through its targets: their evidence adds to its own, at half weight.
  const childStrength = addressedChildren.reduce((sum, child) => sum + (strengths.get(child.id)?.value ?? 0), 0);
  const score = scoreFromStrength(own.value + 0.5 * childStrength);
  const status = statusFor(score, criterion);
  const ranked = rankEvidence(evidence);
  const result: CriterionResult = {
    id: criterion.id,
    framework: set.id,
    title: localize(criterion.title, language),
    kind: criterion.kind,
    ...(criterion.parent ? { parent: criterion.parent } : {}),
    weight: criterion.weight,
    status,
    score,
    explanation: explain(status, own, ranked[0], document, children.length, addressedChildren.length),
    evidence: ranked.slice(0, QUOTES_PER_CRITERION).map((item) => toEvidenceResult(item, document.sections[item.sectionIndex])),
    evidenceCount: evidence.length,
  };
  if (status !== 'met') result.guidance = localize(criterion.guidance, language);
  return result;
}

function statusFor(score: number, criterion: Criterion): Status {
  if (score >= criterion.thresholds.met) return 'met';
  if (score >= criterion.thresholds.partial) return 'partial';
  return 'missing';
}

/** Headings first, then passages with more distinct terms, then document order. */
function rankEvidence(evidence: Evidence[]): Evidence[] {
  return evidence
    .map((item, order) => ({ item, order }))
    .sort((a, b) => rankOf(b.item) - rankOf(a.item) || a.order - b.order)
    .map(({ item }) => item);
}

function rankOf(item: Evidence): number {
  return (item.structuralHeading ? 100 : 0) + (item.inHeading ? 10 : 0) + item.terms.length + (item.role === 'body' ? 0.5 : 0);
}

function toEvidenceResult(item: Evidence, section: Section | undefined): EvidenceResult {
  const sectionPath = section?.path ?? [];
  return {
    quote: item.quote,
    section: sectionPath.join(' > '),
    sectionPath,
    ...(item.location.page !== undefined ? { page: item.location.page } : {}),
    ...(item.location.line !== undefined ? { line: item.location.line } : {}),
    ...(item.location.paragraph !== undefined ? { paragraph: item.location.paragraph } : {}),
    terms: item.terms,
  };
}

function explain(status: Status, own: Strength, strongest: Evidence | undefined, document: Document, childCount: number, addressedChildren: number): string {
  const childPart = childCount > 0 ? `; ${addressedChildren} of ${childCount} sub-criteria addressed` : '';
  if (own.passages === 0) {
    return addressedChildren > 0 ? `${status}: no passage on the topic as a whole${childPart}` : `${status}: no passage matches its terms`;
  }
  const place = strongest ? placeOf(strongest, document) : '';
  const passages = `${own.passages} passage${own.passages === 1 ? '' : 's'} in ${own.sections} section${own.sections === 1 ? '' : 's'}`;
  const heading = own.headingHit ? ', with a heading' : '';
  return `${status}: ${passages}${heading}, strongest ${place} (terms: ${own.terms.slice(0, 5).join(', ')})${childPart}`;
}

function placeOf(item: Evidence, document: Document): string {
  const { page, line, paragraph } = item.location;
  if (page !== undefined) return `on p. ${page}`;
  if (line !== undefined) return `at line ${line}`;
  if (paragraph !== undefined) return `in paragraph ${paragraph}`;
  const heading = document.sections[item.sectionIndex]?.heading;
  return heading ? `in "${heading}"` : 'in the text';
}

const CREDIT: Record<Status, number> = { met: 1, partial: 0.5, missing: 0 };

function scoreFramework(set: CriteriaSet, results: CriterionResult[], language: string): FrameworkResult {
  const topLevel = results.filter((result) => !result.parent);
  const totalWeight = topLevel.reduce((sum, result) => sum + result.weight, 0);
  const credit = topLevel.reduce((sum, result) => sum + result.weight * CREDIT[result.status], 0);
  return {
    id: set.id,
    version: set.version,
    title: localize(set.title, language),
    score: totalWeight > 0 ? round1((100 * credit) / totalWeight) : 0,
    counts: countStatuses(topLevel),
  };
}

/** Top-level gaps first, heavier before lighter, missing before partial; then set order. */
function gapsOf(results: CriterionResult[], sets: CriteriaSet[], language: string): Gap[] {
  const guidanceById = new Map(sets.flatMap((set) => set.criteria.map((criterion) => [criterion.id, localize(criterion.guidance, language)] as const)));
  return results
    .map((result, order) => ({ result, order }))
    .filter(({ result }) => result.status !== 'met')
    .sort((a, b) => Number(Boolean(a.result.parent)) - Number(Boolean(b.result.parent)) || b.result.weight - a.result.weight || Number(a.result.status === 'partial') - Number(b.result.status === 'partial') || a.order - b.order)
    .map(({ result }) => ({
      id: result.id,
      framework: result.framework,
      title: result.title,
      status: result.status as Gap['status'],
      weight: result.weight,
      guidance: guidanceById.get(result.id) ?? '',
    }));
}

export function countStatuses(results: { status: Status }[]): StatusCounts {
  const counts: StatusCounts = { met: 0, partial: 0, missing: 0 };
  for (const result of results) counts[result.status]++;
  return counts;
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}
