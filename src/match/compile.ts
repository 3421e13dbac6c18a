// Compiles the terms of all selected criteria once into one automaton: a trie over words whose
// edges are stems (per language), literal acronyms, number classes, and prefixes (kept in a
// character trie per node). Matching starts a walk at each word of a text and follows only edges
// the text allows, so its cost grows with the text and not with the number of criteria.
import type { LanguageCode } from '../document/types.js';
import type { Criterion, Term, TermsByLanguage } from '../criteria/types.js';
import { loadPhraseTable } from './phrase-table.js';
import { americanSpelling, stemWord } from './stem.js';
import { isStopWord } from './stopwords.js';
import { tokenize } from './tokenize.js';

export type WordClass = 'number' | 'percent' | 'year';
export type WordPattern =
  /** Any word with this stem in this language: `poverty` matches `poverties`, `chudoba` matches `chudoby`. */
  | { type: 'stem'; language: LanguageCode; value: string }
  /** Acronyms (written in capitals) match only themselves: `AIDS` is not `aid`. */
  | { type: 'literal'; value: string }
  /** `doprav*`: any word starting with it. */
  | { type: 'prefix'; value: string }
  | { type: 'class'; wordClass: WordClass };
/** What a term does: count as evidence, show a part's heading, or cancel the sentence's evidence. */
export type TermRole = 'term' | 'heading' | 'exclude';

export interface CompiledTerm {
  id: number;
  criterionId: string;
  role: TermRole;
  language: LanguageCode;
  /** The term as written in the criteria, reported as "the terms that matched". */
  source: string;
  /** Each part is a phrase; a plain term has one part, a `near` term several. */
  parts: (readonly WordPattern[])[];
  within: number;
  /**
   * Parts made only of number classes (`#year` in a `near` term) are not indexed: every year in a
   * text would otherwise wake every such term. They are checked once the term's other parts matched.
   */
  deferredParts: number[];
}

export interface PartRef {
  term: CompiledTerm;
  partIndex: number;
}

// Maps are made when a node gets its first child: most nodes of the trie are leaves, and the index
// of a language pair has some 10,000 word and 37,000 character nodes (empty Maps were half of the
// garbage collector's work when the terms were compiled).
export interface WordNode {
  /** Keyed by `edgeKey`: stems, literal words and number classes. Null while there are none. */
  edges: Map<string, WordNode> | null;
  /** Prefix words leaving this node, spelled out character by character. Null while there are none. */
  prefixes: CharNode | null;
  /** Phrases that end at this node. */
  outputs: PartRef[];
}

export interface CharNode {
  children: Map<string, CharNode> | null;
  /** Set when a prefix word (or compound head) ends at this character. */
  target?: WordNode;
}

export interface TermIndex {
  terms: CompiledTerm[];
  /** Languages whose stems the text's words are looked up with. */
  languages: LanguageCode[];
  root: WordNode;
  /**
   * Hungarian first words that may also close a compound: `szegénység` in `gyermekszegénységben`.
   * Null when no Hungarian term is indexed.
   */
  compoundHeads: CharNode | null;
}

/** Shortest Hungarian word that is looked for inside a compound; shorter ones hide in too many words. */
export const MIN_COMPOUND_HEAD = 5;
const CLASS_WORDS: Record<string, WordClass> = { '#number': 'number', '#percent': 'percent', '#year': 'year' };
/** Two or more capitals (digits allowed) and no lower-case letter: an acronym. */
const ACRONYM = /^(?=(?:.*\p{Lu}){2})[\p{Lu}\p{N}]+$/u;

export function edgeKey(pattern: Exclude<WordPattern, { type: 'prefix' }>): string {
  if (pattern.type === 'stem') return `${pattern.language}:${pattern.value}`;
  if (pattern.type === 'literal') return `=${pattern.value}`;
  return `#${pattern.wordClass}`;
}

/** Compiles the criteria's terms in the given languages (all five when none are given). */
export function compileTerms(criteria: Criterion[], languages?: readonly LanguageCode[]): CompiledTerm[] {
  const compiled: CompiledTerm[] = [];
  const add = (criterion: Criterion, role: TermRole, byLanguage: TermsByLanguage) => {
    for (const [language, terms] of Object.entries(byLanguage) as [LanguageCode, Term[]][]) {
      if (languages && !languages.includes(language)) continue;
      for (const term of terms) {
        const parts = (typeof term === 'string' ? [term] : term.near).map((phrase) => compilePhrase(phrase, language)).filter((part) => part.length > 0);
        if (parts.length === 0) continue;
        const source = typeof term === 'string' ? term : `${term.near.join(' ~ ')} (within ${term.within})`;
        const classOnly = parts.map((part) => part.every((pattern) => pattern.type === 'class'));
        const deferredParts = classOnly.every(Boolean) ? [] : classOnly.flatMap((isClassOnly, partIndex) => (isClassOnly ? [partIndex] : []));
        compiled.push({ id: compiled.length, criterionId: criterion.id, role, language, source, parts, within: typeof term === 'string' ? 0 : term.within, deferredParts });
      }
    }
  };
  for (const criterion of criteria) {
    add(criterion, 'term', criterion.terms);
    add(criterion, 'heading', criterion.headings);
    add(criterion, 'exclude', criterion.exclude);
  }
  return compiled;
}

/** Every phrase of the criteria in a language: terms, headings, exclusions, and each part of `near` terms. */
export function criteriaPhrases(criteria: Criterion[], language: LanguageCode): Set<string> {
  const phrases = new Set<string>();
  for (const criterion of criteria) {
    for (const byLanguage of [criterion.terms, criterion.headings, criterion.exclude]) {
      for (const term of byLanguage[language] ?? []) for (const phrase of typeof term === 'string' ? [term] : term.near) phrases.add(phrase);
    }
  }
  return phrases;
}

/** Each language's phrase table (phrase-table.ts), read on first use; null when it has none. */
const phraseTables = new Map<LanguageCode, Map<string, readonly WordPattern[]> | null>();

export function compilePhrase(phrase: string, language: LanguageCode): readonly WordPattern[] {
  let table = phraseTables.get(language);
  if (table === undefined) {
    table = loadPhraseTable(language) ?? null;
    phraseTables.set(language, table);
  }
  return table?.get(phrase) ?? compilePhraseAnew(phrase, language);
}

/** A phrase's patterns from its words, without the phrase table (which is made with it). */
export function compilePhraseAnew(phrase: string, language: LanguageCode): WordPattern[] {
  const patterns = phrase
    .trim()
    .split(/\s+/)
    .flatMap((word) => compileWord(word, language));
  // Function words inside a phrase are optional: the text may leave them out or use others.
  return patterns.filter((pattern, index) => index === 0 || index === patterns.length - 1 || !isFunctionWord(pattern, language));
}

/**
 * Criteria repeat their words: the Czech and English terms have some 11,000 words each but 3,000
 * distinct ones, so each word is compiled once per language (tokenising and stemming it was most
 * of the time of compiling). The patterns are shared by the phrases that use the word; nothing
 * changes them once compiled.
 */
const wordCaches = new Map<LanguageCode, Map<string, readonly WordPattern[]>>();
const WORD_CACHE_LIMIT = 50_000;

function compileWord(word: string, language: LanguageCode): readonly WordPattern[] {
  let cache = wordCaches.get(language);
  if (!cache) {
    cache = new Map();
    wordCaches.set(language, cache);
  }
  let patterns = cache.get(word);
  if (!patterns) {
    patterns = patternsOf(word, language);
    if (cache.size >= WORD_CACHE_LIMIT) cache.clear();
    cache.set(word, patterns);
  }
  return patterns;
}

function patternsOf(word: string, language: LanguageCode): WordPattern[] {
  const lower = word.toLowerCase();
  // Own keys only: a criteria word like "constructor" is no class.
  const wordClass = Object.hasOwn(CLASS_WORDS, lower) ? CLASS_WORDS[lower] : undefined;
  if (wordClass) return [{ type: 'class', wordClass }];
  const isPrefix = word.endsWith('*');
  const body = isPrefix ? word.slice(0, -1) : word;
  // A word like "bio-economy" or "CO2," splits the way the text does.
  const pieces = tokenize(body);
  return pieces.map((piece, index): WordPattern => {
    if (isPrefix && index === pieces.length - 1) return { type: 'prefix', value: language === 'en' ? americanSpelling(piece.norm) : piece.norm };
    const written = body.slice(piece.start, piece.end);
    if (ACRONYM.test(written)) return { type: 'literal', value: piece.norm };
    return { type: 'stem', language, value: stemWord(written, language) };
  });
}

function isFunctionWord(pattern: WordPattern, language: LanguageCode): boolean {
  return (pattern.type === 'stem' || pattern.type === 'literal') && isStopWord(pattern.value, [language]);
}

function newWordNode(): WordNode {
  return { edges: null, prefixes: null, outputs: [] };
}

export function buildIndex(terms: CompiledTerm[], languages: readonly LanguageCode[]): TermIndex {
  const root = newWordNode();
  const index: TermIndex = { terms, languages: [...languages], root, compoundHeads: null };
  for (const term of terms) {
    term.parts.forEach((part, partIndex) => {
      if (term.deferredParts.includes(partIndex)) return;
      let node = root;
      for (const pattern of part) node = childFor(node, pattern);
      node.outputs.push({ term, partIndex });
      const head = part[0];
      if (term.language === 'hu' && head && (head.type === 'stem' || head.type === 'prefix') && head.value.length >= MIN_COMPOUND_HEAD) {
        index.compoundHeads ??= { children: null };
        charPath(index.compoundHeads, head.value).target = childFor(root, head);
      }
    });
  }
  return index;
}

function childFor(node: WordNode, pattern: WordPattern): WordNode {
  if (pattern.type === 'prefix') {
    node.prefixes ??= { children: null };
    const end = charPath(node.prefixes, pattern.value);
    end.target ??= newWordNode();
    return end.target;
  }
  const key = edgeKey(pattern);
  node.edges ??= new Map();
  let child = node.edges.get(key);
  if (!child) {
    child = newWordNode();
    node.edges.set(key, child);
  }
  return child;
}

function charPath(root: CharNode, text: string): CharNode {
  let node = root;
  for (let position = 0; position < text.length; position++) {
    const character = text[position] as string;
    node.children ??= new Map();
    let child = node.children.get(character);
    if (!child) {
      child = { children: null };
      node.children.set(character, child);
    }
    node = child;
  }
  return node;
}
