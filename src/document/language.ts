// Language detection for documents and sections: franc's trigram model restricted to the five
// languages s4s reads, then letters and function words only Czech or only Slovak use to tell the
// two apart (trigrams find them close). A section keeps the document's language unless its own
// text says otherwise clearly.
import { francAll } from 'franc';
import type { DetectedLanguage, Document, LanguageCode, Section } from './types.js';

const FRANC_TO_CODE: Record<string, LanguageCode> = { ces: 'cs', slk: 'sk', pol: 'pl', hun: 'hu', eng: 'en' };
const FRANC_ONLY = Object.keys(FRANC_TO_CODE);
/** Enough text to judge a document; more only costs time. */
const SAMPLE_CHARS = 20_000;
/**
 * Enough to judge one section: trigram scores of the five languages settle within a few hundred
 * characters, and franc's cost grows with the sample (on a 350-page PDF, whole sections took 0.15 s).
 */
const SECTION_SAMPLE_CHARS = 1_200;
/** Sections shorter than this take the document's language. */
const MIN_SECTION_CHARS = 200;

export interface LanguageGuess {
  language: DetectedLanguage;
  /** How far ahead of the runner-up the winner is, 0 (a tie) to 1. */
  margin: number;
}

export function detectLanguage(text: string): DetectedLanguage {
  return guessLanguage(text).language;
}

export function guessLanguage(text: string, sampleChars = SAMPLE_CHARS): LanguageGuess {
  const sample = sampleOf(text, sampleChars);
  const ranked = francAll(sample, { only: FRANC_ONLY, minLength: 20 });
  const [first, second] = ranked;
  const code = first ? FRANC_TO_CODE[first[0]] : undefined;
  if (!code || !first) return { language: 'und', margin: 0 };
  const margin = second ? first[1] - second[1] : 1;
  if (code === 'en') {
    // Trigrams of a few words ("Vize. Bude doplněno.") can look English; letters English never uses cannot.
    const lettered = byOwnLetters(sample);
    if (lettered) return { language: lettered, margin: 0.1 };
  }
  if (code === 'cs' || code === 'sk') {
    const other = second && FRANC_TO_CODE[second[0]];
    const close = other === 'cs' || other === 'sk' ? czechOrSlovak(sample) : undefined;
    // Words and letters only one of the two uses are stronger evidence than trigram scores.
    return { language: close ?? code, margin: close ? Math.max(margin, 0.1) : margin };
  }
  return { language: code, margin };
}

/** Beginning, middle and end: a title page or an English abstract alone does not decide. */
function sampleOf(text: string, sampleChars: number): string {
  if (text.length <= sampleChars) return text;
  const third = Math.floor(sampleChars / 3);
  const middle = Math.floor(text.length / 2 - third / 2);
  return `${text.slice(0, third)}\n${text.slice(middle, middle + third)}\n${text.slice(-third)}`;
}

/** Letters each V4 language has and English (and the other three, mostly) does not. */
const OWN_LETTERS: [LanguageCode, RegExp][] = [
  ['cs', /[ěřů]/giu],
  ['sk', /[ľĺŕô]/giu],
  ['pl', /[ąęłńśźż]/giu],
  ['hu', /[őű]/giu],
];

/** The V4 language whose own letters a text called English clearly has (three or more, and 2 % of its letters: not a name or two). */
function byOwnLetters(text: string): LanguageCode | undefined {
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  let best: LanguageCode | undefined;
  let bestCount = 2;
  for (const [language, pattern] of OWN_LETTERS) {
    const found = text.match(pattern)?.length ?? 0;
    if (found > bestCount && found >= 0.02 * letters) {
      best = language;
      bestCount = found;
    }
  }
  if (best === 'cs' || best === 'sk') return czechOrSlovak(text) ?? best;
  return best;
}

const CZECH_LETTERS = /[ěřů]/g;
const SLOVAK_LETTERS = /[ľĺŕäô]/g;
const CZECH_WORDS = /(?<!\p{L})(které|který|která|jsou|také|může|být|nebo|jako|podle|již|město|města|obce|pro|při|jejich|mezi|během|přes)(?!\p{L})/gu;
const SLOVAK_WORDS = /(?<!\p{L})(ktoré|ktorý|ktorá|sú|tiež|môže|byť|alebo|ako|podľa|už|mesto|mesta|obce|pre|pri|ich|medzi|počas|cez)(?!\p{L})/gu;

/** Letters and words only one of the two languages uses; undefined when they do not tell. */
export function czechOrSlovak(text: string): 'cs' | 'sk' | undefined {
  const lower = text.toLowerCase();
  const czech = count(lower, CZECH_LETTERS) + count(lower, CZECH_WORDS) * 3;
  const slovak = count(lower, SLOVAK_LETTERS) + count(lower, SLOVAK_WORDS) * 3;
  if (czech === slovak) return undefined;
  return czech > slovak ? 'cs' : 'sk';
}

function count(text: string, pattern: RegExp): number {
  return text.match(pattern)?.length ?? 0;
}

/** Text that says something about language: contents entries and tables of numbers do not. */
function sectionText(section: Section): string {
  return [section.heading, ...section.blocks.filter((block) => block.role !== 'toc' && block.role !== 'table').map((block) => block.text)].join('\n');
}

/** How far a section's own language must lead, per 100 characters read, to differ from the document's. */
const CLEAR_LEAD = 0.1;
/** Shorter section texts say too little to vote on the document's language. */
const MIN_VOTING_CHARS = 20;
/** Below this much voting text the document is judged as a whole instead. */
const MIN_VOTED_CHARS = 400;

/**
 * The language most of the document's text is in: each section's own guess, weighted by its length.
 * One sample of the whole text would not do: franc reads only the first 2,048 characters it is given,
 * so an English summary in front of a short Czech strategy made it English.
 */
function majorityLanguage(texts: string[], guesses: (LanguageGuess | undefined)[]): DetectedLanguage {
  const weights = new Map<DetectedLanguage, number>();
  guesses.forEach((guess, index) => {
    if (guess && guess.language !== 'und') weights.set(guess.language, (weights.get(guess.language) ?? 0) + (texts[index]?.length ?? 0));
  });
  let best: DetectedLanguage = 'und';
  for (const [language, weight] of weights) if (weight > (weights.get(best) ?? 0)) best = language;
  // Sections of a few words each guess poorly one by one: a short document is judged as a whole.
  const voted = [...weights.values()].reduce((sum, weight) => sum + weight, 0);
  return best !== 'und' && voted >= MIN_VOTED_CHARS ? best : detectLanguage(texts.join('\n'));
}

/** Sets the document's language (forced or detected) and each section's own language. */
export function detectDocumentLanguage(document: Document, forced?: LanguageCode): Document {
  if (forced) return { ...document, language: forced, sections: document.sections.map((section) => ({ ...section, language: forced })) };
  const texts = document.sections.map(sectionText);
  const guesses = document.sections.map((section, index) => {
    const text = texts[index] ?? '';
    return text.length < MIN_VOTING_CHARS || section.role === 'toc' ? undefined : guessLanguage(text, SECTION_SAMPLE_CHARS);
  });
  const language = majorityLanguage(texts, guesses);
  const sections = document.sections.map((section, index) => {
    const text = texts[index] ?? '';
    const own = guesses[index];
    if (text.length < MIN_SECTION_CHARS || !own) return { ...section, language };
    // A section differs from the document only on a clear lead (cs/sk settle by their own words).
    // franc divides its scores by the length of what it read, so its margins shrink as sections grow:
    // scaled to 100 characters, one bar serves every length (a long Polish summary in a Czech
    // strategy leads Czech by 0.012 unscaled, 0.15 scaled; Czech sections lead by 0.2 and more).
    const lead = own.margin * (Math.min(text.length, SECTION_SAMPLE_CHARS) / 100);
    const clear = lead >= CLEAR_LEAD || language === 'und';
    return { ...section, language: own.language !== 'und' && clear ? own.language : language };
  });
  return { ...document, language, sections };
}
