// Language detection for documents and sections: franc's trigram model restricted to the five
// languages s4s reads, with a letter-based tie-break between Czech and Slovak.
import { franc } from 'franc';
import type { DetectedLanguage, Document, LanguageCode } from './types.js';

const FRANC_TO_CODE: Record<string, LanguageCode> = { ces: 'cs', slk: 'sk', pol: 'pl', hun: 'hu', eng: 'en' };
const FRANC_ONLY = Object.keys(FRANC_TO_CODE);
/** Enough text to judge a document; more only costs time. */
const SAMPLE_CHARS = 20_000;

export function detectLanguage(text: string): DetectedLanguage {
  const sample = text.slice(0, SAMPLE_CHARS);
  const code = FRANC_TO_CODE[franc(sample, { only: FRANC_ONLY, minLength: 20 })];
  if (code === 'cs' || code === 'sk') return czechOrSlovak(sample, code);
  return code ?? 'und';
}

/** Letters and words only one of the two languages uses settle what trigrams find close. */
function czechOrSlovak(text: string, fallback: 'cs' | 'sk'): 'cs' | 'sk' {
  const lower = text.toLowerCase();
  const czech = count(lower, /[ěřů]/g) + count(lower, /\b(které|jsou|také|může|být)\b/g) * 3;
  const slovak = count(lower, /[ľĺŕäô]/g) + count(lower, /\b(ktoré|sú|tiež|môže|byť|alebo)\b/g) * 3;
  if (czech === slovak) return fallback;
  return czech > slovak ? 'cs' : 'sk';
}

function count(text: string, pattern: RegExp): number {
  return text.match(pattern)?.length ?? 0;
}

/** Sets the document's language (forced or detected) and each long section's own language. */
export function detectDocumentLanguage(document: Document, forced?: LanguageCode): Document {
  const sectionTexts = document.sections.map((section) => [section.heading, ...section.blocks.map((block) => block.text)].join('\n'));
  const language = forced ?? detectLanguage(sectionTexts.join('\n'));
  const sections = document.sections.map((section, index) => {
    if (forced) return { ...section, language: forced };
    const text = sectionTexts[index] ?? '';
    const own = text.length >= 200 ? detectLanguage(text) : 'und';
    return { ...section, language: own === 'und' ? language : own };
  });
  return { ...document, language, sections };
}
