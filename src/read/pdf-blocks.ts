// Groups PDF lines into paragraphs (text blocks): a paragraph ends at a wider gap, a change of
// size, an indented first line, a short line ending a sentence, a list marker or a table row, a
// line back at the margin after a list item, or the next of a run of "Label: value" lines; it
// goes on across a page or column break when the sentence does, footnotes in between waiting
// until it ends.
import type { TextBlock } from '../document/types.js';
import type { PdfLine } from './pdf-columns.js';
import type { BodyStyle } from './pdf-headings.js';
import { joinLines } from './pdf-text.js';

type BlockRole = NonNullable<TextBlock['role']>;

const LIST_MARKER = /^(?:[•▪◦●■□►‣⁃∙·*–—-]\s|\(?\d{1,2}[.)]\s|\(?[a-zA-Z][.)]\s|\([ivx]+\)\s)/u;
const BULLET = /^[•▪◦●■□►‣⁃∙·*]\s*/u;
const SENTENCE_END = /[.!?:;]["”’)]?$/u;
/** A footnote's own number or mark at the start of its first line. */
const FOOTNOTE_START = /^(?:\d{1,3}|[*∗†‡])\s+\S/u;
/** A field label opening a line: "Název: …", "Gestor: …" (one to three words before a colon). */
const LABEL = /^\p{Lu}[\p{L}\d]*(?: [\p{L}\d]+){0,2}:\s/u;

/** A paragraph's lines are set this much further apart than its wrapped lines: paragraph spacing. */
const PARAGRAPH_SPACING = 1.15;

export interface ParagraphBuilder {
  add(line: PdfLine, role?: BlockRole): void;
  /**
   * Holds a line (a footnote at the foot of a page) until the paragraph open now ends, so that a
   * paragraph going on to the next page is not cut by the notes printed below its first part.
   */
  addAfterParagraph(line: PdfLine): void;
  flush(): void;
}

/**
 * `wrapStep` is the document's distance between the lines of one paragraph, in multiples of the
 * type size (see measureWrapStep); without it, only a paragraph's own lines tell its line step.
 */
export function createParagraphBuilder(body: BodyStyle, emit: (block: TextBlock) => void, wrapStep?: number): ParagraphBuilder {
  let lines: PdfLine[] = [];
  let role: BlockRole | undefined;
  let held: PdfLine[] = [];

  const emitParagraph = () => {
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

  const add = (line: PdfLine, lineRole?: BlockRole) => {
    const previous = lines.at(-1);
    // Every contents entry is its own block; other lines join a paragraph until it ends.
    if (previous && (lineRole !== role || lineRole === 'toc' || startsParagraph(lines, line, body, wrapStep))) flush();
    if (!lines.length) role = lineRole;
    lines.push(line);
  };

  const flush = () => {
    emitParagraph();
    if (!held.length) return;
    const notes = held;
    held = [];
    for (const line of notes) add(line);
    emitParagraph();
  };

  return {
    add,
    addAfterParagraph(line) {
      if (lines.length) held.push(line);
      else add(line);
    },
    flush,
  };
}

/**
 * How far apart (in multiples of the type size) the lines within a paragraph are: the median step
 * after lines that surely wrap (they reach the right edge, end no sentence, and the next line goes
 * on in lower case). Undefined when the document has too few of them to tell.
 */
export function measureWrapStep(lines: PdfLine[]): number | undefined {
  const ratios: number[] = [];
  for (let index = 1; index < lines.length; index++) {
    const previous = lines[index - 1];
    const line = lines[index];
    if (!previous || !line || !sameFlow(previous, line) || previous.table || line.table || Math.abs(line.size - previous.size) > 0.3) continue;
    const gap = line.y - previous.y;
    if (gap <= 0 || gap > 3 * line.size) continue;
    const wraps = previous.x1 >= previous.regionRight - 1.5 * previous.size && !SENTENCE_END.test(previous.text) && /^\p{Ll}/u.test(line.text);
    if (wraps) ratios.push(gap / line.size);
  }
  if (ratios.length < 3) return undefined;
  ratios.sort((a, b) => a - b);
  return ratios[Math.floor(ratios.length / 2)];
}

function roleOf(line: PdfLine, body: BodyStyle): BlockRole {
  if (line.table) return 'table';
  if (LIST_MARKER.test(line.text)) return 'list';
  if (line.size < body.size - 1.2) return 'note';
  return 'body';
}

function sameFlow(a: PdfLine, b: PdfLine): boolean {
  return a.page === b.page && a.region === b.region;
}

/** Whether `line` starts a new paragraph after the lines of the paragraph open now (`paragraph`, not empty). */
function startsParagraph(paragraph: PdfLine[], line: PdfLine, body: BodyStyle, wrapStep: number | undefined): boolean {
  const previous = paragraph.at(-1) as PdfLine;
  if (line.table || previous.table || LIST_MARKER.test(line.text)) return true;
  // The next footnote ("5 Poznámka 15: …") after one that ended its sentence, however full its line.
  if (line.size < body.size - 1.2 && FOOTNOTE_START.test(line.text) && SENTENCE_END.test(previous.text)) return true;
  if (Math.abs(line.size - previous.size) > 0.6) return true;
  const sentenceGoesOn = !SENTENCE_END.test(previous.text) && (/^\p{Ll}/u.test(line.text) || /\p{L}-$/u.test(previous.text));
  if (!sameFlow(previous, line)) return !sentenceGoesOn;
  const step = body.lineStep * (line.size / body.size);
  const gap = line.y - previous.y;
  if (gap > 1.45 * step || gap < 0) return true;
  const size = line.size;
  const previousEndsSentence = SENTENCE_END.test(previous.text);
  const indented = line.x0 > line.regionLeft + 0.8 * size && previous.x0 <= previous.regionLeft + 0.5 * size;
  if (indented && previousEndsSentence) return true;
  const previousShort = previous.x1 < previous.regionRight - 4 * size;
  if (previousShort && previousEndsSentence) return true;
  if (spacedApart(paragraph, line, gap, previousShort, previousEndsSentence, wrapStep)) return true;
  if (leavesHangingItem(paragraph, line)) return true;
  // "Popis: …" after a short "Název: …": fields of a card, each its own block, though no sentence ends.
  return previousShort && LABEL.test(line.text) && LABEL.test(paragraph[0]?.text ?? '');
}

/**
 * Paragraph spacing: the gap is clearly wider than the step between wrapped lines (LibreOffice
 * often adds 0.2–0.5 of a line), after a line that could end a paragraph. The paragraph's own
 * step is the surest measure; the document's wrap step stands in for a paragraph of one line (or
 * whose first line opens a column), and then only after a short line or a sentence's end, since a
 * part of the document may be set with wider leading.
 */
function spacedApart(paragraph: PdfLine[], line: PdfLine, gap: number, previousShort: boolean, previousEndsSentence: boolean, wrapStep: number | undefined): boolean {
  const previous = paragraph.at(-1) as PdfLine;
  const before = paragraph.at(-2);
  const ownStep = before && sameFlow(before, previous) && Math.abs(before.size - previous.size) <= 0.3 ? previous.y - before.y : 0;
  // A step under the type size is no line step: lines of a table cell read between them, say.
  if (ownStep >= 0.9 * previous.size) return (previousShort || previousEndsSentence) && gap > PARAGRAPH_SPACING * ownStep;
  return wrapStep !== undefined && (previousShort || previousEndsSentence) && gap > PARAGRAPH_SPACING * wrapStep * line.size;
}

/**
 * A list item whose wrapped lines hang indented (or stay under its first line) ends where a line
 * starts left of the item: back at the margin, that line is the text after the list. Items whose
 * wrapped lines run back to the margin (a first-line indent) are not told apart this way.
 */
function leavesHangingItem(paragraph: PdfLine[], line: PdfLine): boolean {
  const first = paragraph[0];
  if (!first || paragraph.length < 2 || !LIST_MARKER.test(first.text)) return false;
  // Measured from each line's region edge: the item may have begun in another column or page.
  const indent = (of: PdfLine) => of.x0 - of.regionLeft;
  const size = line.size;
  const hanging = paragraph.slice(1).every((wrapped) => indent(wrapped) >= indent(first) - 0.5 * size);
  return hanging && indent(line) < indent(first) - 0.8 * size;
}
