// Scoring: turns the evidence found for each criterion into a score (0-1), a status from the
// criterion's thresholds, an explanation, framework scores (0-100), an overall score and gaps.
import type { Document, Section } from '../document/types.js';
import type { CriteriaSet, Criterion } from '../criteria/types.js';
import { localize } from '../criteria/types.js';
import { isRespelling, type Evidence, type MatchResult, type TermSpans } from '../match/match.js';
import { explainStatus } from './explain.js';
import type { CriterionResult, DocumentResult, EvidenceResult, FrameworkResult, Gap, Status, StatusCounts } from './types.js';

/** How many quotes a criterion carries in the report; the count says how many there were. */
export const QUOTES_PER_CRITERION = 5;

interface Strength {
  value: number;
  passages: number;
  chapters: number;
  headingHits: number;
  terms: string[];
}

/**
 * How much a passage counts by where it stands: body text fully; annexes and notes (footnotes,
 * captions: mostly sources and labels, not commitments) half; reference lists a quarter (a title in
 * a bibliography shows reading, not a commitment). Tables of contents never reach scoring (match.ts
 * skips them).
 */
const ROLE_WEIGHT: Record<Evidence['role'], number> = { body: 1, annex: 0.5, note: 0.5, reference: 0.25 };
/** A heading naming the topic shows a part devoted to it: worth two more passages. */
const HEADING_BONUS = 2;
/** A heading that names a required part (a "Vision" chapter) shows the part on its own. */
const STRUCTURAL_HEADING_BONUS = 8;
/** Each distinct term beyond the first shows breadth: half a passage each. */
const TERM_BREADTH = 0.5;
/** Each chapter beyond the first shows the topic runs through the document: a passage each. */
const CHAPTER_BREADTH = 1;
/** Beyond this many passages, more of the same adds little (logarithmically): thirty mentions are not twice fifteen. */
const FULLY_COUNTED_PASSAGES = 15;
const MAX_COUNTED_TERMS = 8;
const MAX_COUNTED_CHAPTERS = 12;
/**
 * Scale of the map from strength to score. With the usual thresholds (partial 0.2, met 0.5) one
 * body passage is partial and about seven passage-equivalents are met (four passages in three
 * chapters with a few distinct terms): a topic the document treats, not one it mentions. A single
 * passage (`s4s tag`) is judged on its own scale: one term is partial, two distinct terms met.
 */
const STRENGTH_SCALE: Record<EvidenceUnit, number> = { document: 15, passage: 3 };
export type EvidenceUnit = 'document' | 'passage';
const NO_STRENGTH: Strength = { value: 0, passages: 0, chapters: 0, headingHits: 0, terms: [] };

export interface ScoreOptions {
  /** Language for titles and guidance; the document's language when absent. */
  reportLanguage?: string;
  /** What is scored: a whole document (default) or one passage. */
  unit?: EvidenceUnit;
}

export function scoreDocument(document: Document, sets: CriteriaSet[], matches: MatchResult, options: ScoreOptions = {}): DocumentResult {
  const reportLanguage = options.reportLanguage ?? (document.language === 'und' ? 'en' : document.language);
  const chapters = chapterIndexes(document.sections);
  const criteria: CriterionResult[] = [];
  const frameworks: FrameworkResult[] = [];
  for (const set of sets) {
    const children = new Map<string, Criterion[]>();
    for (const criterion of set.criteria) if (criterion.parent) children.set(criterion.parent, [...(children.get(criterion.parent) ?? []), criterion]);
    const topicEvidence = new Map<string, Evidence[]>();
    // A goal is addressed through its own terms and its targets': its evidence is the union of theirs.
    const evidenceOf = (criterion: Criterion, seen: Set<string>): Evidence[] => {
      const known = topicEvidence.get(criterion.id);
      if (known) return known;
      seen.add(criterion.id);
      const lists = [matches.get(criterion.id) ?? [], ...(children.get(criterion.id) ?? []).filter((child) => !seen.has(child.id)).map((child) => evidenceOf(child, seen))];
      const merged = lists.length === 1 ? (lists[0] ?? []) : mergeEvidence(lists);
      topicEvidence.set(criterion.id, merged);
      return merged;
    };
    const results = set.criteria.map((criterion) => {
      const evidence = evidenceOf(criterion, new Set());
      const addressed = (children.get(criterion.id) ?? []).filter((child) => (topicEvidence.get(child.id)?.length ?? 0) > 0).length;
      return scoreCriterion(criterion, set, strengthOf(evidence, chapters), evidence, { count: children.get(criterion.id)?.length ?? 0, addressed }, document, reportLanguage, options.unit ?? 'document');
    });
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

/**
 * The chapter each section belongs to. Chapters are the shallowest heading level that occurs more
 * than once (a Markdown file's single `#` title is not a chapter); a flat document's sections are
 * each their own chapter.
 */
export function chapterIndexes(sections: Section[]): number[] {
  const levelCounts = new Map<number, number>();
  for (const section of sections) if (section.level > 0) levelCounts.set(section.level, (levelCounts.get(section.level) ?? 0) + 1);
  const repeated = [...levelCounts].filter(([, count]) => count > 1).map(([level]) => level);
  const chapterLevel = repeated.length ? Math.min(...repeated) : Number.POSITIVE_INFINITY;
  let current = -1;
  return sections.map((section, index) => {
    if (section.level === 0 || section.level <= chapterLevel || current === -1) current = index;
    return current;
  });
}

function strengthOf(evidence: Evidence[], chapterOfSection: number[]): Strength {
  const termWeights = new Map<string, number>();
  const chapters = new Set<number>();
  let passages = 0;
  let headingHits = 0;
  let structural = false;
  let lastChapter = -1;
  for (const item of evidence) {
    const weight = ROLE_WEIGHT[item.role];
    passages += weight;
    // Evidence comes in document order: most items stand in the chapter of the one before.
    const chapter = chapterOfSection[item.sectionIndex] ?? item.sectionIndex;
    if (chapter !== lastChapter) chapters.add(chapter);
    lastChapter = chapter;
    for (const term of item.terms) {
      const known = termWeights.get(term);
      if (known === undefined || weight > known) termWeights.set(term, weight);
    }
    if (item.inHeading) headingHits++;
    structural ||= item.structuralHeading;
  }
  if (evidence.length === 0) return NO_STRENGTH;
  const termValue = [...termWeights.values()].reduce((sum, weight) => sum + weight, 0);
  const value =
    countedPassages(passages) +
    TERM_BREADTH * Math.max(0, Math.min(termValue, MAX_COUNTED_TERMS) - 1) +
    CHAPTER_BREADTH * (Math.min(chapters.size, MAX_COUNTED_CHAPTERS) - 1) +
    (headingHits > 0 ? HEADING_BONUS : 0) +
    (structural ? STRUCTURAL_HEADING_BONUS : 0);
  return { value, passages: evidence.length, chapters: chapters.size, headingHits, terms: [...termWeights.keys()] };
}

/** Saturating map from evidence strength to 0-1 (square root, so that the met threshold lies far above a single mention). */
function countedPassages(passages: number): number {
  return passages <= FULLY_COUNTED_PASSAGES ? passages : FULLY_COUNTED_PASSAGES * (1 + Math.log(passages / FULLY_COUNTED_PASSAGES));
}

export function scoreFromStrength(value: number, unit: EvidenceUnit = 'document'): number {
  return Math.round((1 - Math.exp(-Math.sqrt(value / STRENGTH_SCALE[unit]))) * 1000) / 1000;
}

/** The inverse of `scoreFromStrength` (up to rounding): compares criteria by their evidence. */
export function strengthFromScore(score: number, unit: EvidenceUnit = 'document'): number {
  return score >= 1 ? Number.POSITIVE_INFINITY : STRENGTH_SCALE[unit] * Math.log(1 - score) ** 2;
}

interface ChildCounts {
  count: number;
  addressed: number;
}

function scoreCriterion(
  criterion: Criterion,
  set: CriteriaSet,
  strength: Strength,
  evidence: Evidence[],
  children: ChildCounts,
  document: Document,
  language: string,
  unit: EvidenceUnit,
): CriterionResult {
  const score = scoreFromStrength(strength.value, unit);
  const status = statusFor(score, criterion);
  const quoted = strongestEvidence(evidence, QUOTES_PER_CRITERION);
  const strongest = quoted[0];
  const result: CriterionResult = {
    id: criterion.id,
    framework: set.id,
    title: localize(criterion.title, language),
    kind: criterion.kind,
    ...(criterion.parent ? { parent: criterion.parent } : {}),
    weight: criterion.weight,
    status,
    score,
    explanation: explainStatus(
      {
        status,
        passages: strength.passages,
        chapters: strength.chapters,
        headingHits: strength.headingHits,
        place: strongest ? { ...strongest.location, heading: document.sections[strongest.sectionIndex]?.heading ?? '' } : undefined,
        terms: strength.terms,
        childCount: children.count,
        addressedChildren: children.addressed,
      },
      language,
    ),
    evidence: quoted.map((item) => toEvidenceResult(item, document.sections[item.sectionIndex])),
    evidenceCount: evidence.length,
  };
  if (status !== 'met') result.guidance = localize(criterion.guidance, language);
  return result;
}

type MergedEvidence = Evidence & { termSpans: TermSpans[] };

/** One entry per quoted sentence, with the terms of every list that found it, in document order. */
function mergeEvidence(lists: Evidence[][]): Evidence[] {
  // Entries are found by section, then block, then quote, in nested maps: no key is built per item
  // (a key joining place and quote, built and hashed for every item, cost more than the rest of
  // scoring), and a quote repeated in thousands of places (boilerplate, a repeated text) costs
  // no more than any other.
  const byPlace = new Map<number, Map<number, Map<string, MergedEvidence>>>();
  const merged: MergedEvidence[] = [];
  for (const list of lists) {
    for (const item of list) {
      let blocks = byPlace.get(item.sectionIndex);
      if (!blocks) byPlace.set(item.sectionIndex, (blocks = new Map()));
      const blockKey = item.blockIndex ?? -1;
      let quotes = blocks.get(blockKey);
      if (!quotes) blocks.set(blockKey, (quotes = new Map()));
      const known = quotes.get(item.quote);
      if (!known) {
        const entry = { ...item, terms: [...item.terms], termSpans: [...(item.termSpans ?? [])] };
        merged.push(entry);
        quotes.set(item.quote, entry);
      } else {
        mergeTerms(known, item);
        known.structuralHeading ||= item.structuralHeading;
      }
    }
  }
  return merged.sort((a, b) => a.sectionIndex - b.sectionIndex || (a.blockIndex ?? -1) - (b.blockIndex ?? -1));
}

/**
 * A target's terms joined to its goal's for one sentence. A term that matched only words a known term
 * already matched (the goal's `vaccinat*`, the target's `vaccination*`, on one word) is a spelling of
 * it, not another term: counted, it would make one mention `met`.
 */
function mergeTerms(known: MergedEvidence, item: Evidence): void {
  item.terms.forEach((term, index) => {
    const spans = item.termSpans?.[index];
    if (known.terms.includes(term) || isRespelling(known.termSpans, spans)) return;
    known.terms.push(term);
    known.termSpans.push(spans);
  });
}

function statusFor(score: number, criterion: Criterion): Status {
  if (score >= criterion.thresholds.met) return 'met';
  if (score >= criterion.thresholds.partial) return 'partial';
  return 'missing';
}

/**
 * The `count` strongest items: headings first, then passages with more distinct terms, then
 * document order (the first `count` of a stable sort by rank, without sorting all of them: a
 * criterion may have thousands of passages and the report quotes five).
 */
function strongestEvidence(evidence: Evidence[], count: number): Evidence[] {
  const top: { item: Evidence; rank: number }[] = [];
  for (const item of evidence) {
    const rank = rankOf(item);
    // An item comes after those of its rank already kept: they stand earlier in the document.
    const last = top[top.length - 1];
    if (top.length >= count && last && rank <= last.rank) continue;
    let at = top.length;
    while (at > 0 && (top[at - 1]?.rank ?? Number.POSITIVE_INFINITY) < rank) at--;
    top.splice(at, 0, { item, rank });
    if (top.length > count) top.pop();
  }
  return top.map(({ item }) => item);
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
