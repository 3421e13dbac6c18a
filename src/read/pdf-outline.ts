// Reads the PDF outline (bookmarks) into flat entries with their page and position, and places
// each entry on the line of the page that carries its title.
import type { PDFDocumentProxy } from 'pdfjs-dist/types/src/display/api.js';
import type { PdfLine } from './pdf-columns.js';
import { comparableText } from './pdf-text.js';

export interface OutlineEntry {
  title: string;
  depth: number;
  /** 1-based page the entry points to. */
  page: number;
  /** Top of the destination in PDF user space, when the destination says. */
  top?: number;
}

/** Where an outline entry lands among the lines: a heading line (lineCount > 0) or a position. */
export interface PlacedHeading {
  index: number;
  lineCount: number;
  text: string;
  level: number;
}

const MAX_ENTRIES = 5000;

type OutlineNode = Awaited<ReturnType<PDFDocumentProxy['getOutline']>>[number];

export async function readOutline(document: PDFDocumentProxy): Promise<OutlineEntry[]> {
  const roots = await document.getOutline().catch(() => null);
  if (!roots?.length) return [];
  // Destinations of one level are resolved together: each is a round trip to pdf.js's worker.
  const visit = async (nodes: OutlineNode[], depth: number, budget: { left: number }): Promise<OutlineEntry[]> => {
    const taken = nodes.slice(0, Math.max(0, budget.left));
    budget.left -= taken.length;
    const targets = await Promise.all(taken.map((node) => resolveDestination(document, node.dest).catch(() => undefined)));
    const entries: OutlineEntry[] = [];
    for (const [position, node] of taken.entries()) {
      const title = node.title.replace(/\s+/g, ' ').trim();
      const target = targets[position];
      if (title && target) entries.push({ title, depth, ...target });
      if (node.items?.length) entries.push(...(await visit(node.items, depth + 1, budget)));
    }
    return entries;
  };
  return visit(roots, 1, { left: MAX_ENTRIES });
}

async function resolveDestination(document: PDFDocumentProxy, dest: OutlineNode['dest']): Promise<{ page: number; top?: number } | undefined> {
  const explicit: unknown[] | null = typeof dest === 'string' ? await document.getDestination(dest) : dest;
  if (!Array.isArray(explicit) || explicit.length === 0) return undefined;
  const [reference, kind, , topArgument] = explicit as [unknown, { name?: string } | undefined, unknown, unknown];
  const pageIndex =
    typeof reference === 'number' ? reference : reference && typeof reference === 'object' ? await document.getPageIndex(reference as Parameters<PDFDocumentProxy['getPageIndex']>[0]) : undefined;
  if (pageIndex === undefined || pageIndex < 0 || pageIndex >= document.numPages) return undefined;
  const name = kind?.name;
  const top = name === 'XYZ' ? topArgument : name === 'FitH' || name === 'FitBH' ? explicit[2] : undefined;
  return typeof top === 'number' ? { page: pageIndex + 1, top } : { page: pageIndex + 1 };
}

/**
 * Places outline entries on lines: the line (or two) on the entry's page whose text is the entry's
 * title; failing that, the first line at or below the destination's top; failing that, the page's
 * first line. `toDisplayY` turns a destination's top into the lines' coordinates.
 */
export function placeOutline(entries: OutlineEntry[], lines: PdfLine[], toDisplayY: (page: number, top: number) => number): PlacedHeading[] {
  const firstLineOfPage = new Map<number, number>();
  lines.forEach((line, index) => {
    if (!firstLineOfPage.has(line.page)) firstLineOfPage.set(line.page, index);
  });
  const keys: (string | undefined)[] = [];
  const keyOf = (index: number) => (keys[index] ??= headingKey(lines[index]?.text ?? ''));
  const placed: PlacedHeading[] = [];
  for (const entry of entries) {
    const level = entry.depth;
    const start = firstLineOfPage.get(entry.page);
    if (start === undefined) {
      const after = lines.findIndex((line) => line.page > entry.page);
      placed.push({ index: after === -1 ? lines.length : after, lineCount: 0, text: entry.title, level });
      continue;
    }
    const match = findTitleLines(entry.title, lines, start, keyOf);
    if (match) {
      placed.push({ index: match.index, lineCount: match.lineCount, text: entry.title, level });
      continue;
    }
    let index = start;
    if (entry.top !== undefined) {
      const top = toDisplayY(entry.page, entry.top);
      while (index < lines.length && lines[index]?.page === entry.page && (lines[index]?.y ?? 0) < top - 2) index++;
    }
    placed.push({ index, lineCount: 0, text: entry.title, level });
  }
  return placed.sort((a, b) => a.index - b.index);
}

function findTitleLines(title: string, lines: PdfLine[], start: number, keyOf: (index: number) => string): { index: number; lineCount: number } | undefined {
  const wanted = headingKey(title);
  if (!wanted) return undefined;
  const page = lines[start]?.page;
  for (let index = start; index < lines.length && lines[index]?.page === page; index++) {
    let text = keyOf(index);
    if (!text || !wanted.startsWith(text)) continue;
    let count = 1;
    while (text !== wanted && text.length < wanted.length && wanted.startsWith(text) && count < 4 && lines[index + count]?.page === page) {
      text = `${text} ${keyOf(index + count)}`.trim();
      count++;
    }
    if (text === wanted) return { index, lineCount: count };
  }
  return undefined;
}

/** Heading text for comparison: numbering at the start left out ("1.2 Vize" and "Vize" agree). */
export function headingKey(text: string): string {
  return comparableText(text).replace(/^(?:\d+ )+/, '');
}
