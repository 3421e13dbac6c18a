// Walks the words of one sentence through the term automaton (compile.ts): from each word, follow
// the edges its stems, literal form, prefixes and number class allow, skipping up to two function
// words inside a phrase. Returns where each phrase of each term starts.
//
// This is the hot path of matching (a 350-page strategy has some 150,000 words, and a walk starts
// at each of them), so a word that leads nowhere costs one lookup and allocates nothing: what a
// word type brings to a walk (its stems, edge keys, and where a walk starting at it goes from the
// root) is computed once per index, the words come as plain strings, and a walk's state is one
// object per sentence (no closures per sentence or per word).
import { type CompiledTerm, type CharNode, edgeKey, MIN_COMPOUND_HEAD, type TermIndex, type WordNode, type WordPattern } from './compile.js';
import { stemWord } from './stem.js';
import { isStopWord } from './stopwords.js';
import { normalized } from './tokenize.js';

/** Function words a phrase may have in the text beyond its own. */
const MAX_SKIPPED_WORDS = 2;
/** Letters a Hungarian compound has at least before the word looked for inside it. */
const MIN_COMPOUND_MODIFIER = 3;

/** For each term found, the start positions of each of its parts (phrases). */
export type PartPositions = Map<CompiledTerm, number[][]>;

const NOTHING: readonly WordNode[] = [];

/** What a word type contributes to a walk, whatever its neighbours; computed once per index and word. */
interface WordInfo {
  /** Edge keys of its literal form and its stems, and for a number its classes (`#number`, `#year`). */
  keys: string[];
  /** For a number, `keys` and `#percent`: the keys where a percent sign or word follows it; otherwise null. */
  percentKeys: string[] | null;
  /**
   * Stems that are not a prefix of the word itself (Hungarian "segéllyel" -> "segély") can reach
   * prefix terms the written form cannot; other stems add nothing to a prefix walk.
   */
  prefixForms: string[];
  stop: boolean;
  isNumber: boolean;
  /** Whether it is a percent sign or word, after a number: "55 %", "55 procent", "55 százalék". */
  isPercent: boolean;
  /**
   * Where a walk starting at this word goes from the root (Hungarian compound heads included), in
   * the order the walk visits them; computed on first use, with `keys` and with `percentKeys`.
   */
  firsts: readonly WordNode[] | null;
  percentFirsts: readonly WordNode[] | null;
}

/** One sentence's walk: its words and what was found so far. */
interface Walk {
  words: WordInfo[];
  /**
   * Where the walks that reached each node with outputs started, in the order the nodes were first
   * reached. Each phrase (part of a term) ends at exactly one node, so these are its start
   * positions; several terms often share a node, and this is one lookup for all of them.
   */
  reached: Map<WordNode, number[]>;
}

/** Scans a sentence given as its words as written (`writtenWords`). */
export function scanWords(written: string[], index: TermIndex): PartPositions {
  const cache = wordCacheOf(index);
  const words: WordInfo[] = new Array<WordInfo>(written.length);
  for (let position = 0; position < written.length; position++) words[position] = wordInfo(written[position] as string, index, cache);
  const walk: Walk = { words, reached: new Map() };

  for (let start = 0; start < words.length; start++) {
    const word = words[start] as WordInfo;
    let firsts: readonly WordNode[];
    if (word.percentKeys && percentFollows(words, start)) firsts = word.percentFirsts ??= firstTargets(index, word.percentKeys, word.prefixForms);
    else firsts = word.firsts ??= firstTargets(index, word.keys, word.prefixForms);
    for (const node of firsts) extend(walk, node, start, start + 1, 0);
  }
  return foundTerms(walk);
}

/**
 * The start positions of each part of the terms found, terms in the order their first part was
 * found (the order of the evidence's terms). Terms that share a node share its list of starts,
 * which nothing changes afterwards.
 */
function foundTerms(walk: Walk): PartPositions {
  const found: PartPositions = new Map();
  let deferred: CompiledTerm[] | undefined;
  for (const [node, starts] of walk.reached) {
    for (const { term, partIndex } of node.outputs) {
      // Most terms are one phrase, which ends at one node: no other node can have added them.
      if (term.parts.length === 1) {
        found.set(term, [starts]);
        continue;
      }
      let positions = found.get(term);
      if (!positions) {
        positions = term.parts.map(() => []);
        found.set(term, positions);
        if (term.deferredParts.length > 0) (deferred ??= []).push(term);
      }
      positions[partIndex] = starts;
    }
  }
  if (deferred) {
    for (const term of deferred) {
      const positions = found.get(term) as number[][];
      for (const partIndex of term.deferredParts) positions[partIndex] = classPhrasePositions(walk, term.parts[partIndex] ?? []);
    }
  }
  return found;
}

/** Where a walk starting at a word goes from the root: its edges, its prefix words, then (Hungarian) the compounds it closes. */
function firstTargets(index: TermIndex, keys: readonly string[], prefixForms: readonly string[]): readonly WordNode[] {
  let targets = targetsOf(index.root, keys, prefixForms);
  if (index.compoundHeads) {
    for (const form of prefixForms) {
      for (let offset = MIN_COMPOUND_MODIFIER; offset <= form.length - MIN_COMPOUND_HEAD; offset++) targets = withPrefixTargets(targets, index.compoundHeads, form, offset);
    }
  }
  return targets;
}

/** Records the phrases that end at `node` and walks on from it. */
function extend(walk: Walk, node: WordNode, start: number, position: number, skipped: number): void {
  if (node.outputs.length > 0) {
    const starts = walk.reached.get(node);
    if (!starts) walk.reached.set(node, [start]);
    else if (starts[starts.length - 1] !== start) starts.push(start);
  }
  if (position >= walk.words.length || (!node.edges && !node.prefixes)) return;
  const word = walk.words[position] as WordInfo;
  for (const next of targetsOf(node, keysAt(walk, position), word.prefixForms)) extend(walk, next, start, position + 1, skipped);
  if (word.stop && skipped < MAX_SKIPPED_WORDS) extend(walk, node, start, position + 1, skipped + 1);
}

/** The nodes a word (given by its edge keys and prefix forms) leads to from `node`, each once; no array unless there is one. */
function targetsOf(node: WordNode, keys: readonly string[], prefixForms: readonly string[]): readonly WordNode[] {
  let targets: readonly WordNode[] = NOTHING;
  const edges = node.edges;
  if (edges) {
    for (const key of keys) {
      const next = edges.get(key);
      if (next) targets = withTarget(targets, next);
    }
  }
  if (node.prefixes) for (const form of prefixForms) targets = withPrefixTargets(targets, node.prefixes, form, 0);
  return targets;
}

/** Adds every node a prefix walk along `word` (from `offset`) reaches. */
function withPrefixTargets(targets: readonly WordNode[], root: CharNode, word: string, offset: number): readonly WordNode[] {
  let node: CharNode | undefined = root;
  for (let position = offset; position < word.length && node; position++) {
    node = node.children?.get(word[position] as string);
    if (node?.target) targets = withTarget(targets, node.target);
  }
  return targets;
}

/** `targets` with `next` at the end unless it is there already; the shared empty list is never written to. */
function withTarget(targets: readonly WordNode[], next: WordNode): readonly WordNode[] {
  if (targets === NOTHING) return [next];
  if (!targets.includes(next)) (targets as WordNode[]).push(next);
  return targets;
}

/**
 * Where a phrase of number classes (`#year`, `#number %`) starts in the sentence. Only numbers
 * have class keys, so only a number can start one: sentences without numbers cost nothing.
 */
function classPhrasePositions(walk: Walk, part: readonly WordPattern[]): number[] {
  const starts: number[] = [];
  let wanted: string[] | undefined;
  for (let start = 0; start + part.length <= walk.words.length; start++) {
    if (!walk.words[start]?.isNumber) continue;
    wanted ??= part.map((pattern) => (pattern.type === 'prefix' ? '' : edgeKey(pattern)));
    let matches = true;
    for (let offset = 0; offset < wanted.length && matches; offset++) matches = keysAt(walk, start + offset).includes(wanted[offset] as string);
    if (matches) starts.push(start);
  }
  return starts;
}

/** Word types repeat: a 350-page strategy has some 150,000 words but 10,000-20,000 distinct ones (one cache per index, at most some 15 MB). */
const WORD_CACHE_LIMIT = 50_000;
const wordCaches = new WeakMap<TermIndex, Map<string, WordInfo>>();

function wordCacheOf(index: TermIndex): Map<string, WordInfo> {
  let cache = wordCaches.get(index);
  if (!cache) {
    cache = new Map();
    wordCaches.set(index, cache);
  }
  return cache;
}

function wordInfo(text: string, index: TermIndex, cache: Map<string, WordInfo>): WordInfo {
  const cached = cache.get(text);
  if (cached) return cached;
  const norm = normalized(text);
  const stems = index.languages.map((language) => stemWord(text, language));
  const isNumber = NUMBER.test(norm);
  const keys = [edgeKey({ type: 'literal', value: norm }), ...index.languages.map((language, at) => edgeKey({ type: 'stem', language, value: stems[at] as string }))];
  if (isNumber) {
    keys.push(edgeKey({ type: 'class', wordClass: 'number' }));
    if (YEAR.test(norm)) keys.push(edgeKey({ type: 'class', wordClass: 'year' }));
  }
  const info: WordInfo = {
    keys,
    percentKeys: isNumber ? [...keys, edgeKey({ type: 'class', wordClass: 'percent' })] : null,
    prefixForms: [norm, ...new Set(stems.filter((stem) => !norm.startsWith(stem)))],
    stop: isStopWord(norm, index.languages),
    isNumber,
    isPercent: PERCENT_WORD.test(norm),
    firsts: null,
    percentFirsts: null,
  };
  if (cache.size >= WORD_CACHE_LIMIT) cache.clear();
  cache.set(text, info);
  return info;
}

/** The edge keys of the word at `position`: a number's classes depend on the words after it. */
function keysAt(walk: Walk, position: number): readonly string[] {
  const word = walk.words[position];
  if (!word) return NO_KEYS;
  return word.percentKeys && percentFollows(walk.words, position) ? word.percentKeys : word.keys;
}

const NO_KEYS: readonly string[] = [];
const PERCENT_WORD = /^(%|procent|percent|szazalek|prc)/;
const YEAR = /^(19|20|21)\d\d$/;
const NUMBER = /^\d+$/;

/** Whether a percentage follows the number at `position`: "55 %", "55,5 %", "55 procent", "55 százalék". */
function percentFollows(words: WordInfo[], position: number): boolean {
  const next = words[position + 1];
  const afterDecimal = next?.isNumber ? words[position + 2] : next;
  return (next?.isPercent ?? false) || (afterDecimal?.isPercent ?? false);
}
