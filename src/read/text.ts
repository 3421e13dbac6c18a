// Plain-text reader: paragraphs separated by blank lines; numbered lines ("1.", "2.3", "Článok 2",
// "3. fejezet") and short ALL-CAPS lines become headings; words hyphenated at line ends are
// rejoined; form feeds (as pdftotext writes them) count pages; a paragraph too long to quote (a text
// without line breaks) is cut into windows of whole sentences.
import type { ReaderOutput, SourceLocation } from '../document/types.js';
import { parseHeadingNumber } from './heading-numbering.js';
import { joinLines } from './pdf-text.js';
import { SectionCollector } from './section-tree.js';

/** Paragraphs longer than this are cut into windows of about WINDOW_CHARS. */
const MAX_PARAGRAPH_CHARS = 1200;
const WINDOW_CHARS = 600;

interface Line {
  text: string;
  number: number;
  page?: number;
}

export function readPlainText(source: string): ReaderOutput {
  const lines = splitLines(source);
  const sections = new SectionCollector(locate(lines[0] ?? { text: '', number: 1 }));
  let paragraph: Line[] = [];

  const flush = () => {
    const first = paragraph[0];
    const last = paragraph.at(-1);
    if (first && last) {
      const text = joinLines(paragraph.map((line) => line.text));
      for (const window of sentenceWindows(text)) sections.add({ text: window, location: locate(first, last), role: 'body' });
    }
    paragraph = [];
  };

  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] as Line;
    if (!line.text) {
      flush();
      continue;
    }
    if (paragraph.length === 0) {
      const heading = headingAt(lines, index);
      if (heading) {
        sections.open(heading.text, heading.level, locate(line));
        index += heading.lineCount - 1;
        continue;
      }
    }
    paragraph.push(line);
  }
  flush();
  return { format: 'txt', language: 'und', sections: sections.finish(), metadata: {}, warnings: [] };
}

function splitLines(source: string): Line[] {
  const hasPages = source.includes('\f');
  let page = 1;
  return source
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((raw, index) => {
      const breaks = (raw.match(/\f/g) ?? []).length;
      const text = raw.replace(/\f/g, '').trim();
      const line: Line = { text, number: index + 1, ...(hasPages ? { page: page + (text ? breaks : 0) } : {}) };
      page += breaks;
      return line;
    });
}

function locate(first: Line, last: Line = first): SourceLocation {
  return {
    ...(first.page !== undefined ? { page: first.page } : {}),
    ...(last.page !== undefined && first.page !== undefined && last.page > first.page ? { pageEnd: last.page } : {}),
    line: first.number,
    ...(last.number > first.number ? { lineEnd: last.number } : {}),
  };
}

/** A heading starting at this line: numbered, or short and in capitals, standing alone. */
function headingAt(lines: Line[], index: number): { text: string; level: number; lineCount: number } | undefined {
  const line = lines[index] as Line;
  const next = lines[index + 1];
  const alone = !next?.text;
  if (line.text.length > 150 || /[,;]$/.test(line.text)) return undefined;
  const numbering = parseHeadingNumber(line.text);
  if (numbering) {
    // "Článok 1" on its own line, its title on the next, then a blank line.
    if (!numbering.rest && next?.text && next.text.length <= 100 && !lines[index + 2]?.text && !parseHeadingNumber(next.text)) {
      return { text: `${line.text} ${next.text}`, level: numbering.depth, lineCount: 2 };
    }
    const sentence = /[.!?]$/.test(numbering.rest) && numbering.rest.split(/\s+/).length > 8;
    if (alone || (!sentence && numbering.rest.length <= 100)) return { text: line.text, level: numbering.depth, lineCount: 1 };
    return undefined;
  }
  const letters = line.text.replace(/[^\p{L}]/gu, '');
  if (alone && letters.length >= 4 && line.text.length <= 80 && letters === letters.toUpperCase() && letters !== letters.toLowerCase()) {
    return { text: line.text, level: 1, lineCount: 1 };
  }
  return undefined;
}

/** Whole sentences gathered into windows of about WINDOW_CHARS; very long sentences cut at spaces. */
export function sentenceWindows(text: string): string[] {
  if (text.length <= MAX_PARAGRAPH_CHARS) return text ? [text] : [];
  const sentences = text.split(/(?<=[.!?…])\s+(?=[\p{Lu}\p{N}„"«(])/u).flatMap((sentence) => cutLong(sentence));
  const windows: string[] = [];
  let current = '';
  for (const sentence of sentences) {
    if (current && current.length + sentence.length + 1 > WINDOW_CHARS) {
      windows.push(current);
      current = sentence;
    } else current = current ? `${current} ${sentence}` : sentence;
  }
  if (current) windows.push(current);
  return windows;
}

function cutLong(sentence: string): string[] {
  if (sentence.length <= MAX_PARAGRAPH_CHARS) return [sentence];
  const pieces: string[] = [];
  let rest = sentence;
  while (rest.length > WINDOW_CHARS) {
    const cut = rest.lastIndexOf(' ', WINDOW_CHARS);
    const at = cut > WINDOW_CHARS / 2 ? cut : WINDOW_CHARS;
    pieces.push(rest.slice(0, at).trim());
    rest = rest.slice(at).trim();
  }
  if (rest) pieces.push(rest);
  return pieces;
}
