// Headings told by font: pdf.js names fonts in the order one reader meets them, and a long PDF's
// pages may be read by two threads that name the same fonts differently (pdf-pages.ts). Headings must
// come out the same however the names fall, page by page.
import { describe, expect, it } from 'vitest';
import type { PdfLine } from '../../src/read/pdf-columns.js';
import { detectHeadings, measureBodyStyle } from '../../src/read/pdf-headings.js';
import { findTableOfContents } from '../../src/read/pdf-toc.js';

const BODY = 'Město podporuje veřejnou dopravu, cyklistiku a zeleň ve všech čtvrtích a obcích regionu.';

/** Two pages, each with a numbered heading in a bold font and body text; `names[page]` names the two fonts. */
function pages(names: Record<number, { body: string; bold: string }>): PdfLine[] {
  const lines: PdfLine[] = [];
  for (const page of [1, 2]) {
    const { body, bold } = names[page]!;
    const line = (y: number, text: string, font: string): PdfLine => ({ page, x0: 70, x1: 520, y, size: 10, font, cells: [text], text, region: 0, regionLeft: 70, regionRight: 520 });
    lines.push(line(80, `${page}. Kapitola ${page === 1 ? 'Doprava' : 'Zeleň'}`, bold));
    for (let row = 0; row < 12; row++) lines.push(line(110 + row * 12, BODY, body));
    lines.push(line(290, `${page}.1 Opatření`, bold));
    for (let row = 0; row < 6; row++) lines.push(line(320 + row * 12, BODY, body));
  }
  return lines;
}

function headings(lines: PdfLine[]): string[] {
  const toc = findTableOfContents(lines);
  return detectHeadings(lines, toc, measureBodyStyle(lines, toc.lines)).map((heading) => `${heading.level} ${heading.text}`);
}

describe('PDF headings by font', () => {
  it('finds the same headings whether a page\'s fonts are named as on the other pages or the other way round', () => {
    const sameNames = headings(pages({ 1: { body: 'g_d0_f1', bold: 'g_d0_f2' }, 2: { body: 'g_d0_f1', bold: 'g_d0_f2' } }));
    expect(sameNames).toEqual(['1 1. Kapitola Doprava', '2 1.1 Opatření', '1 2. Kapitola Zeleň', '2 2.1 Opatření']);
    // Page 2 read by another thread, which met the bold font first.
    expect(headings(pages({ 1: { body: 'g_d0_f1', bold: 'g_d0_f2' }, 2: { body: 'g_d0_f2', bold: 'g_d0_f1' } }))).toEqual(sameNames);
    expect(headings(pages({ 1: { body: 'g_d0_f1', bold: 'g_d0_f2' }, 2: { body: 'g_d0_f3', bold: 'g_d0_f4' } }))).toEqual(sameNames);
  });
});

describe('PDF headings by size', () => {
  it('does not take a sentence set a little larger than the body for a heading, but keeps a title so set', () => {
    const lines: PdfLine[] = [];
    const line = (y: number, text: string, size: number): PdfLine => ({ page: 1, x0: 70, x1: 520, y, size, font: 'g_d0_f1', cells: [text], text, region: 0, regionLeft: 70, regionRight: 520 });
    lines.push(line(60, 'Karta opatření A.1', 11));
    lines.push(line(90, 'Opatření A.1 přispívá k naplnění strategického cíle A a bylo', 11));
    lines.push(line(103, 'projednáno s veřejností.', 11));
    for (let row = 0; row < 20; row++) lines.push(line(130 + row * 12, `Položka ${row} | popis opatření, odpovědný odbor a termín realizace v letech 2024 až 2026`, 10));
    const toc = findTableOfContents(lines);
    expect(detectHeadings(lines, toc, measureBodyStyle(lines, toc.lines)).map((heading) => heading.text)).toEqual(['Karta opatření A.1']);
  });
});

describe('PDF titles told by font alone, contents entries that wrap', () => {
  const line = (y: number, text: string, font = 'g_d0_f1', page = 1): PdfLine => ({ page, x0: 70, x1: 520, y, size: 10, font, cells: [text], text, region: 0, regionLeft: 70, regionRight: 520 });

  it('takes a short unnumbered line in a distinct font over body text for a title, but not a caption or a bold sentence', () => {
    const lines = [line(80, '1. Analýza', 'g_d0_f2')];
    for (let row = 0; row < 8; row++) lines.push(line(100 + row * 12, BODY));
    lines.push(line(210, 'Východiska pro návrhovou část', 'g_d0_f2'));
    for (let row = 0; row < 4; row++) lines.push(line(225 + row * 12, BODY));
    lines.push(line(290, 'Obrázek 3 Vývoj počtu obyvatel', 'g_d0_f3'));
    for (let row = 0; row < 4; row++) lines.push(line(305 + row * 12, BODY));
    lines.push(line(370, 'Město podpoří veřejnou dopravu.', 'g_d0_f2'));
    for (let row = 0; row < 4; row++) lines.push(line(385 + row * 12, BODY));
    expect(headings(lines).map((heading) => heading.replace(/^\d /, ''))).toEqual(['1. Analýza', 'Východiska pro návrhovou část']);
  });

  it('takes a lettered line in a distinct font over its text for a title ("a) Kvalita ovzduší"), not a lettered item in body font', () => {
    const lines = [line(80, '1. Analýza', 'g_d0_f2')];
    for (let row = 0; row < 8; row++) lines.push(line(100 + row * 12, BODY));
    lines.push(line(210, 'a) Kvalita ovzduší', 'g_d0_f2'));
    for (let row = 0; row < 4; row++) lines.push(line(225 + row * 12, BODY));
    lines.push(line(290, 'b) Odpady a recyklace'));
    for (let row = 0; row < 4; row++) lines.push(line(305 + row * 12, BODY));
    expect(headings(lines).map((heading) => heading.replace(/^\d /, ''))).toEqual(['1. Analýza', 'a) Kvalita ovzduší']);
  });

  it('nests a title page\'s subtitle, set smaller right below the title, under it', () => {
    const sized = (y: number, text: string, size: number): PdfLine => ({ ...line(y, text), size });
    const lines = [sized(80, 'Strategie rozvoje města Horní Lhota', 24), sized(120, 'Analytická a návrhová část', 16), sized(200, '1. Úvod', 16)];
    for (let row = 0; row < 10; row++) lines.push(line(230 + row * 12, BODY));
    lines.push(sized(380, '2. Analýza', 16));
    for (let row = 0; row < 10; row++) lines.push(line(410 + row * 12, BODY));
    expect(headings(lines)).toEqual(['1 Strategie rozvoje města Horní Lhota', '2 Analytická a návrhová část', '1 1. Úvod', '1 2. Analýza']);
  });

  it('reads a contents entry whose title wraps onto a line of dot leaders and the page', () => {
    const lines = [
      line(60, 'Obsah'),
      line(80, '1. Úvod ........................................ 2'),
      line(92, '2. Analýza výchozího stavu ............................ 2'),
      line(104, '2.1 Doprava a technická infrastruktura města a jeho místních částí včetně napojení na dálniční síť'),
      line(116, '.................................................. 3'),
      line(128, '3. Strategická vize ................................... 3'),
    ];
    const toc = findTableOfContents(lines);
    expect(toc.entries.map((entry) => [entry.title, entry.page])).toEqual([
      ['1. Úvod', 2],
      ['2. Analýza výchozího stavu', 2],
      ['2.1 Doprava a technická infrastruktura města a jeho místních částí včetně napojení na dálniční síť', 3],
      ['3. Strategická vize', 3],
    ]);
    expect([...toc.lines].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5]);
  });
});
