// Removes running headers, footers and page numbers: lines near the top or bottom edge whose text
// (digits ignored) repeats on several pages, and lines there that are only a page number.
import type { TextSegment } from './pdf-lines.js';

export interface PageSegments {
  page: number;
  height: number;
  segments: TextSegment[];
}

/**
 * A line at a page edge repeated on a few pages is running only when it is short: a long one is body
 * text that happens to open several pages alike ("Opatření 2.1: Město podpoří ..."), and removing
 * it would lose it. Repeated on this share of the pages, any line is running.
 */
const RUNNING_SHARE = 0.25;
/** Running headers and footers are a title, a chapter name, a page number: this many characters at most. */
const SHORT_RUNNING_CHARS = 60;

/** A sentence of six words or more: body text, never a running header. */
const SENTENCE = /^(?=(?:\S+\s+){5}\S)[^]*[.!?]$/u;

/** How many rows from each edge may hold a running header or footer. */
const EDGE_ROWS = 3;
/** ...and how far from the edge, as a share of the page height. */
const EDGE_SHARE = 0.15;

const PAGE_NUMBER = [
  /^[\s\-–—([{|]*(?:\d{1,4}|(?=[ivxlcdm])m{0,3}(?:cm|cd|d?c{0,3})(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3}))[\s\-–—)\]}|.]*$/iu,
  /^(?:strana|str\.|stránka|strona|str|oldal|page|p\.)\s*\d{1,4}(?:\s*(?:z|ze|zo|z|of|\/|ze\s+)\s*\d{1,4})?\.?$/iu,
  /^\d{1,4}\s*(?:\/|z|ze|zo|of|\.\s*oldal)\s*\d{1,4}\.?$/iu,
  /^\d{1,4}\.?\s*(?:oldal|strona|stran[ay]?)$/iu,
];

/** Page numbers stay below 1000; a lone 2030 near the top is a year in a title. */
export function isPageNumber(text: string): boolean {
  const trimmed = text.trim();
  if ((trimmed.match(/\d+/g) ?? []).some((number) => Number(number) >= 1000)) return false;
  return PAGE_NUMBER.some((pattern) => pattern.test(trimmed));
}

/**
 * Type this much larger than the body's is a heading ("Opatření 1.1" opening each page of a list of
 * measures), never a running header, however alike its digit-masked text is from page to page.
 */
const HEADING_SIZE_RATIO = 1.15;

/** Returns the pages without their running lines, and how many lines were removed. */
export function removeRunningLines(pages: PageSegments[]): { pages: PageSegments[]; removed: number } {
  const pagesWithText = pages.filter((page) => page.segments.length > 0).length;
  const threshold = pagesWithText <= 3 ? 2 : 3;
  const body = bodySize(pages);
  const headingSize = HEADING_SIZE_RATIO * body;
  const lineStep = bodyLineStep(pages, body);
  const pagesByKey = new Map<string, Set<number>>();
  const edgeKeys = pages.map((page) => {
    const keys = new Map<TextSegment, string>();
    for (const [zone, segment] of edgeSegments(page)) {
      const key = `${zone}:${runningKey(segment.text)}`;
      keys.set(segment, key);
      const seen = pagesByKey.get(key) ?? new Set<number>();
      seen.add(page.page);
      pagesByKey.set(key, seen);
    }
    return keys;
  });
  // Each page's rows, top to bottom: the header slots and the edges both walk them.
  const rowsByPage = pages.map(rowsOf);
  const slots = headerSlots(pages, rowsByPage, body, lineStep, pagesWithText);
  let removed = 0;
  const cleaned = pages.map((page, index) => {
    const keys = edgeKeys[index] ?? new Map<TextSegment, string>();
    const repeated = (segment: TextSegment) => {
      const key = keys.get(segment);
      // Bare numbers repeat everywhere (table cells, contents); only the page-number rule removes them.
      if (key === undefined || !/\p{L}/u.test(key.slice(key.indexOf(':'))) || segment.size >= headingSize) return false;
      const pagesWithKey = pagesByKey.get(key)?.size ?? 0;
      const text = segment.text.trim();
      if (text.length <= SHORT_RUNNING_CHARS) return pagesWithKey >= threshold;
      // A long line is running text only when it repeats on many pages, and never when it is a
      // sentence: a short document may open two pages with the same sentence of its body.
      return pagesWithKey >= Math.max(3, RUNNING_SHARE * pagesWithText) && !SENTENCE.test(text);
    };
    // A page number counts only when nothing else on its row stays ("2 Kontext a cíle 1" is a contents line).
    const running = new Set<TextSegment>();
    for (const segment of page.segments) {
      if (!keys.has(segment)) continue;
      if (repeated(segment) || slots.has(segment)) running.add(segment);
    }
    for (const segment of page.segments) {
      if (!keys.has(segment) || running.has(segment) || !isPageNumber(segment.text)) continue;
      const rowmates = page.segments.filter((other) => other.row === segment.row && other !== segment);
      if (rowmates.every((other) => running.has(other) || isPageNumber(other.text))) running.add(segment);
    }
    const edges = atTheEdges(rowsByPage[index] ?? [], running, lineStep);
    removed += edges.size;
    return { ...page, segments: page.segments.filter((segment) => !edges.has(segment)) };
  });
  return { pages: cleaned, removed };
}

/**
 * A header or footer stands further from the body than the body's lines from each other: more than
 * this many times the page's usual step between rows. (Office suites set them close: 1.2-1.5 lines.)
 */
const APART = 1.12;

/**
 * Of the running lines found, those that really stand at the page's edges: rows from the edge
 * inward that are wholly running, ending at a row set apart from the body by more than a line's
 * step. A repeated line with kept text between it and the edge ("Gestor: …" under a card's
 * heading), or one that is a paragraph's last line over the footer, is body text.
 */
function atTheEdges(rows: PageRow[], running: Set<TextSegment>, usualStep: number): Set<TextSegment> {
  const edges = new Set<TextSegment>();
  for (const ordered of [rows, [...rows].reverse()]) {
    // A page number is never body text, however close the footnotes above it stand.
    const apartFromNext = (index: number) => {
      const row = ordered[index];
      const next = ordered[index + 1];
      if (row?.segments.every((segment) => isPageNumber(segment.text))) return true;
      return row !== undefined && (!next || Math.abs(next.y - row.y) > APART * Math.max(usualStep, row.size));
    };
    let count = 0;
    while (count < ordered.length && ordered[count]?.segments.every((segment) => running.has(segment))) count++;
    while (count > 0 && !apartFromNext(count - 1)) count--;
    for (const row of ordered.slice(0, count)) for (const segment of row.segments) edges.add(segment);
    // The first row not wholly running (a header whose chapter name changes) loses its running parts.
    if (apartFromNext(count) && (count === 0 || apartFromNext(count - 1))) for (const segment of ordered[count]?.segments ?? []) if (running.has(segment)) edges.add(segment);
  }
  return edges;
}

/**
 * Headers whose text changes from chapter to chapter ("Kapitola 2 – Návrhová část" on its two
 * pages) repeat on too few pages to be found by their text. They are found by their place: the
 * page's first (or last) row, in type smaller than the body, short, standing apart from the body,
 * at the same height on at least half the pages (and three). Those rows are running on every page.
 */
function headerSlots(pages: PageSegments[], rowsByPage: PageRow[][], body: number, lineStep: number, pagesWithText: number): Set<TextSegment> {
  const candidates: PageRow[] = [];
  for (const [index, page] of pages.entries()) {
    const rows = rowsByPage[index] ?? [];
    for (const [row, next] of [[rows[0], rows[1]], [rows.at(-1), rows.at(-2)]] as const) {
      if (!row || !next || row === next) continue;
      const small = row.segments.every((segment) => segment.size <= body - 0.5);
      const short = row.segments.reduce((length, segment) => length + segment.text.length, 0) <= SHORT_RUNNING_CHARS + 20;
      const edge = row.y <= page.height * EDGE_SHARE || row.y >= page.height * (1 - EDGE_SHARE);
      if (small && short && edge && Math.abs(next.y - row.y) > APART * lineStep) candidates.push(row);
    }
  }
  const slots = new Set<TextSegment>();
  const needed = Math.max(3, 0.5 * pagesWithText);
  // Sorted by height, the rows within 2 points of each are a window (a long document has thousands).
  candidates.sort((a, b) => a.y - b.y);
  let low = 0;
  let high = 0;
  for (const candidate of candidates) {
    while ((candidates[low]?.y ?? Infinity) < candidate.y - 2) low++;
    while (high < candidates.length && (candidates[high]?.y ?? Infinity) <= candidate.y + 2) high++;
    if (high - low >= needed) for (const segment of candidate.segments) slots.add(segment);
  }
  return slots;
}

/** A row of a page: its segments, baseline and largest type. */
interface PageRow {
  segments: TextSegment[];
  y: number;
  size: number;
}

/** A page's rows, top to bottom. */
function rowsOf(page: PageSegments): PageRow[] {
  const byRow = new Map<number, TextSegment[]>();
  for (const segment of page.segments) {
    const row = byRow.get(segment.row);
    if (row) row.push(segment);
    else byRow.set(segment.row, [segment]);
  }
  return [...byRow.values()]
    .map((segments) => ({
      segments,
      y: segments.reduce((lowest, segment) => Math.max(lowest, segment.y), -Infinity),
      size: segments.reduce((largest, segment) => Math.max(largest, segment.size), 0),
    }))
    .sort((a, b) => a.y - b.y);
}

/** The usual distance between rows of body text, over the whole document (a page of a table or a title says little). */
function bodyLineStep(pages: PageSegments[], size: number): number {
  const steps: number[] = [];
  for (const page of pages) {
    const rowY = new Map<number, number>();
    for (const segment of page.segments) if (Math.abs(segment.size - size) <= 0.5) rowY.set(segment.row, segment.y);
    const ys = [...rowY.values()].sort((a, b) => a - b);
    for (let index = 1; index < ys.length; index++) {
      const step = (ys[index] as number) - (ys[index - 1] as number);
      if (step > 0.5 * size && step < 3 * size) steps.push(step);
    }
  }
  steps.sort((a, b) => a - b);
  return steps[Math.floor(steps.length / 2)] ?? 1.2 * size;
}

/** The size most of the text is set in (by characters). */
function bodySize(pages: PageSegments[]): number {
  const characters = new Map<number, number>();
  for (const page of pages) for (const segment of page.segments) characters.set(segment.size, (characters.get(segment.size) ?? 0) + segment.text.length);
  let best = 0;
  let bestCount = -1;
  for (const [size, count] of characters) {
    if (count > bestCount || (count === bestCount && size < best)) {
      best = size;
      bestCount = count;
    }
  }
  return best || Number.POSITIVE_INFINITY;
}

function edgeSegments(page: PageSegments): ['top' | 'bottom', TextSegment][] {
  const rows = [...new Set(page.segments.map((segment) => segment.row))];
  const rowY = new Map<number, number>();
  for (const segment of page.segments) rowY.set(segment.row, segment.y);
  rows.sort((a, b) => (rowY.get(a) ?? 0) - (rowY.get(b) ?? 0));
  const top = new Set(rows.slice(0, EDGE_ROWS).filter((row) => (rowY.get(row) ?? 0) <= page.height * EDGE_SHARE));
  const bottom = new Set(rows.slice(-EDGE_ROWS).filter((row) => (rowY.get(row) ?? 0) >= page.height * (1 - EDGE_SHARE)));
  return page.segments.flatMap((segment): ['top' | 'bottom', TextSegment][] =>
    top.has(segment.row) ? [['top', segment]] : bottom.has(segment.row) ? [['bottom', segment]] : [],
  );
}

/** Digits vary from page to page (page numbers, dates in footers); the rest must repeat. */
function runningKey(text: string): string {
  return text.toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ').trim();
}
