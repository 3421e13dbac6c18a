import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readMarkdown } from '../../src/read/markdown.js';
import { longestParagraph, MAX_MARKDOWN_PARAGRAPH_CHARS, MAX_PARAGRAPH_LINES, readMarkdownWithinLimits, splitLongParagraphs } from '../../src/read/markdown-limits.js';
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

  it('ignores TOML front matter and keeps the line numbers of what follows', () => {
    const { sections } = readMarkdown('+++\ntitle = "x"\n+++\n# Plan\n\nText.\n');
    expect(sections[0]).toMatchObject({ heading: 'Plan', location: { line: 4 } });
    expect(sections[0]?.blocks[0]).toMatchObject({ text: 'Text.', location: { line: 6, lineEnd: 6 } });
  });

  it('keeps every cell a table row has, also beyond the header (converted strategies), and no padding', () => {
    const source = [
      '| B-2.2.1: Individual action outlines |',
      '| --- |',
      '| Action name | PV panels on roofs | of municipal buildings |',
      '| `a\\|b` | c \\| d | [fund][] |',
      '| only one |',
      '| | |',
      '',
      '[fund]: https://example.org',
    ].join('\n');
    const blocks = readMarkdown(source).sections[0]?.blocks ?? [];
    expect(blocks.map((block) => [block.text, block.location.line])).toEqual([
      ['B-2.2.1: Individual action outlines', 1],
      ['Action name | PV panels on roofs | of municipal buildings', 3],
      ['a|b | c | d | fund', 4],
      ['only one', 5],
    ]);
  });

  it('counts lines the same with CR LF and lone CR line endings', () => {
    for (const ending of ['\r\n', '\r']) {
      const blocks = readMarkdown(['---', 'a: 1', '---', '| a |', '| --- |', '| b | c |'].join(ending)).sections[0]?.blocks ?? [];
      expect(blocks.map((block) => [block.text, block.location.line])).toEqual([
        ['a', 4],
        ['b | c', 6],
      ]);
    }
  });

  it('reads task boxes, footnotes, images and HTML the way a reader sees them, and leaves code out', () => {
    const source = [
      '# Actions',
      '',
      '- [x] Bike lanes[^1] ![map of lanes](lanes.png)',
      '- [ ] Tram line <span>2030</span>',
      '',
      '[^1]: Funded by the city.',
      '',
      '<div>hidden</div>',
      '',
      '```',
      'code block',
      '```',
    ].join('\n');
    const blocks = readMarkdown(source).sections[0]?.blocks ?? [];
    expect(blocks.map((block) => [block.text, block.role, block.location])).toEqual([
      ['Bike lanes map of lanes', 'list', { line: 3, lineEnd: 3 }],
      ['Tram line 2030', 'list', { line: 4, lineEnd: 4 }],
      ['Funded by the city.', 'body', { line: 6, lineEnd: 6 }],
      // An HTML block's text is what a browser shows; code is no strategy text, so no evidence.
      ['hidden', 'body', { line: 8, lineEnd: 8 }],
    ]);
  });

  it('reads the text of HTML blocks: a raw table row by row, other blocks as body text, never comments, scripts or styles', () => {
    const source = [
      '# Doprava', // 1
      '',
      '<table>', // 3
      '<tr><th>Opatření</th><th>Termín</th></tr>',
      '<tr><td>Nízkoemisní zóna v&nbsp;centru</td><td>2028</td></tr>', // 5
      '<tr>',
      '  <td><p>Obchvat</p><p>města &amp; <em>okolí</em></p></td>',
      '  <td>2027</td>', // 8
      '</tr>',
      '<tr><td></td><td>rezerva</td><td></td></tr>', // 10
      '</table>',
      '',
      '<div align="center">', // 13
      '**Vize: Kroměříž – zelené město.**',
      '<!-- TODO: doplnit data -->',
      'Pro všechny generace.', // 16
      '</div>',
      '',
      '<!-- komentář',
      'na dvou řádcích -->', // 20
      '',
      '<script>var nemaSePocitat = 1;</script>',
      '<style>p { color: red }</style>',
      '',
      '<details>', // 25
      '<summary>Podrobnosti o&#32;financování</summary>',
      '',
      'Projekt bude financován z IROP.', // 28
      '',
      '</details>',
    ].join('\n');
    const blocks = readMarkdown(source).sections[0]?.blocks ?? [];
    expect(blocks.map((block) => [block.text, block.role, block.location])).toEqual([
      ['Opatření | Termín', 'table', { line: 4, lineEnd: 4 }],
      ['Nízkoemisní zóna v\u00A0centru | 2028', 'table', { line: 5, lineEnd: 5 }],
      ['Obchvat\nměsta & okolí | 2027', 'table', { line: 7, lineEnd: 8 }],
      ['| rezerva', 'table', { line: 10, lineEnd: 10 }],
      ['**Vize: Kroměříž – zelené město.** Pro všechny generace.', 'body', { line: 14, lineEnd: 16 }],
      ['Podrobnosti o financování', 'body', { line: 26, lineEnd: 26 }],
      ['Projekt bude financován z IROP.', 'body', { line: 28, lineEnd: 28 }],
    ]);
    const lineOf = (index: number, phrase: string) => {
      const block = blocks[index];
      const start = block?.text.indexOf(phrase) ?? -1;
      return (block?.location.line ?? 0) + (block?.lineStarts ?? []).filter((lineStart) => lineStart <= start).length;
    };
    expect([lineOf(2, 'Obchvat'), lineOf(2, '2027'), lineOf(4, 'Vize'), lineOf(4, 'Pro všechny')]).toEqual([7, 8, 14, 16]);
  });

  it('reads an HTML block in a list item or a block quote, its lines counted', () => {
    const source = ['- Položka:', '', '  <div>', '  Text v bloku', '  </div>', '', '  Další odstavec.', '', '> <table><tr><td>A</td><td>B</td></tr>', '> <tr><td>C</td><td>D</td></tr></table>'].join('\n');
    const blocks = readMarkdown(source).sections[0]?.blocks ?? [];
    expect(blocks.map((block) => [block.text, block.role, block.location])).toEqual([
      ['Položka:\nText v bloku\nDalší odstavec.', 'list', { line: 1, lineEnd: 7 }],
      ['A | B\nC | D', 'body', { line: 9, lineEnd: 10 }],
    ]);
    const [item, quote] = blocks;
    const lineOf = (block: typeof item, phrase: string) => {
      const start = block?.text.indexOf(phrase) ?? -1;
      return (block?.location.line ?? 0) + (block?.lineStarts ?? []).filter((lineStart) => lineStart <= start).length;
    };
    expect([lineOf(item, 'Text'), lineOf(item, 'Další'), lineOf(quote, 'C')]).toEqual([4, 7, 10]);
  });

  it('leaves fenced and indented code out: code is no strategy text', () => {
    const source = [
      'Úvod.', // 1
      '',
      '```',
      'kod: nemá se počítat',
      '```',
      '',
      '    odsazený kód',
      '',
      '- Položka', // 9
      '',
      '  ```',
      '  kod v seznamu',
      '  ```',
      '',
      '  Za kódem.', // 15
    ].join('\n');
    const blocks = readMarkdown(source).sections[0]?.blocks ?? [];
    expect(blocks.map((block) => [block.text, block.location])).toEqual([
      ['Úvod.', { line: 1, lineEnd: 1 }],
      ['Položka\nZa kódem.', { line: 9, lineEnd: 15 }],
    ]);
    // The code's lines still count: the text after it cites its own line.
    const item = blocks[1];
    const start = item?.text.indexOf('Za') ?? -1;
    expect((item?.location.line ?? 0) + (item?.lineStarts ?? []).filter((lineStart) => lineStart <= start).length).toBe(15);
  });

  it('reads a paragraph wrapped over lines as one text: a soft break is a space, not a sentence end', () => {
    const { sections } = readMarkdown('# Plan\n\nThe city will expand public\ntransport and build a tram line.\nIt also plants trees.\n');
    expect(sections[0]?.blocks.map((block) => block.text)).toEqual(['The city will expand public transport and build a tram line. It also plants trees.']);
  });

  it('ends a loose list item and a block quote at their last line of text', () => {
    const { sections } = readMarkdown('- first\n\n  more of it\n\n- second\n\n> quoted\n> on\n\nafter\n');
    expect(sections[0]?.blocks.map((block) => [block.text, block.location])).toEqual([
      ['first\nmore of it', { line: 1, lineEnd: 3 }],
      ['second', { line: 5, lineEnd: 5 }],
      ['quoted on', { line: 7, lineEnd: 8 }],
      ['after', { line: 10, lineEnd: 10 }],
    ]);
  });

  it('reads a document that starts with a thematic break, not front matter, in full', () => {
    const { sections } = readMarkdown('---\n\n# Strategie\n\nObec chce snížit spotřebu.\n\n---\n\n## Cíle\n\nSnížit emise.\n');
    expect(sections.map((section) => [section.heading, section.location.line])).toEqual([
      ['Strategie', 3],
      ['Cíle', 9],
    ]);
    expect(sections[0]?.blocks.map((block) => [block.text, block.location.line])).toEqual([['Obec chce snížit spotřebu.', 5]]);
  });

  it('ignores YAML front matter closed with `...` (as pandoc does)', () => {
    const { sections } = readMarkdown('---\ntitle: Strategie\n...\n\n# Úvod\n\nText.\n');
    expect(sections.map((section) => [section.heading, section.location.line])).toEqual([['Úvod', 5]]);
    expect(JSON.stringify(sections)).not.toContain('title');
  });

  it('reads <br> as a space between words, in paragraphs and table cells, without a line of its own', () => {
    const source = ['Zatížena tranzitem.<br>Nákladní doprava<br/>roste<br />dál.', 'Druhý řádek.', '', '| Opatření | Termín |', '|---|---|', '| Obchvat<BR>města | 2027 |'].join('\n');
    const blocks = readMarkdown(source).sections[0]?.blocks ?? [];
    expect(blocks.map((block) => [block.text, block.location.line, block.lineStarts])).toEqual([
      ['Zatížena tranzitem. Nákladní doprava roste dál. Druhý řádek.', 1, [48]],
      ['Opatření | Termín', 4, undefined],
      ['Obchvat města | 2027', 6, undefined],
    ]);
  });

  it('removes soft hyphens (also `&shy;`) and zero-width characters, so that words stay whole', () => {
    const { sections } = readMarkdown('# Ener\u00ADge\u00ADtika\n\nFoto\u00ADvoltaika na stře&shy;še, elektro\u200Bmobilita a\u2060 nízko\u200Demisní\uFEFF zóna.\n\n| cyklis\u00ADtika |\n|---|\n');
    expect(sections[0]?.heading).toBe('Energetika');
    expect(sections[0]?.blocks.map((block) => block.text)).toEqual(['Fotovoltaika na střeše, elektromobilita a nízkoemisní zóna.', 'cyklistika']);
  });

  it('reads a table in a list item or a block quote row by row, its cells apart, each row citing its own line', () => {
    const source = [
      '1. Opatření v oblasti dopravy:',
      '',
      '   | Projekt | Rozpočet | Termín |',
      '   |---|---|---|',
      '   | Cyklostezka | 12 mil. Kč | 2026 |',
      '   | Elektrobusy MHD | 30 mil. Kč | |',
      '',
      '> | Ukazatel | Hodnota |',
      '> |---|---|',
      '> | Emise CO2 | 45 kt |',
    ].join('\n');
    const blocks = readMarkdown(source).sections[0]?.blocks ?? [];
    expect(blocks.map((block) => [block.text, block.role, block.location])).toEqual([
      ['Opatření v oblasti dopravy:\nProjekt | Rozpočet | Termín\nCyklostezka | 12 mil. Kč | 2026\nElektrobusy MHD | 30 mil. Kč', 'list', { line: 1, lineEnd: 6 }],
      ['Ukazatel | Hodnota\nEmise CO2 | 45 kt', 'body', { line: 8, lineEnd: 10 }],
    ]);
    // Each row's offset maps to its own line (sentenceLocation counts the starts before a quote).
    const [list, quote] = blocks;
    const lineOf = (block: typeof list, phrase: string) => {
      const start = block?.text.indexOf(phrase) ?? -1;
      return (block?.location.line ?? 0) + (block?.lineStarts ?? []).filter((lineStart) => lineStart <= start).length;
    };
    expect(['Opatření', 'Projekt', 'Cyklostezka', 'Elektrobusy'].map((phrase) => lineOf(list, phrase))).toEqual([1, 3, 5, 6]);
    expect(['Ukazatel', 'Emise'].map((phrase) => lineOf(quote, phrase))).toEqual([8, 10]);
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
    expect(output.warnings).toEqual([`a paragraph of more than ${MAX_PARAGRAPH_LINES} lines was read in parts of ${MAX_PARAGRAPH_LINES} lines (so that evidence cites the lines it stands on)`]);
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

describe('a paragraph of over a million characters', () => {
  it('is counted without a parser: the longest run of lines between blank lines', () => {
    expect(longestParagraph('a\nbb\n\nccc\n')).toBe(3);
    expect(longestParagraph('one line')).toBe(8);
    expect(longestParagraph('\n \n\t\n')).toBe(0);
  });

  it('makes the file read as plain text, with a warning, its text all there', () => {
    const line = 'Slovo *důraz* a [odkaz](http://example.org) text. '.repeat(MAX_MARKDOWN_PARAGRAPH_CHARS / 50 + 1);
    const output = readMarkdownWithinLimits(`# Plán\n\n${line}\n`);
    expect(output.format).toBe('md');
    expect(output.warnings).toEqual([`Markdown with a paragraph of ${line.length.toLocaleString('en')} characters (converted text without line breaks): read as plain text`]);
    const text = output.sections.flatMap((section) => section.blocks.map((block) => block.text)).join(' ');
    expect(text.match(/odkaz/g)).toHaveLength(line.length / 50);
  });
});
