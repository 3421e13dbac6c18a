// Markdown that would make the parser (micromark) work without end is read another way: block
// quotes and lists nested deeper than any document needs cost the parser quadratic time and then
// its stack, so such a file is read as plain text; a parser that still runs out of stack gives a
// one-line DAMAGED error rather than an exception no one expects.
import type { ReaderOutput } from '../document/types.js';
import { ReadError } from './errors.js';
import { readMarkdown } from './markdown.js';
import { readPlainText } from './text.js';

/** Deeper nesting than this is read as plain text (real documents stay under ten). */
export const MAX_MARKDOWN_NESTING = 32;

export function readMarkdownWithinLimits(source: string): ReaderOutput {
  const depth = deepestNesting(source);
  if (depth > MAX_MARKDOWN_NESTING) {
    const plain = readPlainText(source);
    return { ...plain, format: 'md', warnings: [...plain.warnings, `Markdown nested ${depth} levels deep (block quotes or lists): read as plain text`] };
  }
  try {
    return readMarkdown(source);
  } catch (error) {
    if (error instanceof RangeError) throw new ReadError('DAMAGED', `Markdown the parser cannot take apart (${error.message})`);
    throw error;
  }
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
