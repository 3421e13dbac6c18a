// Markdown that the parser cannot read well is read another way: block quotes and lists nested
// deeper than any document needs are read as plain text (markdown-it stops nesting at 100 levels
// and drops what lies deeper; remark's micromark took quadratic time and then its stack), and so is
// a paragraph of over a million characters (markdown-it would hold all its pieces at once); a
// paragraph of thousands of lines (converted text without blank lines) is cut into paragraphs of
// at most MAX_PARAGRAPH_LINES lines, so that evidence in it cites its own lines, every location
// still citing the file's own lines; a parser that runs out of stack gives a one-line DAMAGED error
// rather than an exception no one expects.
import type { ReaderOutput, SourceLocation } from '../document/types.js';
import { ReadError } from './errors.js';
import { readMarkdown } from './markdown.js';
import { readPlainText } from './text.js';

/** Deeper nesting than this is read as plain text (real documents stay under ten). */
export const MAX_MARKDOWN_NESTING = 32;

/**
 * A paragraph longer than this is read as plain text: markdown-it holds every inline token of a
 * paragraph at once (a 20 MB paragraph of links and emphasis on one line peaked at 1.6 GB), and
 * only converted text without line breaks has one (the Climate City Contracts stay under 12,000).
 */
export const MAX_MARKDOWN_PARAGRAPH_CHARS = 1_000_000;

export function readMarkdownWithinLimits(source: string): ReaderOutput {
  const depth = deepestNesting(source);
  if (depth > MAX_MARKDOWN_NESTING) return asPlainText(source, `Markdown nested ${depth} levels deep (block quotes or lists): read as plain text`);
  const longest = longestParagraph(source);
  if (longest > MAX_MARKDOWN_PARAGRAPH_CHARS) return asPlainText(source, `Markdown with a paragraph of ${longest.toLocaleString('en')} characters (converted text without line breaks): read as plain text`);
  try {
    const { text, insertedBefore } = splitLongParagraphs(source);
    return insertedBefore.length ? withOriginalLines(readMarkdown(text), insertedBefore) : readMarkdown(source);
  } catch (error) {
    if (error instanceof RangeError) throw new ReadError('DAMAGED', `Markdown the parser cannot take apart (${error.message})`);
    throw error;
  }
}

function asPlainText(source: string, warning: string): ReaderOutput {
  const plain = readPlainText(source);
  return { ...plain, format: 'md', warnings: [...plain.warnings, warning] };
}

/** Characters of the longest run of lines without a blank line between them. */
export function longestParagraph(source: string): number {
  let longest = 0;
  let run = 0;
  let lineStart = 0;
  for (let index = 0; index <= source.length; index++) {
    if (index < source.length && source[index] !== '\n') continue;
    const line = source.slice(lineStart, index);
    run = line.trim() === '' ? 0 : run + line.length;
    if (run > longest) longest = run;
    lineStart = index + 1;
  }
  return longest;
}

/** The most block-quote and list markers that open one line, counted in one pass without a parser. */
export function deepestNesting(source: string): number {
  let deepest = 0;
  let depth = 0;
  let atLineStart = true;
  for (let index = 0; index < source.length; index++) {
    const character = source[index];
    if (character === '\n') {
      depth = 0;
      atLineStart = true;
      continue;
    }
    if (!atLineStart || character === ' ' || character === '\t') continue;
    const next = source[index + 1];
    const markerEnds = next === undefined || next === ' ' || next === '\t' || next === '\n';
    if (character === '>' || ((character === '-' || character === '+' || character === '*') && markerEnds)) {
      depth++;
      if (depth > deepest) deepest = depth;
    } else atLineStart = false;
  }
  return deepest;
}

/**
 * Longest run of plain lines read as one paragraph: a block's location is where its evidence is
 * cited, and 30,000 lines are no citation. (The cut was first made for remark's micromark, whose
 * inline parsing grew with the square of a paragraph's length; markdown-it's grows linearly.)
 */
export const MAX_PARAGRAPH_LINES = 200;

/** Lines that may belong to something other than a paragraph (tables, lists, quotes, code, HTML, headings and their underlines). */
const STRUCTURED_LINE = /^(\s|\||>|[-*+](\s|$)|\d+[.)](\s|$)|#|```|~~~|<|=+\s*$|-+\s*$)/;
const FENCE = /^ {0,3}(```|~~~)/;

/**
 * Puts a blank line between two plain lines once a paragraph has run MAX_PARAGRAPH_LINES lines
 * (never inside fenced code, and never next to a line that could be a table row or list item).
 * `insertedBefore` lists, in order, the line numbers of the new text before which a line was added.
 */
export function splitLongParagraphs(source: string): { text: string; insertedBefore: number[] } {
  const lines = source.split('\n');
  const out: string[] = [];
  const insertedBefore: number[] = [];
  let inFence = false;
  let run = 0;
  for (const [index, line] of lines.entries()) {
    if (FENCE.test(line)) inFence = !inFence;
    const plain = !inFence && line.trim() !== '' && !STRUCTURED_LINE.test(line);
    const previous = lines[index - 1];
    if (plain && run >= MAX_PARAGRAPH_LINES && previous !== undefined && !STRUCTURED_LINE.test(previous)) {
      out.push('');
      insertedBefore.push(out.length + 1);
      run = 0;
    }
    run = line.trim() === '' || inFence ? 0 : run + 1;
    out.push(line);
  }
  return { text: insertedBefore.length ? out.join('\n') : source, insertedBefore };
}

/** Line numbers of the split text turned back into the file's own. */
function withOriginalLines(output: ReaderOutput, insertedBefore: number[]): ReaderOutput {
  const original = (line: number | undefined) => (line === undefined ? undefined : line - insertedBefore.filter((at) => at <= line).length);
  const remap = (location: SourceLocation): SourceLocation => {
    const line = original(location.line);
    const lineEnd = original(location.lineEnd);
    return { ...location, ...(line !== undefined ? { line } : {}), ...(lineEnd !== undefined ? { lineEnd } : {}) };
  };
  return {
    ...output,
    sections: output.sections.map((section) => ({ ...section, location: remap(section.location), blocks: section.blocks.map((block) => ({ ...block, location: remap(block.location) })) })),
    warnings: [...output.warnings, `a paragraph of more than ${MAX_PARAGRAPH_LINES} lines was read in parts of ${MAX_PARAGRAPH_LINES} lines (so that evidence cites the lines it stands on)`],
  };
}
