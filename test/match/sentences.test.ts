import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../src/match/tokenize.js';

const sentences = (text: string): string[] => splitSentences(text).map((sentence) => sentence.text);

describe('splitSentences: abbreviations do not end a sentence', () => {
  it('Czech', () => {
    const text = 'Participativní rozpočet ve výši 1 mil. Kč ročně rozdělí obyvatelé. Město zřídí tzv. „Smart City“ kancelář.';
    expect(sentences(text)).toEqual(['Participativní rozpočet ve výši 1 mil. Kč ročně rozdělí obyvatelé.', 'Město zřídí tzv. „Smart City“ kancelář.']);
    expect(sentences('Dle zákona č. 183/2006 Sb., § 2 odst. 1 písm. a) a např. Praha 7 nebo nám. Míru.')).toHaveLength(1);
    // The currency after the abbreviation still ends its sentence.
    expect(sentences('Celkem 5 mil. Kč. Město přispěje.')).toEqual(['Celkem 5 mil. Kč.', 'Město přispěje.']);
    expect(sentences('Ing. Novák z hl. m. Prahy předal 500 tis. Kč a 2 mld. Kč, resp. Vltavě a ul. Husově.')).toHaveLength(1);
  });

  it('Slovak', () => {
    expect(sentences('Mesto podporí napr. Bratislavský kraj, tzn. Mestskú políciu, t. j. Bratislava, tiež 3 mil. EUR.')).toHaveLength(1);
    expect(sentences('Podľa § 4 ods. 2 zákona č. 369/1990 platí od 1. 1. 2022.')).toHaveLength(1);
  });

  it('Polish', () => {
    expect(sentences('Miasto wspiera np. Zarząd Dróg, tzw. „zielone dachy”, ok. 500 drzew przy ul. Piotrkowskiej i al. Kościuszki.')).toHaveLength(1);
    expect(sentences('Zgodnie z art. 7 ust. 2 ustawy (Dz. U. z 2020 r. poz. 1), tj. Rada Miasta, m.in. Kraków.')).toHaveLength(1);
  });

  it('Hungarian', () => {
    expect(sentences('A város pl. Budapest mintájára kb. 500 fát ültet, az ún. „zöld folyosó” mentén.')).toHaveLength(1);
    expect(sentences('A terv 2021. 01. 13. napján lépett hatályba, a Kossuth u. 12. szám alatt.')).toHaveLength(1);
  });

  it('English', () => {
    expect(sentences('Cities, e.g. Brno, i.e. The Council, set approx. 20 targets vs. Prague; see No. 5 by Mr. Smith et al. (2020).')).toHaveLength(1);
    expect(sentences('Measures (e.g. Low-emission zones) follow, as in fig. 3 and art. 7.')).toHaveLength(1);
  });

  it('dates and ordinals in any language', () => {
    expect(sentences('Zastupitelstvo schválilo strategii dne 13. 1. 2021 a 2. etapa začne 1. ledna.')).toHaveLength(1);
    expect(sentences('Bylo to 5. Května a také T. G. Masaryk.')).toHaveLength(1);
    expect(sentences('The plan started on 5. May 2021.')).toHaveLength(1);
  });
});

describe('splitSentences: real sentence ends still split', () => {
  it('after a year, a number, a word or a list abbreviation', () => {
    expect(sentences('Emise klesnou o 55 % do roku 2030. Město vysadí stromy.')).toEqual(['Emise klesnou o 55 % do roku 2030.', 'Město vysadí stromy.']);
    expect(sentences('Cíle jsou dva. 2030 je rok, kdy je splníme.')).toHaveLength(2);
    expect(sentences('Podpoříme školy, knihovny atd. Město také opraví silnice.')).toHaveLength(2);
    expect(sentences('Do 2030 r. Miasto posadzi drzewa.')).toHaveLength(2);
    expect(sentences('Budujemy drogi, parki itp. Miasto inwestuje w 2021 roku.')).toHaveLength(2);
    expect(sentences('A város fát ültet stb. A terv 2030-ig szól.')).toHaveLength(2);
    expect(sentences('A beruházás 2021. Az új terv 2030-ig szól.')).toHaveLength(2);
    expect(sentences('We support public art. The city funds 30 events. No. Never.')).toHaveLength(4);
    expect(sentences('Roads, parks, etc. The council decides.')).toHaveLength(2);
  });

  it('at a line break, even after an abbreviation', () => {
    expect(sentences('Rozpočet 1 mil.\nKč ročně')).toEqual(['Rozpočet 1 mil.', 'Kč ročně']);
  });

  it('keeps offsets of sentences after a joined abbreviation', () => {
    const text = 'Asi 1 mil. Kč. Dále 2 tis. Kč.';
    expect(splitSentences(text)).toEqual([
      { text: 'Asi 1 mil. Kč.', start: 0 },
      { text: 'Dále 2 tis. Kč.', start: 15 },
    ]);
  });
});
