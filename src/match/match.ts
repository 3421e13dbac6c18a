// Matching: walks each sentence of a document once against the compiled term index and returns,
// per criterion, the evidence found: quote, where it stands, and which terms matched.
import type { DetectedLanguage, Document, LanguageCode, SourceLocation, TextBlock } from '../document/types.js';
import { LANGUAGE_CODES } from '../document/types.js';
import type { CriteriaSet } from '../criteria/types.js';
import { buildIndex, compileTerms, type CompiledTerm, type TermIndex } from './compile.js';
import { withoutStreetNames } from './place-names.js';
import { scanWords } from './scan.js';
import { splitSentences, writtenWords } from './tokenize.js';

export interface Evidence {
  sectionIndex: number;
  /** Index of the block in its section; null when the quote is the section's heading. */
  blockIndex: number | null;
  quote: string;
  location: SourceLocation;
  /** Terms as written in the criteria. */
  terms: string[];
  /** Where each of `terms` matched in the quote: a goal merging its targets' evidence counts respellings once (score.ts). */
  termSpans?: TermSpans[];
  inHeading: boolean;
  /** True when a `headings` term of a structure criterion matched this heading. */
  structuralHeading: boolean;
  /** Where the text stands: body, or a part that weighs less (reference list, annex, a footnote or caption). */
  role: 'body' | 'reference' | 'annex' | 'note';
}

export type MatchResult = Map<string, Evidence[]>;

export interface Matcher {
  /** Index for text in a language: its own terms plus English (used in every V4 strategy). */
  indexFor(language: DetectedLanguage): TermIndex;
}

export function createMatcher(sets: CriteriaSet[]): Matcher {
  const criteria = sets.flatMap((set) => set.criteria);
  // Terms are compiled per language on first use: a Czech document never pays for (or holds in
  // memory) the Polish and Hungarian terms.
  const termsByLanguage = new Map<LanguageCode, CompiledTerm[]>();
  const termsOf = (language: LanguageCode): CompiledTerm[] => {
    let terms = termsByLanguage.get(language);
    if (!terms) {
      terms = compileTerms(criteria, [language]);
      termsByLanguage.set(language, terms);
    }
    return terms;
  };
  const cache = new Map<string, TermIndex>();
  return {
    indexFor(language) {
      const languages: readonly LanguageCode[] = language === 'und' ? LANGUAGE_CODES : language === 'en' ? ['en'] : [language, 'en'];
      const key = languages.join(',');
      let index = cache.get(key);
      if (!index) {
        index = buildIndex(
          languages.flatMap(termsOf),
          languages,
        );
        cache.set(key, index);
      }
      return index;
    },
  };
}

/** Which criteria a piece of text addresses, and with which terms (`s4s tag`, examples). */
export function matchText(text: string, language: DetectedLanguage, matcher: Matcher): Map<string, string[]> {
  const found = new Map<string, Set<string>>();
  for (const sentence of splitSentences(text)) {
    for (const [criterionId, terms] of matchSentence(sentence.text, matcher.indexFor(language), false)) {
      const set = found.get(criterionId) ?? new Set<string>();
      for (const term of terms.terms) set.add(term);
      found.set(criterionId, set);
    }
  }
  return new Map([...found].map(([id, terms]) => [id, [...terms]]));
}

export function matchDocument(document: Document, matcher: Matcher): MatchResult {
  const result: MatchResult = new Map();
  const add = (criterionId: string, evidence: Evidence) => {
    const list = result.get(criterionId);
    if (list) list.push(evidence);
    else result.set(criterionId, [evidence]);
  };
  document.sections.forEach((section, sectionIndex) => {
    if (section.role === 'toc') return; // a table of contents is never evidence
    const index = matcher.indexFor(section.language ?? document.language);
    const role = section.role === 'reference' || section.role === 'annex' ? section.role : 'body';
    if (section.heading) {
      for (const [criterionId, hit] of matchSentence(section.heading, index, true)) {
        add(criterionId, { sectionIndex, blockIndex: null, quote: section.heading, location: section.location, terms: hit.terms, termSpans: hit.termSpans, inHeading: true, structuralHeading: hit.structural, role });
      }
    }
    section.blocks.forEach((block, blockIndex) => {
      if (block.role === 'toc') return;
      // A footnote or caption (a note block) counts as little as the section it stands in, and at most as a note.
      const blockRole = block.role === 'reference' || block.role === 'annex' ? block.role : block.role === 'note' && role === 'body' ? 'note' : role;
      for (const sentence of splitSentences(block.text)) {
        for (const [criterionId, hit] of matchSentence(sentence.text, index, false)) {
          add(criterionId, { sectionIndex, blockIndex, quote: sentence.text, location: sentenceLocation(block, sentence.start), terms: hit.terms, termSpans: hit.termSpans, inHeading: false, structuralHeading: false, role: blockRole });
        }
      }
    });
  });
  return result;
}

/** A quote's own line: its block's first line, plus the source's line breaks before the quote. */
function sentenceLocation(block: TextBlock, start: number): SourceLocation {
  const starts = block.lineStarts;
  if (!starts || block.location.line === undefined) return block.location;
  let before = 0;
  while (before < starts.length && (starts[before] as number) <= start) before++;
  return before ? { ...block.location, line: block.location.line + before } : block.location;
}

interface SentenceHit {
  terms: string[];
  /** Where each term matched (see Evidence.termSpans). */
  termSpans: TermSpans[];
  structural: boolean;
}

/** Criteria whose terms match one sentence (or heading), after exclusions. */
export function matchSentence(text: string, index: TermIndex, isHeading: boolean): Map<string, SentenceHit> {
  const hits = new Map<string, SentenceHit>();
  let excluded: Set<string> | undefined; // most sentences have none: no Set for them
  for (const [term, positions] of scanWords(withoutStreetNames(writtenWords(text)), index)) {
    if (!allPartsWithin(positions, term.within)) continue;
    if (term.role === 'exclude') {
      (excluded ??= new Set()).add(term.criterionId);
      continue;
    }
    if (term.role === 'heading' && !isHeading) continue;
    let hit = hits.get(term.criterionId);
    if (!hit) {
      hit = { terms: [], termSpans: [], structural: false };
      hits.set(term.criterionId, hit);
    }
    hit.structural ||= term.role === 'heading';
    if (hit.terms.includes(term.source)) continue;
    const spans = spanKeys(term, positions);
    if (isRespelling(hit.termSpans, spans)) continue;
    hit.terms.push(term.source);
    hit.termSpans.push(spans);
  }
  if (excluded) for (const criterionId of excluded) hits.delete(criterionId);
  return hits;
}

/**
 * Where a term matched in a sentence: one key per occurrence, its first word × 256 + its length in
 * words (a phrase is a few words, a sentence at most 400 characters); none for `near` terms.
 */
export type TermSpans = readonly number[] | undefined;

/**
 * Spellings and inflections of the same words ("school" and "schools", "tenger*" and "tengeri",
 * "forced labour" and "forced labor") are one term in the text: a term found only on spans that terms
 * already counted matched is a respelling, not another term (counted, it would add breadth and make
 * one mention `met`). `near` terms always count. Per sentence here; across a goal and its targets in
 * score.ts.
 */
export function isRespelling(counted: readonly TermSpans[], spans: TermSpans): boolean {
  return spans !== undefined && spans.every((span) => counted.some((known) => known?.includes(span)));
}

function spanKeys(term: CompiledTerm, positions: number[][]): TermSpans {
  const [phrase] = term.parts;
  const starts = positions[0];
  if (term.parts.length !== 1 || !phrase || !starts) return undefined;
  return starts.map((start) => start * 256 + phrase.length);
}

/** A `near` term matches when some occurrence of each part lies within `within` words of the first part. */
function allPartsWithin(positions: number[][], within: number): boolean {
  // Most terms are one phrase: found once it has a start.
  if (positions.length === 1) return (positions[0]?.length ?? 0) > 0;
  if (positions.some((list) => list.length === 0)) return false;
  const [anchors = [], ...others] = positions;
  return anchors.some((anchor) => others.every((list) => list.some((position) => Math.abs(position - anchor) <= within)));
}
