// Groups PDF lines into paragraphs (text blocks): a paragraph ends at a wider gap, a change of
// size, an indented first line, a short line ending a sentence, a list marker or a table row;
// it goes on across a page or column break when the sentence does.
import type { TextBlock } from '../document/types.js';
import type { PdfLine } from './pdf-columns.js';
import type { BodyStyle } from './pdf-headings.js';
import { joinLines } from './pdf-text.js';

type BlockRole = NonNullable<TextBlock['role']>;

const LIST_MARKER = /^(?:[•▪◦●■□►‣⁃∙·*–—-]\s|\(?\d{1,2}[.)]\s|\(?[a-zA-Z][.)]\s|\([ivx]+\)\s)/u;
const BULLET = /^[•▪◦●■□►‣⁃∙·*]\s*/u;
const SENTENCE_END = /[.!?:;]["”’)]?$/u;

export interface ParagraphBuilder {
  add(line: PdfLine, role?: BlockRole): void;
  flush(): void;
}

export function createParagraphBuilder(body: BodyStyle, emit: (block: TextBlock) => void): ParagraphBuilder {
  let lines: PdfLine[] = [];
  let role: BlockRole | undefined;

  const flush = () => {
    const first = lines[0];
    const last = lines.at(-1);
    if (!first || !last) return;
    const text = joinLines(lines.map((line) => line.text)).replace(BULLET, '');
    if (text) {
      const location = last.page !== first.page ? { page: first.page, pageEnd: last.page } : { page: first.page };
      emit({ text, location, role: role ?? roleOf(first, body) });
    }
    lines = [];
    role = undefined;
  };

  return {
    add(line, lineRole) {
      const previous = lines.at(-1);
      // Every contents entry is its own block; other lines join a paragraph until it ends.
      if (previous && (lineRole !== role || lineRole === 'toc' || startsParagraph(previous, line, body))) flush();
      if (!lines.length) role = lineRole;
      lines.push(line);
    },
    flush,
  };
}

function roleOf(line: PdfLine, body: BodyStyle): BlockRole {
  if (line.table) return 'table';
  if (LIST_MARKER.test(line.text)) return 'list';
  if (line.size < body.size - 1.2) return 'note';
  return 'body';
}

function startsParagraph(previous: PdfLine, line: PdfLine, body: BodyStyle): boolean {
  if (line.table || previous.table || LIST_MARKER.test(line.text)) return true;
  if (Math.abs(line.size - previous.size) > 0.6) return true;
  const sentenceGoesOn = !SENTENCE_END.test(previous.text) && (/^\p{Ll}/u.test(line.text) || /\p{L}-$/u.test(previous.text));
  if (line.page !== previous.page || line.region !== previous.region) return !sentenceGoesOn;
  const step = body.lineStep * (line.size / body.size);
  const gap = line.y - previous.y;
  if (gap > 1.45 * step || gap < 0) return true;
  const size = line.size;
  const previousEndsSentence = SENTENCE_END.test(previous.text);
  const indented = line.x0 > line.regionLeft + 0.8 * size && previous.x0 <= previous.regionLeft + 0.5 * size;
  if (indented && previousEndsSentence) return true;
  const previousShort = previous.x1 < previous.regionRight - 4 * size;
  return previousShort && previousEndsSentence;
}
