import { describe, expect, it } from 'vitest';
import { loadCriteriaSet } from '../../src/criteria/load.js';
import { createMatcher, matchText } from '../../src/match/match.js';
import { withoutStreetNames } from '../../src/match/place-names.js';
import { writtenWords } from '../../src/match/tokenize.js';

const blanked = (text: string) => withoutStreetNames(writtenWords(text)).join(' ');

describe('street and square names', () => {
  it('blanks the capitalised words before a street word', () => {
    // Up to three words: a capitalised preposition opening the sentence goes with them, which costs nothing.
    expect(blanked('Na Školskej ulici pribudne dvadsať parkovacích miest.')).toBe('  ulici pribudne dvadsať parkovacích miest');
    expect(blanked('Parkoviště u Nemocniční ulice')).toBe('Parkoviště u  ulice');
    expect(blanked('Lesná ulica bude jednosmerná')).toBe(' ulica bude jednosmerná');
    expect(blanked('Mírové náměstí bude o víkendu uzavřeno')).toBe(' náměstí bude o víkendu uzavřeno');
    expect(blanked('A Kossuth Lajos utca felújítása')).toBe('   utca felújítása');
    expect(blanked('The School Street bus stop will move')).toBe('  Street bus stop will move');
  });

  it('blanks the capitalised words and numbers after a street word', () => {
    expect(blanked('Przy ul. Szpitalnej powstanie parking')).toBe('Przy ul  powstanie parking');
    expect(blanked('ulica 3 Maja i plac Wolności')).toBe('ulica   i plac ');
    expect(blanked('Trh na náměstí Míru bude v sobotu')).toBe('Trh na náměstí  bude v sobotu');
  });

  it('keeps ordinary words: lower-case neighbours, English street words in lower case, an adjective opening the sentence', () => {
    expect(blanked('Bezpečné ulice pro chodce a cyklisty')).toBe('Bezpečné ulice pro chodce a cyklisty');
    expect(blanked('the school road safety programme')).toBe('the school road safety programme');
    expect(blanked('opravy ulic a chodníků')).toBe('opravy ulic a chodníků');
    const words = writtenWords('Město opraví chodníky.');
    expect(withoutStreetNames(words)).toBe(words);
  });

  it('makes an address no evidence, while the same words elsewhere are', () => {
    const sdg = createMatcher([loadCriteriaSet('sdg')]);
    const goals = (text: string, language: 'cs' | 'sk' | 'pl' | 'en') => [...matchText(text, language, sdg).keys()].filter((id) => /^sdg\/4(\.|$)/.test(id));
    expect(goals('Na Školskej ulici pribudne dvadsať parkovacích miest pre rezidentov.', 'sk')).toEqual([]);
    expect(goals('The School Street bus stop will move 50 metres closer to the roundabout.', 'en')).toEqual([]);
    expect(goals('Mesto zrekonštruuje budovu základnej školy.', 'sk')).not.toEqual([]);
  });
});
