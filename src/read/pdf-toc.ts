// Finds the table of contents among the lines of a PDF: a run of lines ending in page numbers
// (after dot leaders or a gap), under a "Contents" title or numbered and in page order. Its lines
// are never evidence; its entries tell the heading finder which lines are headings, at what level.
import type { PdfLine } from './pdf-columns.js';
import { parseHeadingNumber } from './heading-numbering.js';
import { comparableText } from './pdf-text.js';

export interface TocEntry {
  title: string;
  /** Title without its numbering, comparable with comparableText(). */
  key: string;
  level: number;
  page: number;
}

export interface TableOfContents {
  /** Indexes (into the lines given) of the title and entry lines. */
  lines: Set<number>;
  entries: TocEntry[];
  /** The "Contents" title line, when there is one. */
  titleIndex?: number;
}

const TOC_TITLE = /^(obsah|obsah dokumentu|table of contents|contents|tartalomjegyzek|tartalom|spis tresci|spis rzeczy)$/;
const PAGE_AT_END = /\d{1,4}$/;
const LEADERS_AT_END = /(?:[.…·_]\s*){3,}$/u;
const GAP_AT_END = /[\s.…·_|]+$/u;
const LEADERS = /(?:[.…·_]\s*){3,}/u;

interface ParsedEntry {
  title: string;
  page: number;
  leaders: boolean;
}

/** "Title ....... 12", "Title | 12", "Title 12": the page number at the end after leaders or a gap. */
function parseEntry(line: PdfLine): ParsedEntry | undefined {
  const text = line.text;
  if (text.length > 250) return undefined;
  const page = PAGE_AT_END.exec(text);
  if (!page) return undefined;
  const before = text.slice(0, page.index);
  // Part of a longer number, a date (23.2.2017) or a range: no page number.
  const previous = before.at(-1) ?? '';
  if (/[\d,:/-]/.test(previous) || (previous === '.' && !LEADERS_AT_END.test(before))) return undefined;
  const gap = GAP_AT_END.exec(before);
  if (!gap) return undefined;
  const title = before.slice(0, gap.index).replace(LEADERS, ' ').trim();
  const leaders = LEADERS.test(gap[0]);
  // Only leaders and the page: the end of a title wrapped from the line before (readRun).
  if (!title && leaders) return { title, page: Number(page[0]), leaders };
  if (!/\p{L}/u.test(title)) return undefined;
  return { title, page: Number(page[0]), leaders };
}

export function findTableOfContents(lines: PdfLine[]): TableOfContents {
  const toc: TableOfContents = { lines: new Set(), entries: [] };
  const parsed = lines.map(parseEntry);
  let index = 0;
  while (index < lines.length) {
    const run = readRun(lines, parsed, index);
    if (!run) {
      index += 1;
      continue;
    }
    const hasTitle = run.titleIndex !== undefined;
    const withLeaders = run.entries.filter((entry) => entry.parsed.leaders).length;
    const numbered = run.entries.filter((entry) => parseHeadingNumber(entry.parsed.title)).length;
    const inOrder = run.entries.every((entry, position) => position === 0 || entry.parsed.page >= (run.entries[position - 1]?.parsed.page ?? 0));
    const accepted =
      run.entries.length >= 3 && (hasTitle || withLeaders >= 0.5 * run.entries.length || (run.entries.length >= 4 && numbered >= 0.6 * run.entries.length && inOrder));
    if (accepted) {
      if (run.titleIndex !== undefined) {
        toc.lines.add(run.titleIndex);
        toc.titleIndex ??= run.titleIndex;
      }
      for (let position = run.start; position < run.end; position++) toc.lines.add(position);
      toc.entries.push(...toEntries(run.entries, lines));
      index = run.end;
    } else index = run.start + 1;
  }
  return toc;
}

interface Run {
  titleIndex?: number;
  start: number;
  end: number;
  entries: { index: number; parsed: ParsedEntry; prefix: string }[];
}

function readRun(lines: PdfLine[], parsedLines: (ParsedEntry | undefined)[], from: number): Run | undefined {
  if (!parsedLines[from]?.title) return undefined;
  const entries: Run['entries'] = [];
  let prefix = '';
  let index = from;
  while (index < lines.length) {
    const line = lines[index] as PdfLine;
    const parsed = parsedLines[index];
    if (parsed && (parsed.title || prefix)) {
      entries.push({ index, parsed, prefix });
      prefix = '';
      index += 1;
      continue;
    }
    // A long title wraps: the next line ends it with the page number.
    const next = lines[index + 1];
    if (!prefix && next && next.page === line.page && line.text.length < 200 && parsedLines[index + 1]) {
      prefix = line.text;
      index += 1;
      continue;
    }
    break;
  }
  const end = prefix ? index - 1 : index;
  const before = lines[from - 1];
  const titleIndex = before && TOC_TITLE.test(comparableText(before.text)) ? from - 1 : undefined;
  return { ...(titleIndex !== undefined ? { titleIndex } : {}), start: from, end, entries };
}

function toEntries(entries: Run['entries'], lines: PdfLine[]): TocEntry[] {
  const indents = [...new Set(entries.map((entry) => Math.round((lines[entry.index]?.x0 ?? 0) / 4)))].sort((a, b) => a - b);
  return entries.map(({ index, parsed, prefix }) => {
    const title = `${prefix} ${parsed.title}`.trim();
    const numbering = parseHeadingNumber(title);
    const indentLevel = indents.indexOf(Math.round((lines[index]?.x0 ?? 0) / 4)) + 1;
    return { title, key: comparableText(numbering?.rest || title), level: numbering?.depth ?? Math.max(1, indentLevel), page: parsed.page };
  });
}
