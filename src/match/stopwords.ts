// Function words per language (articles, prepositions, conjunctions, auxiliaries), in normalised
// form. Inside a phrase they may be left out or put in: "adaptation to climate change" matches
// "adaptation to the climate change", "Covenant of Mayors" matches "Covenant of the Mayors".
import type { LanguageCode } from '../document/types.js';

const WORDS: Record<LanguageCode, string> = {
  en: 'a an the of to in on at by for from with into onto upon within among and or as its their his her our your this that these those is are was were be been being has have had will would shall should can could may might must which who whose whom such than both either also per via',
  cs: 'a i k ke o u v ve z ze s se na do od ode po pod nad pro pri za mezi pred bez skrz pres jako nebo ale ze by aby kdyz jez ktery ktera ktere kteri kterych kterym jeho jeji jejich jsou je jsem byl byla bylo byly bude budou tento tato toto tyto tech tim take',
  sk: 'a i k ku o u v vo z zo s so na do od odo po pod nad pre pri za medzi pred bez cez ako alebo ale ze by aby ked ktory ktora ktore ktori ktorych ktorym jeho jej ich su je som bol bola bolo boli bude budu tento tato toto tieto tych tym tiez',
  pl: 'a i oraz w we z ze na do od o u po pod nad dla przy za miedzy przed bez przez jako lub albo ale ze by aby gdy ktory ktora ktore ktorzy ktorych ktorym jego jej ich sa jest byl byla bylo byly bedzie beda ten ta to te tych tym takze rowniez sie',
  hu: 'a az egy es is vagy de hogy mint meg mar van volt lesz lehet kell ez azt ezt ezek azok annak ennek amely amelyek aki akik ami amik pedig illetve valamint szamara soran altal kozott mellett reszere',
};

const STOP_WORDS = new Map<LanguageCode, Set<string>>(Object.entries(WORDS).map(([language, words]) => [language as LanguageCode, new Set(words.split(' '))]));

/** True when the normalised word is a function word in any of the languages. */
export function isStopWord(word: string, languages: readonly LanguageCode[]): boolean {
  return languages.some((language) => STOP_WORDS.get(language)?.has(word) ?? false);
}
