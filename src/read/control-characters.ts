// Control characters and bidirectional overrides are taken out of all a document says: quoted in a
// report printed to a terminal (CSV, say), escape sequences would act on it (clear the screen, set
// its title); in any viewer, an override can make a quote read other than it is (Trojan Source).
// No strategy needs them; tabs, line breaks and form feeds stay for the readers that use them.
import type { Document } from '../document/types.js';

const UNWANTED = /[\u0000-\u0008\u000B\u000E-\u001F\u007F-\u009F\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/**
 * Soft hyphens and zero-width characters (spaces, joiners, word joiner, a BOM inside the text): not
 * seen, but they split words ("ener\u00ADgie"), so that terms do not match. The readers that meet
 * them (DOCX, Markdown) take them out.
 */
const INVISIBLE = /[\u00AD\u200B-\u200D\u2060\uFEFF]/g;

export function withoutInvisibleCharacters(text: string): string {
  return text.replace(INVISIBLE, '');
}

export function withoutControlCharacters(document: Document): Document {
  const clean = (text: string) => text.replace(UNWANTED, '');
  return {
    ...document,
    sections: document.sections.map((section) => ({
      ...section,
      heading: clean(section.heading),
      path: section.path.map(clean),
      blocks: section.blocks.map((block) => ({ ...block, text: clean(block.text) })),
    })),
    metadata: Object.fromEntries(Object.entries(document.metadata).map(([key, value]) => [key, typeof value === 'string' ? clean(value) : value])),
  };
}
