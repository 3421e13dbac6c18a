// Rebuilds text lines from pdf.js text items: positions in reading space (rotation undone), rows
// grouped by baseline, rows cut into segments at wide gaps (column gutters, table cells), and
// footnote marks (small raised digits) dropped so that they do not glue onto words.
import { channelCuts } from './pdf-channels.js';
import { normalizePdfText } from './pdf-text.js';

/** The parts of a pdf.js TextItem this module needs. */
export interface PdfTextItem {
  str: string;
  transform: number[];
  width: number;
  fontName: string;
}

/**
 * A run of text on one baseline with no wide gap inside. Coordinates: points, y grows downwards.
 * Widely justified lines fall into several segments; the column finder looks at all rows at once.
 */
export interface TextSegment {
  x0: number;
  x1: number;
  /** Baseline. */
  y: number;
  size: number;
  font: string;
  text: string;
  /** Index of the row (baseline) on its page; segments of one row share it. */
  row: number;
}

interface PlacedItem {
  x: number;
  y: number;
  width: number;
  size: number;
  font: string;
  text: string;
}

/** A gap wider than this many font sizes separates two segments of a row. */
const SEGMENT_GAP = 1.6;
const UNIT_BEFORE_POWER = /(?:^|[^\p{L}])(?:k?m|cm|mm|dm|ha)$/u;

export function buildSegments(items: readonly PdfTextItem[], viewportTransform: readonly number[]): TextSegment[] {
  const placed = placeItems(items, viewportTransform);
  placed.sort((a, b) => a.y - b.y || a.x - b.x);
  const rows: PlacedItem[][] = [];
  let row: PlacedItem[] = [];
  let anchor: PlacedItem | undefined;
  for (const item of placed) {
    if (anchor && Math.abs(item.y - anchor.y) <= 0.5 * Math.max(item.size, anchor.size, 1) && !isLineBelowIn(row, item)) {
      row.push(item);
      if (item.size > anchor.size && item.text.trim()) anchor = item;
      continue;
    }
    if (row.length) rows.push(row);
    row = [item];
    anchor = item;
  }
  if (row.length) rows.push(row);
  const cuts = channelCuts(rows);
  return rows.flatMap((rowItems, index) => splitRow(rowItems, index, cuts));
}

/**
 * Whether `item` lies under (or over) text of the row, a line away: the next line of a column that
 * a larger heading in the other column drew the row's tolerance wide enough to take in. A row holds
 * one line of each column, never two lines of one.
 */
function isLineBelowIn(row: readonly PlacedItem[], item: PlacedItem): boolean {
  if (!item.text.trim()) return false;
  for (const other of row) {
    if (!other.text.trim() || Math.abs(item.y - other.y) < 0.8 * Math.max(item.size, other.size)) continue;
    if (item.x < other.x + other.width && other.x < item.x + item.width) return true;
  }
  return false;
}

function placeItems(items: readonly PdfTextItem[], viewportTransform: readonly number[]): PlacedItem[] {
  const oriented: { quadrant: number; item: PlacedItem }[] = [];
  const weightByQuadrant = [0, 0, 0, 0];
  for (const item of items) {
    if (!item.str) continue;
    const matrix = multiply(viewportTransform, item.transform);
    const [a = 0, b = 0, c = 0, d = 0, e = 0, f = 0] = matrix;
    const quadrant = ((Math.round(Math.atan2(b, a) / (Math.PI / 2)) % 4) + 4) % 4;
    const size = Math.hypot(c, d);
    if (size < 0.5) continue;
    weightByQuadrant[quadrant] = (weightByQuadrant[quadrant] ?? 0) + item.str.length;
    oriented.push({ quadrant, item: { x: e, y: f, width: Math.abs(item.width), size, font: item.fontName, text: item.str } });
  }
  const dominant = weightByQuadrant.indexOf(Math.max(...weightByQuadrant));
  const angle = (dominant * Math.PI) / 2;
  const cos = Math.round(Math.cos(angle));
  const sin = Math.round(Math.sin(angle));
  // Text at another angle (a stamp, a vertical margin note) is left out of the reading order.
  return oriented
    .filter((entry) => entry.quadrant === dominant)
    .map(({ item }) => ({ ...item, x: item.x * cos + item.y * sin, y: -item.x * sin + item.y * cos }));
}

/** `cuts`: items a narrow column gutter runs in front of (pdf-channels.ts); the row is cut there too. */
function splitRow(items: PlacedItem[], row: number, cuts: ReadonlySet<PlacedItem>): TextSegment[] {
  items.sort((a, b) => a.x - b.x);
  const rowSize = items.reduce((largest, item) => (item.text.trim() ? Math.max(largest, item.size) : largest), 0);
  const baseline = items.find((item) => item.size === rowSize)?.y ?? items[0]?.y ?? 0;
  const segments: TextSegment[] = [];
  let parts: PlacedItem[] = [];
  let end = -Infinity;
  let endSize = rowSize;
  const flush = () => {
    const segment = toSegment(parts, row, baseline, rowSize);
    if (segment) segments.push(segment);
    parts = [];
  };
  for (const item of items) {
    // pdf.js fills gaps with synthetic spaces as wide as the gap: they mark a space, not text.
    const blank = !item.text.trim();
    if (!blank && parts.length && (item.x - end > SEGMENT_GAP * Math.min(endSize, item.size) || cuts.has(item))) flush();
    parts.push(item);
    if (!blank && item.x + item.width > end) {
      end = item.x + item.width;
      endSize = item.size;
    }
  }
  flush();
  return segments;
}

/** One or two digits glued to a capitalised word at the start of a line: a footnote's number. */
const FOOTNOTE_NUMBER_GLUED = /^(\d{1,2})(?=\p{Lu}\p{Ll})/u;

function toSegment(parts: PlacedItem[], row: number, rowBaseline: number, rowSize: number): TextSegment | undefined {
  // Its own baseline: a larger heading in the other column may share the row.
  const main = parts.reduce<PlacedItem | undefined>((best, item) => (item.text.trim() && (!best || item.size > best.size) ? item : best), undefined);
  const baseline = main ? main.y : rowBaseline;
  const segmentSize = main?.size ?? rowSize;
  let text = '';
  let end = -Infinity;
  let x0 = Infinity;
  let x1 = -Infinity;
  // Few fonts and sizes per segment: small parallel lists beat maps on this hot path.
  const fonts: string[] = [];
  const fontChars: number[] = [];
  const sizes: number[] = [];
  const sizeChars: number[] = [];
  for (const item of parts) {
    if (!item.text.trim()) {
      if (text && !text.endsWith(' ')) text += ' ';
      continue;
    }
    const raised = item.size < 0.8 * segmentSize && baseline - item.y > 0.15 * segmentSize;
    if (raised && /^[\d*∗†‡,\s]+$/u.test(item.text)) {
      // A footnote mark: dropped, except powers of units (m2, km2).
      if (UNIT_BEFORE_POWER.test(text) && /^[23]$/.test(item.text.trim())) text += item.text.trim() === '2' ? '²' : '³';
      end = Math.max(end, item.x + item.width);
      continue;
    }
    // No space before punctuation: where a footnote mark was dropped, the gap it leaves is no word gap.
    if (text && !text.endsWith(' ') && !item.text.startsWith(' ') && item.x - end > 0.2 * item.size && !/^[.,;:!?)]/u.test(item.text)) text += ' ';
    text += item.text;
    end = Math.max(end, item.x + item.width);
    x0 = Math.min(x0, item.x);
    x1 = Math.max(x1, item.x + item.width);
    const length = item.text.length;
    tally(fonts, fontChars, item.font, length);
    tally(sizes, sizeChars, Math.round(item.size * 2) / 2, length);
  }
  // Normalised as a whole: TeX draws an accent and its letter as separate items.
  // A footnote's own number set in its first run of text ("1Předchozí strategie ...", as LibreOffice
  // writes it) is parted from the word it would otherwise hide.
  const trimmed = normalizePdfText(text).replace(/\s+/g, ' ').trim().replace(FOOTNOTE_NUMBER_GLUED, '$1 ');
  if (!trimmed) return undefined;
  // A footnote mark alone in small type: raised over its own line, it fell into the row of the other
  // column's line (the raised-mark test above sees it only beside its own words).
  if (/^[\d*∗†‡]{1,3}$/u.test(trimmed) && segmentSize < 0.8 * rowSize) return undefined;
  return { x0, x1, y: baseline, size: sizes[indexOfMax(sizeChars)] ?? rowSize, font: fonts[indexOfMax(fontChars)] ?? '', text: trimmed, row };
}

function tally<T>(keys: T[], counts: number[], key: T, amount: number): void {
  const index = keys.indexOf(key);
  if (index === -1) {
    keys.push(key);
    counts.push(amount);
  } else counts[index] = (counts[index] ?? 0) + amount;
}

function indexOfMax(counts: number[]): number {
  let best = 0;
  for (let index = 1; index < counts.length; index++) if ((counts[index] ?? 0) > (counts[best] ?? 0)) best = index;
  return best;
}

export function mostCommon<T>(counts: Map<T, number>): T | undefined {
  let best: T | undefined;
  let bestCount = -1;
  for (const [key, count] of counts) {
    if (count > bestCount) {
      best = key;
      bestCount = count;
    }
  }
  return best;
}

function multiply(m1: readonly number[], m2: readonly number[]): number[] {
  const [a1 = 1, b1 = 0, c1 = 0, d1 = 1, e1 = 0, f1 = 0] = m1;
  const [a2 = 1, b2 = 0, c2 = 0, d2 = 1, e2 = 0, f2 = 0] = m2;
  return [a1 * a2 + c1 * b2, b1 * a2 + d1 * b2, a1 * c2 + c1 * d2, b1 * c2 + d1 * d2, a1 * e2 + c1 * f2 + e1, b1 * e2 + d1 * f2 + f1];
}
