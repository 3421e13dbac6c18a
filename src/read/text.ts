// Plain-text reader: paragraphs separated by blank lines; numbered lines ("1.", "2.3") become headings.
import type { ReaderOutput, Section } from '../document/types.js';

const NUMBERED_HEADING = /^((?:\d+\.)+\d*|[IVX]+\.)\s+(\p{Lu}.{0,100})$/u;

export function readPlainText(source: string): ReaderOutput {
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  const sections: Section[] = [];
  const pathStack: { level: number; heading: string }[] = [];
  let current: Section = { heading: '', level: 0, path: [], location: { line: 1 }, blocks: [] };
  let paragraph: string[] = [];
  let paragraphStart = 1;

  const flush = (endLine: number) => {
    const text = paragraph.join(' ').replace(/\s+/g, ' ').trim();
    if (text) current.blocks.push({ text, location: { line: paragraphStart, lineEnd: endLine }, role: 'body' });
    paragraph = [];
  };

  lines.forEach((raw, index) => {
    const lineNumber = index + 1;
    const line = raw.trim();
    const heading = NUMBERED_HEADING.exec(line);
    if (heading && paragraph.length === 0) {
      if (current.heading || current.blocks.length) sections.push(current);
      const level = (heading[1] ?? '').split('.').filter(Boolean).length;
      while (pathStack.length && (pathStack.at(-1)?.level ?? 0) >= level) pathStack.pop();
      pathStack.push({ level, heading: line });
      current = { heading: line, level, path: pathStack.map((entry) => entry.heading), location: { line: lineNumber }, blocks: [] };
      return;
    }
    if (!line) {
      flush(lineNumber - 1);
      return;
    }
    if (paragraph.length === 0) paragraphStart = lineNumber;
    paragraph.push(line);
  });
  flush(lines.length);
  if (current.heading || current.blocks.length) sections.push(current);
  return { format: 'txt', language: 'und', sections, metadata: {}, warnings: [] };
}
