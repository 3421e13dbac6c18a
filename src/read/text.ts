// Plain-text reader: paragraphs separated by blank lines; numbered lines ("1.", "2.3", "Článok 2",
// "3. fejezet"), lettered lines standing alone ("A. Obszar", "B) Obszar"), lines underlined with
// "===" or "---" and short ALL-CAPS lines become headings; runs of numbered lines, numbered lines
// after a colon and numbered sentences are list items; words hyphenated at line ends are rejoined;
// form feeds (as pdftotext writes them) count pages; a paragraph too long to quote (a text without
// line breaks) is cut into windows of whole sentences.
import type { ReaderOutput, SourceLocation, TextBlock } from '../document/types.js';
import { parseHeadingNumber, type HeadingNumber } from './heading-numbering.js';
import { joinLines } from './pdf-text.js';
import { SectionCollector } from './section-tree.js';

/** Paragraphs longer than this are cut into windows of about WINDOW_CHARS. */
const MAX_PARAGRAPH_CHARS = 1200;
const WINDOW_CHARS = 600;

interface Line {
  text: string;
  number: number;
  page?: number;
}

interface Heading {
  text: string;
  level: number;
  lineCount: number;
  /** "A. Obszar": its level depends on the heading above it. */
  lettered?: boolean;
}

/** Where a line stands: first in a block, in a body paragraph, or in a list item. */
type Context = 'start' | 'body' | 'list';

/** A run of "===", "---", "___" or "***": a setext underline or a rule, never text. */
const RULE = /^(?:={3,}|-{3,}|_{3,}|\*{3,})$/;
/** "A. Obszar środowiskowy", "B) Obszar społeczny". */
const LETTERED = /^[A-Z][.)]\s+(?=\p{Lu})/u;

export function readPlainText(source: string): ReaderOutput {
  const lines = splitLines(source);
  const sections = new SectionCollector(locate(lines[0] ?? { text: '', number: 1 }));
  let block: Line[] = [];
  let role: 'body' | 'list' = 'body';
  // Level of the last heading not lettered: "A." headings sit one below it ("II." then "A.").
  let outerLevel = 0;

  const flush = () => {
    for (const textBlock of blocksOf(block, role)) sections.add(textBlock);
    block = [];
  };

  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] as Line;
    if (!line.text || RULE.test(line.text)) {
      flush();
      continue;
    }
    if (block.length === 0) {
      const heading = headingAt(lines, index);
      if (heading) {
        const level = heading.lettered ? outerLevel + 1 : heading.level;
        if (!heading.lettered) outerLevel = heading.level;
        sections.open(heading.text, level, locate(line));
        index += heading.lineCount - 1;
        continue;
      }
    }
    const context: Context = block.length === 0 ? 'start' : role;
    if (listItemAt(lines, index, context)) {
      flush();
      role = 'list';
    } else if (block.length === 0) role = 'body';
    else if (role === 'list' && endsListItem(block.at(-1) as Line, line)) {
      // "- zeleň v ulicích." then "Další odstavec…" without a blank line: the list has ended.
      flush();
      role = 'body';
    }
    block.push(line);
  }
  flush();
  return { format: 'txt', language: 'und', sections: sections.finish(), metadata: {}, warnings: [] };
}

/** One paragraph or list item as blocks: one, or windows of a long one, each citing its own lines. */
function blocksOf(lines: Line[], role: 'body' | 'list'): TextBlock[] {
  // A list item's bullet is no text (as in the other readers); its number is.
  const texts = lines.map((line, position) => (position === 0 ? line.text.replace(BULLET_MARK, '') : line.text));
  const { text, starts } = joinWithStarts(texts);
  return windowSpans(text).map((span) => {
    // A character at an offset is on the line after every line start at or before it.
    const first = startsUpTo(starts, span.start);
    const last = startsUpTo(starts, span.end - 1);
    const lineStarts = starts.slice(first, last).map((start) => start - span.start);
    const block: TextBlock = { text: text.slice(span.start, span.end), location: locate(lines[first] as Line, lines[last] as Line), role };
    return lineStarts.length ? { ...block, lineStarts } : block;
  });
}

/** How many of the (ascending) starts are at or before the offset: a binary search, as a huge paragraph has many. */
function startsUpTo(starts: number[], offset: number): number {
  let low = 0;
  let high = starts.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((starts[middle] as number) <= offset) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * Joins a block's lines as joinLines does, with the offsets in the result where each later line
 * begins. Each join leaves a space, nothing, or takes off a hyphen ("udrži-" + "telnou"): the
 * line is looked for at those three places after the previous one.
 */
function joinWithStarts(lines: string[]): { text: string; starts: number[] } {
  const text = joinLines(lines);
  const starts: number[] = [];
  let end = 0;
  for (const [position, line] of lines.entries()) {
    const own = line.trim().replace(/\u00AD/g, '').replace(/ {2,}/g, ' ');
    if (position === 0) {
      end = own.length;
      continue;
    }
    // Its own last character may be a hyphen that the next join takes off.
    const probe = own.length > 1 ? own.slice(0, -1) : own;
    const start = [end + 1, end, end - 1].find((candidate) => candidate > (starts.at(-1) ?? 0) && text.startsWith(probe, candidate)) ?? end + 1;
    if (start < text.length) starts.push(start);
    end = start + own.length;
  }
  return { text, starts };
}

function splitLines(source: string): Line[] {
  const hasPages = source.includes('\f');
  let page = 1;
  return source
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((raw, index) => {
      const breaks = (raw.match(/\f/g) ?? []).length;
      const text = raw.replace(/\f/g, '').trim();
      const line: Line = { text, number: index + 1, ...(hasPages ? { page: page + (text ? breaks : 0) } : {}) };
      page += breaks;
      return line;
    });
}

function locate(first: Line, last: Line = first): SourceLocation {
  return {
    ...(first.page !== undefined ? { page: first.page } : {}),
    ...(last.page !== undefined && first.page !== undefined && last.page > first.page ? { pageEnd: last.page } : {}),
    line: first.number,
    ...(last.number > first.number ? { lineEnd: last.number } : {}),
  };
}

/** A heading starting at this line: underlined, numbered, lettered, or short and in capitals. */
function headingAt(lines: Line[], index: number): Heading | undefined {
  const line = lines[index] as Line;
  const next = lines[index + 1];
  const alone = !next?.text;
  if (line.text.length > 150 || /[,;]$/.test(line.text)) return undefined;
  // "Úvod" over "====" (level 1) or "----" (level 2), as in Markdown.
  if (next && RULE.test(next.text) && /^[=-]/.test(next.text)) return { text: line.text, level: next.text.startsWith('=') ? 1 : 2, lineCount: 2 };
  const numbering = parseHeadingNumber(line.text);
  if (numbering) return numberedHeading(lines, index, numbering);
  if (alone && LETTERED.test(line.text) && !/[.!?:]$/.test(line.text) && line.text.length <= 80) {
    return { text: line.text, level: 1, lineCount: 1, lettered: true };
  }
  if (isCapitals(line.text) && (alone || (isCapitalsHeading(line.text) && next !== undefined && startsSentence(next.text)))) {
    return { text: line.text, level: 1, lineCount: 1 };
  }
  return undefined;
}

function numberedHeading(lines: Line[], index: number, numbering: HeadingNumber): Heading | undefined {
  const line = lines[index] as Line;
  const next = lines[index + 1];
  // "Článok 1" on its own line, its title on the next, then a blank line.
  if (!numbering.rest && next?.text && next.text.length <= 100 && !lines[index + 2]?.text && !parseHeadingNumber(next.text)) {
    return { text: `${line.text} ${next.text}`, level: numbering.depth, lineCount: 2 };
  }
  if (listItemAt(lines, index, 'start')) return undefined;
  if (!next?.text || numbering.rest.length <= 100) return { text: line.text, level: numbering.depth, lineCount: 1 };
  return undefined;
}

/**
 * A numbered line that is a list item, not a heading: inside a list item, right after a line
 * ending in ':', in a run of lines numbered alike without blank lines between, or a sentence.
 * In a body paragraph only the colon counts: a wrapped line may start with "3. Ve městě".
 */
function listItemAt(lines: Line[], index: number, context: Context): boolean {
  if (BULLET.test(lines[index]?.text ?? '')) return true;
  const numbering = itemNumber(lines[index]?.text ?? '');
  if (!numbering) return false;
  if (context === 'list' || previousText(lines, index).endsWith(':')) return true;
  if (context === 'body') return false;
  const numberedAlike = (line: Line | undefined) => itemNumber(line?.text ?? '')?.depth === numbering.depth;
  const short = (lines[index] as Line).text.length <= 150; // a long line is a paragraph, whatever it starts with
  return numberedAlike(lines[index - 1]) || numberedAlike(lines[index + 1]) || (short && isSentence(numbering.rest));
}

/** A line opening with a bullet ("- ", "• ", "* ", "– "): a list item of its own, wherever it stands. */
const BULLET = /^[-–•*▪◦●■►]\s+\S/u;
const BULLET_MARK = /^[-–•*▪◦●■►]\s+/u;

/** A list item ends where it ended a sentence and the next line starts one in a capital, unbulleted. */
function endsListItem(last: Line, next: Line): boolean {
  return /[.!?]$/.test(last.text) && /^\p{Lu}/u.test(next.text);
}

/** Decimal or Roman numbering ("2.", "2.1", "IV."), not a keyword such as "Článek 2". */
function itemNumber(text: string): HeadingNumber | undefined {
  const numbering = parseHeadingNumber(text);
  return numbering && numbering.kind !== 'keyword' ? numbering : undefined;
}

/** The nearest line above with text, blank lines skipped. */
function previousText(lines: Line[], index: number): string {
  for (let before = index - 1; before >= 0; before--) {
    const text = (lines[before] as Line).text;
    if (text) return text;
  }
  return '';
}

/** "Snížit emise skleníkových plynů.": headings do not end with a full stop. */
function isSentence(text: string): boolean {
  return /[.!?]$/.test(text) && text.split(/\s+/).length >= 2;
}

/** Capitals only (diacritics included), with at least four letters. */
function isCapitals(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, '');
  return letters.length >= 4 && text.length <= 80 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
}

/**
 * Capitals that head the text right below them without a blank line: short, not a sentence, with a
 * word of four letters or more ("ÚVOD", "OPATŘENÍ"; not "EU A ČR", which is acronyms).
 */
function isCapitalsHeading(text: string): boolean {
  return text.length <= 60 && !/[.,;]$/.test(text) && /\p{L}{4}/u.test(text);
}

/** The line below a capitals heading begins a sentence, and is not more capitals (a title wrapped over lines). */
function startsSentence(text: string): boolean {
  return /^[\p{Lu}\p{N}„"(]/u.test(text) && !isCapitals(text);
}

interface Span {
  start: number;
  end: number;
}

/** Whole sentences gathered into windows of about WINDOW_CHARS; very long sentences cut at spaces. */
export function sentenceWindows(text: string): string[] {
  return windowSpans(text).map((span) => text.slice(span.start, span.end));
}

/** The windows as spans of the text, so that a window knows which lines it covers. */
function windowSpans(text: string): Span[] {
  if (text.length <= MAX_PARAGRAPH_CHARS) return text ? [{ start: 0, end: text.length }] : [];
  const windows: Span[] = [];
  let current: Span | undefined;
  for (const sentence of sentenceSpans(text).flatMap((span) => cutLong(text, span))) {
    if (current && sentence.end - current.start > WINDOW_CHARS) {
      windows.push(current);
      current = sentence;
    } else current = { start: current?.start ?? sentence.start, end: sentence.end };
  }
  if (current) windows.push(current);
  return windows;
}

function sentenceSpans(text: string): Span[] {
  const spans: Span[] = [];
  let start = 0;
  for (const gap of text.matchAll(/(?<=[.!?…])\s+(?=[\p{Lu}\p{N}„"«(])/gu)) {
    spans.push({ start, end: gap.index });
    start = gap.index + gap[0].length;
  }
  spans.push({ start, end: text.length });
  return spans;
}

function cutLong(text: string, sentence: Span): Span[] {
  if (sentence.end - sentence.start <= MAX_PARAGRAPH_CHARS) return [sentence];
  const pieces: Span[] = [];
  let start = sentence.start;
  while (sentence.end - start > WINDOW_CHARS) {
    const cut = text.lastIndexOf(' ', start + WINDOW_CHARS);
    const at = cut > start + WINDOW_CHARS / 2 ? cut : start + WINDOW_CHARS;
    pieces.push(trimmed(text, { start, end: at }));
    start = trimmed(text, { start: at, end: sentence.end }).start;
  }
  if (start < sentence.end) pieces.push({ start, end: sentence.end });
  return pieces;
}

/** The span without white space at its ends. */
function trimmed(text: string, span: Span): Span {
  let { start, end } = span;
  while (start < end && /\s/.test(text[start] as string)) start++;
  while (end > start && /\s/.test(text[end - 1] as string)) end--;
  return { start, end };
}
