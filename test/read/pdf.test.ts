import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Section } from '../../src/document/types.js';
import { ReadError } from '../../src/read/errors.js';
import { readDocumentBytes } from '../../src/read/index.js';
import { readPdf } from '../../src/read/pdf.js';
import { fixture } from '../helpers.js';

const pdf = (name: string) => readFileSync(fixture('pdf', name));
const bad = (name: string) => readFileSync(fixture('bad', name));
const allText = (sections: Section[]) => sections.flatMap((section) => [section.heading, ...section.blocks.map((block) => block.text)]).join('\n');
const find = (sections: Section[], heading: string) => sections.find((section) => section.heading === heading);

async function readError(promise: Promise<unknown>): Promise<ReadError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ReadError);
  return error as ReadError;
}

describe('readPdf on a Czech strategy with an outline, contents and running headers', () => {
  it('takes chapters from the outline, each on the page it starts', async () => {
    const document = await readPdf(pdf('cs-strategie.pdf'));
    expect(document.pageCount).toBe(5);
    expect(document.metadata.outline).toBe(true);
    const chapters = document.sections.filter((section) => /^\d/.test(section.heading)).map((section) => [section.heading, section.level, section.location.page]);
    expect(chapters).toEqual([
      ['1 Úvod', 1, 2],
      ['1.1 Účel dokumentu', 2, 2],
      ['1.2 Vazba na nadřazené strategie', 2, 2],
      ['2 Analytická část', 1, 3],
      ['2.1 Profil obce', 2, 3],
      ['2.2 SWOT analýza', 2, 3],
      ['3 Strategická část', 1, 4],
      ['3.1 Vize', 2, 4],
      ['3.2 Strategické cíle', 2, 4],
      ['4 Implementace a monitoring', 1, 5],
    ]);
    expect(find(document.sections, '3.1 Vize')?.path).toEqual(['3 Strategická část', '3.1 Vize']);
    expect(find(document.sections, '3.1 Vize')?.blocks[0]).toMatchObject({ location: { page: 4 }, role: 'body' });
  });

  it('keeps the title page, and marks the table of contents so that it is never evidence', async () => {
    const document = await readPdf(pdf('cs-strategie.pdf'));
    expect(document.sections[0]?.heading).toBe('Strategie rozvoje obce Dolní Ves 2024–2030');
    const contents = find(document.sections, 'Obsah');
    expect(contents?.blocks).toHaveLength(10);
    expect(contents?.blocks.every((block) => block.role === 'toc')).toBe(true);
    expect(contents?.blocks[0]?.text).toMatch(/^1 Úvod\.+2$/);
  });

  it('drops running headers and page numbers, rejoins hyphenated words, keeps table rows', async () => {
    const document = await readPdf(pdf('cs-strategie.pdf'));
    const text = allText(document.sections.slice(1));
    expect(text).not.toMatch(/Strana \d/);
    expect(text.match(/Strategie rozvoje obce Dolní Ves 2024–2030/g)).toBeNull();
    const implementation = find(document.sections, '4 Implementace a monitoring');
    expect(implementation?.blocks[0]?.text).toBe(
      'Za naplňování strategie odpovídá starosta obce ve spolupráci s komisí pro rozvoj. Plnění opatření se vyhodnocuje jednou ročně ve zprávě o realizaci, kterou projednává zastupitelstvo. Indikátory mají výchozí hodnotu, cílovou hodnotu a termín splnění.',
    );
    expect(find(document.sections, '2.2 SWOT analýza')?.blocks.map((block) => [block.text, block.role])).toEqual([
      ['Silné stránky | Slabé stránky', 'table'],
      ['aktivní spolky a dobrovolní hasiči | nedostatečná kapacita čistírny odpadních vod', 'table'],
      ['blízkost krajského města | chybějící cyklostezka do Horní Vsi', 'table'],
    ]);
    expect(find(document.sections, '3.2 Strategické cíle')?.blocks.map((block) => block.role)).toEqual(['list', 'list', 'list']);
  });
});

describe('readPdf without an outline', () => {
  it('reads two columns column by column and finds headings from font size and numbering', async () => {
    const document = await readPdf(pdf('hu-strategia-ket-hasab.pdf'));
    expect(document.metadata.outline).toBe(false);
    expect(document.sections.map((section) => [section.heading, section.level, section.location.page])).toEqual([
      ['Kisvárad Város Fenntartható Fejlődési Stratégiája 2024–2030', 1, 1],
      ['1. fejezet: Bevezetés', 1, 1],
      ['1.1. A stratégia felépítése', 2, 1],
      ['2. fejezet: Helyzetelemzés', 1, 1],
      ['2.1. Környezeti állapot', 2, 1],
      ['3. fejezet: Jövőkép és célok', 1, 1],
      ['3.1. Megvalósítás és nyomon követés', 2, 1],
      ['4. fejezet: Intézkedések', 1, 2],
      ['4.1. Zöld és kék infrastruktúra', 2, 2],
      ['5. fejezet: Finanszírozás és monitoring', 1, 2],
      ['6. fejezet: Partnerség és együttműködés', 1, 2],
    ]);
    const environment = find(document.sections, '2.1. Környezeti állapot');
    expect(environment?.blocks[0]?.text).toBe(
      'A levegőminőséget télen a lakossági fűtés, nyáron a forgalom rontja. A vízellátás biztonságos, a szennyvíztisztító telep kapacitása elegendő. Az éghajlatváltozás hatásai már érzékelhetők: gyakoribbak a hőhullámok és a hirtelen lezúduló, nagy mennyiségű csapadék, amely a belvárosban elöntéseket okoz.',
    );
    // A paragraph that runs from the foot of one page's column to the top of the next page.
    const implementation = find(document.sections, '3.1. Megvalósítás és nyomon követés');
    expect(implementation?.blocks[0]).toMatchObject({ location: { page: 1, pageEnd: 2 } });
    expect(implementation?.blocks[0]?.text).toMatch(/A lakosság évente fórumon véleményezheti az előrehaladást\.$/);
    const text = allText(document.sections);
    expect(text).not.toContain('– 1 –');
    expect(text.match(/Fenntartható Fejlődési Stratégiája/g)).toHaveLength(1);
    expect(text).toContain('Önkormányzatának Képviselő-testülete');
  });

  it('finds Kapitola, Článek and Čl. headings of a Czech regulation set in bold body type', async () => {
    const document = await readPdf(pdf('cs-vyhlaska.pdf'));
    expect(document.sections.slice(1).map((section) => [section.heading, section.level])).toEqual([
      ['Kapitola I – Obecná ustanovení', 1],
      ['Článek 1 Předmět úpravy', 2],
      ['Čl. II. Třídění odpadu', 2],
      ['Kapitola II – Závěrečná ustanovení', 1],
      ['Článek 3 Účinnost', 2],
    ]);
    expect(find(document.sections, 'Čl. II. Třídění odpadu')?.path).toEqual(['Kapitola I – Obecná ustanovení', 'Čl. II. Třídění odpadu']);
  });

  it('finds Rozdział headings of a Polish resolution', async () => {
    const document = await readPdf(pdf('pl-uchwala.pdf'));
    expect(document.sections.map((section) => section.heading).filter((heading) => heading.startsWith('Rozdział'))).toEqual([
      'Rozdział 1. Postanowienia ogólne',
      'Rozdział 2. Cele strategiczne',
      'Rozdział 3. Wdrażanie i monitorowanie',
    ]);
  });
});

describe('readPdf on files it cannot fully read', () => {
  it('names a scanned page without text and says OCR is needed, and reads the rest', async () => {
    const document = await readPdf(pdf('scan-mixed.pdf'));
    expect(document.warnings).toEqual(['page 2 has no text layer (scanned image): OCR is needed to read it']);
    expect(allText(document.sections)).toContain('prezenční listinu');
  });

  it('refuses a fully scanned PDF with NO_TEXT naming the pages', async () => {
    const error = await readError(readPdf(pdf('scan-only.pdf')));
    expect(error.code).toBe('NO_TEXT');
    expect(error.message).toBe('no text layer: pages 1–2 scanned images only; OCR is needed before s4s can read this PDF');
  });

  it('calls a PDF of blank pages empty', async () => {
    const error = await readError(readPdf(pdf('blank.pdf')));
    expect(error.code).toBe('EMPTY');
  });

  it('asks for the password of an encrypted PDF, says when it is wrong, and reads it with the right one', async () => {
    const missing = await readError(readPdf(pdf('encrypted.pdf')));
    expect([missing.code, missing.message]).toEqual(['ENCRYPTED', 'encrypted PDF: a password is needed to open it (give it with --password)']);
    const wrong = await readError(readPdf(pdf('encrypted.pdf'), { password: 'guess' }));
    expect([wrong.code, wrong.message]).toEqual(['ENCRYPTED', 'encrypted PDF: the password given is wrong']);
    const document = await readPdf(pdf('encrypted.pdf'), { password: 'heslo-s4s' });
    expect(allText(document.sections)).toContain('Akční plán na rok 2025');
  });

  it('recovers a PDF with a broken cross-reference table and reports a hopeless one as DAMAGED', async () => {
    const recovered = await readPdf(bad('broken-xref.pdf'));
    expect(recovered.sections.map((section) => section.heading)).toContain('Článek 3 Účinnost');
    for (const name of ['truncated.pdf', 'garbage.pdf']) {
      const error = await readError(readPdf(bad(name)));
      expect(error.code).toBe('DAMAGED');
      expect(error.message).not.toContain('\n');
    }
  });
});

describe('reading PDFs through readDocumentBytes', () => {
  it('reads a PDF named .docx as a PDF and detects the language of the document and its sections', async () => {
    const document = await readDocumentBytes(bad('pdf-named.docx'), 'pdf-named.docx');
    expect(document.format).toBe('pdf');
    expect(document.language).toBe('pl');
    const hungarian = await readDocumentBytes(pdf('hu-strategia-ket-hasab.pdf'), 'hu.pdf');
    expect(hungarian.language).toBe('hu');
    const czech = await readDocumentBytes(pdf('cs-strategie.pdf'), 'cs.pdf');
    expect(czech.language).toBe('cs');
    expect(czech.sections.find((section) => section.heading === 'Obsah')?.role).toBe('toc');
  });

  it('passes the password option through', async () => {
    const document = await readDocumentBytes(pdf('encrypted.pdf'), 'encrypted.pdf', { password: 'heslo-s4s' });
    expect(document.pageCount).toBe(1);
  });
});
