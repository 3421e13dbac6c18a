import { describe, expect, it } from 'vitest';
import { loadCriteriaSet } from '../../src/criteria/load.js';
import { createMatcher, matchDocument, matchText } from '../../src/match/match.js';
import { normalizeWord } from '../../src/match/normalize.js';
import { splitSentences, tokenize } from '../../src/match/tokenize.js';
import { readMarkdown } from '../../src/read/markdown.js';
import type { Document } from '../../src/document/types.js';
import { testFixture } from '../helpers.js';

const mini = loadCriteriaSet(testFixture('criteria', 'mini.json'));
const matcher = createMatcher([mini]);

describe('normalisation and tokens', () => {
  it('folds case, diacritics and ligatures, including letters NFKD keeps', () => {
    expect(normalizeWord('ŽIVOTNÍ')).toBe('zivotni');
    expect(normalizeWord('Łódź')).toBe('lodz');
    expect(normalizeWord('ﬁnance')).toBe('finance');
    expect(normalizeWord('Fenntartható')).toBe('fenntarthato');
  });

  it('keeps offsets of words and percent signs', () => {
    expect(tokenize('Cut 55 % by 2030.').map((token) => token.norm)).toEqual(['cut', '55', '%', 'by', '2030']);
    expect(tokenize('a-b')[1]).toMatchObject({ norm: 'b', start: 2, end: 3 });
  });

  it('splits sentences and keeps long ones short', () => {
    expect(splitSentences('One. Two! Three').map((sentence) => sentence.text)).toEqual(['One.', 'Two!', 'Three']);
    expect(splitSentences(`${'word '.repeat(300)}`).every((sentence) => sentence.text.length <= 400)).toBe(true);
  });
});

describe('matchText', () => {
  it('matches prefixes and phrases regardless of case and diacritics', () => {
    expect(matchText('The TRAMS and Public Transportation run late.', 'en', matcher).get('mini/transport')).toEqual(['tram*', 'public transport*']);
    expect(matchText('Město podpoří VEREJNOU DOPRAVU.', 'cs', matcher).get('mini/transport')).toEqual(['veřejn* doprav*']);
  });

  it('counts spellings of one word as one term, and the same words written twice as one', () => {
    const variants = createMatcher([
      { ...mini, criteria: [{ ...mini.criteria[0]!, id: 'mini/schools', terms: { en: ['school', 'schools', 'school*', 'pupil*'] } }] },
    ]);
    expect(matchText('The schools open.', 'en', variants).get('mini/schools')).toEqual(['school']);
    expect(matchText('The schools and the school open.', 'en', variants).get('mini/schools')).toEqual(['school']);
    expect(matchText('The school takes more pupils.', 'en', variants).get('mini/schools')).toEqual(['school', 'pupil*']);
    const phrases = createMatcher([{ ...mini, criteria: [{ ...mini.criteria[0]!, id: 'mini/labour', terms: { en: ['forced labour', 'forced labor', 'labour'] } }] }]);
    expect(matchText('No forced labour here.', 'en', phrases).get('mini/labour')).toEqual(['forced labour', 'labour']);
  });

  it('requires phrase words to follow each other', () => {
    expect(matchText('Public money for transport.', 'en', matcher).has('mini/transport')).toBe(false);
  });

  it('cancels a match when an exclusion term stands in the same sentence', () => {
    expect(matchText('Data transport over public transport networks.', 'en', matcher).has('mini/transport')).toBe(false);
    expect(matchText('Data transport is fast. Trams are slow.', 'en', matcher).has('mini/transport')).toBe(true);
  });

  it('matches near terms with numbers, percentages and years within the window', () => {
    expect(matchText('Cut emissions by 55 % by 2030.', 'en', matcher).has('mini/emissions')).toBe(true);
    expect(matchText('Snížit emise o 55 procent do roku 2030.', 'cs', matcher).has('mini/emissions')).toBe(true);
    expect(matchText('Cut emissions a lot by 2030.', 'en', matcher).has('mini/emissions')).toBe(false);
    expect(matchText(`Emissions matter. ${'word '.repeat(20)} 55 % in 2030.`, 'en', matcher).has('mini/emissions')).toBe(false);
  });

  it('uses English terms in a Czech text too, but not Czech terms in English text', () => {
    expect(matchText('Smart city s tramvajemi a trams.', 'cs', matcher).get('mini/transport')).toEqual(['tram*']);
    expect(matchText('Cyklostezky everywhere.', 'en', matcher).has('mini/transport')).toBe(false);
  });
});

describe('matchDocument', () => {
  const document = (markdown: string): Document => ({ path: 'x.md', sha256: '0', ...readMarkdown(markdown), language: 'en' });

  it('records the quote, line, section and heading hits', () => {
    const result = matchDocument(document('# Plan\n\n## Vision\n\nBy 2030 the city is green. Trams everywhere.\n'), matcher);
    expect(result.get('mini/vision')?.map((item) => [item.quote, item.inHeading, item.structuralHeading])).toEqual([
      ['Vision', true, true],
      ['By 2030 the city is green.', false, false],
    ]);
    expect(result.get('mini/transport')?.[0]).toMatchObject({ quote: 'Trams everywhere.', location: { line: 5 }, sectionIndex: 1 });
  });

  it('cites the line a quote starts on in a paragraph wrapped over several lines', () => {
    const doc = document('# Plan\n\n## Transport\n\nFirst sentence here is long enough.\nSecond line sentence.\nThe city builds a new\ntram line. Trams\nrun late.\n');
    expect(doc.sections[1]?.blocks[0]).toMatchObject({ location: { line: 5, lineEnd: 9 }, lineStarts: [36, 58, 80, 97] });
    expect(matchDocument(doc, matcher).get('mini/transport')?.map((item) => [item.quote, item.location.line])).toEqual([
      ['The city builds a new tram line.', 7],
      ['Trams run late.', 8],
    ]);
  });

  it('cites the line of a list item\'s later paragraph, of a nested item and of a quote\'s second paragraph', () => {
    const doc = document('# Plan\n\n## Transport\n\n1. Buses first.\n\n   Trams come later.\n   - Trams at night\n\n> Quoted plan.\n>\n> Trams for all.\n');
    const cited = matchDocument(doc, matcher).get('mini/transport')?.map((item) => [item.quote, item.location.line]);
    expect(cited).toEqual([
      ['Trams come later.', 7],
      ['Trams at night', 8],
      ['Trams for all.', 12],
    ]);
    expect(doc.sections[1]?.blocks[0]?.text).toBe('Buses first.\nTrams come later.\nTrams at night');
  });

  it('never takes evidence from a table of contents', () => {
    const doc = document('# Contents\n\nTrams 4\n');
    doc.sections[0] = { ...doc.sections[0]!, role: 'toc' };
    expect(matchDocument(doc, matcher).size).toBe(0);
  });
});
