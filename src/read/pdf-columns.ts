// Reading order on one page: finds a column gutter (a vertical strip no text crosses), cuts the
// page into bands at lines that do cross it (titles, full-width paragraphs), and reads each band
// column by column, or row by row when the two sides look like a table rather than columns.
import type { TextSegment } from './pdf-lines.js';

/** One line in reading order. A table row has several cells; a text line has one. */
export interface PdfLine {
  page: number;
  x0: number;
  x1: number;
  y: number;
  size: number;
  font: string;
  cells: string[];
  text: string;
  /** Lines of one column or band share a region; a new region may start a new paragraph. */
  region: number;
  regionLeft: number;
  regionRight: number;
  /** Set for rows read from something that looks like a table. */
  table?: boolean;
}

interface Gutter {
  start: number;
  end: number;
}

const MAX_DEPTH = 2;

export function orderPage(segments: TextSegment[], page: number): PdfLine[] {
  const lines: PdfLine[] = [];
  let region = 0;

  const emitRows = (segs: TextSegment[]) => {
    if (!segs.length) return;
    region += 1;
    const left = minOf(segs, (segment) => segment.x0);
    const right = maxOf(segs, (segment) => segment.x1);
    for (const row of groupRows(segs)) lines.push(toLine(row, [row.map((segment) => segment.text).join(' ')], page, region, left, right, false));
  };

  const emitTable = (segs: TextSegment[]) => {
    region += 1;
    const left = minOf(segs, (segment) => segment.x0);
    const right = maxOf(segs, (segment) => segment.x1);
    for (const group of groupTableRows(groupRows(segs))) {
      const cells = cellsOf(group.flat());
      lines.push(toLine(group.flat(), cells, page, region, left, right, true));
    }
  };

  const layout = (segs: TextSegment[], depth: number) => {
    const gutter = depth < MAX_DEPTH ? findGutter(segs) : undefined;
    if (!gutter) {
      emitRows(segs);
      return;
    }
    let left: TextSegment[] = [];
    let right: TextSegment[] = [];
    let spanning: TextSegment[] = [];
    const flushBand = () => {
      if (rowCount(left) >= 2 && rowCount(right) >= 2) {
        if (looksLikeColumns(left, right)) {
          layout(left, depth + 1);
          layout(right, depth + 1);
        } else emitTable([...left, ...right]);
      } else emitRows([...left, ...right]);
      left = [];
      right = [];
    };
    const breaks = fullWidthBreaks(segs, gutter);
    const rightRows = segs.filter((segment) => segment.x0 >= gutter.start).map((segment) => segment.y);
    for (const segment of [...segs].sort((a, b) => a.y - b.y || a.x0 - b.x0)) {
      if ((segment.x0 < gutter.start && segment.x1 > gutter.end) || breaks.has(segment) || endsSpanningParagraph(segment, spanning, rightRows)) {
        if (left.length || right.length) flushBand();
        spanning.push(segment);
        continue;
      }
      if (spanning.length) {
        emitRows(spanning);
        spanning = [];
      }
      if ((segment.x0 + segment.x1) / 2 < (gutter.start + gutter.end) / 2) left.push(segment);
      else right.push(segment);
    }
    if (left.length || right.length) flushBand();
    if (spanning.length) emitRows(spanning);
  };

  layout(segments, 0);
  return lines;
}

function toLine(segs: TextSegment[], cells: string[], page: number, region: number, regionLeft: number, regionRight: number, table: boolean): PdfLine {
  const main = segs.reduce((best, segment) => (segment.text.length > best.text.length ? segment : best), segs[0] as TextSegment);
  return {
    page,
    x0: minOf(segs, (segment) => segment.x0),
    x1: maxOf(segs, (segment) => segment.x1),
    y: maxOf(segs, (segment) => segment.y),
    size: maxOf(segs, (segment) => segment.size),
    font: main.font,
    cells,
    text: cells.join(' | '),
    region,
    regionLeft,
    regionRight,
    ...(table && cells.length > 1 ? { table: true } : {}),
  };
}

/** Segments grouped by row (baseline), top to bottom, each row left to right. */
function groupRows(segs: TextSegment[]): TextSegment[][] {
  const byRow = new Map<number, TextSegment[]>();
  for (const segment of segs) {
    const row = byRow.get(segment.row);
    if (row) row.push(segment);
    else byRow.set(segment.row, [segment]);
  }
  return [...byRow.values()].map((row) => row.sort((a, b) => a.x0 - b.x0)).sort((a, b) => (a[0]?.y ?? 0) - (b[0]?.y ?? 0));
}

function rowCount(segs: TextSegment[]): number {
  return new Set(segs.map((segment) => segment.row)).size;
}

/** A strip in the middle of the text that only a few segments cross, wide enough to be a gutter. */
function findGutter(segs: TextSegment[]): Gutter | undefined {
  if (segs.length < 6) return undefined;
  const minX = minOf(segs, (segment) => segment.x0);
  const maxX = maxOf(segs, (segment) => segment.x1);
  const width = maxX - minX;
  if (width < 120) return undefined;
  // One bin per point; coarser on absurdly wide pages so that memory stays bounded.
  const scale = Math.max(1, width / 5000);
  const bins = Math.ceil(width / scale) + 2;
  const delta = new Int32Array(bins + 1);
  for (const segment of segs) {
    delta[Math.max(0, Math.floor((segment.x0 - minX) / scale))]! += 1;
    delta[Math.min(bins, Math.ceil((segment.x1 - minX) / scale))]! -= 1;
  }
  const coverage = new Int32Array(bins);
  let running = 0;
  for (let bin = 0; bin < bins; bin++) {
    running += delta[bin]!;
    coverage[bin] = running;
  }
  const from = Math.floor((width * 0.15) / scale);
  const to = Math.ceil((width * 0.85) / scale);
  let lowest = Infinity;
  for (let bin = from; bin <= to; bin++) lowest = Math.min(lowest, coverage[bin]!);
  const sizes = segs.map((segment) => segment.size).sort((a, b) => a - b);
  const minimumWidth = Math.max(4, 0.6 * (sizes[Math.floor(sizes.length / 2)] ?? 10)) / scale;
  let best: Gutter | undefined;
  for (let bin = from; bin <= to; bin++) {
    if (coverage[bin] !== lowest) continue;
    let end = bin;
    while (end + 1 <= to && coverage[end + 1] === lowest) end++;
    if (end - bin + 1 >= minimumWidth && (!best || (end + 1) * scale - bin * scale > best.end - best.start)) best = { start: minX + bin * scale, end: minX + (end + 1) * scale };
    bin = end;
  }
  if (!best) return undefined;
  const gutter = best;
  const left = segs.filter((segment) => segment.x1 <= gutter.end && !(segment.x0 < gutter.start && segment.x1 > gutter.end));
  const right = segs.filter((segment) => segment.x0 >= gutter.start && !(segment.x0 < gutter.start && segment.x1 > gutter.end));
  const spread = (side: TextSegment[]) => maxOf(side, (segment) => segment.x1) - minOf(side, (segment) => segment.x0);
  if (rowCount(left) < 3 || rowCount(right) < 3) return undefined;
  if (spread(left) < 0.2 * width || spread(right) < 0.2 * width) return undefined;
  return gutter;
}

/**
 * The short last line of a paragraph across the page ("…a měřitelný indikátor." above two columns):
 * it fits in the left column, but it follows the paragraph a line below, with nothing in the right
 * column beside it.
 */
function endsSpanningParagraph(segment: TextSegment, spanning: TextSegment[], rightRows: number[]): boolean {
  const last = spanning.at(-1);
  if (!last || Math.abs(segment.size - last.size) > 0.5 || segment.y - last.y > 1.5 * segment.size || Math.abs(segment.x0 - last.x0) > 1) return false;
  return !rightRows.some((y) => Math.abs(y - segment.y) < segment.size);
}

/**
 * Short headings that stand across both columns though they do not reach past the gutter ("2. Vize"
 * between two blocks of two columns): the two columns above them are read before, those below
 * after. Such a heading sits in the left column, in type larger than the page's body, with more
 * room around it than a line; the right column is blank beside it over about as much height, with
 * text above and below. A heading inside the left column has the right column's text beside it;
 * left lines beside a figure in the right column are body type with a line's room around them.
 */
function fullWidthBreaks(segs: TextSegment[], gutter: Gutter): Set<TextSegment> {
  const breaks = new Set<TextSegment>();
  const middle = (gutter.start + gutter.end) / 2;
  const left: TextSegment[] = [];
  const right: TextSegment[] = [];
  const spanning: TextSegment[] = [];
  for (const segment of segs) {
    if (segment.x0 < gutter.start && segment.x1 > gutter.end) spanning.push(segment);
    else ((segment.x0 + segment.x1) / 2 < middle ? left : right).push(segment);
  }
  if (left.length < 3 || right.length < 3) return breaks;
  const sizes = segs.map((segment) => segment.size).sort((a, b) => a - b);
  const bodySize = sizes[Math.floor(sizes.length / 2)] ?? 0;
  // Text across the page above or below the heading stands on both sides of it.
  const rowsOf = (side: TextSegment[]) => [...new Set([...side, ...spanning].map((segment) => segment.y))].sort((a, b) => a - b);
  const rightRows = rowsOf(right);
  const leftRows = rowsOf(left);
  const steps = leftRows.slice(1).map((y, index) => y - (leftRows[index] ?? y)).sort((a, b) => a - b);
  const lineStep = steps[Math.floor(steps.length / 2)] ?? 0;
  for (const heading of left) {
    if (heading.size < 1.15 * bodySize) continue;
    const rightAbove = rightRows.findLast((y) => y < heading.y - heading.size);
    const rightBelow = rightRows.find((y) => y > heading.y);
    const beside = rightRows.some((y) => Math.abs(y - heading.y) < heading.size);
    const leftAbove = leftRows.findLast((y) => y < heading.y);
    const leftBelow = leftRows.find((y) => y > heading.y);
    if (rightAbove === undefined || rightBelow === undefined || beside || leftAbove === undefined || leftBelow === undefined) continue;
    const leftRoom = leftBelow - leftAbove;
    if (leftRoom >= 2.5 * lineStep && rightBelow - rightAbove >= 0.8 * leftRoom) breaks.add(heading);
  }
  return breaks;
}

/**
 * Two columns of running text: at least one side is a text column (many rows, most lines filling
 * it; the other may hold a figure) and the rows do not line up like a table's.
 */
function looksLikeColumns(left: TextSegment[], right: TextSegment[]): boolean {
  const textColumn = (side: TextSegment[]) => rowCount(side) >= 6 && mostlyFull(side) && mostlyWords(side);
  if (!textColumn(left) && !textColumn(right)) return false;
  return !alignedRowGaps(left, right);
}

/** Running text is words: a side of figures (a column of a table of numbers) is no text column. */
function mostlyWords(side: TextSegment[]): boolean {
  let letters = 0;
  let others = 0;
  for (const segment of side) {
    for (const character of segment.text) {
      if (/\p{L}/u.test(character)) letters++;
      else if (character !== ' ') others++;
    }
  }
  return letters >= 2 * others;
}

function mostlyFull(side: TextSegment[]): boolean {
  const left = minOf(side, (segment) => segment.x0);
  const right = maxOf(side, (segment) => segment.x1);
  const rows = groupRows(side);
  const full = rows.filter((row) => (row.at(-1)?.x1 ?? 0) - (row[0]?.x0 ?? 0) >= 0.7 * (right - left)).length;
  return full >= 0.6 * rows.length;
}

/** Table rows: blank strips between rows that run across both sides at the same height (most of them). */
function alignedRowGaps(left: TextSegment[], right: TextSegment[]): boolean {
  const gapsOf = (side: TextSegment[]) => {
    const rows = groupRows(side).map((row) => ({ y: row[0]?.y ?? 0, size: maxOf(row, (segment) => segment.size) }));
    const steps = rows.slice(1).map((row, index) => row.y - (rows[index]?.y ?? 0));
    const typical = [...steps].sort((a, b) => a - b)[Math.floor(steps.length / 2)] ?? 0;
    return rows.slice(1).flatMap((row, index) => (row.y - (rows[index]?.y ?? 0) > 1.4 * typical ? [{ top: rows[index]?.y ?? 0, bottom: row.y - row.size }] : []));
  };
  const leftGaps = gapsOf(left);
  const rightGaps = gapsOf(right);
  const shared = leftGaps.filter((gap) => rightGaps.some((other) => Math.min(gap.bottom, other.bottom) - Math.max(gap.top, other.top) > 0));
  return shared.length >= 2 && shared.length >= 0.7 * Math.max(leftGaps.length, rightGaps.length);
}

/**
 * Lines of a table grouped into table rows: at the blank strips between rows when there are any,
 * otherwise a row starts whenever the first column has text (a line without it continues a cell).
 */
function groupTableRows(rows: TextSegment[][]): TextSegment[][][] {
  const steps = rows.slice(1).map((row, index) => (row[0]?.y ?? 0) - (rows[index]?.[0]?.y ?? 0));
  const typical = [...steps].sort((a, b) => a - b)[Math.floor(steps.length / 2)] ?? 0;
  const hasStrips = steps.filter((step) => step > 1.3 * typical).length >= 2;
  const firstColumn = minOf(rows, (row) => row[0]?.x0 ?? Infinity);
  const groups: TextSegment[][][] = [];
  rows.forEach((row, index) => {
    const startsRow = hasStrips ? (steps[index - 1] ?? 0) > 1.3 * typical : (row[0]?.x0 ?? Infinity) <= firstColumn + 2;
    if (index === 0 || startsRow) groups.push([row]);
    else groups.at(-1)?.push(row);
  });
  return groups;
}

/** The cells of one table row: segments whose horizontal extents overlap belong to one cell. */
function cellsOf(segs: TextSegment[]): string[] {
  const columns: { x0: number; x1: number; parts: TextSegment[] }[] = [];
  for (const segment of [...segs].sort((a, b) => a.x0 - b.x0)) {
    const column = columns.find((candidate) => segment.x0 < candidate.x1 && segment.x1 > candidate.x0);
    if (column) {
      column.parts.push(segment);
      column.x0 = Math.min(column.x0, segment.x0);
      column.x1 = Math.max(column.x1, segment.x1);
    } else columns.push({ x0: segment.x0, x1: segment.x1, parts: [segment] });
  }
  return columns.map((column) => joinCell(column.parts.sort((a, b) => a.y - b.y || a.x0 - b.x0).map((segment) => segment.text)));
}

function joinCell(lines: string[]): string {
  return lines.reduce((text, line) => (!text ? line : /\p{L}-$/u.test(text) && /^\p{Ll}/u.test(line) ? text.slice(0, -1) + line : `${text} ${line}`), '');
}

/** Smallest and largest of a value over many items; spreading a long array into Math.min would overflow the stack. */
function minOf<T>(items: readonly T[], value: (item: T) => number): number {
  let result = Infinity;
  for (const item of items) result = Math.min(result, value(item));
  return result;
}

function maxOf<T>(items: readonly T[], value: (item: T) => number): number {
  let result = -Infinity;
  for (const item of items) result = Math.max(result, value(item));
  return result;
}
