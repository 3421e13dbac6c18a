import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readMarkdown } from '../../src/read/markdown.js';
import { MAX_PARAGRAPH_LINES, readMarkdownWithinLimits, splitLongParagraphs } from '../../src/read/markdown-limits.js';
import { fixture } from '../helpers.js';

describe('readMarkdown', () => {
  it('builds sections from the heading hierarchy with paths and line ranges', () => {
    const { sections } = readMarkdown('# Strategy\n\nIntro text.\n\n## 1. Analysis\n\nProblem one.\n\n### 1.1 SWOT\n\n| S | W |\n|---|---|\n| parks | roads |\n\n## 2. Vision\n\n- green\n- safe\n');
    expect(sections.map((section) => section.path)).toEqual([['Strategy'], ['Strategy', '1. Analysis'], ['Strategy', '1. Analysis', '1.1 SWOT'], ['Strategy', '2. Vision']]);
    expect(sections.map((section) => section.level)).toEqual([1, 2, 3, 2]);
    expect(sections[0]?.blocks[0]).toMatchObject({ text: 'Intro text.', location: { line: 3 } });
    expect(sections[1]?.location).toEqual({ line: 5, lineEnd: 8 });
    expect(sections[2]?.blocks.map((block) => [block.text, block.role])).toEqual([
      ['S | W', 'table'],
      ['parks | roads', 'table'],
    ]);
    expect(sections[3]?.blocks.map((block) => block.text)).toEqual(['green', 'safe']);
  });

  it('ignores front matter and treats a document without headings as one section', () => {
    const { sections } = readMarkdown('---\ntitle: Secret title\n---\n\nJust a paragraph.\n\nAnother one.\n');
    expect(sections).toHaveLength(1);
    expect(sections[0]).toMatchObject({ heading: '', level: 0, path: [] });
    expect(sections[0]?.blocks.map((block) => block.text)).toEqual(['Just a paragraph.', 'Another one.']);
    expect(JSON.stringify(sections)).not.toContain('Secret title');
  });

  it('reads the Czech sample strategy into its chapters', () => {
    const { sections } = readMarkdown(readFileSync(fixture('strategies', 'cs-horni-lhota.md'), 'utf8'));
    const headings = sections.map((section) => section.heading);
    expect(headings).toContain('2. Vize');
    expect(headings).toContain('5. Indikátory');
    const vision = sections.find((section) => section.heading === '2. Vize');
    expect(vision?.path).toEqual(['Strategie SMART města Horní Lhota 2025–2032', '2. Vize']);
    expect(vision?.blocks[0]?.text).toMatch(/^V roce 2032 je Horní Lhota/);
  });
});

describe('a paragraph of thousands of lines', () => {
  it('is read in parts of MAX_PARAGRAPH_LINES lines, each citing the file\'s own lines', () => {
    const body = Array.from({ length: 450 }, (_unused, index) => `Věta číslo ${index + 1} o [městě](http://example.org).`);
    const output = readMarkdownWithinLimits(`# Plán\n\n${body.join('\n')}\n\n## Další\n\nKonec.\n`);
    const [plan, next] = output.sections;
    expect(plan?.blocks.map((block) => [block.location.line, block.location.lineEnd])).toEqual([
      [3, 202],
      [203, 402],
      [403, 452],
    ]);
    expect(plan?.blocks[1]?.text.startsWith('Věta číslo 201 o městě.')).toBe(true);
    expect(next?.location.line).toBe(454);
    expect(next?.blocks[0]?.location.line).toBe(456);
    expect(output.warnings).toEqual([`a paragraph of more than ${MAX_PARAGRAPH_LINES} lines was read in parts of ${MAX_PARAGRAPH_LINES} lines (the parser slows down on longer ones)`]);
  });

  it('leaves fenced code, tables and lists whole, and shorter paragraphs untouched', () => {
    const code = ['```', ...Array.from({ length: 300 }, (_unused, index) => `řádek ${index}`), '```'].join('\n');
    const table = ['| a | b |', '|---|---|', ...Array.from({ length: 300 }, (_unused, index) => `| ${index} | x |`)].join('\n');
    const list = Array.from({ length: 300 }, (_unused, index) => `- bod ${index}`).join('\n');
    for (const source of [code, table, list, Array.from({ length: MAX_PARAGRAPH_LINES }, () => 'Věta.').join('\n')]) {
      expect(splitLongParagraphs(source)).toEqual({ text: source, insertedBefore: [] });
    }
  });
});
