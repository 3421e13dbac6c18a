import { describe, expect, it } from 'vitest';
import { loadCriteriaSet } from '../../src/criteria/load.js';
import { createMatcher, matchText } from '../../src/match/match.js';
import { americanSpelling, stemWord } from '../../src/match/stem.js';
import { normalizeWord } from '../../src/match/normalize.js';
import { compilePhrase } from '../../src/match/compile.js';
import { testFixture } from '../helpers.js';

const set = loadCriteriaSet(testFixture('criteria', 'languages.json'));
const matcher = createMatcher([set]);
const criteriaOf = (text: string, language: 'en' | 'cs' | 'sk' | 'pl' | 'hu') => [...matchText(text, language, matcher).keys()].sort();

describe('stemming per language', () => {
  it('reduces inflected forms to one stem, without diacritics', () => {
    expect(stemWord('poverties', 'en')).toBe(stemWord('poverty', 'en'));
    expect(stemWord('chudoby', 'cs')).toBe(stemWord('chudoba', 'cs'));
    expect(stemWord('szegénységben', 'hu')).toBe(stemWord('szegénység', 'hu'));
    expect(stemWord('ubóstwem', 'pl')).toBe(stemWord('ubóstwo', 'pl'));
    expect(stemWord('chudobou', 'sk')).toBe(stemWord('chudoba', 'sk'));
    expect(stemWord('Chudoby', 'cs')).toBe('chudob');
  });

  it('matches a term word in its inflected forms in each language', () => {
    expect(criteriaOf('Poverties persist.', 'en')).toEqual(['lang/poverty']);
    expect(criteriaOf('Boj proti chudobě a chudoby.', 'cs')).toEqual(['lang/poverty']);
    expect(criteriaOf('Boj proti chudobou.', 'sk')).toEqual(['lang/poverty']);
    expect(criteriaOf('Walka z ubóstwem.', 'pl')).toEqual(['lang/poverty']);
    expect(criteriaOf('A szegénységben élők száma csökken.', 'hu')).toEqual(['lang/poverty']);
    expect(criteriaOf('Zajistit dostupnost pitné vody.', 'cs')).toEqual(['lang/water']);
  });

  it('keeps acronyms literal: AIDS is not aid', () => {
    expect(criteriaOf('Development aid grows.', 'en')).toEqual([]);
    expect(criteriaOf('HIV and AIDS programmes.', 'en')).toEqual(['lang/poverty']);
    expect(compilePhrase('AIDS', 'en')).toEqual([{ type: 'literal', value: 'aids' }]);
  });

  it('reads a criteria word that names an object property as a word, not a number class', () => {
    expect(compilePhrase('constructor toString', 'en')).toEqual([
      { type: 'stem', language: 'en', value: 'constructor' },
      { type: 'stem', language: 'en', value: 'tostr' },
    ]);
  });

  it('gives British and American spellings one form', () => {
    expect(americanSpelling('organisation')).toBe('organization');
    expect(americanSpelling('labour')).toBe('labor');
    expect(americanSpelling('analysed')).toBe('analyzed');
    expect(stemWord('Labour', 'en')).toBe(stemWord('labor', 'en'));
    expect(stemWord('programmes', 'en')).toBe(stemWord('program', 'en'));
    expect(stemWord('rise', 'en')).toBe('rise');
  });

  it('reads typographic apostrophes as plain ones', () => {
    expect(normalizeWord('Children’s')).toBe("children's");
    expect(stemWord('children’s', 'en')).toBe(stemWord("children's", 'en'));
  });

  it('reads an English possessive as its word', () => {
    expect(stemWord("worker's", 'en')).toBe(stemWord('worker', 'en'));
    expect(stemWord("workers'", 'en')).toBe(stemWord('workers', 'en'));
    expect(stemWord('children’s', 'en')).toBe(stemWord('children', 'en'));
  });

  it('does not stem words of another language than the text', () => {
    expect(criteriaOf('Chudoba roste.', 'en')).toEqual([]);
  });
});

describe('function words inside phrases', () => {
  it('lets the text add or leave out function words between the words of a phrase', () => {
    expect(criteriaOf('Universal access to the drinking water.', 'en')).toEqual(['lang/water']);
    expect(criteriaOf('Access to drinking water.', 'en')).toEqual(['lang/water']);
    expect(criteriaOf('The Covenant of the Mayors.', 'en')).toEqual(['lang/water']);
    expect(criteriaOf('The covenant mayors.', 'en')).toEqual(['lang/water']);
  });

  it('skips function words only, and only a few', () => {
    expect(criteriaOf('Access to clean drinking water.', 'en')).toEqual([]);
    expect(criteriaOf('Access to the of the drinking water.', 'en')).toEqual([]);
  });
});

describe('Hungarian compounds', () => {
  it('finds a term that closes a compound word, with case endings', () => {
    expect(criteriaOf('A gyermekszegénységben élők.', 'hu')).toEqual(['lang/poverty']);
    expect(criteriaOf('Az ivóvízellátásának fejlesztése.', 'hu')).toEqual(['lang/water']);
  });

  it('reaches prefix terms through the stem when a suffix changes the word (segély + -vel = segéllyel)', () => {
    expect(criteriaOf('Szociális segéllyel élnek.', 'hu')).toEqual(['lang/poverty']);
    expect(criteriaOf('Rendkívüli lakhatási segéllyel.', 'hu')).toEqual([]);
  });

  it('needs a real modifier before the head and never looks inside compounds in other languages', () => {
    expect(criteriaOf('Szegénység.', 'hu')).toEqual(['lang/poverty']);
    expect(criteriaOf('Gyermekszegénység', 'cs')).toEqual([]);
  });
});
