import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readMarkdown } from '../../src/read/markdown.js';
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
