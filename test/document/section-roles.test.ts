import { describe, expect, it } from 'vitest';
import { classifySectionRoles } from '../../src/document/section-roles.js';
import type { Section } from '../../src/document/types.js';

const section = (heading: string, level: number, lines: string[] = ['Some text.']): Section => ({
  heading,
  level,
  path: [heading],
  location: {},
  blocks: lines.map((text) => ({ text, location: {} })),
});

describe('classifySectionRoles', () => {
  it('recognises contents, references and annexes by their headings in five languages', () => {
    const roles = classifySectionRoles([
      section('Obsah', 1),
      section('1. Úvod', 1),
      section('Spis treści', 1),
      section('Tartalomjegyzék', 1),
      section('Použitá literatura', 1),
      section('Přílohy', 1),
      section('Příloha 1: Tabulky', 2),
      section('Mellékletek', 1),
      section('References', 1),
    ]).map((item) => item.role ?? 'body');
    expect(roles).toEqual(['toc', 'body', 'toc', 'toc', 'reference', 'annex', 'annex', 'annex', 'reference']);
  });

  it('recognises a table of contents by its page-numbered lines', () => {
    const contents = section('', 0, ['Summary ... 3\nIntroduction ... 5\nPart A – Current State ... 9\nModule A-1 Baseline ... 14\nAnnexes ... 71']);
    expect(classifySectionRoles([contents])[0]?.role).toBe('toc');
    const prose = section('', 0, ['The city grew by 5 % in 2020.\nIt has 52 000 inhabitants.\nIt lies on a river.\nIts budget rose.']);
    expect(classifySectionRoles([prose])[0]?.role).toBeUndefined();
    const indicators = section('5. Indikátory', 2, ['Emise CO2 | 2 400 | 1 080 | 2030', 'Podíl dopravy | 38 % | 50 % | 2030', 'Délka cyklostezek | 4 | 15 | 2029', 'Agendy online | 20 % | 100 % | 2028']);
    expect(classifySectionRoles([indicators])[0]?.role).toBeUndefined();
    const amounts = section('', 0, ['Schools 2030\nRoads 1200\nParks 300\nLibraries 45\nBaths 10']);
    expect(classifySectionRoles([amounts])[0]?.role).toBeUndefined();
  });

  it('passes an annex role to the sub-sections below it, and stops at the next chapter', () => {
    const roles = classifySectionRoles([section('Annex', 1), section('A.1 Data', 2), section('Conclusions', 1)]).map((item) => item.role);
    expect(roles).toEqual(['annex', 'annex', undefined]);
  });
});
