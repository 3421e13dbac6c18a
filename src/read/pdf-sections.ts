// Builds the document's sections from PDF lines and the headings placed among them: each heading
// opens a section (with its page) that collects the paragraphs up to the next heading. Footnotes at
// the foot of a page follow the paragraph that was open above them, once it has ended (maybe on
// the next page), in the section that paragraph is in.
import type { Section } from '../document/types.js';
import { createParagraphBuilder, measureWrapStep } from './pdf-blocks.js';
import type { PdfLine } from './pdf-columns.js';
import type { BodyStyle } from './pdf-headings.js';
import { SectionCollector } from './section-tree.js';

export interface HeadingMark {
  /** Index of the heading's first line (or of the line it precedes when lineCount is 0). */
  index: number;
  lineCount: number;
  text: string;
  level: number;
}

export function buildSections(lines: PdfLine[], headings: HeadingMark[], tocLines: Set<number>, body: BodyStyle): Section[] {
  const byIndex = new Map<number, HeadingMark[]>();
  for (const heading of headings) byIndex.set(heading.index, [...(byIndex.get(heading.index) ?? []), heading]);
  const sections = new SectionCollector({ page: lines[0]?.page ?? 1 });
  const paragraphs = createParagraphBuilder(body, (block) => sections.add(block), measureWrapStep(lines));
  const footnotes = pageFootLines(lines, body);
  for (let index = 0; index <= lines.length; index++) {
    const line = lines[index];
    const marks = byIndex.get(index) ?? [];
    for (const mark of marks) {
      paragraphs.flush();
      sections.open(mark.text, mark.level, { page: line?.page ?? lines.at(-1)?.page ?? 1 });
    }
    const consumed = Math.max(0, ...marks.map((mark) => mark.lineCount));
    if (consumed > 0) {
      index += consumed - 1;
      continue;
    }
    if (!line) continue;
    if (footnotes.has(index) && !tocLines.has(index)) paragraphs.addAfterParagraph(line);
    else paragraphs.add(line, tocLines.has(index) ? 'toc' : undefined);
  }
  paragraphs.flush();
  return sections.finish();
}

/**
 * Indexes of the lines that close a page in type smaller than the body's (as roleOf in
 * pdf-blocks.ts calls a note) below lines of larger type on that page: its footnotes.
 */
function pageFootLines(lines: PdfLine[], body: BodyStyle): Set<number> {
  const foot = new Set<number>();
  const small = (line: PdfLine) => !line.table && line.size < body.size - 1.2;
  let end = lines.length - 1;
  while (end >= 0) {
    const page = lines[end]?.page;
    let start = end;
    while (start >= 0 && lines[start]?.page === page && small(lines[start] as PdfLine)) start--;
    // `start` is the page's last line in larger type, if the page has one.
    if (start >= 0 && lines[start]?.page === page) for (let index = start + 1; index <= end; index++) foot.add(index);
    while (end >= 0 && lines[end]?.page === page) end--;
  }
  return foot;
}
