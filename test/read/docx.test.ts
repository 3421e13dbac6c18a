import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { classifyParagraph, readOutlineLevels } from '../../src/read/docx-styles.js';
import { readDocx } from '../../src/read/docx.js';
import { ReadError } from '../../src/read/errors.js';
import { readDocumentBytes } from '../../src/read/index.js';
import { fixture } from '../helpers.js';
import { writeZip } from '../robustness/zip-writer.js';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const RELATIONSHIPS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** A DOCX made in memory from its body XML, with footnotes when given (ids from 1) and more parts. */
function wordDocument(body: string, footnotes: string[] = [], parts: { name: string; data: string }[] = []): Buffer {
  const notes = footnotes.map((text, index) => `<w:footnote w:id="${index + 1}"><w:p><w:r><w:t>${text}</w:t></w:r></w:p></w:footnote>`).join('');
  return writeZip([
    { name: '_rels/.rels', data: `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${RELATIONSHIPS}/officeDocument" Target="word/document.xml"/></Relationships>` },
    {
      name: 'word/_rels/document.xml.rels',
      data: `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdF" Type="${RELATIONSHIPS}/footnotes" Target="footnotes.xml"/></Relationships>`,
    },
    { name: 'word/document.xml', data: `<w:document ${W}><w:body>${body}</w:body></w:document>` },
    { name: 'word/footnotes.xml', data: `<w:footnotes ${W}>${notes}</w:footnotes>` },
    ...parts,
  ]);
}
const p = (runs: string, properties = '') => `<w:p>${properties ? `<w:pPr>${properties}</w:pPr>` : ''}${runs}</w:p>`;
const r = (text: string, properties = '') => `<w:r>${properties ? `<w:rPr>${properties}</w:rPr>` : ''}<w:t xml:space="preserve">${text}</w:t></w:r>`;
const blocksOf = async (bytes: Buffer) => (await readDocx(bytes)).sections.flatMap((section) => section.blocks.map((block) => [block.role, block.text, block.location.paragraph]));

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

  it('leaves out text hidden by its character style, unless the run shows it itself', async () => {
    const styles =
      `<w:styles ${W}>` +
      '<w:style w:type="character" w:styleId="Pokyn"><w:name w:val="Pokyn"/><w:rPr><w:vanish/><w:color w:val="808080"/></w:rPr></w:style>' +
      '<w:style w:type="character" w:styleId="PokynModry"><w:name w:val="Pokyn modrý"/><w:basedOn w:val="Pokyn"/><w:rPr><w:color w:val="0000FF"/></w:rPr></w:style>' +
      '</w:styles>';
    const body =
      p(r('Vize města: ') + r('Zde popište vizi, např. uhlíkovou neutralitu.', '<w:rStyle w:val="Pokyn"/>') + r('Zelené město.')) +
      p(r('Pokyn odvozený stylem.', '<w:rStyle w:val="PokynModry"/>') + r('Viditelný text.')) +
      p(r('Ukázaný pokyn.', '<w:rStyle w:val="Pokyn"/><w:vanish w:val="0"/>'));
    expect(await blocksOf(wordDocument(body, [], [{ name: 'word/styles.xml', data: styles }]))).toEqual([
      ['body', 'Vize města: Zelené město.', 1],
      ['body', 'Viditelný text.', 2],
      ['body', 'Ukázaný pokyn.', 3],
    ]);
  });

  it('leaves out hidden text and content controls showing their placeholder, keeping paragraph numbers', async () => {
    const bytes = wordDocument(
      p(r('Viditelná věta. ') + r('SKRYTÝ pokyn šablony.', '<w:vanish/>')) +
        p(r('SKRYTÝ odstavec.', '<w:vanish/>'), '<w:rPr><w:vanish/></w:rPr>') +
        '<w:sdt><w:sdtPr><w:showingPlcHdr/></w:sdtPr><w:sdtContent>' + p(r('Klikněte sem a popište vizi.')) + '</w:sdtContent></w:sdt>' +
        '<w:sdt><w:sdtPr/><w:sdtContent>' + p(r('Vyplněný obsahový prvek.')) + '</w:sdtContent></w:sdt>' +
        p(r('Zrušené skrytí.', '<w:vanish w:val="0"/>')),
    );
    expect(await blocksOf(bytes)).toEqual([
      ['body', 'Viditelná věta.', 1],
      ['body', 'Vyplněný obsahový prvek.', 4],
      ['body', 'Zrušené skrytí.', 5],
    ]);
  });

  it('keeps the result text of simple fields (cross-references, captions), which mammoth drops', async () => {
    const bytes = wordDocument(
      p(r('viz ') + '<w:fldSimple w:instr=" REF _Ref1 \\h "><w:r><w:t>kapitola 3</w:t></w:r></w:fldSimple>' + r('.')) +
        p('<w:fldSimple w:instr=" SEQ Tabulka \\* ARABIC "><w:r><w:t>Tabulka 1</w:t></w:r></w:fldSimple>' + r(': Indikátory')) +
        p(r('Bez výsledku') + '<w:fldSimple w:instr=" PAGE "/>' + r('.')),
    );
    expect(await blocksOf(bytes)).toEqual([
      ['body', 'viz kapitola 3.', 1],
      ['body', 'Tabulka 1: Indikátory', 2],
      ['body', 'Bez výsledku.', 3],
    ]);
  });

  it("makes a paragraph with its own outline level a heading of that level, whatever its style", async () => {
    const bytes = wordDocument(
      p(r('Kapitola s úrovní osnovy'), '<w:pStyle w:val="Vlastni"/><w:outlineLvl w:val="0"/>') +
        p(r('Text kapitoly.')) +
        p(r('Podkapitola bez stylu'), '<w:outlineLvl w:val="1"/>') +
        p(r('Úroveň základního textu'), '<w:outlineLvl w:val="9"/>'),
    );
    const { sections } = await readDocx(bytes);
    expect(sections.map((section) => [section.heading, section.level, section.blocks.map((block) => block.text)])).toEqual([
      ['Kapitola s úrovní osnovy', 1, ['Text kapitoly.']],
      ['Podkapitola bez stylu', 2, ['Úroveň základního textu']],
    ]);
  });

  it('keeps footnotes referenced in table cells as notes after the row', async () => {
    const cell = (runs: string) => `<w:tc>${p(runs)}</w:tc>`;
    const bytes = wordDocument(
      `<w:tbl><w:tr>${cell(r('Opatření'))}${cell(r('Rozpočet'))}</w:tr>` +
        `<w:tr>${cell(r('Zateplení škol') + '<w:r><w:footnoteReference w:id="1"/></w:r>')}${cell(r('12 mil. Kč'))}</w:tr></w:tbl>`,
      ['Financováno z Modernizačního fondu.'],
    );
    expect(await blocksOf(bytes)).toEqual([
      ['table', 'Opatření | Rozpočet', 1],
      ['table', 'Zateplení škol | 12 mil. Kč', 3],
      ['note', 'Financováno z Modernizačního fondu.', 3],
    ]);
  });

  it('takes short bold numbered lines for headings only when the document has no heading styles', async () => {
    const bold = (text: string) => p(r(text, '<w:b/>'));
    const body = bold('1. Úvod') + p(r('Strategie navazuje na program rozvoje obce.')) + bold('2.1 Doprava') + p(r('2. Obcí prochází silnice II. třídy.')) + bold('3. Cíle jsou tři a jsou popsány níže.');
    const plain = await readDocx(wordDocument(body));
    expect(plain.sections.map((section) => [section.heading, section.level, section.blocks.map((block) => block.text)])).toEqual([
      ['1. Úvod', 1, ['Strategie navazuje na program rozvoje obce.']],
      ['2.1 Doprava', 2, ['2. Obcí prochází silnice II. třídy.', '3. Cíle jsou tři a jsou popsány níže.']],
    ]);
    const styled = await readDocx(wordDocument(p(r('Vize'), '<w:pStyle w:val="Heading1"/>') + body));
    expect(styled.sections.map((section) => section.heading)).toEqual(['Vize']);
  });

  it('takes a larger-type line for a title and a bold unnumbered line for a part of the last chapter, without heading styles', async () => {
    const text = (words: string, size = 22) => r(words, `<w:sz w:val="${size}"/>`);
    const body =
      p(text('Strategie rozvoje obce Lhota', 36)) +
      p(text('Strategie navazuje na program rozvoje obce a na koncepci kraje.')) +
      p(r('1. Cíle', '<w:b/><w:sz w:val="22"/>')) +
      p(r('Cíl 1: Udržitelná mobilita', '<w:b/><w:sz w:val="22"/>')) +
      p(text('Obec vybuduje cyklostezku k nádraží.')) +
      p(r('Tabulka 1 Indikátory', '<w:b/><w:sz w:val="22"/>')) +
      p(text('Délka cyklostezek v km.'));
    const { sections } = await readDocx(wordDocument(body));
    expect(sections.map((section) => [section.heading, section.level])).toEqual([
      ['Strategie rozvoje obce Lhota', 1],
      ['1. Cíle', 1],
      ['Cíl 1: Udržitelná mobilita', 2],
    ]);
    expect(sections[2]?.blocks.map((block) => block.text)).toEqual(['Obec vybuduje cyklostezku k nádraží.', 'Tabulka 1 Indikátory', 'Délka cyklostezek v km.']);
  });

  it('says NOT_DOCX for a zip without a Word document, whatever its name', async () => {
    const error = await readDocumentBytes(readFileSync(fixture('bad', 'not-word.docx')), 'not-word.docx').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ReadError);
    expect(error).toMatchObject({ code: 'NOT_DOCX', message: 'a zip archive with no Word document in it (no word/document.xml; 1 other files)' });
  });
});

describe('numbered headings', () => {
  const level = (ilvl: number, format: string, text: string, start = 1) =>
    `<w:lvl w:ilvl="${ilvl}"><w:start w:val="${start}"/><w:numFmt w:val="${format}"/><w:lvlText w:val="${text}"/></w:lvl>`;
  const numbering =
    `<w:numbering ${W}>` +
    `<w:abstractNum w:abstractNumId="10">${level(0, 'decimal', '%1.')}${level(1, 'decimal', '%1.%2')}</w:abstractNum>` +
    `<w:abstractNum w:abstractNumId="20">${level(0, 'bullet', '•')}</w:abstractNum>` +
    `<w:abstractNum w:abstractNumId="30">${level(0, 'upperRoman', '%1.')}</w:abstractNum>` +
    '<w:num w:numId="1"><w:abstractNumId w:val="10"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="20"/></w:num><w:num w:numId="3"><w:abstractNumId w:val="30"/></w:num>' +
    '</w:numbering>';
  // Heading 1 and 2 are numbered through their styles, as Word's multilevel heading lists are.
  const styles =
    `<w:styles ${W}>` +
    '<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>' +
    '<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Heading1"/><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr></w:pPr></w:style>' +
    '</w:styles>';
  const numbered = (id: string, ilvl = 0) => `<w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${id}"/></w:numPr>`;

  it('puts the number Word shows before a numbered heading, and none before list items', async () => {
    const body = [
      p(r('Úvod'), '<w:pStyle w:val="Heading1"/>'),
      p(r('Analytická část'), '<w:pStyle w:val="Heading1"/>'),
      p(r('Obyvatelstvo'), '<w:pStyle w:val="Heading2"/>'),
      p(r('snížit emise'), numbered('2')),
      p(r('Doprava'), '<w:pStyle w:val="Heading2"/>'),
      p(r('Návrhová část'), '<w:pStyle w:val="Heading1"/>'),
      p(r('Cíle'), '<w:pStyle w:val="Heading2"/>'),
      p(r('Přílohy'), `<w:outlineLvl w:val="0"/>${numbered('3')}`),
    ].join('');
    const bytes = wordDocument(body, [], [
      { name: 'word/numbering.xml', data: numbering },
      { name: 'word/styles.xml', data: styles },
    ]);
    const { sections } = await readDocx(bytes);
    expect(sections.map((section) => section.heading)).toEqual(['1. Úvod', '2. Analytická část', '2.1 Obyvatelstvo', '2.2 Doprava', '3. Návrhová část', '3.1 Cíle', 'I. Přílohy']);
    expect(sections[2]?.blocks.map((block) => block.text)).toEqual(['snížit emise']);
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
