// Features of a passage for the learned passage model: the stems of its content words (function
// words and bare numbers left out) and each pair of neighbouring stems ("supply chain"), each once.
// The same function serves training (scripts/train-model.mjs runs the built dist/) and tagging, so
// a model always sees text cut the way it was trained.
import type { LanguageCode } from '../document/types.js';
import { stemWord } from '../match/stem.js';
import { isStopWord } from '../match/stopwords.js';
import { tokenize } from '../match/tokenize.js';

/**
 * English words that say nothing of a topic, beyond the matcher's function words (which are only
 * those a phrase may leave out): pronouns, determiners, auxiliaries, vague adverbs. Without them the
 * model cannot learn the style of its training sentences ("about", "them") instead of their topic.
 */
const MODEL_STOP_WORDS: Partial<Record<LanguageCode, Set<string>>> = {
  en: new Set(
    'i me my we us our ours you your he him his she her it its they them their theirs what which who whom whose this that these those am is are was were be been being do does did doing done have has had having will would shall should can could may might must not no nor so if then than there here when where why how all any both each every few more most other some such only own same very just too also about over again once further while'.split(
      ' ',
    ),
  ),
};

export interface PassageFeatures {
  /** Distinct features in order of first appearance: `stem`, or `stem_stem` for neighbours. */
  features: string[];
  /** How each feature was written in the passage (its first occurrence), for explanations. */
  surface: Map<string, string>;
}

export function passageFeatures(text: string, language: LanguageCode): PassageFeatures {
  const surface = new Map<string, string>();
  const add = (feature: string, written: string) => {
    if (!surface.has(feature)) surface.set(feature, written);
  };
  let previous: { stem: string; text: string } | undefined;
  for (const token of tokenize(text)) {
    if (token.norm.length < 2 || /^\d+$/.test(token.norm) || isStopWord(token.norm, [language]) || MODEL_STOP_WORDS[language]?.has(token.norm)) continue;
    const word = { stem: stemWord(token.norm, language), text: token.text };
    add(word.stem, word.text);
    if (previous) add(`${previous.stem}_${word.stem}`, `${previous.text} ${word.text}`);
    previous = word;
  }
  return { features: [...surface.keys()], surface };
}
