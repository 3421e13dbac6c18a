import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readDocumentBytes } from '../../src/read/index.js';
import { readPlainText, sentenceWindows } from '../../src/read/text.js';
import { fixture } from '../helpers.js';

describe('readPlainText', () => {
  it('takes headings from numbering, keyword headings with their title line, and capitals standing alone', () => {
    const { sections } = readPlainText(
      'ÚVOD\n\nText úvodu.\n\n1. Analýza\nPopis situace.\n\n1.1 SWOT\n\nSilné stránky.\n\nČlánok 2\nVízia\n\nMesto je zelené.\n\n1 840 obyvatel žije v obci.\n',
    );
    expect(sections.map((section) => [section.heading, section.level, section.location.line])).toEqual([
      ['ÚVOD', 1, 1],
      ['1. Analýza', 1, 5],
      ['1.1 SWOT', 2, 8],
      ['Článok 2 Vízia', 2, 12],
    ]);
    expect(sections[3]?.blocks.map((block) => block.text)).toEqual(['Mesto je zelené.', '1 840 obyvatel žije v obci.']);
    expect(sections[1]?.blocks[0]).toMatchObject({ text: 'Popis situace.', location: { line: 6 } });
  });

  it('rejoins hyphenated line ends and counts pages at form feeds', () => {
    const { sections } = readPlainText('Strategie podporuje udrži-\ntelnou mobilitu.\n\f\nDruhá strana textu.\n');
    expect(sections[0]?.blocks).toEqual([
      { text: 'Strategie podporuje udržitelnou mobilitu.', location: { page: 1, line: 1, lineEnd: 2 }, role: 'body', lineStarts: [25] },
      { text: 'Druhá strana textu.', location: { page: 2, line: 4 }, role: 'body' },
    ]);
  });

  it('reads short numbered lines after a colon or in a run as list items, not headings', () => {
    const source = [
      '1. Úvod',
      '',
      'Obec si na období 2022–2030 stanovila tyto strategické cíle:',
      '',
      '1. Snížit emise skleníkových plynů.',
      '2. Zvýšit podíl obnovitelných zdrojů.',
      '3. Rozšířit síť cyklostezek.',
      '',
      'Plnění cílů bude vyhodnocováno každoročně.',
      '',
      '2. Doprava',
      '',
      'Hlavní opatření v dopravě jsou tato.',
      '',
      '1. Obchvat obce',
      '2. Parkoviště P+R u nádraží',
      '',
      '2.1 Cíle',
      '',
      'Obec chce méně aut.',
      '',
      '3. Dokončit obchvat do roku 2030.',
    ].join('\n');
    const { sections } = readPlainText(source);
    expect(sections.map((section) => [section.heading, section.level])).toEqual([
      ['1. Úvod', 1],
      ['2. Doprava', 1],
      ['2.1 Cíle', 2],
    ]);
    expect(sections[0]?.blocks.map((block) => [block.text, block.role, block.location.line])).toEqual([
      ['Obec si na období 2022–2030 stanovila tyto strategické cíle:', 'body', 3],
      ['1. Snížit emise skleníkových plynů.', 'list', 5],
      ['2. Zvýšit podíl obnovitelných zdrojů.', 'list', 6],
      ['3. Rozšířit síť cyklostezek.', 'list', 7],
      ['Plnění cílů bude vyhodnocováno každoročně.', 'body', 9],
    ]);
    expect(sections[1]?.blocks.map((block) => [block.text, block.role])).toEqual([
      ['Hlavní opatření v dopravě jsou tato.', 'body'],
      ['1. Obchvat obce', 'list'],
      ['2. Parkoviště P+R u nádraží', 'list'],
    ]);
    // A numbered sentence standing alone is an item too: headings do not end with a full stop.
    expect(sections[2]?.blocks.map((block) => [block.text, block.role])).toEqual([
      ['Obec chce méně aut.', 'body'],
      ['3. Dokončit obchvat do roku 2030.', 'list'],
    ]);
  });

  it('splits numbered items out of a paragraph ending in a colon and keeps wrapped items whole', () => {
    const { sections } = readPlainText('Obec si stanovila tyto cíle:\n1. Snížit emise skleníkových\nplynů o 40 %.\n2. Zvýšit podíl OZE.\n');
    expect(sections[0]?.blocks.map((block) => [block.text, block.role, block.location])).toEqual([
      ['Obec si stanovila tyto cíle:', 'body', { line: 1 }],
      ['1. Snížit emise skleníkových plynů o 40 %.', 'list', { line: 2, lineEnd: 3 }],
      ['2. Zvýšit podíl OZE.', 'list', { line: 4 }],
    ]);
  });


  it('reads bulleted lines as list items of their own, without the bullet, and ends the list at a new sentence', () => {
    const { sections } = readPlainText('Město připraví:\n- cyklostezky mezi obcemi,\n- nízkoemisní autobusy\n  na všech linkách,\n• zeleň v ulicích.\nDalší odstavec textu.\n');
    expect(sections[0]?.blocks.map((block) => [block.text, block.role, block.location])).toEqual([
      ['Město připraví:', 'body', { line: 1 }],
      ['cyklostezky mezi obcemi,', 'list', { line: 2 }],
      ['nízkoemisní autobusy na všech linkách,', 'list', { line: 3, lineEnd: 4 }],
      ['zeleň v ulicích.', 'list', { line: 5 }],
      ['Další odstavec textu.', 'body', { line: 6 }],
    ]);
  });
  it('takes underlined headings, capitals right above their text and lettered headings standing alone', () => {
    const source = [
      'Úvod',
      '====',
      '',
      'Text úvodu.',
      '',
      'Analytická část',
      '---------------',
      '',
      'A. Obyvatelstvo',
      '',
      'Počet obyvatel roste.',
      '',
      'B) Obszar społeczny',
      '',
      'Tekst obszaru.',
      '',
      'VIZE',
      'Hlinsko bude zeleným městem.',
      '',
      'EU A ČR',
      'Spolupráce pokračuje.',
      '',
      'A. Novák předložil návrh.',
      '',
      '***',
    ].join('\n');
    const { sections } = readPlainText(source);
    expect(sections.map((section) => [section.heading, section.level, section.location.line])).toEqual([
      ['Úvod', 1, 1],
      ['Analytická část', 2, 6],
      ['A. Obyvatelstvo', 3, 9],
      ['B) Obszar społeczny', 3, 13],
      ['VIZE', 1, 17],
    ]);
    expect(sections[0]?.blocks.map((block) => block.text)).toEqual(['Text úvodu.']);
    expect(sections[1]?.blocks).toEqual([]);
    expect(sections[4]?.blocks.map((block) => [block.text, block.location.line])).toEqual([
      ['Hlinsko bude zeleným městem.', 18],
      ['EU A ČR Spolupráce pokračuje.', 20],
      ['A. Novák předložil návrh.', 23],
    ]);
  });

  it('puts a lettered heading one level below the numbered heading above it', () => {
    const { sections } = readPlainText('II. Część strategiczna\n\nTekst.\n\nA. Obszar środowiskowy\n\nTekst obszaru.\n\nB) Obszar społeczny\n\nTekst.\n');
    expect(sections.map((section) => [section.heading, section.level, section.path])).toEqual([
      ['II. Część strategiczna', 1, ['II. Część strategiczna']],
      ['A. Obszar środowiskowy', 2, ['II. Część strategiczna', 'A. Obszar środowiskowy']],
      ['B) Obszar społeczny', 2, ['II. Część strategiczna', 'B) Obszar społeczny']],
    ]);
  });

  it('marks where each line of a wrapped paragraph starts, so that a quote cites its own line', () => {
    const { sections } = readPlainText('Obec podporuje udrži-\ntelnou mobilitu.\nNové cyklostezky vedou do\nFrýdek-\nMístku.\n');
    const block = sections[0]?.blocks[0];
    expect(block).toMatchObject({ text: 'Obec podporuje udržitelnou mobilitu. Nové cyklostezky vedou do Frýdek-Místku.', location: { line: 1, lineEnd: 5 } });
    expect(block?.lineStarts).toEqual([20, 37, 63, 70]);
    const lineOf = (quote: string) => (block?.location.line ?? 0) + (block?.lineStarts ?? []).filter((start) => start <= (block?.text.indexOf(quote) ?? 0)).length;
    expect([lineOf('Obec'), lineOf('telnou'), lineOf('Nové'), lineOf('Frýdek'), lineOf('Místku')]).toEqual([1, 2, 3, 4, 5]);
  });

  it('gives each window of a long wrapped paragraph its own lines', () => {
    const sentence = (index: number) => `Věta číslo ${index} popisuje opatření obce pro udržitelnou dopravu\na energetiku.`;
    const { sections } = readPlainText(Array.from({ length: 30 }, (_, index) => sentence(index)).join('\n'));
    const blocks = sections[0]?.blocks ?? [];
    expect(blocks.length).toBeGreaterThan(2);
    for (const block of blocks) {
      const first = block.location.line ?? 0;
      expect(block.text.startsWith(`Věta číslo ${(first - 1) / 2} `)).toBe(true);
      expect(block.location.lineEnd).toBe(first + (block.lineStarts?.length ?? 0));
      for (const start of block.lineStarts ?? []) expect(block.text.slice(start)).toMatch(/^(?:Věta|a energetiku)/);
    }
  });

  it('cuts a text without line breaks into windows of whole sentences', () => {
    const { sections } = readPlainText(readFileSync(fixture('text', 'cs-one-line.txt'), 'utf8'));
    const blocks = sections.flatMap((section) => section.blocks);
    expect(blocks.length).toBeGreaterThanOrEqual(3);
    for (const block of blocks) {
      expect(block.text.length).toBeLessThanOrEqual(700);
      expect(block.text).toMatch(/[.!?]$/);
      expect(block.location.line).toBe(1);
    }
    expect(blocks.map((block) => block.text).join(' ')).toBe(readFileSync(fixture('text', 'cs-one-line.txt'), 'utf8').trim());
  });

  it('cuts even one endless sentence at word boundaries', () => {
    const windows = sentenceWindows(Array.from({ length: 400 }, (_, index) => `slovo${index}`).join(' '));
    expect(windows.length).toBeGreaterThan(3);
    expect(windows.every((window) => window.length <= 600 && !window.startsWith(' '))).toBe(true);
  });
});

describe('plain text in legacy encodings', () => {
  it.each([
    ['cs-windows-1250.txt', 'cs', '2. Vize', 'V roce 2030 je Příbor město, které šetří energií'],
    ['sk-iso-8859-2.txt', 'sk', 'Článok 2 Vízia', 'V roku 2030 je mesto miestom, kde sú ľudia spokojní'],
    ['hu-utf16le-bom.txt', 'hu', '2. fejezet: Jövőkép', '2030-ra Kisvárad klímabarát, energiatakarékos és befogadó város'],
  ])('reads %s', async (name, language, heading, start) => {
    const document = await readDocumentBytes(readFileSync(fixture('text', name)), name);
    expect(document.language).toBe(language);
    const section = document.sections.find((candidate) => candidate.heading === heading);
    expect(section?.blocks[0]?.text.startsWith(start)).toBe(true);
  });
});
