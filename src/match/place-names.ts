// Street and square names are addresses, not topics: "Školská ulica", "ul. Szpitalna", "Mierové
// námestie", "Iskola utca", "School Street" say where something is, and their words ("school",
// "hospital", "peace", "forest") must not count as evidence. Strategies give many addresses (where a
// car park, a stop or a new building will be), and each one tagged a goal it is not about.
//
// A street's name is the capitalised words just before a street word ("Lesní ulice", "Kossuth
// Lajos utca", "High Street") or just after one ("ul. 3 Maja", "náměstí Míru", "plac Wolności").
import { normalized } from './tokenize.js';

/** Street words after which a name follows ("ul. Szpitalna", "náměstí Míru", "ulica Długa"), normalised. */
const NAME_FOLLOWS = new Set([
  'ul', 'ulice', 'ulici', 'ulica', 'ulicu', 'ulicy', 'ulicou', 'namesti', 'namestie', 'namestia',
  'plac', 'placu', 'placem', 'aleja', 'alei', 'al', 'skwer', 'skweru',
]);

/**
 * Street words after a name ("Lesní ulice", "Mierové námestie", "Iskola utca", "Szabadság tér"),
 * normalised. Polish puts the name after ("ul.", "plac"), so its words are not here: the capitalised
 * words before them are the name of whatever stands at the address.
 */
const NAME_PRECEDES = new Set([
  'ulice', 'ulici', 'ulica', 'ulicu', 'ulicou', 'namesti', 'namestie', 'namestia',
  'trida', 'tride', 'tridy', 'tridu', 'trieda', 'triede', 'triedy', 'triedu', 'nabrezi', 'nabrezie', 'nabrezia',
  'utca', 'utcai', 'utcaban', 'utcan', 'utcat', 'utcara', 'utcabol', 'utcaig', 'ut', 'uton', 'utja', 'utra', 'utnal',
  'ter', 'teren', 'teret', 'terre', 'terrol', 'korut', 'koruton', 'setany',
]);

/** English street words count only capitalised, as part of a name ("Mill Road", not "the road to"). */
const ENGLISH_NAME_PRECEDES = new Set(['Street', 'Road', 'Avenue', 'Lane', 'Square', 'Boulevard']);

/**
 * Czech and Slovak plurals spelt like a singular street word: "Bezpečné ulice pro chodce" (safe
 * streets). A capitalised first word before them may be an ordinary adjective, so it is kept.
 * ("Mírové náměstí" opening a sentence is a name far more often than "Nová náměstí" is a plural.)
 */
const AMBIGUOUS_AT_START = new Set(['ulice', 'tridy', 'triedy']);

const LONGEST_STREET_WORD = Math.max(...[...NAME_PRECEDES, ...NAME_FOLLOWS].map((word) => word.length));

/** Words of a name at most, on either side of the street word. */
const MAX_NAME_WORDS = 3;

const CAPITALISED = /^\p{Lu}/u;
const DIGITS = /^\d+$/;

/**
 * The sentence's words (`writtenWords`) with those of street and square names blanked (an empty
 * string, which no term matches and which is no function word a phrase may skip). Positions stay as
 * they were, so `near` distances and evidence spans are unchanged. Returns `words` itself when the
 * sentence names no street.
 */
export function withoutStreetNames(words: string[]): string[] {
  let masked: string[] | undefined;
  for (let position = 0; position < words.length; position++) {
    const word = words[position] as string;
    // Every word of a document passes here: a long one is no street word, and needs no normalising.
    const norm = word.length <= LONGEST_STREET_WORD ? normalized(word) : '';
    const precedes = NAME_PRECEDES.has(norm) || ENGLISH_NAME_PRECEDES.has(word);
    if (!precedes && !NAME_FOLLOWS.has(norm)) continue;
    if (precedes) {
      // "Lesní ulice", "Kossuth Lajos utca": capitalised words just before.
      let first = position;
      while (first > 0 && position - first < MAX_NAME_WORDS && CAPITALISED.test(words[first - 1] as string)) first--;
      if (first === 0 && position > 0 && AMBIGUOUS_AT_START.has(norm)) first = Math.min(1, position);
      for (let at = first; at < position; at++) (masked ??= [...words])[at] = '';
    }
    if (NAME_FOLLOWS.has(norm)) {
      // "ul. 3 Maja", "náměstí Míru": capitalised words (and a number) just after.
      let at = position + 1;
      while (at < words.length && at - position <= MAX_NAME_WORDS && (CAPITALISED.test(words[at] as string) || DIGITS.test(words[at] as string))) (masked ??= [...words])[at++] = '';
    }
  }
  return masked ?? words;
}
