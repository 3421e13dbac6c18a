// One-sentence explanations of a status, in the report language, that a person can check against
// the document: "met: 7 passages in 3 chapters, 1 in a heading, strongest on p. 24 (terms: ...)".
import type { Status } from './types.js';

export interface ExplanationFacts {
  status: Status;
  passages: number;
  chapters: number;
  headingHits: number;
  /** Where the strongest passage stands. */
  place: { page?: number; line?: number; paragraph?: number; heading?: string } | undefined;
  terms: string[];
  childCount: number;
  addressedChildren: number;
}

type Plural = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

interface Phrases {
  status: Record<Status, string>;
  passage: Plural;
  chapter: Plural;
  /** Czech and Slovak write "ve 3", "vo 2": the preposition follows how the number is read. */
  preposition?: (n: number) => string;
  /** Hungarian writes "az 5. oldalon", "a 24. oldalon". */
  article?: (n: number) => string;
  /** `{n}` headings among the passages. */
  inHeading: Plural;
  strongest: string;
  page: string;
  line: string;
  paragraph: string;
  inText: string;
  terms: string;
  /** `{a} of {n}`. */
  subCriteria: string;
  noPassage: string;
  noPassageButChildren: string;
}

const PHRASES: Record<string, Phrases> = {
  en: {
    status: { met: 'met', partial: 'partial', missing: 'missing' },
    passage: { one: '{n} passage', other: '{n} passages' },
    chapter: { one: 'in {n} chapter', other: 'in {n} chapters' },
    inHeading: { one: '{n} in a heading', other: '{n} in headings' },
    strongest: 'strongest',
    page: 'on p. {n}',
    line: 'at line {n}',
    paragraph: 'in paragraph {n}',
    inText: 'in the text',
    terms: 'terms',
    subCriteria: '{a} of {n} sub-criteria addressed',
    noPassage: 'no passage matches its terms',
    noPassageButChildren: 'no passage on the topic as a whole',
  },
  cs: {
    status: { met: 'splněno', partial: 'částečně', missing: 'chybí' },
    passage: { one: '{n} pasáž', few: '{n} pasáže', other: '{n} pasáží' },
    chapter: { one: '{p} {n} kapitole', other: '{p} {n} kapitolách' },
    preposition: (n) => (n === 2 || n === 3 || n === 4 || (n >= 12 && n <= 14) || (n >= 20 && n < 50) || (n >= 100 && n < 200) ? 've' : 'v'),
    inHeading: { one: '{n} v nadpisu', other: '{n} v nadpisech' },
    strongest: 'nejsilnější',
    page: 'na s. {n}',
    line: 'na řádku {n}',
    paragraph: 'v odstavci {n}',
    inText: 'v textu',
    terms: 'termíny',
    subCriteria: 'pokryto {a} z {n} dílčích kritérií',
    noPassage: 'žádná pasáž neodpovídá jeho termínům',
    noPassageButChildren: 'žádná pasáž o tématu jako celku',
  },
  sk: {
    status: { met: 'splnené', partial: 'čiastočne', missing: 'chýba' },
    passage: { one: '{n} pasáž', few: '{n} pasáže', other: '{n} pasáží' },
    chapter: { one: '{p} {n} kapitole', other: '{p} {n} kapitolách' },
    preposition: (n) => (n === 2 || n === 4 || (n >= 40 && n < 50) ? 'vo' : 'v'),
    inHeading: { one: '{n} v nadpise', other: '{n} v nadpisoch' },
    strongest: 'najsilnejšia',
    page: 'na s. {n}',
    line: 'na riadku {n}',
    paragraph: 'v odseku {n}',
    inText: 'v texte',
    terms: 'termíny',
    subCriteria: 'pokrytých {a} z {n} čiastkových kritérií',
    noPassage: 'žiadna pasáž nezodpovedá jeho termínom',
    noPassageButChildren: 'žiadna pasáž o téme ako celku',
  },
  pl: {
    status: { met: 'spełnione', partial: 'częściowo', missing: 'brak' },
    passage: { one: '{n} fragment', few: '{n} fragmenty', other: '{n} fragmentów' },
    chapter: { one: 'w {n} rozdziale', other: 'w {n} rozdziałach' },
    inHeading: { one: '{n} w nagłówku', other: '{n} w nagłówkach' },
    strongest: 'najsilniejszy',
    page: 'na s. {n}',
    line: 'w wierszu {n}',
    paragraph: 'w akapicie {n}',
    inText: 'w tekście',
    terms: 'terminy',
    subCriteria: 'uwzględniono {a} z {n} kryteriów szczegółowych',
    noPassage: 'żaden fragment nie zawiera jego terminów',
    noPassageButChildren: 'brak fragmentu o temacie jako całości',
  },
  hu: {
    status: { met: 'teljesül', partial: 'részben', missing: 'hiányzik' },
    passage: { other: '{n} szakasz' },
    chapter: { other: '{n} fejezetben' },
    inHeading: { other: '{n} címsorban' },
    strongest: 'a legerősebb',
    page: '{a} {n}. oldalon',
    line: '{a} {n}. sorban',
    paragraph: '{a} {n}. bekezdésben',
    // "az" before a vowel sound: egy (1), öt (5...), ezer (1000...).
    article: (n) => (/^5/.test(String(n)) || (/^1/.test(String(n)) && String(n).length % 3 === 1) ? 'az' : 'a'),
    inText: 'a szövegben',
    terms: 'kifejezések',
    subCriteria: '{n} alkritériumból {a} lefedve',
    noPassage: 'egyetlen szakasz sem tartalmazza a kifejezéseit',
    noPassageButChildren: 'nincs szakasz a téma egészéről',
  },
};

/** Terms named in an explanation; the evidence lists them all. */
const TERMS_SHOWN = 5;

export function explainStatus(facts: ExplanationFacts, language: string): string {
  const phrases = PHRASES[language] ?? (PHRASES.en as Phrases);
  const rules = pluralRules(PHRASES[language] ? language : 'en');
  const count = (forms: Plural, n: number) =>
    (forms[rules.select(n)] ?? forms.other).replace('{n}', String(n)).replace('{p}', phrases.preposition?.(n) ?? '');
  const status = phrases.status[facts.status];
  const childPart = facts.childCount > 0 ? `; ${phrases.subCriteria.replace('{a}', String(facts.addressedChildren)).replace('{n}', String(facts.childCount))}` : '';
  if (facts.passages === 0) return `${status}: ${facts.addressedChildren > 0 ? phrases.noPassageButChildren : phrases.noPassage}${childPart}`;
  const pieces = [`${count(phrases.passage, facts.passages)} ${count(phrases.chapter, facts.chapters)}`];
  if (facts.headingHits > 0) pieces.push(count(phrases.inHeading, facts.headingHits));
  pieces.push(`${phrases.strongest} ${placeText(facts.place, phrases)}`);
  return `${status}: ${pieces.join(', ')} (${phrases.terms}: ${facts.terms.slice(0, TERMS_SHOWN).join(', ')})${childPart}`;
}

/** Making plural rules costs more than explaining a criterion with them: one per language (a report explains some 230 criteria). */
const pluralRulesByLanguage = new Map<string, Intl.PluralRules>();

function pluralRules(language: string): Intl.PluralRules {
  let rules = pluralRulesByLanguage.get(language);
  if (!rules) {
    rules = new Intl.PluralRules(language);
    pluralRulesByLanguage.set(language, rules);
  }
  return rules;
}

function placeText(place: ExplanationFacts['place'], phrases: Phrases): string {
  const at = (template: string, n: number) => template.replace('{n}', String(n)).replace('{a}', phrases.article?.(n) ?? '');
  if (place?.page !== undefined) return at(phrases.page, place.page);
  if (place?.line !== undefined) return at(phrases.line, place.line);
  if (place?.paragraph !== undefined) return at(phrases.paragraph, place.paragraph);
  if (place?.heading) return `„${place.heading}“`;
  return phrases.inText;
}
