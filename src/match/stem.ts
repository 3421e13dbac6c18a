// Stemming per language, so that a criterion's word matches its inflected forms: Porter's
// inflectional first step for English (natural), Snowball for Czech and Hungarian (snowball-stemmers), light suffix rules for
// Slovak and Polish (no maintained stemmer exists for them in JavaScript). Stems are normalised
// (lower case, no diacritics) after stemming, because the stemmers read the diacritics.
import { createRequire } from 'node:module';
import type { LanguageCode } from '../document/types.js';
import { normalizeWord } from './normalize.js';

const require = createRequire(import.meta.url);

interface StemmerModule {
  stem(word: string): string;
}

interface PorterSteps {
  step1a(word: string): string;
  step1b(word: string): string;
  step1c(word: string): string;
}

// natural's package entry loads every model it ships (about 0.3 s); the Porter module alone is cheap.
const porterSteps = require('natural/lib/natural/stemmers/porter_stemmer.js') as PorterSteps;
/**
 * Only Porter's step 1 (plurals, -ed, -ing, -y): the later, derivational steps merge words a
 * criterion must tell apart (accountability and account, organic and organization, universal
 * and university, sustainable and sustain).
 */
const englishInflections: StemmerModule = { stem: (word) => porterSteps.step1c(porterSteps.step1b(porterSteps.step1a(americanSpelling(withoutPossessive(word))))) };

/** "worker's", "workers'" and "children's" are the words worker, workers and children. */
function withoutPossessive(word: string): string {
  return word.replace(/'s?$/, '');
}

/** British spellings whose American twin differs by more than an ending; criteria and texts use both. */
const BRITISH_WORDS: Record<string, string> = {
  labour: 'labor', behaviour: 'behavior', neighbour: 'neighbor', favour: 'favor', colour: 'color', harbour: 'harbor', honour: 'honor',
  endeavour: 'endeavor', vapour: 'vapor', rumour: 'rumor', humour: 'humor', vigour: 'vigor', flavour: 'flavor', odour: 'odor',
  centre: 'center', fibre: 'fiber', metre: 'meter', litre: 'liter', theatre: 'theater', programme: 'program', defence: 'defense',
  offence: 'offense', licence: 'license', ageing: 'aging', paediatric: 'pediatric', anaemia: 'anemia', foetus: 'fetus',
  sceptic: 'skeptic', catalogue: 'catalog', dialogue: 'dialog', travelled: 'traveled', modelling: 'modeling', fulfil: 'fulfill',
};
const BRITISH_PREFIX = new RegExp(`^(${Object.keys(BRITISH_WORDS).join('|')})`);

/**
 * One spelling for British and American English, applied to terms and texts alike (so it only has
 * to be consistent): labour = labor, organisation = organization, analyse = analyze.
 */
export function americanSpelling(word: string): string {
  return word
    .replace(BRITISH_PREFIX, (root) => BRITISH_WORDS[root] ?? root)
    .replace(/isation/g, 'ization')
    .replace(/^(\p{L}{3,})(is|ys)(e|ed|es|ing|er|ers)$/u, (_match, stem: string, letters: string, ending: string) => `${stem}${letters === 'is' ? 'iz' : 'yz'}${ending}`);
}

/** Suffixes of Slovak declension and derivation, longest first. */
const SLOVAK_ENDINGS = ['ovia', 'iach', 'iami', 'ými', 'ych', 'ých', 'ého', 'ému', 'ami', 'ach', 'ách', 'iam', 'iou', 'ím', 'ej', 'ou', 'om', 'ov', 'ia', 'ie', 'ií', 'ám', 'ým', 'é', 'á', 'ý', 'í', 'a', 'e', 'i', 'o', 'u', 'y'];
/** Suffixes of Polish declension, longest first. */
const POLISH_ENDINGS = ['owie', 'iami', 'iach', 'iego', 'iemu', 'ymi', 'imi', 'ych', 'ich', 'ego', 'emu', 'ami', 'ach', 'iej', 'iom', 'owi', 'iem', 'ów', 'om', 'ej', 'em', 'ą', 'ę', 'ia', 'ie', 'iu', 'ii', 'ym', 'im', 'a', 'e', 'i', 'o', 'u', 'y'];
/** A stem shorter than this says too little; the suffix stays. */
const MIN_LIGHT_STEM = 4;

function lightStemmer(endings: string[]): StemmerModule {
  return {
    stem(word) {
      for (const ending of endings) {
        if (word.endsWith(ending) && word.length - ending.length >= MIN_LIGHT_STEM) return word.slice(0, -ending.length);
      }
      return word;
    },
  };
}

/** Snowball's stemmers come in one module of every language (about 60 ms to load): loaded when Czech or Hungarian is first stemmed. */
function snowballStemmer(name: string): StemmerModule {
  let stemmer: StemmerModule | undefined;
  return {
    stem(word) {
      stemmer ??= (require('snowball-stemmers') as { newStemmer(name: string): StemmerModule }).newStemmer(name);
      return stemmer.stem(word);
    },
  };
}

const STEMMERS: Record<LanguageCode, StemmerModule> = {
  en: englishInflections,
  cs: snowballStemmer('czech'),
  hu: snowballStemmer('hungarian'),
  sk: lightStemmer(SLOVAK_ENDINGS),
  pl: lightStemmer(POLISH_ENDINGS),
};

/** Stemming is the hot path of matching: each word type is stemmed once per language. */
const CACHE_LIMIT = 200_000;
const caches = new Map<LanguageCode, Map<string, string>>();

/** The normalised stem of a word (given in any case, with or without diacritics). */
export function stemWord(word: string, language: LanguageCode): string {
  let cache = caches.get(language);
  if (!cache) {
    cache = new Map();
    caches.set(language, cache);
  }
  const cached = cache.get(word);
  if (cached !== undefined) return cached;
  const lower = word.normalize('NFC').toLowerCase().replace(/[’ʼ‘]/g, "'");
  // Numbers and very short words have no inflection worth removing.
  const stem = /\d/.test(lower) || lower.length < 4 ? normalizeWord(lower) : normalizeWord(STEMMERS[language].stem(lower));
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(word, stem);
  return stem;
}
