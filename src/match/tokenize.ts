// Tokenising: words (runs of letters and digits) and percent signs, with their offsets in the
// original text, and sentence boundaries so that evidence quotes stay short.
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
