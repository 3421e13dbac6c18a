import { describe, expect, it } from 'vitest';
import { czechOrSlovak, detectDocumentLanguage, detectLanguage } from '../../src/document/language.js';
import type { Document } from '../../src/document/types.js';

const SAMPLES: [string, string][] = [
  ['cs', 'Strategie rozvoje města navazuje na Koncepci Smart Cities a na Cíle udržitelného rozvoje. Město chce být zelené a bezpečné.'],
  ['sk', 'Stratégia rozvoja mesta určuje ciele a opatrenia mesta na roky 2024 až 2030. Mesto chce byť zelené a bezpečné pre všetkých.'],
  ['pl', 'Strategia rozwoju gminy określa cele i kierunki działań samorządu w latach 2024–2030 oraz sposób ich finansowania.'],
  ['hu', 'A stratégia célja, hogy a város hosszú távon élhető, zöld és versenyképes település legyen a lakók számára.'],
  ['en', 'The strategy sets out the goals and measures of the city for the years 2024 to 2030 and how they are financed.'],
];

describe('language detection', () => {
  it.each(SAMPLES)('recognises %s', (language, text) => {
    expect(detectLanguage(text)).toBe(language);
  });

  it('tells Czech from Slovak by the letters and words only one of them uses', () => {
    expect(czechOrSlovak('Obec leží v kraji, které jsou blízko.')).toBe('cs');
    expect(czechOrSlovak('Obec leží v kraji, ktoré sú blízko, a ľudia tu žijú.')).toBe('sk');
    expect(czechOrSlovak('Obec a kraj.')).toBeUndefined();
  });

  it('gives every section a language, its own only when its text is long and clear, and honours a forced one', () => {
    const section = (heading: string, text: string) => ({ heading, level: 1, path: [heading], location: { line: 1 }, blocks: [{ text, location: { line: 1 } }] });
    const english = SAMPLES.find(([language]) => language === 'en')?.[1] ?? '';
    const czech = SAMPLES.find(([language]) => language === 'cs')?.[1] ?? '';
    const document: Document = {
      path: 'x.md',
      format: 'md',
      sha256: '',
      language: 'und',
      sections: [section('Úvod', `${czech} ${czech} ${czech}`), section('Summary', `${english} ${english}`), section('Poznámka', 'Krátký text.')],
      metadata: {},
      warnings: [],
    };
    const detected = detectDocumentLanguage(document);
    expect(detected.sections.map((entry) => entry.language)).toEqual(['cs', 'en', detected.language]);
    const forced = detectDocumentLanguage(document, 'sk');
    expect([forced.language, ...forced.sections.map((entry) => entry.language)]).toEqual(['sk', 'sk', 'sk', 'sk']);
  });

  const documentOf = (sections: [string, string][]): Document => ({
    path: 'x.md',
    format: 'md',
    sha256: '',
    language: 'und',
    sections: sections.map(([heading, text]) => ({ heading, level: 1, path: [heading], location: { line: 1 }, blocks: [{ text, location: { line: 1 } }] })),
    metadata: {},
    warnings: [],
  });

  it('takes the language most of the text is in, whatever comes first (an English summary before Czech chapters)', () => {
    const czech = SAMPLES.find(([language]) => language === 'cs')?.[1] ?? '';
    const english = SAMPLES.find(([language]) => language === 'en')?.[1] ?? '';
    const detected = detectDocumentLanguage(
      documentOf([['Executive summary', `${english} ${english}`], ['Analytická část', czech], ['Vize', czech], ['Strategické cíle', czech], ['Indikátory', czech]]),
    );
    expect(detected.language).toBe('cs');
    expect(detected.sections.map((section) => section.language)).toEqual(['en', 'cs', 'cs', 'cs', 'cs']);
  });

  it('gives a long section in another V4 language its own language, though franc\'s margins shrink with length', () => {
    const czech = SAMPLES.find(([language]) => language === 'cs')?.[1] ?? '';
    const polish = 'Gmina rozbuduje transport publiczny, ścieżki rowerowe i ciągi piesze, aby zmniejszyć emisję gazów cieplarnianych i poprawić jakość powietrza dla wszystkich mieszkańców. ';
    const detected = detectDocumentLanguage(documentOf([['Doprava', czech.repeat(15)], ['Streszczenie', polish.repeat(10)]]));
    expect([detected.language, ...detected.sections.map((section) => section.language)]).toEqual(['cs', 'cs', 'pl']);
  });

  it('judges a skeleton of a few words per chapter as a whole, by letters English does not use', () => {
    const skeleton = documentOf([['Analýza', 'Bude doplněno.'], ['Vize', 'Bude doplněno.'], ['Strategické cíle', 'Bude doplněno.'], ['Financování', 'Bude doplněno.']]);
    expect(detectDocumentLanguage(skeleton).language).toBe('cs');
    expect(detectLanguage('Plan for Łódź and Brno: the city funds public transport, cycling and green spaces for all its residents.')).toBe('en');
  });
});
