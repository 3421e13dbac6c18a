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
      { text: 'Strategie podporuje udržitelnou mobilitu.', location: { page: 1, line: 1, lineEnd: 2 }, role: 'body' },
      { text: 'Druhá strana textu.', location: { page: 2, line: 4 }, role: 'body' },
    ]);
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
