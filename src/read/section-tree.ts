// Collects headings and blocks, in document order, into sections with heading paths. Shared by the
// PDF, DOCX and plain-text readers so that levels and paths mean the same everywhere.
import type { Section, SourceLocation, TextBlock } from '../document/types.js';

export class SectionCollector {
  private readonly sections: Section[] = [];
  private readonly stack: { level: number; heading: string }[] = [];
  private current: Section;

  constructor(firstLocation: SourceLocation) {
    this.current = { heading: '', level: 0, path: [], location: firstLocation, blocks: [] };
  }

  /** Opens a section under the nearest open heading of a lower level. */
  open(heading: string, level: number, location: SourceLocation): void {
    this.close();
    while (this.stack.length && (this.stack.at(-1)?.level ?? 0) >= level) this.stack.pop();
    this.stack.push({ level, heading });
    this.current = { heading, level, path: this.stack.map((entry) => entry.heading), location, blocks: [] };
  }

  add(block: TextBlock): void {
    this.current.blocks.push(block);
  }

  /**
   * The sections, with levels as used (say 1, 3 and 4) renumbered 1, 2 and 3 so that a level never
   * skips a step, and each PDF section's last page as pageEnd.
   */
  finish(): Section[] {
    this.close();
    const used = [...new Set(this.sections.map((section) => section.level).filter((level) => level > 0))].sort((a, b) => a - b);
    const levels = new Map(used.map((level, position) => [level, position + 1]));
    return this.sections.map((section) => withPageEnd({ ...section, level: levels.get(section.level) ?? section.level }));
  }

  private close(): void {
    if (this.current.heading || this.current.blocks.length) this.sections.push(this.current);
  }
}

function withPageEnd(section: Section): Section {
  const start = section.location.page;
  if (start === undefined) return section;
  const end = section.blocks.reduce((last, block) => Math.max(last, block.location.pageEnd ?? block.location.page ?? start), start);
  return end > start ? { ...section, location: { ...section.location, pageEnd: end } } : section;
}
