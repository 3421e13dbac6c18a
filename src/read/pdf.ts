// PDF reader: text page by page from pdf.js, lines rebuilt in reading order, running headers and
// footers removed, the table of contents found, sections from the outline and/or from headings,
// every section and paragraph with its page. Pages without a text layer are named (OCR needed).
import type { PDFDocumentProxy, PDFPageProxy, TextItem } from 'pdfjs-dist/types/src/display/api.js';
import type { DocumentMetadata, ReaderOutput } from '../document/types.js';
import { ReadError } from './errors.js';
import { orderPage } from './pdf-columns.js';
import { detectHeadings, measureBodyStyle, type DetectedHeading } from './pdf-headings.js';
import { buildSegments } from './pdf-lines.js';
import { loadPdfJs, openPdf } from './pdf-load.js';
import { headingKey, placeOutline, readOutline, type PlacedHeading } from './pdf-outline.js';
import { removeRunningLines, type PageSegments } from './pdf-running.js';
import { buildSections, type HeadingMark } from './pdf-sections.js';
import { findTableOfContents } from './pdf-toc.js';

export interface PdfReadOptions {
  password?: string;
  /** Refuse documents with more pages (`--max-pages`), before any page is read. */
  maxPages?: number;
}

/** Pages without text are checked for images (a scan) up to this many; the check renders nothing but costs time. */
const MAX_IMAGE_CHECKS = 25;

export async function readPdf(bytes: Uint8Array, options: PdfReadOptions = {}): Promise<ReaderOutput> {
  const document = await openPdf(bytes, options.password);
  try {
    if (options.maxPages !== undefined && document.numPages > options.maxPages) {
      throw new ReadError('TOO_MANY_PAGES', `PDF has ${document.numPages} pages, over the limit of ${options.maxPages} (--max-pages)`);
    }
    const warnings: string[] = [];
    const pages = await readPages(document, warnings);
    const pageCount = document.numPages;
    const withText = pages.filter((page) => page.segments.length > 0);
    if (withText.length === 0) throw noTextError(pages, pageCount);
    if (pages.scanned.length) {
      const one = pages.scanned.length === 1;
      warnings.push(`${pageList(pages.scanned)} ${one ? 'has' : 'have'} no text layer (scanned ${one ? 'image' : 'images'}): OCR is needed to read ${one ? 'it' : 'them'}`);
    }

    const { pages: cleaned } = removeRunningLines(pages);
    const lines = cleaned.flatMap((page) => orderPage(page.segments, page.page));
    const toc = findTableOfContents(lines);
    const body = measureBodyStyle(lines, toc.lines);
    const detected = detectHeadings(lines, toc, body);
    const outline = await readOutline(document);
    const placed = outline.length ? placeOutline(outline, lines, (page, top) => toDisplayY(pages.transforms.get(page), top)) : [];
    const sections = buildSections(lines, combineHeadings(placed, detected), toc.lines, body);
    const metadata = await readMetadata(document, outline.length > 0);
    return { format: 'pdf', language: 'und', pageCount, sections, metadata, warnings };
  } finally {
    await document.destroy().catch(() => undefined);
  }
}

type ReadPages = PageSegments[] & { scanned: number[]; textless: number[]; transforms: Map<number, number[]> };

/** Reads every page's text and releases the page right after: memory stays flat on long files. */
async function readPages(document: PDFDocumentProxy, warnings: string[]): Promise<ReadPages> {
  const { OPS } = await loadPdfJs();
  const imageOperators = new Set<number>([
    OPS.paintImageXObject,
    OPS.paintInlineImageXObject,
    OPS.paintImageMaskXObject,
    OPS.paintImageXObjectRepeat,
    OPS.paintImageMaskXObjectRepeat,
    OPS.paintImageMaskXObjectGroup,
    OPS.paintInlineImageXObjectGroup,
    OPS.paintSolidColorImageMask,
  ]);
  const pages = Object.assign([] as PageSegments[], { scanned: [] as number[], textless: [] as number[], transforms: new Map<number, number[]>() });
  const unreadable: number[] = [];
  let imageChecks = 0;
  for (let number = 1; number <= document.numPages; number++) {
    let page: PDFPageProxy | undefined;
    try {
      page = await document.getPage(number);
      const viewport = page.getViewport({ scale: 1 });
      const content = await page.getTextContent();
      const items = content.items.filter((item): item is TextItem => 'str' in item);
      const segments = buildSegments(items, viewport.transform);
      pages.push({ page: number, height: viewport.height, segments });
      pages.transforms.set(number, viewport.transform);
      if (segments.length === 0) {
        pages.textless.push(number);
        if (imageChecks < MAX_IMAGE_CHECKS) {
          imageChecks += 1;
          const operators = await page.getOperatorList();
          if (operators.fnArray.some((operator) => imageOperators.has(operator))) pages.scanned.push(number);
        }
      }
    } catch (error) {
      unreadable.push(number);
      pages.push({ page: number, height: 0, segments: [] });
      if (unreadable.length === 1) warnings.push(`page ${number} could not be read (${firstLine(error)})`);
    } finally {
      page?.cleanup();
    }
  }
  if (unreadable.length > 1) warnings.splice(0, 1, `${pageList(unreadable)} could not be read (damaged); the rest was read`);
  if (unreadable.length === document.numPages) throw new ReadError('DAMAGED', `damaged PDF: none of its ${document.numPages} pages could be read`);
  return pages;
}

function noTextError(pages: ReadPages, pageCount: number): ReadError {
  if (pages.scanned.length > 0) {
    const unchecked = pages.textless.length - pages.scanned.length;
    const which = unchecked > 0 ? `${pageList(pages.scanned)} (and ${unchecked} more)` : pageList(pages.scanned);
    return new ReadError('NO_TEXT', `no text layer: ${which} scanned images only; OCR is needed before s4s can read this PDF`);
  }
  return new ReadError('EMPTY', `PDF has ${pageCount} ${pageCount === 1 ? 'page' : 'pages'} and no text (blank, or text drawn as shapes)`);
}

/**
 * Outline entries are the skeleton. Headings found in the text that the outline lacks are nested
 * under the outline entry before them; when the outline already lists most headings, only the
 * numbered or contents-listed ones are added.
 */
function combineHeadings(outline: PlacedHeading[], detected: DetectedHeading[]): HeadingMark[] {
  if (!outline.length) return detected;
  const outlineKeys = new Set(outline.map((entry) => headingKey(entry.text)));
  const covered = new Set<number>();
  for (const entry of outline) for (let index = entry.index; index < entry.index + entry.lineCount; index++) covered.add(index);
  const unmatched = detected.filter((heading) => !outlineKeys.has(headingKey(heading.text)) && !covered.has(heading.index));
  const outlineIsRich = detected.length - unmatched.length >= 0.5 * detected.length;
  const firstEntry = outline[0]?.index ?? 0;
  // Before the first bookmark (a title page) and where the outline is sparse, found headings count.
  const extra = unmatched.filter((heading) => !outlineIsRich || heading.strong || heading.index < firstEntry);
  const marks: HeadingMark[] = [...outline];
  for (const heading of extra) {
    const parent = [...outline].reverse().find((entry) => entry.index <= heading.index);
    marks.push({ ...heading, level: (parent?.level ?? 0) + heading.level });
  }
  return marks.sort((a, b) => a.index - b.index);
}

function toDisplayY(transform: number[] | undefined, top: number): number {
  if (!transform) return 0;
  const [, , , d = 1, , f = 0] = transform;
  return d * top + f;
}

async function readMetadata(document: PDFDocumentProxy, hasOutline: boolean): Promise<DocumentMetadata> {
  const metadata: DocumentMetadata = { outline: hasOutline };
  const result = await document.getMetadata().catch(() => undefined);
  const info = (result?.info ?? {}) as Record<string, unknown>;
  const text = (key: string) => (typeof info[key] === 'string' && (info[key] as string).trim() ? (info[key] as string).trim() : undefined);
  const fields: [keyof DocumentMetadata & string, string][] = [
    ['title', 'Title'],
    ['author', 'Author'],
    ['producer', 'Producer'],
    ['creator', 'Creator'],
    ['declaredLanguage', 'Language'],
  ];
  for (const [field, key] of fields) {
    const value = text(key);
    if (value) metadata[field] = value;
  }
  return metadata;
}

/** "page 4", "pages 2, 5–7". */
export function pageList(pages: number[]): string {
  const ranges: string[] = [];
  let start = pages[0];
  let previous = start;
  for (const page of [...pages.slice(1), undefined]) {
    if (page !== undefined && previous !== undefined && page === previous + 1) {
      previous = page;
      continue;
    }
    if (start !== undefined) ranges.push(start === previous ? `${start}` : `${start}–${previous}`);
    start = page;
    previous = page;
  }
  return `${pages.length === 1 ? 'page' : 'pages'} ${ranges.join(', ')}`;
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? 'unknown error';
}

