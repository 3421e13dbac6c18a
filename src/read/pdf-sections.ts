// Builds the document's sections from PDF lines and the headings placed among them: each heading
// opens a section (with its page) that collects the paragraphs up to the next heading.
import type { Section } from '../document/types.js';
import { createParagraphBuilder } from './pdf-blocks.js';
import type { PdfLine } from './pdf-columns.js';
import type { BodyStyle } from './pdf-headings.js';

export interface HeadingMark {
  /** Index of the heading's first line (or of the line it precedes when lineCount is 0). */
  index: number;
  lineCount: number;
  text: string;
  level: number;
}

export function buildSections(lines: PdfLine[], headings: HeadingMark[], tocLines: Set<number>, body: BodyStyle): Section[] {
  const levels = compactLevels(headings);
  const byIndex = new Map<number, HeadingMark[]>();
  for (const heading of headings) byIndex.set(heading.index, [...(byIndex.get(heading.index) ?? []), heading]);
  const sections: Section[] = [];
  const stack: { level: number; heading: string }[] = [];
  let current: Section = { heading: '', level: 0, path: [], location: { page: lines[0]?.page ?? 1 }, blocks: [] };
  const paragraphs = createParagraphBuilder(body, (block) => current.blocks.push(block));

  const close = () => {
    paragraphs.flush();
    if (current.heading || current.blocks.length) sections.push(withPageEnd(current));
  };
  const open = (heading: HeadingMark, page: number) => {
    close();
    const level = levels.get(heading.level) ?? heading.level;
    while (stack.length && (stack.at(-1)?.level ?? 0) >= level) stack.pop();
    stack.push({ level, heading: heading.text });
    current = { heading: heading.text, level, path: stack.map((entry) => entry.heading), location: { page }, blocks: [] };
  };

  for (let index = 0; index <= lines.length; index++) {
    const line = lines[index];
    const marks = byIndex.get(index) ?? [];
    for (const mark of marks) open(mark, line?.page ?? lines.at(-1)?.page ?? 1);
    const consumed = Math.max(0, ...marks.map((mark) => mark.lineCount));
    if (consumed > 0) {
      index += consumed - 1;
      continue;
    }
    if (line) paragraphs.add(line, tocLines.has(index) ? 'toc' : undefined);
  }
  close();
  return sections;
}

/** Levels as used (say 1, 3 and 4) become 1, 2 and 3, so that a path never skips a step. */
function compactLevels(headings: HeadingMark[]): Map<number, number> {
  const used = [...new Set(headings.map((heading) => heading.level))].sort((a, b) => a - b);
  return new Map(used.map((level, position) => [level, position + 1]));
}

function withPageEnd(section: Section): Section {
  const start = section.location.page ?? 1;
  const end = Math.max(start, ...section.blocks.map((block) => block.location.pageEnd ?? block.location.page ?? start));
  return end > start ? { ...section, location: { ...section.location, pageEnd: end } } : section;
}
