import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { classifyParagraph, readOutlineLevels } from '../../src/read/docx-styles.js';
import { readDocx } from '../../src/read/docx.js';
import { ReadError } from '../../src/read/errors.js';
import { readDocumentBytes } from '../../src/read/index.js';
import { fixture } from '../helpers.js';

const docx = (name: string) => readFileSync(fixture('docx', name));

describe('readDocx', () => {
  it('makes sections from localised heading styles, outline levels and the title, with paragraph numbers', async () => {
    const { sections } = await readDocx(docx('cs-strategie.docx'));
    expect(sections.map((section) => [section.heading, section.level, section.location.paragraph])).toEqual([
      ['Strategie rozvoje obce Dolní Ves 2024–2030', 1, 1],
      ['Úvod', 1, 4],
      ['Vazba na nadřazené strategie', 2, 6],
      ['Strategická část', 1, 8],
      ['Strategické cíle', 3, 9],
      ['Příloha: Akční plán', 1, 18],
    ]);
    expect(sections[4]?.path).toEqual(['Strategická část', 'Strategické cíle']);
  });

  it('keeps lists, tables, footnotes and endnotes, marks contents entries, and leaves comments out', async () => {
    const { sections } = await readDocx(docx('cs-strategie.docx'));
    const blocks = sections.flatMap((section) => section.blocks);
    expect(blocks.map((block) => [block.role, block.text, block.location.paragraph])).toEqual([
      ['toc', '1 Úvod 2', 2],
      ['toc', '2 Strategická část 3', 3],
      ['body', 'Strategie rozvoje obce Dolní Ves vznikla ve spolupráci s občany a místními spolky.', 5],
      ['note', 'Dotazníkové šetření proběhlo v lednu 2024, odpovědělo 312 domácností.', 5],
      ['body', 'Dokument navazuje na Koncepci Smart Cities a na Cíle udržitelného rozvoje OSN.', 7],
      ['note', 'Koncepce Smart Cities – Odolnost prostřednictvím SMART řešení, MMR 2021.', 7],
      ['list', 'Snížit spotřebu energie ve veřejných budovách o 30 % do roku 2030.', 10],
      ['list', 'Vybudovat cyklostezku do Horní Vsi.', 11],
      ['table', 'Indikátor | Výchozí hodnota | Cílová hodnota', 12],
      ['table', 'Spotřeba energie (MWh) | 420 | 294', 15],
      ['body', 'Akční plán na roky 2024–2025 obsahuje projekty, odpovědné osoby a rozpočet.', 19],
    ]);
    expect(JSON.stringify(sections)).not.toContain('TAJNÁ POZNÁMKA');
  });

  it('reads Polish (Nagłówek) and Hungarian (Címsor) heading styles', async () => {
    const polish = await readDocx(docx('pl-strategia.docx'));
    expect(polish.sections.map((section) => [section.heading, section.level])).toEqual([
      ['Diagnoza sytuacji gminy', 1],
      ['Transport publiczny', 2],
      ['Cele strategiczne', 1],
    ]);
    const hungarian = await readDocx(docx('hu-strategia.docx'));
    expect(hungarian.sections.map((section) => section.path)).toEqual([['Helyzetelemzés'], ['Helyzetelemzés', 'Környezeti állapot'], ['Jövőkép']]);
  });

  it('reads what LibreOffice writes: headings, its contents heading, soft hyphens removed', async () => {
    const { sections } = await readDocx(docx('cs-strategie-libreoffice.docx'));
    expect(sections.map((section) => section.heading).slice(0, 4)).toEqual(['Strategie rozvoje obce Dolní Ves 2024–2030', 'Obsah', '1 Úvod', '1.1 Účel dokumentu']);
    const implementation = sections.find((section) => section.heading === '4 Implementace a monitoring');
    expect(implementation?.blocks[0]?.text).toMatch(/^Za naplňování strategie odpovídá starosta obce ve spolupráci/);
  });

  it('says NOT_DOCX for a zip without a Word document, whatever its name', async () => {
    const error = await readDocumentBytes(readFileSync(fixture('bad', 'not-word.docx')), 'not-word.docx').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ReadError);
    expect(error).toMatchObject({ code: 'NOT_DOCX', message: 'a zip archive with no Word document in it (no word/document.xml; 1 other files)' });
  });
});

describe('docx styles', () => {
  it('knows heading styles by name or id in several languages', () => {
    const none = new Map<string, number>();
    expect(classifyParagraph('Nadpis2', 'heading 2', none)).toEqual({ kind: 'heading', level: 2 });
    expect(classifyParagraph('Nagwek1', 'Nagłówek 1', none)).toEqual({ kind: 'heading', level: 1 });
    expect(classifyParagraph('Cmsor3', 'Címsor 3', none)).toEqual({ kind: 'heading', level: 3 });
    expect(classifyParagraph('Obsah1', 'toc 1', none)).toEqual({ kind: 'toc' });
    expect(classifyParagraph('Normal', 'Normal', none)).toEqual({ kind: 'body' });
  });

  it('inherits outline levels through basedOn and ignores the body-text level', () => {
    const levels = readOutlineLevels(
      '<w:styles><w:style w:type="paragraph" w:styleId="A"><w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style>' +
        '<w:style w:type="paragraph" w:styleId="B"><w:basedOn w:val="A"/></w:style>' +
        '<w:style w:type="paragraph" w:styleId="C"><w:pPr><w:outlineLvl w:val="9"/></w:pPr></w:style></w:styles>',
    );
    expect([...levels]).toEqual([
      ['A', 2],
      ['B', 2],
    ]);
  });
});
