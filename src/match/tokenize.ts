// Tokenising: words (runs of letters and digits) and percent signs, with their offsets in the
// original text, and sentence boundaries so that evidence quotes stay short.
import type { LanguageCode } from '../document/types.js';
import { normalizeWord } from './normalize.js';

export interface Token {
  /** Normalised form: lower case, no diacritics. */
  norm: string;
  /** The word as written (stemmers read its diacritics). */
  text: string;
  start: number;
  end: number;
}

const TOKEN = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?|%/gu;

/** Normalising (NFKD and four replacements) is the costliest part of tokenising; words repeat. */
const NORM_CACHE_LIMIT = 100_000;
const norms = new Map<string, string>();

/** A word's normalised form (`normalizeWord`), from the cache the tokeniser keeps. */
export function normalized(word: string): string {
  let norm = norms.get(word);
  if (norm === undefined) {
    norm = normalizeWord(word);
    if (norms.size >= NORM_CACHE_LIMIT) norms.clear();
    norms.set(word, norm);
  }
  return norm;
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(TOKEN)) {
    const start = match.index;
    tokens.push({ norm: normalized(match[0]), text: match[0], start, end: start + match[0].length });
  }
  return tokens;
}

/**
 * The words of a text as written, as `tokenize` finds them, without their offsets: matching needs
 * no more, and one array of strings is much less garbage than a token object per word.
 */
export function writtenWords(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

export interface Sentence {
  text: string;
  /** Offset of the sentence in its block. */
  start: number;
}

/** Longest quote we cut from a block; longer sentences are split at word boundaries. */
export const MAX_SENTENCE_CHARS = 400;
/** Split after . ! ? ; or a line break when followed by a space and an upper-case letter, digit or bullet. */
const SENTENCE_END = /(?<=[.!?;])\s+(?=[\p{Lu}\p{N}"„«•–-])|\n+/gu;

/**
 * Abbreviations after which a full stop followed by a capital, digit or quote does not end the
 * sentence ("1 mil. Kč", "tzv. „Smart City“", "ul. Piotrkowska"), per language, written without the
 * full stop and compared in normalised form (lower case, no diacritics). `anywhere` holds
 * abbreviations that never end a sentence; `beforeNumber` ones that may also be ordinary words at a
 * sentence end ("public art.", "30 min.") and are kept only before a number ("art. 7", "min. 10 %").
 *
 * splitSentences has no language, so the lists are used as one union: a word belongs here only if
 * it is no sentence end in any of the five languages. Left out on purpose, as they usually end a
 * sentence when a capital follows: atd., apod., aj., etc., stb. (lists), Kč, Ft., zł. (currencies
 * after an amount), Sb., Zb., Z. z. (after a law's number), r. and w. (Polish "do 2030 r. Miasto"),
 * s.r.o., a.s., Inc., Ltd., Kft. (company names), ill. (English "ill", and Hungarian "illetve" is
 * followed by a lower-case word anyway).
 */
const ABBREVIATIONS: Record<LanguageCode, { anywhere: readonly string[]; beforeNumber: readonly string[] }> = {
  cs: {
    anywhere: ['tis', 'mil', 'mld', 'mln', 'např', 'tzv', 'resp', 'tj', 'tzn', 'popř', 'příp', 'mj', 'zejm', 'vč', 'č', 'čl', 'písm', 'ul', 'sv', 'hl', 'ing', 'mgr', 'bc', 'phdr', 'mudr', 'judr', 'rndr', 'doc', 'prof', 'dr',
      // "nám. Míru" (náměstí); the pronoun "nám" rarely ends a sentence of a strategy.
      'nám'],
    beforeNumber: ['odst', 'str', 's', 'kap', 'obr', 'tab', 'min', 'max', 'tel'],
  },
  sk: {
    anywhere: ['tis', 'mil', 'mld', 'napr', 'tzv', 'resp', 'tj', 'tzn', 'popr', 'príp', 'vr', 'č', 'čl', 'písm', 'ul', 'nám', 'sv', 'ing', 'mgr', 'bc', 'doc', 'prof', 'dr'],
    beforeNumber: ['ods', 'str', 's', 'kap', 'obr', 'tab', 'min', 'max', 'tel'],
  },
  pl: {
    anywhere: ['np', 'tj', 'tzn', 'tzw', 'tys', 'mln', 'mld', 'm.in', 'ul', 'al', 'pl', 'im', 'woj', 'gm', 'pow', 'ww', 'zob', 'dz', 'dz.u', 'prof', 'inż', 'mgr'],
    beforeNumber: ['ok', 'art', 'ust', 'pkt', 'poz', 'nr', 'godz', 's', 'str', 'tab', 'rys'],
  },
  hu: {
    // "2021. január" and "2021. 01. 13." are handled as dates (continuesNumber), not here.
    anywhere: ['pl', 'kb', 'ún', 'vö', 'mrd', 'dr'],
    beforeNumber: ['sz', 'u', 'tel'],
  },
  en: {
    anywhere: ['e.g', 'i.e', 'approx', 'vs', 'cf', 'incl', 'excl', 'mr', 'mrs', 'ms', 'dr', 'prof',
      // "Smith et al. (2020)"; Polish "al." (aleja) too.
      'al'],
    beforeNumber: ['no', 'nos', 'art', 'fig', 'p', 'pp', 'vol', 'sec', 'para', 'ca', 'ch'],
  },
};

/** Abbreviations of two words, written "hl. m." and keyed "hl m" ("hl. m. Praha", "t. j. Bratislava"). */
const TWO_WORD_ABBREVIATIONS: readonly string[] = ['hl m', 't j', 't zn'];

/** Months as written after a day ("1. ledna", "5. May"), normalised; cs, sk, pl (genitive), hu, en (november and december as in hu). */
const MONTHS: readonly string[] = [
  'ledna', 'unora', 'brezna', 'dubna', 'kvetna', 'cervna', 'cervence', 'srpna', 'zari', 'rijna', 'listopadu', 'prosince',
  'januara', 'februara', 'marca', 'aprila', 'maja', 'juna', 'jula', 'augusta', 'septembra', 'oktobra', 'novembra', 'decembra',
  'stycznia', 'lutego', 'kwietnia', 'czerwca', 'lipca', 'sierpnia', 'wrzesnia', 'pazdziernika', 'listopada', 'grudnia',
  'januar', 'februar', 'marcius', 'aprilis', 'majus', 'junius', 'julius', 'augusztus', 'szeptember', 'oktober', 'november', 'december',
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october',
];

// Built once: splitSentences runs over every sentence of long documents.
const NEVER_ENDS = new Set<string>([...Object.values(ABBREVIATIONS).flatMap((list) => list.anywhere.map(normalizeWord)), ...TWO_WORD_ABBREVIATIONS]);
const BEFORE_NUMBER = new Set<string>(Object.values(ABBREVIATIONS).flatMap((list) => list.beforeNumber.map(normalizeWord)));
const MONTH_NAMES = new Set<string>(MONTHS);
/** Opening punctuation before a word: "(např." is "např.". */
const OPENING = /^[([{„“"'‚‘«»]+/u;
const DIGITS = /^\p{N}+$/u;
const UPPER_LETTER = /^\p{Lu}$/u;
const DIGIT = /\p{N}/u;
const WHITESPACE = /\s/u;
const NEXT_WORD = /[\p{L}\p{N}]+/uy;

/** The word (run of non-space characters) that ends at `end`, and where it starts. */
function wordBefore(text: string, end: number): { word: string; start: number } {
  let start = end;
  while (start > 0 && !WHITESPACE.test(text[start - 1] as string)) start--;
  return { word: text.slice(start, end), start };
}

/**
 * Whether the full stop at `dot`, followed by white space up to `next`, belongs to an abbreviation or
 * a number inside a date or ordinal rather than ending the sentence. Called only where SENTENCE_END
 * matched after a full stop, i.e. when a capital, digit, quote or bullet follows.
 */
function isMidSentenceStop(text: string, dot: number, next: number): boolean {
  const before = wordBefore(text, dot);
  const word = before.word.replace(OPENING, '');
  if (!word) return false;
  const nextIsDigit = DIGIT.test(text[next] ?? '');
  if (DIGITS.test(word)) return continuesNumber(text, word, next, nextIsDigit);
  // An initial: "T. G. Masaryka", "Dz. U.", "J. Kowalski".
  if (UPPER_LETTER.test(word)) return true;
  const key = normalized(word);
  if (NEVER_ENDS.has(key) || (nextIsDigit && BEFORE_NUMBER.has(key))) return true;
  // Two-word abbreviations: the word before ends in a full stop too ("hl. m.").
  if (before.start >= 2 && text[before.start - 2] === '.') {
    const first = wordBefore(text, before.start - 2).word.replace(OPENING, '');
    return NEVER_ENDS.has(`${normalized(first)} ${key}`);
  }
  return false;
}

/**
 * A number and a full stop go on when they are a day or month or an ordinal followed by another
 * number or a month ("13. 1. 2021", "1. Januar"), or a Hungarian year followed by a month number
 * ("2021. 01. 13."). A year followed by anything else ends the sentence ("do roku 2030. Město").
 */
function continuesNumber(text: string, number: string, next: number, nextIsDigit: boolean): boolean {
  NEXT_WORD.lastIndex = next;
  const following = NEXT_WORD.exec(text)?.[0] ?? '';
  if (number.length <= 2) return nextIsDigit || MONTH_NAMES.has(normalized(following));
  return number.length === 4 && nextIsDigit && following.length <= 2 && text[next + following.length] === '.';
}

export function splitSentences(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  let start = 0;
  const push = (end: number) => {
    const raw = text.slice(start, end);
    const trimmedStart = start + (raw.length - raw.trimStart().length);
    const trimmed = raw.trim();
    if (!trimmed) return;
    if (trimmed.length <= MAX_SENTENCE_CHARS) sentences.push({ text: trimmed, start: trimmedStart });
    else sentences.push(...splitLong(trimmed, trimmedStart));
  };
  for (const match of text.matchAll(SENTENCE_END)) {
    const end = match.index + match[0].length;
    // A line break always ends a sentence; a full stop may belong to an abbreviation or a date.
    if (text[match.index - 1] === '.' && !match[0].includes('\n') && isMidSentenceStop(text, match.index - 1, end)) continue;
    push(match.index);
    start = match.index + match[0].length;
  }
  push(text.length);
  return sentences;
}

function splitLong(text: string, offset: number): Sentence[] {
  const pieces: Sentence[] = [];
  let start = 0;
  while (start < text.length) {
    let end = Math.min(text.length, start + MAX_SENTENCE_CHARS);
    if (end < text.length) {
      const space = text.lastIndexOf(' ', end);
      if (space > start + MAX_SENTENCE_CHARS / 2) end = space;
    }
    const piece = text.slice(start, end).trim();
    if (piece) pieces.push({ text: piece, start: offset + start });
    start = end;
  }
  return pieces;
}
