// Compiles the terms of all selected criteria once into a word index (exact words in a map,
// prefixes in a character trie), so matching walks the text once whatever the number of criteria.
import type { LanguageCode } from '../document/types.js';
import type { Criterion, Term, TermsByLanguage } from '../criteria/types.js';
import { tokenize } from './tokenize.js';

export type WordClass = 'number' | 'percent' | 'year';
export type WordPattern = { type: 'exact'; value: string } | { type: 'prefix'; value: string } | { type: 'class'; wordClass: WordClass };
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
  parts: WordPattern[][];
  within: number;
}

export interface PartRef {
  term: CompiledTerm;
  partIndex: number;
}

interface TrieNode {
  children: Map<string, TrieNode>;
  refs: PartRef[];
}

export interface TermIndex {
  terms: CompiledTerm[];
  exact: Map<string, PartRef[]>;
  prefixes: TrieNode;
  classes: Record<WordClass, PartRef[]>;
}

const CLASS_WORDS: Record<string, WordClass> = { '#number': 'number', '#percent': 'percent', '#year': 'year' };

export function compileTerms(criteria: Criterion[]): CompiledTerm[] {
  const compiled: CompiledTerm[] = [];
  const add = (criterion: Criterion, role: TermRole, byLanguage: TermsByLanguage) => {
    for (const [language, terms] of Object.entries(byLanguage) as [LanguageCode, Term[]][]) {
      for (const term of terms) {
        const parts = (typeof term === 'string' ? [term] : term.near).map(compilePhrase).filter((part) => part.length > 0);
        if (parts.length === 0) continue;
        const source = typeof term === 'string' ? term : `${term.near.join(' ~ ')} (within ${term.within})`;
        compiled.push({ id: compiled.length, criterionId: criterion.id, role, language, source, parts, within: typeof term === 'string' ? 0 : term.within });
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

function compilePhrase(phrase: string): WordPattern[] {
  return phrase
    .trim()
    .split(/\s+/)
    .flatMap((word): WordPattern[] => {
      const wordClass = CLASS_WORDS[word.toLowerCase()];
      if (wordClass) return [{ type: 'class', wordClass }];
      const isPrefix = word.endsWith('*');
      // A word like "bio-economy" or "CO2," splits the way the text does.
      const pieces = tokenize(isPrefix ? word.slice(0, -1) : word).map((token) => token.norm);
      return pieces.map((value, index) => ({ type: isPrefix && index === pieces.length - 1 ? 'prefix' : 'exact', value }));
    });
}

export function buildIndex(terms: CompiledTerm[]): TermIndex {
  const index: TermIndex = { terms, exact: new Map(), prefixes: { children: new Map(), refs: [] }, classes: { number: [], percent: [], year: [] } };
  for (const term of terms) {
    term.parts.forEach((part, partIndex) => {
      const first = part[0];
      if (!first) return;
      const ref = { term, partIndex };
      if (first.type === 'exact') {
        const refs = index.exact.get(first.value);
        if (refs) refs.push(ref);
        else index.exact.set(first.value, [ref]);
      } else if (first.type === 'prefix') {
        trieNode(index.prefixes, first.value).refs.push(ref);
      } else index.classes[first.wordClass].push(ref);
    });
  }
  return index;
}

function trieNode(root: TrieNode, key: string): TrieNode {
  let node = root;
  for (const character of key) {
    let child = node.children.get(character);
    if (!child) {
      child = { children: new Map(), refs: [] };
      node.children.set(character, child);
    }
    node = child;
  }
  return node;
}

/** Every part whose first word can start at this token. */
export function candidatesAt(index: TermIndex, word: string, wordClasses: WordClass[]): PartRef[] {
  const found: PartRef[] = [...(index.exact.get(word) ?? [])];
  let node: TrieNode | undefined = index.prefixes;
  for (const character of word) {
    node = node.children.get(character);
    if (!node) break;
    if (node.refs.length) found.push(...node.refs);
  }
  for (const wordClass of wordClasses) found.push(...index.classes[wordClass]);
  return found;
}
