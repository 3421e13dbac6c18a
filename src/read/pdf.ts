// PDF reader: text page by page from pdf.js, lines rebuilt in reading order, running headers and
// footers removed, the table of contents found, sections from the outline and/or from headings,
// every section and paragraph with its page. Pages without a text layer are named (OCR needed).
import type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist/types/src/display/api.js';
import type { DocumentMetadata, ReaderOutput } from '../document/types.js';
import { ReadError } from './errors.js';
import { orderPage } from './pdf-columns.js';
import { detectHeadings, measureBodyStyle, type DetectedHeading } from './pdf-headings.js';
import { loadPdfJs, openPdf } from './pdf-load.js';
import { helpRequest, PageClaims, readAllPages, type PageHelper } from './pdf-pages.js';
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

/** `helper`, when given, may read some of the pages on another thread (see pdf-pages.ts). */
export async function readPdf(bytes: Uint8Array, options: PdfReadOptions = {}, helper?: PageHelper): Promise<ReaderOutput> {
  // Offered before the document is opened here, so that a helper opens it at the same time.
  const help = helper ? helpRequest(bytes, options.password) : undefined;
  if (help) helper?.offer(help);
  const claims = new PageClaims(help?.claims);
  // On the way out, and early when the PDF is refused: no page is left for the helper to take, so
  // it stops after the page in hand (it would otherwise read all of a PDF refused by --max-pages).
  const endHelp = async () => {
    claims.close();
    await helper?.collect();
  };
  let document: PDFDocumentProxy;
  try {
    document = await openPdf(bytes, options.password);
  } catch (error) {
    await endHelp();
    throw error;
  }
  try {
    if (options.maxPages !== undefined && document.numPages > options.maxPages) {
      throw new ReadError('TOO_MANY_PAGES', `PDF has ${document.numPages} pages, over the limit of ${options.maxPages} (--max-pages)`);
    }
    const warnings: string[] = [];
    const pages = await readPages(document, claims, warnings, helper);
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
    await endHelp();
    await document.destroy().catch(() => undefined);
  }
}

type ReadPages = PageSegments[] & { scanned: number[]; textless: number[]; transforms: Map<number, number[]> };

/**
 * Every page's text segments, in page order (read by this thread and, given a helper, another), then
 * the pages without text checked for images, in page order: the same warnings whoever read what.
 */
async function readPages(document: PDFDocumentProxy, claims: PageClaims, warnings: string[], helper?: PageHelper): Promise<ReadPages> {
  const read = await readAllPages(document, claims, helper);
  const pages = Object.assign([] as PageSegments[], { scanned: [] as number[], textless: [] as number[], transforms: new Map<number, number[]>() });
  const unreadable = read.filter((page) => page.error !== undefined);
  if (unreadable.length === document.numPages) throw new ReadError('DAMAGED', `damaged PDF: none of its ${document.numPages} pages could be read`);
  if (unreadable.length === 1) warnings.push(`page ${unreadable[0]?.page} could not be read (${unreadable[0]?.error})`);
  if (unreadable.length > 1) warnings.push(`${pageList(unreadable.map((page) => page.page))} could not be read (damaged); the rest was read`);
  for (const { page, height, segments, transform, error } of read) {
    pages.push({ page, height, segments });
    if (error !== undefined) continue;
    pages.transforms.set(page, transform);
    if (segments.length === 0) pages.textless.push(page);
  }
  pages.scanned.push(...(await pagesWithImages(document, pages.textless.slice(0, MAX_IMAGE_CHECKS))));
  return pages;
}

/** Those of the given pages that draw an image (a scan, when they have no text). */
async function pagesWithImages(document: PDFDocumentProxy, numbers: number[]): Promise<number[]> {
  if (numbers.length === 0) return [];
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
  const withImages: number[] = [];
  for (const number of numbers) {
    let page: PDFPageProxy | undefined;
    try {
      page = await document.getPage(number);
      const operators = await page.getOperatorList();
      if (operators.fnArray.some((operator) => imageOperators.has(operator))) withImages.push(number);
    } catch {
      // A page whose drawing cannot be parsed is not called a scan.
    } finally {
      page?.cleanup();
    }
  }
  return withImages;
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
