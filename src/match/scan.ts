// Walks the words of one sentence through the term automaton (compile.ts): from each word, follow
// the edges its stems, literal form, prefixes and number class allow, skipping up to two function
// words inside a phrase. Returns where each phrase of each term starts.
import { type CompiledTerm, type CharNode, edgeKey, MIN_COMPOUND_HEAD, prefixTargets, type TermIndex, type WordClass, type WordNode, type WordPattern } from './compile.js';
import { stemWord } from './stem.js';
import { isStopWord } from './stopwords.js';
import type { Token } from './tokenize.js';

/** Function words a phrase may have in the text beyond its own. */
const MAX_SKIPPED_WORDS = 2;
/** Letters a Hungarian compound has at least before the word looked for inside it. */
const MIN_COMPOUND_MODIFIER = 3;

/** For each term found, the start positions of each of its parts (phrases). */
export type PartPositions = Map<CompiledTerm, number[][]>;

const NOTHING: readonly WordNode[] = [];

export function scanTokens(tokens: Token[], index: TermIndex): PartPositions {
  const words = tokens.map((token) => wordInfo(token, index));
  // Number classes depend on the next words; only numbers need keys of their own.
  const keys = words.some((word) => word.isNumber) ? tokens.map((_token, position) => keysAt(tokens, words, position)) : words.map((word) => word.keys);
  const found: PartPositions = new Map();

  // The hot path of matching: most words lead nowhere, so nothing is allocated until one does.
  const step = (node: WordNode, position: number): readonly WordNode[] => {
    let targets: WordNode[] | undefined;
    const add = (next: WordNode) => {
      if (!targets) targets = [next];
      else if (!targets.includes(next)) targets.push(next);
    };
    const edges = node.edges;
    if (edges) {
      for (const key of keys[position] ?? []) {
        const next = edges.get(key);
        if (next) add(next);
      }
    }
    if (node.prefixes) for (const form of words[position]?.prefixForms ?? []) forEachPrefixTarget(node.prefixes, form, 0, add);
    return targets ?? NOTHING;
  };

  const extend = (node: WordNode, start: number, position: number, skipped: number) => {
    for (const ref of node.outputs) {
      let positions = found.get(ref.term);
      if (!positions) {
        positions = ref.term.parts.map(() => []);
        found.set(ref.term, positions);
      }
      const list = positions[ref.partIndex];
      if (list && list[list.length - 1] !== start) list.push(start);
    }
    if (position >= tokens.length || (!node.edges && !node.prefixes)) return;
    for (const next of step(node, position)) extend(next, start, position + 1, skipped);
    if (words[position]?.stop && skipped < MAX_SKIPPED_WORDS) extend(node, start, position + 1, skipped + 1);
  };

  for (let start = 0; start < tokens.length; start++) {
    const firsts = step(index.root, start);
    if (index.compoundHeads) {
      const withCompounds = new Set(firsts);
      for (const form of words[start]?.prefixForms ?? []) for (const node of compoundTargets(index.compoundHeads, form)) withCompounds.add(node);
      for (const node of withCompounds) extend(node, start, start + 1, 0);
    } else {
      for (const node of firsts) extend(node, start, start + 1, 0);
    }
  }
  for (const [term, positions] of found) {
    for (const partIndex of term.deferredParts) positions[partIndex] = classPhrasePositions(term.parts[partIndex] ?? [], keys);
  }
  return found;
}

/** Calls `visit` with every node a prefix walk along `word` (from `offset`) reaches; prefixTargets without the array. */
function forEachPrefixTarget(root: CharNode, word: string, offset: number, visit: (node: WordNode) => void): void {
  let node: CharNode | undefined = root;
  for (let position = offset; position < word.length && node; position++) {
    node = node.children?.get(word[position] as string);
    if (node?.target) visit(node.target);
  }
}

/** Where a phrase of number classes (`#year`, `#number %`) starts in the sentence. */
function classPhrasePositions(part: WordPattern[], keys: string[][]): number[] {
  const wanted = part.map((pattern) => (pattern.type === 'prefix' ? '' : edgeKey(pattern)));
  const starts: number[] = [];
  for (let start = 0; start + wanted.length <= keys.length; start++) {
    if (wanted.every((key, offset) => keys[start + offset]?.includes(key))) starts.push(start);
  }
  return starts;
}

/** Hungarian compounds: the words looked for may close a longer word (`ivóvízellátás`). */
function compoundTargets(heads: CharNode, word: string): WordNode[] {
  const targets: WordNode[] = [];
  for (let offset = MIN_COMPOUND_MODIFIER; offset <= word.length - MIN_COMPOUND_HEAD; offset++) targets.push(...prefixTargets(heads, word, offset));
  return targets;
}

/** What a word type contributes to a walk, whatever its neighbours; computed once per index and word. */
interface WordInfo {
  /** Edge keys of its literal form and its stems (number classes are added per position). */
  keys: string[];
  /**
   * Stems that are not a prefix of the word itself (Hungarian "segéllyel" -> "segély") can reach
   * prefix terms the written form cannot; other stems add nothing to a prefix walk.
   */
  prefixForms: string[];
  stop: boolean;
  isNumber: boolean;
}

/** Word types repeat: a 350-page strategy has some 150,000 words but 10,000-20,000 distinct ones (one cache per index, at most some 15 MB). */
const WORD_CACHE_LIMIT = 50_000;
const wordCaches = new WeakMap<TermIndex, Map<string, WordInfo>>();

function wordInfo(token: Token, index: TermIndex): WordInfo {
  let cache = wordCaches.get(index);
  if (!cache) {
    cache = new Map();
    wordCaches.set(index, cache);
  }
  const cached = cache.get(token.text);
  if (cached) return cached;
  const stems = index.languages.map((language) => stemWord(token.text, language));
  const info: WordInfo = {
    keys: [edgeKey({ type: 'literal', value: token.norm }), ...index.languages.map((language, at) => edgeKey({ type: 'stem', language, value: stems[at] as string }))],
    prefixForms: [token.norm, ...new Set(stems.filter((stem) => !token.norm.startsWith(stem)))],
    stop: isStopWord(token.norm, index.languages),
    isNumber: NUMBER.test(token.norm),
  };
  if (cache.size >= WORD_CACHE_LIMIT) cache.clear();
  cache.set(token.text, info);
  return info;
}

function keysAt(tokens: Token[], words: WordInfo[], position: number): string[] {
  const word = words[position];
  if (!word) return [];
  if (!word.isNumber) return word.keys;
  return [...word.keys, ...wordClassesOf(tokens, position).map((wordClass) => edgeKey({ type: 'class', wordClass }))];
}

const PERCENT_WORD = /^(%|procent|percent|szazalek|prc)/;
const YEAR = /^(19|20|21)\d\d$/;
const NUMBER = /^\d+$/;

function wordClassesOf(tokens: Token[], position: number): WordClass[] {
  const word = tokens[position]?.norm ?? '';
  if (!NUMBER.test(word)) return [];
  const classes: WordClass[] = ['number'];
  if (YEAR.test(word)) classes.push('year');
  // "55 %", "55,5 %", "55 procent", "55 százalék"
  const next = tokens[position + 1]?.norm ?? '';
  const afterDecimal = NUMBER.test(next) ? (tokens[position + 2]?.norm ?? '') : next;
  if (PERCENT_WORD.test(next) || PERCENT_WORD.test(afterDecimal)) classes.push('percent');
  return classes;
}
