// Narrow column gutters. A row is cut into segments at gaps wider than SEGMENT_GAP font sizes
// (pdf-lines.ts), which keeps the wide word gaps of justified text inside one segment; but brochures
// set columns 4-6 mm apart, under that width, and their rows then came out as one segment running
// across the gutter: the column finder never saw it, and the columns were read line by line into
// each other. A narrower gap is a gutter when it is part of a channel: the same blank strip down
// several consecutive rows (a river of word gaps in justified text rarely runs down more than two).

/** The parts of a placed text item this module needs (x: left edge, y grows downwards). */
export interface ChannelItem {
  x: number;
  width: number;
  size: number;
  text: string;
}

/** A gap narrower than this many font sizes is a word gap, never a gutter. */
const CHANNEL_GAP = 0.75;
/** A channel runs down at least this many rows (with a gap in it, or a column starting at its edge)... */
const MIN_CHANNEL_ROWS = 5;
/** ...and stays this many points wide where they all overlap. */
const MIN_CHANNEL_WIDTH = 4;
/** Points by which the edges of a column's lines may stand apart. */
const EDGE_TOLERANCE = 1.5;
/** A list item's bullet or number, before the gap that sets its text off. */
const LIST_MARKER = /^(?:[•▪◦●■□►‣⁃∙·*–—-]|\(?\d{1,3}(?:\.\d{1,3})*[.)]?|\(?[a-zA-Z][.)]|\(?[ivxIVX]{1,5}[.)])$/u;
/** Pages with more text items than this (a map with labels, a dense table) are left as they are. */
const MAX_ITEMS = 20_000;

interface RowGap {
  start: number;
  end: number;
  /** The item after the gap: the row is cut before it. */
  before: ChannelItem;
}

/**
 * The items before which a row is cut because a channel runs through the gap in front of them.
 * `rows`: the page's rows, top to bottom, each row's items in any order.
 */
export function channelCuts<Item extends ChannelItem>(rows: readonly (readonly Item[])[]): Set<Item> {
  const cuts = new Set<Item>();
  if (rows.reduce((count, row) => count + row.length, 0) > MAX_ITEMS) return cuts;
  const texts = rows.map((row) => (row.length === 1 ? (row[0]?.text.trim() ? [...row] : []) : row.filter((item) => item.text.trim()).sort((a, b) => a.x - b.x)));
  const gaps = texts.map(gapsOf);
  const seen = new Set<RowGap>();
  gaps.forEach((rowGaps, rowIndex) => {
    for (const gap of rowGaps) {
      if (seen.has(gap)) continue;
      const { members, support } = followDown(gap, rowIndex, gaps, texts);
      for (const member of members) seen.add(member);
      // Every gap's `before` is an item of `rows`, so of type Item.
      if (support >= MIN_CHANNEL_ROWS && members.length >= 2) for (const member of members) cuts.add(member.before as Item);
    }
  });
  return cuts;
}

/**
 * A row's gaps wide enough for a gutter, with words on both sides: columns of figures in a table
 * line up as straight as columns of text, but they are read row by row, as they were. Not the gap
 * behind a bullet or an item number ("•", "12.", "a)") that opens the row: it runs down a list as
 * straight as a gutter does, but the list is one column.
 */
function gapsOf(items: ChannelItem[]): RowGap[] {
  const wide: { index: number; start: number }[] = [];
  let end = -Infinity;
  let endSize = 0;
  items.forEach((item, index) => {
    if (end > -Infinity && item.x - end >= CHANNEL_GAP * Math.min(endSize, item.size)) wide.push({ index, start: end });
    if (item.x + item.width > end) {
      end = item.x + item.width;
      endSize = item.size;
    }
  });
  if (wide.length === 0) return []; // most rows: weighing their words is not needed
  // Letters and other characters (spaces aside) up to each item, to weigh either side of a gap.
  const letters = [0];
  const others = [0];
  for (const item of items) {
    letters.push((letters.at(-1) ?? 0) + (item.text.match(/\p{L}/gu)?.length ?? 0));
    others.push((others.at(-1) ?? 0) + item.text.replace(/[\p{L}\s]/gu, '').length);
  }
  const wordy = (from: number, to: number) => {
    const letterCount = (letters[to] ?? 0) - (letters[from] ?? 0);
    return letterCount > 0 && letterCount >= (others[to] ?? 0) - (others[from] ?? 0);
  };
  const behindMarker = (index: number) => index === 1 && LIST_MARKER.test(items[0]?.text.trim() ?? '');
  return wide
    .filter(({ index }) => !behindMarker(index) && wordy(0, index) && wordy(index, items.length))
    .map(({ index, start }) => ({ start, end: (items[index] as ChannelItem).x, before: items[index] as ChannelItem }));
}

/**
 * The gaps of the rows from `rowIndex` down that line up with `gap` (each overlaps the strip all
 * before it share), and how many rows support it: those gaps, and the rows that have text only on
 * the right of the strip, starting at its right edge (the next column's first words, on a row the
 * column before leaves blank). A row with no text in the strip lets the channel pass; a row whose
 * text crosses the strip ends it.
 */
function followDown(gap: RowGap, rowIndex: number, gaps: RowGap[][], texts: ChannelItem[][]): { members: RowGap[]; support: number } {
  const members = [gap];
  let support = 1;
  let start = gap.start;
  let end = gap.end;
  for (let index = rowIndex + 1; index < gaps.length; index++) {
    const next = gaps[index]?.find((candidate) => candidate.start < end && candidate.end > start);
    if (next && Math.min(end, next.end) - Math.max(start, next.start) >= MIN_CHANNEL_WIDTH) {
      start = Math.max(start, next.start);
      end = Math.min(end, next.end);
      members.push(next);
      support += 1;
      continue;
    }
    const row = texts[index] ?? [];
    // Justified lines end a fraction of a point apart: only text well inside the strip crosses it.
    if (row.some((item) => item.x < end - EDGE_TOLERANCE && item.x + item.width > start + EDGE_TOLERANCE)) break;
    if (row.some((item) => Math.abs(item.x - end) <= EDGE_TOLERANCE)) support += 1;
  }
  return { members, support };
}
