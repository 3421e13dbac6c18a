import { describe, expect, it } from 'vitest';
import { loadCriteriaSet } from '../../src/criteria/load.js';
import { createMatcher } from '../../src/match/match.js';
import { readMarkdown } from '../../src/read/markdown.js';
import { classifySectionRoles } from '../../src/document/section-roles.js';
import { analyzeDocument } from '../../src/score/analyze.js';
import type { Document } from '../../src/document/types.js';
import { testFixture } from '../helpers.js';

const mini = loadCriteriaSet(testFixture('criteria', 'mini.json'));
const matcher = createMatcher([mini]);
const analyze = (markdown: string, language: 'en' | 'cs' = 'en', reportLanguage?: string) => {
  const document: Document = { path: 'doc.md', sha256: 'abc', ...readMarkdown(markdown), language };
  return analyzeDocument(document, [mini], matcher, reportLanguage ? { reportLanguage } : {});
};

const strong = `# Plan

## Vision

By 2030 the city is green.

## Transport

Trams run every five minutes. Public transport is free. New cycle paths link schools.

## Mobility plan

More trams and public transport lines. Cycle paths along the river.

## Streets

Trams on every main street.

## Climate

Cut emissions by 55 % by 2030.
`;

describe('scoring', () => {
  it('gives met, partial and missing from the evidence and thresholds', () => {
    const result = analyze(strong);
    const status = Object.fromEntries(result.criteria.map((criterion) => [criterion.id, criterion.status]));
    expect(status).toEqual({ 'mini/transport': 'met', 'mini/transport.cycling': 'partial', 'mini/vision': 'met', 'mini/emissions': 'partial', 'mini/ocean': 'missing' });
  });

  it('scores frameworks from top-level criteria by weight, partial counting half', () => {
    const result = analyze(strong);
    // transport (w2) met, vision met, emissions partial, ocean missing: (2 + 1 + 0.5 + 0) / 5
    expect(result.frameworks).toEqual([{ id: 'mini', version: '1.2.0', title: 'Mini test set', score: 70, counts: { met: 2, partial: 1, missing: 1 } }]);
    expect(result.score).toBe(70);
    expect(result.counts).toEqual({ met: 2, partial: 2, missing: 1 });
  });

  it('explains each status in a sentence a person can check', () => {
    const transport = analyze(strong).criteria.find((criterion) => criterion.id === 'mini/transport');
    expect(transport?.explanation).toBe('met: 6 passages in 3 chapters, strongest at line 13 (terms: tram*, public transport*, cycle path*); 1 of 1 sub-criteria addressed');
    expect(analyze(strong).criteria.find((criterion) => criterion.id === 'mini/ocean')?.explanation).toBe('missing: no passage matches its terms');
  });

  it('quotes evidence with its section path and line', () => {
    const vision = analyze(strong).criteria.find((criterion) => criterion.id === 'mini/vision');
    expect(vision?.evidence[0]).toEqual({ quote: 'Vision', section: 'Plan > Vision', sectionPath: ['Plan', 'Vision'], line: 3, terms: ['vision'] });
  });

  it('lists gaps most important first, with guidance in the report language', () => {
    const result = analyze('# Plan\n\nNothing yet.\n', 'cs');
    expect(result.gaps.map((gap) => gap.id)).toEqual(['mini/transport', 'mini/vision', 'mini/emissions', 'mini/ocean', 'mini/transport.cycling']);
    expect(result.gaps[0]?.guidance).toBe('Doplňte opatření pro veřejnou dopravu.');
    expect(result.gaps[4]?.guidance).toBe('Add cycling.');
    expect(analyze('# Plan\n\nNothing.\n', 'cs', 'en').gaps[0]?.guidance).toBe('Add public transport measures.');
  });
});

describe('strength of evidence', () => {
  const transportIn = (markdown: string) => analyze(markdown).criteria.find((criterion) => criterion.id === 'mini/transport')!;

  it('calls one mention partial and a topic treated across chapters met', () => {
    expect(transportIn('# Plan\n\n## Notes\n\nTrams.\n\n## Other\n\nText.\n').status).toBe('partial');
    expect(transportIn('# Plan\n\n## A\n\nTrams.\n\n## B\n\nTrams.\n\n## C\n\nTrams.\n').status).toBe('partial');
    const treated = '# Plan\n\n## A\n\nTrams run often. Public transport is free.\n\n## B\n\nNew trams. Trams at night.\n\n## C\n\nCycle paths to the tram stops.\n';
    expect(transportIn(treated).status).toBe('met');
  });

  it('counts a sentence once for a goal even when its target found it too', () => {
    const transport = transportIn('# Plan\n\n## A\n\nCycle paths.\n\n## B\n\nText.\n');
    expect(transport.explanation).toBe('partial: 1 passage in 1 chapter, strongest at line 5 (terms: cycle path*); 1 of 1 sub-criteria addressed');
    expect(transport.score).toBe(analyze('# Plan\n\n## A\n\nCycle paths.\n\n## B\n\nText.\n').criteria.find((criterion) => criterion.id === 'mini/transport.cycling')!.score);
  });
});

describe('explanations in the report language', () => {
  it('writes the explanation in Czech, with Czech plurals and prepositions', () => {
    const transport = analyze(strong, 'en', 'cs').criteria.find((criterion) => criterion.id === 'mini/transport');
    expect(transport?.explanation).toBe('splněno: 6 pasáží ve 3 kapitolách, nejsilnější na řádku 13 (termíny: tram*, public transport*, cycle path*); pokryto 1 z 1 dílčích kritérií');
    expect(analyze(strong, 'en', 'hu').criteria.find((criterion) => criterion.id === 'mini/ocean')?.explanation).toBe('hiányzik: egyetlen szakasz sem tartalmazza a kifejezéseit');
  });

  it('counts a heading hit and weighs it more than a body mention', () => {
    const inHeading = analyze('# Plan\n\n## Trams\n\nText.\n\n## Other\n\nMore text.\n').criteria.find((criterion) => criterion.id === 'mini/transport');
    const inBody = analyze('# Plan\n\n## Notes\n\nTrams.\n\n## Other\n\nMore text.\n').criteria.find((criterion) => criterion.id === 'mini/transport');
    expect(inHeading?.explanation).toBe('partial: 1 passage in 1 chapter, 1 in a heading, strongest at line 3 (terms: tram*); 0 of 1 sub-criteria addressed');
    expect(inHeading!.score).toBeGreaterThan(inBody!.score);
  });

  it('weighs reference lists and annexes less than body text', () => {
    const scoreIn = (heading: string) => {
      const { sections, ...rest } = readMarkdown(`# Plan\n\n## ${heading}\n\nTrams and public transport.\n\n## Other\n\nText.\n`);
      const document: Document = { path: 'doc.md', sha256: 'abc', ...rest, sections: classifySectionRoles(sections), language: 'en' };
      return analyzeDocument(document, [mini], matcher).criteria[0]!.score;
    };
    expect(scoreIn('Annex 2')).toBeLessThan(scoreIn('Transport'));
    expect(scoreIn('References')).toBeLessThan(scoreIn('Annex 2'));
  });

  it('weighs a footnote or caption (a note block) as an annex, never more than its section', () => {
    const scoreWith = (role: 'body' | 'note', sectionRole?: 'reference') => {
      const { sections, ...rest } = readMarkdown('# Plan\n\n## Transport\n\nTrams and public transport.\n\n## Other\n\nText.\n');
      const marked = sections.map((section) => ({ ...section, ...(sectionRole && section.heading === 'Transport' ? { role: sectionRole } : {}), blocks: section.blocks.map((block) => ({ ...block, role })) }));
      const document: Document = { path: 'doc.md', sha256: 'abc', ...rest, sections: marked, language: 'en' };
      return analyzeDocument(document, [mini], matcher).criteria[0]!.score;
    };
    expect(scoreWith('note')).toBeLessThan(scoreWith('body'));
    expect(scoreWith('note', 'reference')).toBe(scoreWith('body', 'reference'));
  });
});
