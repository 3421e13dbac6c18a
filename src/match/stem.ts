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
const englishInflections: StemmerModule = { stem: (word) => porterSteps.step1c(porterSteps.step1b(porterSteps.step1a(word))) };
const snowball = require('snowball-stemmers') as { newStemmer(name: string): StemmerModule };

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

const STEMMERS: Record<LanguageCode, StemmerModule> = {
  en: englishInflections,
  cs: snowball.newStemmer('czech'),
  hu: snowball.newStemmer('hungarian'),
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
