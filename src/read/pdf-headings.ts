// Finds headings among PDF lines when the outline does not give them: lines set larger than the
// body text, numbered lines in a distinct font standing apart, "Článek 5" / "Rozdział 2" lines,
// and lines the table of contents lists. Levels come from numbering, the contents and font size.
import type { PdfLine } from './pdf-columns.js';
import { mostCommon } from './pdf-lines.js';
import { type HeadingNumber, isCaptionOrItem, parseHeadingNumber } from './heading-numbering.js';
import { comparableText, joinLines } from './pdf-text.js';
import type { TableOfContents, TocEntry } from './pdf-toc.js';

export interface DetectedHeading {
  /** Index of the heading's first line. */
  index: number;
  /** How many lines the heading spans. */
  lineCount: number;
  text: string;
  level: number;
  /** Numbered or listed in the table of contents: a heading even where the outline is silent. */
  strong: boolean;
}

interface Candidate {
  index: number;
  lineCount: number;
  text: string;
  styleKey: string;
  size: number;
  numbering?: HeadingNumber;
  tocEntry?: TocEntry;
  isTocTitle: boolean;
}

export interface BodyStyle {
  size: number;
  /**
   * The body text's font on each page (most characters in body size there). Fonts are compared only
   * within a page: pdf.js names fonts in the order one reader met them, and a long PDF's pages may be
   * read by two threads, each naming them its own way (pdf-pages.ts). A page is always read whole by
   * one thread, so the names agree within it, and the result cannot depend on who read what.
   */
  pageFonts: Map<number, string>;
  /** Typical distance between baselines of body text. */
  lineStep: number;
  /** Body size of pages whose own text is set larger than the document's. */
  pageSizes: Map<number, number>;
}

export function measureBodyStyle(lines: PdfLine[], skip: Set<number>): BodyStyle {
  const bySize = new Map<number, number>();
  lines.forEach((line, index) => {
    if (skip.has(index)) return;
    const size = Math.round(line.size * 2) / 2;
    bySize.set(size, (bySize.get(size) ?? 0) + line.text.length);
  });
  const size = mostCommon(bySize) ?? 10;
  const pageSizes = new Map<number, number>();
  const byPage = new Map<number, Map<number, number>>();
  lines.forEach((line, index) => {
    if (skip.has(index)) return;
    const sizes = byPage.get(line.page) ?? new Map<number, number>();
    sizes.set(Math.round(line.size * 2) / 2, (sizes.get(Math.round(line.size * 2) / 2) ?? 0) + line.text.length);
    byPage.set(line.page, sizes);
  });
  for (const [page, sizes] of byPage) {
    const pageSize = mostCommon(sizes) ?? size;
    const chars = [...sizes.values()].reduce((sum, count) => sum + count, 0);
    if (pageSize > size && chars >= 400) pageSizes.set(page, pageSize);
  }
  const steps: number[] = [];
  lines.forEach((line, index) => {
    if (skip.has(index) || Math.abs(line.size - size) > 0.5) return;
    const previous = lines[index - 1];
    if (previous && previous.region === line.region && previous.page === line.page && Math.abs(previous.size - size) <= 0.5) steps.push(line.y - previous.y);
  });
  steps.sort((a, b) => a - b);
  return { size, pageFonts: bodyFontByPage(lines, skip, size, pageSizes), lineStep: steps[Math.floor(steps.length / 2)] ?? size * 1.2, pageSizes };
}

/** Each page's most used font (by characters) among its lines in the page's body size. */
function bodyFontByPage(lines: PdfLine[], skip: Set<number>, size: number, pageSizes: Map<number, number>): Map<number, string> {
  const fontsByPage = new Map<number, Map<string, number>>();
  lines.forEach((line, index) => {
    if (skip.has(index) || Math.abs(line.size - (pageSizes.get(line.page) ?? size)) > 0.5) return;
    const fonts = fontsByPage.get(line.page) ?? new Map<string, number>();
    fonts.set(line.font, (fonts.get(line.font) ?? 0) + line.text.length);
    fontsByPage.set(line.page, fonts);
  });
  return new Map([...fontsByPage].map(([page, fonts]) => [page, mostCommon(fonts) ?? '']));
}

/** Whether the line is set in its page's body font (a page without body text has none: every font is distinct there). */
function inBodyFont(line: PdfLine, body: BodyStyle): boolean {
  return body.pageFonts.get(line.page) === line.font;
}

export function detectHeadings(lines: PdfLine[], toc: TableOfContents, body: BodyStyle): DetectedHeading[] {
  const tocByKey = new Map(toc.entries.map((entry) => [entry.key, entry]));
  const candidates: Candidate[] = [];
  for (let index = 0; index < lines.length; index++) {
    if (toc.lines.has(index) && index !== toc.titleIndex) continue;
    const line = lines[index] as PdfLine;
    const candidate = candidateAt(lines, index, body, tocByKey, index === toc.titleIndex);
    if (!candidate) continue;
    // A heading set on two or three lines: the following lines in the same style join it.
    let next = index + 1;
    while (next < lines.length && next - index < 8 && continuesHeading(lines, next, line, candidate, body)) {
      candidate.text = joinLines([candidate.text, (lines[next] as PdfLine).text]);
      candidate.lineCount += 1;
      next += 1;
    }
    if (!isSentenceInBodyType(candidate, body)) candidates.push(candidate);
    index = next - 1;
  }
  return assignLevels(candidates);
}

function candidateAt(lines: PdfLine[], index: number, body: BodyStyle, tocByKey: Map<string, TocEntry>, isTocTitle: boolean): Candidate | undefined {
  const line = lines[index] as PdfLine;
  const text = line.text;
  if (line.cells.length > 1 || text.length > 200 || !/\p{L}{2,}/u.test(text) || /[,;]$/.test(text)) return undefined;
  if ((text.match(/,/g) ?? []).length > 2) return undefined;
  const numbering = parseHeadingNumber(text);
  if (!numbering && /^\p{Ll}/u.test(text) && !LETTERED_TITLE.test(text)) return undefined;
  const key = tocByKey.size ? comparableText(numbering?.rest || text) : '';
  const tocEntry = key.length >= 3 ? (tocByKey.get(key) ?? nearTocEntry(key, tocByKey)) : undefined;
  const bodySize = body.pageSizes.get(line.page) ?? body.size;
  // Larger type is a heading when it is short; a whole paragraph set larger is not.
  const bigger = line.size >= bodySize + 0.9 && line.size >= bodySize * 1.08 && styleRunLength(lines, index) <= 300;
  const distinctFont = !inBodyFont(line, body);
  const apart = standsApart(lines, index, body);
  const isHeading =
    isTocTitle ||
    (bigger && text.length <= 160) ||
    (tocEntry !== undefined && apart && line.size >= bodySize - 0.5 && !inNumberedList(lines, index, body, numbering)) ||
    (numbering?.kind === 'keyword' && text.length <= 120 && (apart || distinctFont)) ||
    (numbering !== undefined &&
      numbering.kind !== 'keyword' &&
      distinctFont &&
      apart &&
      text.length <= 150 &&
      !/[.!?]$/.test(text) &&
      !inNumberedList(lines, index, body, numbering)) ||
    (numbering === undefined && distinctFont && apart && isRunInTitle(lines, index, body));
  if (!isHeading) return undefined;
  // Not the font's name: names differ between the threads that read a long PDF (see BodyStyle).
  const styleKey = `${Math.round(line.size * 2) / 2}|${distinctFont ? 'distinct' : 'body'}`;
  return { index, lineCount: 1, text, styleKey, size: line.size, isTocTitle, ...(numbering ? { numbering } : {}), ...(tocEntry ? { tocEntry } : {}) };
}


/** "a) Kvalita ovzduší", "b. Odpady": a letter, then a title in capitals. */
const LETTERED_TITLE = /^\(?[a-z][.)]\s+\p{Lu}/u;

/**
 * An unnumbered title in body size, told apart by its font alone (bold, as office suites set
 * "Východiska pro návrhovou část" over its paragraph): a short phrase starting with a capital,
 * without a full stop or colon, on a line of its own, with text in the body font right below.
 */
function isRunInTitle(lines: PdfLine[], index: number, body: BodyStyle): boolean {
  const line = lines[index] as PdfLine;
  const next = lines[index + 1];
  const text = line.text;
  const bodySize = body.pageSizes.get(line.page) ?? body.size;
  // "a) Kvalita ovzduší" in its own font over its text is a lettered title; a bullet or caption is not.
  const lettered = LETTERED_TITLE.test(text);
  if (text.length > 80 || text.split(/\s+/).length > 10 || !(/^\p{Lu}/u.test(text) || lettered) || /[.!?:;,]$/.test(text) || (isCaptionOrItem(text) && !lettered)) return false;
  if (Math.abs(line.size - bodySize) > 0.5 || !next || next.page !== line.page || next.region !== line.region) return false;
  return inBodyFont(next, body) && Math.abs(next.size - bodySize) <= 0.5 && /^\p{Lu}/u.test(next.text);
}

/**
 * A sentence set a little larger than the body (an 11-point introduction over 10-point tables):
 * it ends in . ! or ? and runs over six words, and no contents entry names it. Set clearly larger
 * (a quarter and more), it stays a title.
 */
function isSentenceInBodyType(candidate: Candidate, body: BodyStyle): boolean {
  if (candidate.isTocTitle || candidate.tocEntry) return false;
  const bodySize = body.size;
  return /[.!?]$/.test(candidate.text) && candidate.text.split(/\s+/).length > 6 && candidate.size < 1.25 * bodySize;
}

/** A contents title with a stray letter or two glued before it ("ALinks with..." for "Links with..."). */
function nearTocEntry(key: string, tocByKey: Map<string, TocEntry>): TocEntry | undefined {
  if (key.length > 150) return undefined;
  for (const [title, entry] of tocByKey) if (title.length >= 12 && key.length - title.length <= 2 && key.endsWith(title)) return entry;
  return undefined;
}

/** "5. Komunikace" after "4. Řízení" a line or two above, in body type: an item of a numbered list. */
function inNumberedList(lines: PdfLine[], index: number, body: BodyStyle, numbering: HeadingNumber | undefined): boolean {
  if (!numbering || numbering.kind === 'keyword') return false;
  const line = lines[index] as PdfLine;
  for (let other = index - 4; other <= index + 4; other++) {
    const neighbour = lines[other];
    if (other === index || !neighbour || neighbour.page !== line.page || !inBodyFont(neighbour, body)) continue;
    const theirs = parseHeadingNumber(neighbour.text);
    if (theirs && theirs.kind === numbering.kind && theirs.depth === numbering.depth && Math.abs(neighbour.x0 - line.x0) <= 3) return true;
  }
  return false;
}

/** Characters in the run of lines around this one set in the same size, line after line. */
function styleRunLength(lines: PdfLine[], index: number): number {
  const line = lines[index] as PdfLine;
  const sameRun = (a: PdfLine | undefined, b: PdfLine | undefined) =>
    a !== undefined && b !== undefined && a.page === b.page && a.region === b.region && Math.abs(a.size - b.size) <= 0.3 && Math.abs(b.y - a.y) <= 1.6 * line.size;
  let length = line.text.length;
  for (let before = index - 1; sameRun(lines[before], lines[before + 1]); before--) length += lines[before]?.text.length ?? 0;
  for (let after = index + 1; sameRun(lines[after - 1], lines[after]); after++) length += lines[after]?.text.length ?? 0;
  return length;
}

/** The line is not in the middle of a paragraph: space above and below, or a region edge. */
function standsApart(lines: PdfLine[], index: number, body: BodyStyle): boolean {
  const line = lines[index] as PdfLine;
  const previous = lines[index - 1];
  const next = lines[index + 1];
  const sameFlow = (other: PdfLine | undefined) => other !== undefined && other.page === line.page && other.region === line.region;
  const spaceAbove = !sameFlow(previous) || line.y - (previous?.y ?? 0) > 1.25 * body.lineStep || previous?.font !== line.font;
  const spaceBelow = !sameFlow(next) || (next?.y ?? 0) - line.y > 1.25 * body.lineStep || next?.font !== line.font || next.size !== line.size;
  return spaceAbove && spaceBelow;
}

function continuesHeading(lines: PdfLine[], index: number, first: PdfLine, candidate: Candidate, body: BodyStyle): boolean {
  const line = lines[index] as PdfLine;
  const previous = lines[index - 1] as PdfLine;
  if (candidate.isTocTitle || line.page !== first.page || line.region !== first.region || line.cells.length > 1) return false;
  // Subset fonts split one typeface into several names: any font but the body's will do.
  if (Math.abs(line.size - first.size) > 0.5 || (line.font !== first.font && (inBodyFont(line, body) || inBodyFont(first, body)))) return false;
  if (line.y - previous.y > 1.9 * Math.max(first.size, body.lineStep) || parseHeadingNumber(line.text)) return false;
  if (candidate.text.length + line.text.length > 250 || /[.!?]$/.test(candidate.text)) return false;
  // "Článek 5" on its own line is followed by the article's title.
  if (candidate.numbering?.kind === 'keyword' && !candidate.numbering.rest) return line.text.length <= 120;
  return line.size >= body.size + 0.9 || (candidate.tocEntry === undefined && candidate.numbering === undefined);
}

/** Numbering and the contents fix levels; other headings take the level of their style or size. */
function assignLevels(candidates: Candidate[]): DetectedHeading[] {
  const known = new Map<string, Map<number, number>>();
  const sizeOfStyle = new Map<string, number>();
  for (const candidate of candidates) {
    const level = candidate.tocEntry?.level ?? candidate.numbering?.depth;
    if (level === undefined) continue;
    const levels = known.get(candidate.styleKey) ?? new Map<number, number>();
    levels.set(level, (levels.get(level) ?? 0) + 1);
    known.set(candidate.styleKey, levels);
    sizeOfStyle.set(candidate.styleKey, candidate.size);
  }
  const styleLevels = [...known].map(([style, levels]) => ({ size: sizeOfStyle.get(style) ?? 0, level: mostCommon(levels) ?? 1 }));
  const sizes = [...new Set(candidates.map((candidate) => Math.round(candidate.size * 2) / 2))].sort((a, b) => b - a);
  const headings = candidates.map((candidate): DetectedHeading => {
    const styleLevel = known.get(candidate.styleKey);
    let level = candidate.numbering?.depth ?? candidate.tocEntry?.level ?? (styleLevel ? mostCommon(styleLevel) : undefined);
    if (candidate.tocEntry && !candidate.numbering) level = candidate.tocEntry.level;
    if (candidate.isTocTitle) level = 1;
    if (level === undefined) {
      const larger = styleLevels.filter((style) => style.size >= candidate.size - 0.25).sort((a, b) => a.size - b.size)[0];
      if (larger) level = Math.abs(larger.size - candidate.size) <= 0.25 ? larger.level : larger.level + 1;
      else if (styleLevels.length) level = 1;
      else level = sizes.indexOf(Math.round(candidate.size * 2) / 2) + 1;
    }
    return {
      index: candidate.index,
      lineCount: candidate.lineCount,
      text: candidate.text,
      level: Math.min(Math.max(level, 1), 6),
      strong: candidate.numbering !== undefined || candidate.tocEntry !== undefined || candidate.isTocTitle,
    };
  });
  return nestSubtitles(candidates, headings);
}

/**
 * An unnumbered heading in smaller type right below a larger one, with no text between (a title
 * page's subtitle under its title) is not its sibling but its child.
 */
function nestSubtitles(candidates: Candidate[], headings: DetectedHeading[]): DetectedHeading[] {
  for (let position = 1; position < headings.length; position++) {
    const above = candidates[position - 1] as Candidate;
    const candidate = candidates[position] as Candidate;
    const heading = headings[position] as DetectedHeading;
    const parent = headings[position - 1] as DetectedHeading;
    const adjacent = candidate.index === above.index + above.lineCount;
    const plain = !candidate.numbering && !candidate.tocEntry && !candidate.isTocTitle;
    if (adjacent && plain && candidate.size < above.size - 0.5 && heading.level <= parent.level) heading.level = Math.min(parent.level + 1, 6);
  }
  return headings;
}
