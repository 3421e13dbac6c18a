import { describe, expect, it } from 'vitest';
import { parseHeadingNumber } from '../../src/read/heading-numbering.js';
import { orderPage } from '../../src/read/pdf-columns.js';
import { buildSegments, type PdfTextItem, type TextSegment } from '../../src/read/pdf-lines.js';
import { isPageNumber, removeRunningLines } from '../../src/read/pdf-running.js';
import { joinLines, normalizePdfText } from '../../src/read/pdf-text.js';
import { pageList } from '../../src/read/pdf.js';

/** A text item at (x, y) in display coordinates (y downwards), as pdf.js would give it on an A4 page. */
const item = (str: string, x: number, y: number, size = 10, width = str.length * size * 0.5): PdfTextItem => ({ str, transform: [size, 0, 0, size, x, 842 - y], width, fontName: 'f1' });
const A4 = [1, 0, 0, -1, 0, 842];

describe('PDF text clean-up', () => {
  it('rejoins words hyphenated at line ends but keeps dashes and compounds in the line', () => {
    expect(joinLines(['Strategie podporuje udrži-', 'telnou mobilitu', 'v období 2024 -', '2030 a česko-slovenskou spolupráci.'])).toBe(
      'Strategie podporuje udržitelnou mobilitu v období 2024 - 2030 a česko-slovenskou spolupráci.',
    );
    expect(joinLines(['Plán 2024–', '2030'])).toBe('Plán 2024–2030');
  });

  it('keeps a hyphen at a line end before a capital, without a space: a name, not a broken word', () => {
    expect(joinLines(['Nejbližší město je Frýdek-', 'Místek, pak Ostra-', 'va.'])).toBe('Nejbližší město je Frýdek-Místek, pak Ostrava.');
  });

  it('keeps the hyphen of "-li", of a one-letter prefix, of a compound going on, and of a half pair before a conjunction', () => {
    expect(joinLines(['Je-', 'li to možné, projekt e-', 'government a park-', 'and-ride.'])).toBe('Je-li to možné, projekt e-government a park-and-ride.');
    expect(joinLines(['a környezet-', 'és természetvédelem, dvou-', 'a tříleté, dwu-', 'i trzyletnie, kon-', 'cepce'])).toBe(
      'a környezet- és természetvédelem, dvou- a tříleté, dwu- i trzyletnie, koncepce',
    );
  });

  it('normalises ligatures, odd spaces, symbol-font bullets and accents drawn apart', () => {
    expect(normalizePdfText('e\uFB03cient \uFB01nance\u00A0a\u200Bb')).toBe('efficient finance ab');
    expect(normalizePdfText('\uF0B7 položka')).toBe('• položka');
    expect(normalizePdfText('na\u00A8\u0131ve')).toBe('naïve');
    expect(normalizePdfText('\u02C7cesk\u00B4y')).toBe('český');
  });

  it('knows page numbers but not years or headings', () => {
    for (const text of ['12', '- 3 -', '– 4 –', 'Strana 5', 'strana 5 z 40', 'Page 7 of 9', '12/40', 'iv', '3. oldal']) expect(isPageNumber(text)).toBe(true);
    for (const text of ['2030', 'civil', 'Strategie 2030', '1 Úvod']) expect(isPageNumber(text)).toBe(false);
    expect(pageList([2])).toBe('page 2');
    expect(pageList([1, 2, 3, 5, 7, 8])).toBe('pages 1–3, 5, 7–8');
  });
});

describe('heading numbering', () => {
  it.each([
    ['2.3.1 Cíle', 3, 'decimal'],
    ['IV. Závěr', 1, 'roman'],
    ['Kapitola II – Závěrečná ustanovení', 1, 'keyword'],
    ['Článek 5 Účinnost', 2, 'keyword'],
    ['Čl. II. Třídění odpadu', 2, 'keyword'],
    ['Rozdział 3. Wdrażanie', 1, 'keyword'],
    ['3. fejezet: Jövőkép', 1, 'keyword'],
    ['5. cikk Hatálybalépés', 2, 'keyword'],
    ['Příloha č. 1 Akční plán', 1, 'keyword'],
    ['A.1 Strategický cíl', 2, 'decimal'],
    ['B.2.3 Opatření v dopravě', 3, 'decimal'],
  ])('reads "%s"', (text, depth, kind) => {
    expect(parseHeadingNumber(text)).toMatchObject({ depth, kind });
  });

  it.each(['1 840 obyvatel', '2030 Vize', 'Kapitola Cíle', 'I. s c h v a l u j e', 'A. Novák předložil návrh', 'A.1 nízký podíl'])('sees no heading numbering in "%s"', (text) => {
    expect(parseHeadingNumber(text)).toBeUndefined();
  });
});

describe('PDF lines and reading order', () => {
  it('drops footnote marks but keeps powers of units', () => {
    const segments = buildSegments([item('local offices', 70, 100), item('1', 135, 96, 6), item('make decisions on 40 km', 145, 100), item('2', 261, 96, 6)], A4);
    expect(segments.map((segment) => segment.text)).toEqual(['local offices make decisions on 40 km²']);
  });

  it('parts a footnote\'s own number from its first word, but not a number that belongs to the text', () => {
    const texts = (str: string) => buildSegments([item(str, 70, 780, 9)], A4).map((segment) => segment.text);
    expect(texts('1Předchozí strategie byla schválena usnesením č. 45/2016.')).toEqual(['1 Předchozí strategie byla schválena usnesením č. 45/2016.']);
    expect(texts('12Zdroj: Český statistický úřad')).toEqual(['12 Zdroj: Český statistický úřad']);
    for (const kept of ['3D tisk a CO2 v roce 2030', '2030 Vize města', '1 Úvod']) expect(texts(kept)).toEqual([kept]);
  });

  it('reads two columns one after the other, with a full-width title above them', () => {
    const items = [item('Title across both columns of the page', 70, 60, 16, 450)];
    for (let row = 0; row < 8; row++) {
      items.push(item(`left line ${row} of running text here`, 70, 100 + row * 12, 10, 200));
      items.push(item(`right line ${row} of running text here`, 300, 100 + row * 12, 10, 200));
    }
    const lines = orderPage(buildSegments(items, A4), 1);
    expect(lines.map((line) => line.text)).toEqual([
      'Title across both columns of the page',
      ...Array.from({ length: 8 }, (_, row) => `left line ${row} of running text here`),
      ...Array.from({ length: 8 }, (_, row) => `right line ${row} of running text here`),
    ]);
  });

  it('keeps the short last line of a paragraph across the page with it, above two columns', () => {
    const items = [item('A paragraph across the whole page that runs on to a second line of text', 70, 80, 10, 450), item('and ends here.', 70, 92, 10, 80)];
    for (let row = 0; row < 6; row++) {
      items.push(item(`left line ${row} of the running text`, 70, 115 + row * 12, 10, 200));
      items.push(item(`right line ${row} of the running text`, 300, 115 + row * 12, 10, 200));
    }
    const lines = orderPage(buildSegments(items, A4), 1);
    const region = (text: string) => lines.find((line) => line.text === text)?.region;
    expect(region('and ends here.')).toBe(region('A paragraph across the whole page that runs on to a second line of text'));
    expect(region('and ends here.')).not.toBe(region('left line 0 of the running text'));
  });

  it('reads two columns set closer than a segment gap column by column, but keeps bullets and figures with their rows', () => {
    // 10-point text: a gap of 14 points is under the 16 that cuts a row into segments by itself.
    const items: PdfTextItem[] = [];
    for (let row = 0; row < 6; row++) {
      items.push(item(`left line ${row} of the running text`, 70, 100 + row * 12, 10, 210));
      items.push(item(`right line ${row} of the running text`, 294, 100 + row * 12, 10, 210));
    }
    expect(orderPage(buildSegments(items, A4), 1).map((line) => line.text)).toEqual([
      ...Array.from({ length: 6 }, (_, row) => `left line ${row} of the running text`),
      ...Array.from({ length: 6 }, (_, row) => `right line ${row} of the running text`),
    ]);
    const list: PdfTextItem[] = [];
    for (let row = 0; row < 6; row++) list.push(item('•', 70, 300 + row * 12, 10, 5), item(`item ${row} of a bulleted list`, 88, 300 + row * 12, 10, 200));
    for (let row = 0; row < 6; row++) list.push(item(`Fuel ${row}`, 70, 400 + row * 12, 10, 40), item('0,267', 120, 400 + row * 12, 10, 30), item('8,846E-06', 160, 400 + row * 12, 10, 50));
    expect(orderPage(buildSegments(list, A4), 1).map((line) => line.text)).toEqual([
      ...Array.from({ length: 6 }, (_, row) => `• item ${row} of a bulleted list`),
      ...Array.from({ length: 6 }, (_, row) => `Fuel ${row} 0,267 8,846E-06`),
    ]);
  });

  it('keeps two lines of one column apart when a large heading in the other column sits between them', () => {
    // The 16-point heading's baseline is within half its size of both right-hand lines (10-point, 12.5 apart).
    const items = [item('1. Introduction', 70, 185, 16, 150), item('end of a sentence. The waste', 300, 180, 10, 200), item('is sorted in every household', 300, 192.5, 10, 200)];
    for (let row = 0; row < 8; row++) {
      items.push(item(`left line ${row} of running text here`, 70, 205 + row * 12.5, 10, 200));
      items.push(item(`right line ${row} of running text here`, 300, 205 + row * 12.5, 10, 200));
    }
    const lines = orderPage(buildSegments(items, A4), 1).map((line) => line.text);
    expect(lines.slice(9, 12)).toEqual(['end of a sentence. The waste', 'is sorted in every household', 'right line 0 of running text here']);
    expect(lines[0]).toBe('1. Introduction');
  });

  it('ends a block of two columns at a short heading standing across the page, not at one inside the left column', () => {
    const items = [item('1. Analysis', 70, 80, 16, 90)];
    const block = (top: number, name: string, rows = 6) => {
      for (let row = 0; row < rows; row++) {
        items.push(item(`${name} left ${row} running text here`, 70, top + row * 12.5, 10, 210));
        items.push(item(`${name} right ${row} running text here`, 300, top + row * 12.5, 10, 210));
      }
    };
    block(100, 'one');
    items.push(item('2. Vision', 70, 200, 16, 70)); // the right column is blank beside it
    block(220, 'two', 3);
    items.push(item('2.1 Goals', 70, 270, 16, 80)); // the right column goes on beside it
    for (let row = 0; row < 3; row++) items.push(item(`two right ${row + 3} running text here`, 300, 257.5 + row * 12.5, 10, 210));
    for (let row = 0; row < 3; row++) items.push(item(`two left ${row + 3} running text here`, 70, 290 + row * 12.5, 10, 210));
    const lines = orderPage(buildSegments(items, A4), 1).map((line) => line.text);
    const at = (text: string) => lines.indexOf(text);
    expect(at('one right 5 running text here')).toBeLessThan(at('2. Vision'));
    expect(at('2. Vision')).toBeLessThan(at('two left 0 running text here'));
    // The heading inside the left column does not cut the second block.
    expect(at('2.1 Goals')).toBeLessThan(at('two left 3 running text here'));
    expect(at('two left 5 running text here')).toBeLessThan(at('two right 0 running text here'));
  });

  it('reads a small two-column table row by row, cell continuations joined', () => {
    const items = [
      item('Strengths', 70, 100, 10, 60),
      item('Weaknesses', 300, 100, 10, 70),
      item('active volunteer fire brigade', 70, 112, 10, 150),
      item('too small waste water plant for', 300, 112, 10, 200),
      item('the whole village', 300, 124, 10, 90),
      item('close to the regional town', 70, 136, 10, 140),
      item('no cycle path to the next village', 300, 136, 10, 200),
    ];
    const lines = orderPage(buildSegments(items, A4), 1);
    expect(lines.map((line) => [line.text, line.table ?? false])).toEqual([
      ['Strengths | Weaknesses', true],
      ['active volunteer fire brigade | too small waste water plant for the whole village', true],
      ['close to the regional town | no cycle path to the next village', true],
    ]);
  });

  it('copes with a page of very many items (a map with labels) without running out of stack', () => {
    const items: PdfTextItem[] = [];
    for (let row = 0; row < 600; row++) for (let column = 0; column < 420; column++) items.push(item('x', 10 + column * 1.4, 20 + row * 1.3, 0.6, 0.2));
    const lines = orderPage(buildSegments(items, A4), 1);
    expect(lines.length).toBeGreaterThan(0);
  });

  it('removes a running header and page numbers but keeps a contents line that ends in a number', () => {
    const page = (number: number, extra: TextSegment[] = []) => ({
      page: number,
      height: 842,
      segments: [
        { x0: 200, x1: 400, y: 40, size: 8, font: 'f1', text: `Strategie města ${2020 + number}`, row: 0 },
        ...extra,
        { x0: 70, x1: 500, y: 400, size: 10, font: 'f1', text: 'Body text of the page.', row: 2 },
        { x0: 290, x1: 300, y: 800, size: 8, font: 'f1', text: `${number}`, row: 3 },
      ],
    });
    const contents: TextSegment[] = [
      { x0: 70, x1: 80, y: 90, size: 12, font: 'f1', text: '2', row: 1 },
      { x0: 100, x1: 200, y: 90, size: 12, font: 'f1', text: 'Kontext a cíle', row: 1 },
    ];
    const { pages, removed } = removeRunningLines([page(1, contents), page(2), page(3), page(4)]);
    expect(removed).toBe(8);
    expect(pages[0]?.segments.map((segment) => segment.text)).toEqual(['2', 'Kontext a cíle', 'Body text of the page.']);
  });

  it('keeps a heading set larger than the body that opens every page alike once digits are masked', () => {
    const pages = [1, 2, 3, 4].map((number) => ({
      page: number,
      height: 842,
      segments: [
        { x0: 200, x1: 400, y: 30, size: 8, font: 'f1', text: 'Karty opatření', row: 0 },
        { x0: 70, x1: 200, y: 80, size: 14, font: 'f2', text: `Opatření ${number}.1`, row: 1 },
        { x0: 70, x1: 500, y: 400, size: 10, font: 'f1', text: `Popis opatření číslo ${number} a jeho cíle.`, row: 2 },
      ],
    }));
    const { pages: cleaned } = removeRunningLines(pages);
    expect(cleaned.map((page) => page.segments.map((segment) => segment.text))).toEqual([1, 2, 3, 4].map((number) => [`Opatření ${number}.1`, `Popis opatření číslo ${number} a jeho cíle.`]));
  });

  it('removes headers that change with the chapter by their place: small type at the same height over the body', () => {
    const pages = [1, 2, 3, 4, 5, 6].map((number) => ({
      page: number,
      height: 842,
      segments: [
        { x0: 300, x1: 520, y: 40, size: 8, font: 'f1', text: `Kapitola ${Math.ceil(number / 2)} ${['Analýza', 'Vize', 'Návrh'][Math.ceil(number / 2) - 1]}`, row: 0 },
        ...Array.from({ length: 20 }, (_, row) => ({ x0: 70, x1: 520, y: 80 + row * 12, size: 10, font: 'f1', text: `Text ${number}.${row} běžného odstavce.`, row: row + 1 })),
      ],
    }));
    const { pages: cleaned } = removeRunningLines(pages);
    for (const page of cleaned) expect(page.segments.some((segment) => segment.text.startsWith('Kapitola'))).toBe(false);
    expect(cleaned[0]?.segments).toHaveLength(20);
  });

  it('keeps repeated lines that have kept text between them and the edge, or stand a line from the body', () => {
    const pages = [1, 2, 3, 4].map((number) => ({
      page: number,
      height: 842,
      segments: [
        { x0: 200, x1: 400, y: 30, size: 8, font: 'f1', text: 'Akční plán', row: 0 },
        { x0: 70, x1: 300, y: 70, size: 10, font: 'f2', text: `Karta ${String.fromCharCode(64 + number)}`, row: 1 },
        { x0: 70, x1: 300, y: 82, size: 10, font: 'f1', text: 'Gestor: Odbor životního prostředí', row: 2 },
        { x0: 70, x1: 500, y: 400, size: 10, font: 'f1', text: `Popis opatření ${number}.`, row: 3 },
        { x0: 70, x1: 500, y: 412, size: 10, font: 'f1', text: 'Další text popisu opatření.', row: 4 },
        { x0: 70, x1: 300, y: 785, size: 10, font: 'f1', text: 'hlášení závad ve veřejném prostoru.', row: 5 },
        { x0: 280, x1: 320, y: 800, size: 8, font: 'f1', text: `Strana ${number}`, row: 6 },
      ],
    }));
    // The body's usual step is 12 points: the footer stands 15 below the last line, which stands 12 below the text above it.
    for (const page of pages) page.segments.splice(5, 0, ...Array.from({ length: 30 }, (_, row) => ({ x0: 70, x1: 500, y: 425 + row * 12, size: 10, font: 'f1', text: `Řádek ${row} textu.`, row: 10 + row })));
    const { pages: cleaned } = removeRunningLines(pages);
    for (const page of cleaned) {
      const texts = page.segments.map((segment) => segment.text);
      expect(texts).toContain('Gestor: Odbor životního prostředí');
      expect(texts).toContain('hlášení závad ve veřejném prostoru.');
      expect(texts).not.toContain('Akční plán');
      expect(texts.some((text) => text.startsWith('Strana'))).toBe(false);
    }
  });

  it('keeps a sentence that opens both pages of a short document, but removes its short running header', () => {
    const sentence = 'Město Horní Lhota usiluje o snížení emisí skleníkových plynů o 40 % do roku 2030 oproti roku 2010.';
    const pages = [1, 2].map((number) => ({
      page: number,
      height: 842,
      segments: [
        { x0: 200, x1: 400, y: 30, size: 8, font: 'f1', text: 'Strategie města Horní Lhota', row: 0 },
        { x0: 70, x1: 520, y: 80, size: 10, font: 'f1', text: sentence, row: 1 },
        { x0: 70, x1: 500, y: 400, size: 10, font: 'f1', text: `Text strany ${number}.`, row: 2 },
      ],
    }));
    const { pages: cleaned } = removeRunningLines(pages);
    expect(cleaned.map((page) => page.segments.map((segment) => segment.text))).toEqual([1, 2].map((number) => [sentence, `Text strany ${number}.`]));
  });

  it('keeps a long body line that opens a few pages alike, but removes a short one and one on every page', () => {
    const measure = (number: number) => `Opatření ${number}.1: Město podpoří veřejnou dopravu, cyklostezky a zeleň ve všech čtvrtích.`;
    const pages = Array.from({ length: 20 }, (_, index) => ({
      page: index + 1,
      height: 842,
      segments: [
        { x0: 200, x1: 400, y: 30, size: 8, font: 'f1', text: `Integrovaná strategie rozvoje území statutárního města ${index + 1} – návrhová část`, row: 0 },
        ...(index < 4 ? [{ x0: 70, x1: 400, y: 45, size: 8, font: 'f1', text: `Kapitola ${index}`, row: 1 }] : []),
        { x0: 70, x1: 520, y: 70, size: 10, font: 'f1', text: index % 5 === 0 ? measure(index) : `Oddíl ${String.fromCharCode(65 + index)} pokračuje.`, row: 2 },
        { x0: 70, x1: 500, y: 400, size: 10, font: 'f1', text: 'Body text of the page.', row: 3 },
      ],
    }));
    const cleaned = removeRunningLines(pages).pages;
    // The 85-character header is on every page; "Kapitola #" is short; the measures open 4 of 20 pages and stay.
    expect(cleaned[0]?.segments.map((segment) => segment.text)).toEqual([measure(0), 'Body text of the page.']);
    expect(cleaned[5]?.segments.map((segment) => segment.text)).toEqual([measure(5), 'Body text of the page.']);
    expect(cleaned[1]?.segments.map((segment) => segment.text)).toEqual(['Oddíl B pokračuje.', 'Body text of the page.']);
  });
});
