import { describe, expect, it } from 'vitest';
import type { Section } from '../../src/document/types.js';
import { orderPage, type PdfLine } from '../../src/read/pdf-columns.js';
import { measureBodyStyle } from '../../src/read/pdf-headings.js';
import { buildSegments, type PdfTextItem } from '../../src/read/pdf-lines.js';
import { buildSections, type HeadingMark } from '../../src/read/pdf-sections.js';

/** A text item at (x, y) in display coordinates (y downwards), as pdf.js would give it on an A4 page. */
const item = (str: string, x: number, y: number, size = 10, width = str.length * size * 0.5): PdfTextItem => ({ str, transform: [size, 0, 0, size, x, 842 - y], width, fontName: 'f1' });
const A4 = [1, 0, 0, -1, 0, 842];
/** A line of running text that fills the 450-point measure. */
const full = (str: string, y: number, x = 70, size = 10) => item(str, x, y, size, 520 - x);

function linesOf(pages: PdfTextItem[][]): PdfLine[] {
  return pages.flatMap((items, index) => orderPage(buildSegments(items, A4), index + 1));
}

function sectionsOf(pages: PdfTextItem[][], headings: (lines: PdfLine[]) => HeadingMark[] = () => []): Section[] {
  const lines = linesOf(pages);
  return buildSections(lines, headings(lines), new Set(), measureBodyStyle(lines, new Set()));
}

const blocksOf = (sections: Section[]) => sections.flatMap((section) => section.blocks.map((block) => `${block.role}: ${block.text}`));

/** Wrapped lines 12 points apart, paragraphs 17 apart: LibreOffice's spacing below a paragraph. */
function spacedParagraphs(top: number, paragraphs: { lines: string[]; x?: number; wrapX?: number; lastWidth?: number }[]): PdfTextItem[] {
  const items: PdfTextItem[] = [];
  let y = top;
  for (const paragraph of paragraphs) {
    paragraph.lines.forEach((text, index) => {
      const x = index === 0 ? (paragraph.x ?? 70) : (paragraph.wrapX ?? paragraph.x ?? 70);
      const last = index === paragraph.lines.length - 1;
      items.push(last ? item(text, x, y, 10, paragraph.lastWidth) : full(text, y, x));
      y += last ? 17 : 12;
    });
  }
  return items;
}

describe('PDF paragraphs', () => {
  it('joins a paragraph across a page break and puts the footnotes of the page after it', () => {
    const page1 = [
      full('Město zlepší kvalitu ovzduší a sníží emise skleníkových plynů o čtyřicet', 100),
      full('procent do roku 2030. Součástí je jednotný systém pro hlášení závad ve', 112),
      full('veřejném prostoru a podpora veřejné dopravy, cyklistiky a chůze ve', 124),
      full('všech městských částech a také v okolních obcích, jež tvoří aglomeraci', 136),
      item('1 Usnesení zastupitelstva města č. 12/2021.', 70, 780, 8),
      item('2 Český hydrometeorologický ústav, 2023.', 70, 791, 8),
    ];
    const page2 = [
      item('města Liberce.', 70, 70),
      full('Druhý odstavec začíná na nové straně a pokračuje na dalším řádku', 87),
      item('až do konce.', 70, 99),
    ];
    const sections = sectionsOf([page1, page2], (lines) => [{ index: lines.findIndex((line) => line.text.startsWith('Druhý')), lineCount: 0, text: '2. Návrhová část', level: 1 }]);
    expect(sections.map((section) => [section.heading, blocksOf([section])])).toEqual([
      [
        '',
        [
          'body: Město zlepší kvalitu ovzduší a sníží emise skleníkových plynů o čtyřicet procent do roku 2030. Součástí je jednotný systém pro hlášení závad ve veřejném prostoru a podpora veřejné dopravy, cyklistiky a chůze ve všech městských částech a také v okolních obcích, jež tvoří aglomeraci města Liberce.',
          'note: 1 Usnesení zastupitelstva města č. 12/2021.',
          'note: 2 Český hydrometeorologický ústav, 2023.',
        ],
      ],
      ['2. Návrhová část', ['body: Druhý odstavec začíná na nové straně a pokračuje na dalším řádku až do konce.']],
    ]);
    expect(sections[0]?.blocks[0]?.location).toEqual({ page: 1, pageEnd: 2 });
  });

  it('keeps footnotes right after the page when the next page starts a new paragraph', () => {
    const page1 = [full('Město zlepší kvalitu ovzduší a sníží emise skleníkových plynů o čtyřicet', 100), item('procent do roku 2030.', 70, 112), item('1 Usnesení zastupitelstva.', 70, 780, 8)];
    const page2 = [full('Druhý odstavec začíná na nové straně a pokračuje na dalším řádku', 70), item('až do konce.', 70, 82)];
    expect(blocksOf(sectionsOf([page1, page2]))).toEqual([
      'body: Město zlepší kvalitu ovzduší a sníží emise skleníkových plynů o čtyřicet procent do roku 2030.',
      'note: 1 Usnesení zastupitelstva.',
      'body: Druhý odstavec začíná na nové straně a pokračuje na dalším řádku až do konce.',
    ]);
  });

  it('starts a paragraph at the margin after a list item whose wrapped lines hang indented', () => {
    const items = [
      ...spacedParagraphs(100, [{ lines: ['Úvodní odstavec, který končí na konci řádku a pokračuje dalším', 'řádkem.'] }]),
      item('a) zastupitelstvo města schvaluje strategii a její aktualizace na základě', 85, 129, 10, 435),
      item('zprávy o plnění,', 99, 141),
      item('b) rada města odpovídá za realizaci akčního plánu a vyhodnocuje plnění', 85, 153, 10, 435),
      item('indikátorů,', 99, 165),
      full('Zároveň veřejná doprava bude obsluhována nízkoemisními autobusy a město', 177),
      item('vybuduje síť cyklostezek.', 70, 189),
    ];
    expect(blocksOf(sectionsOf([items]))).toEqual([
      'body: Úvodní odstavec, který končí na konci řádku a pokračuje dalším řádkem.',
      'list: a) zastupitelstvo města schvaluje strategii a její aktualizace na základě zprávy o plnění,',
      'list: b) rada města odpovídá za realizaci akčního plánu a vyhodnocuje plnění indikátorů,',
      'body: Zároveň veřejná doprava bude obsluhována nízkoemisními autobusy a město vybuduje síť cyklostezek.',
    ]);
  });

  it('starts a paragraph at a gap wider than the line step, though no sentence ends before it', () => {
    const items = spacedParagraphs(100, [
      { lines: ['Strategie navazuje na akční plán udržitelné energetiky a klimatu, který', 'zastupitelstvo schválilo v roce 2021 a který platí do roku 2030 pro', 'celé území města'] },
      { lines: ['EU – Evropská unie'] },
      { lines: ['SDGs – Cíle udržitelného rozvoje'] },
      // Ends a sentence less than four type sizes before the margin: the spacing alone tells.
      { lines: ['Opatření jsou rozdělena do pěti prioritních oblastí a každé z nich má', 'stanoveného gestora, termín a měřitelný indikátor a postup plnění.'], lastWidth: 420 },
      { lines: ['Veřejná doprava bude obsluhována nízkoemisními autobusy.'] },
    ]);
    expect(blocksOf(sectionsOf([items]))).toEqual([
      'body: Strategie navazuje na akční plán udržitelné energetiky a klimatu, který zastupitelstvo schválilo v roce 2021 a který platí do roku 2030 pro celé území města',
      'body: EU – Evropská unie',
      'body: SDGs – Cíle udržitelného rozvoje',
      'body: Opatření jsou rozdělena do pěti prioritních oblastí a každé z nich má stanoveného gestora, termín a měřitelný indikátor a postup plnění.',
      'body: Veřejná doprava bude obsluhována nízkoemisními autobusy.',
    ]);
  });

  it('keeps a justified paragraph whole, and sets short label lines apart even without spacing', () => {
    const justified = [
      'Město Horní Lhota usiluje o snížení emisí skleníkových plynů o čtyřicet',
      'procent do roku 2030 oproti roku 2010. Hlavními nástroji jsou úspory',
      'energie ve veřejných budovách, rozvoj obnovitelných zdrojů energie a',
      'podpora udržitelné mobility ve všech částech města.',
    ];
    const items = [
      ...justified.map((text, index) => (index < 3 ? full(text, 100 + index * 12) : item(text, 70, 100 + index * 12))),
      item('Název: Energetické úspory ve veřejných budovách', 70, 165),
      full('Popis: Město sníží spotřebu energie ve všech školách, sportovních halách', 177),
      item('a v budově městského úřadu.', 70, 189),
      item('Gestor: Odbor životního prostředí', 70, 201),
    ];
    expect(blocksOf(sectionsOf([items]))).toEqual([
      `body: ${justified.join(' ')}`,
      'body: Název: Energetické úspory ve veřejných budovách',
      'body: Popis: Město sníží spotřebu energie ve všech školách, sportovních halách a v budově městského úřadu.',
      'body: Gestor: Odbor životního prostředí',
    ]);
  });
});

describe('PDF paragraphs: footnote marks and footnotes in columns, sentences that end a full line', () => {
  it('drops a footnote mark that fell into the row of the other column, without a space before the stop', () => {
    // The mark (431.4) stands within half a line of the left column's line (429.7), not of its own (435.7).
    const items = [item('Levý sloupec pokračuje dál textem', 70, 429.7, 10, 200), item('participace je součástí všech strategických', 300, 435.7, 10, 200), item('2', 501, 431.4, 6, 3), item('dokumentů', 300, 448, 10, 50), item('.', 354, 448, 10, 3)];
    const texts = orderPage(buildSegments(items, A4), 1).map((line) => line.text);
    expect(texts).not.toContain('2');
    expect(texts.some((text) => text.includes('dokumentů.'))).toBe(true);
  });

  it('parts consecutive footnotes when one fills its line, and a paragraph whose full last line ends a sentence', () => {
    const body = spacedParagraphs(100, [
      { lines: ['Text prvního odstavce pokračuje až do konce řádku a dál', 'a končí větou na plném řádku, jak to bývá.'], lastWidth: 450 },
      { lines: ['Druhý odstavec začíná po mezeře.'] },
    ]);
    const notes = [item('4 Poznámka 11: Sčítání dopravy, rok 2016, podrobněji viz příloha.', 70, 780, 8, 450), item('5 Poznámka 15: Sčítání dopravy, rok 2020.', 70, 790, 8, 200)];
    const texts = blocksOf(sectionsOf([[...body, ...notes]]));
    expect(texts).toContain('body: Druhý odstavec začíná po mezeře.');
    expect(texts).toContain('note: 4 Poznámka 11: Sčítání dopravy, rok 2016, podrobněji viz příloha.');
    expect(texts).toContain('note: 5 Poznámka 15: Sčítání dopravy, rok 2020.');
  });
});
