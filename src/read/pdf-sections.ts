// Builds the document's sections from PDF lines and the headings placed among them: each heading
// opens a section (with its page) that collects the paragraphs up to the next heading.
import type { Section } from '../document/types.js';
import { createParagraphBuilder } from './pdf-blocks.js';
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
  const paragraphs = createParagraphBuilder(body, (block) => sections.add(block));
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
    if (line) paragraphs.add(line, tocLines.has(index) ? 'toc' : undefined);
  }
  paragraphs.flush();
  return sections.finish();
}
