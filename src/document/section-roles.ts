// Marks the parts of a document that must not count as full evidence: the table of contents
// (never evidence), reference lists and annexes (weigh less). Works on headings in the five
// languages and on the shape of the text, so every reader gets it.
import type { Section, TextBlock } from './types.js';
import { normalizeWord } from '../match/normalize.js';

type SectionRole = NonNullable<Section['role']>;

const HEADING_ROLES: [SectionRole, RegExp][] = [
  ['toc', /^(table of contents|contents|obsah|spis tresci|spis rzeczy|tartalomjegyzek|tartalom)$/],
  ['reference', /^(references|bibliography|sources|literatura|pouzita literatura|zdroje|seznam zdroju|zoznam literatury|bibliografia|zrodla|irodalom|hivatkozasok|forrasok)$/],
  ['annex', /^(annex(es)?|appendix|appendices|prilohy?|prilohy|zalaczniki?|aneks|mellekletek?|fuggelek)\b/],
];

/** A line like "Introduction ... 5" or "2.1 Vize 14": a contents entry. */
const CONTENTS_LINE = /(\.{3,}|…|\s)\s*\d{1,4}\s*$/;

export function classifySectionRoles(sections: Section[]): Section[] {
  let inherited: { role: SectionRole; level: number } | undefined;
  return sections.map((section) => {
    if (inherited && section.level > inherited.level && inherited.role !== 'toc') {
      return { ...section, role: section.role ?? inherited.role };
    }
    inherited = undefined;
    const role = section.role ?? roleFromHeading(section.heading) ?? (looksLikeContents(section.blocks) ? 'toc' : undefined);
    if (!role) return section;
    inherited = { role, level: section.level };
    return { ...section, role };
  });
}

function roleFromHeading(heading: string): SectionRole | undefined {
  const normalized = heading
    .split(/\s+/)
    .map(normalizeWord)
    .join(' ')
    .replace(/^([\divx]+[.)]?\s*)+/, '')
    .replace(/[^a-z ]/g, '')
    .trim();
  return HEADING_ROLES.find(([, pattern]) => pattern.test(normalized))?.[0];
}

/**
 * Most lines end in a page number, there are several of them, and the numbers do not go down
 * (a table of figures ending in years or amounts would not keep that order). Tables are skipped.
 */
function looksLikeContents(blocks: TextBlock[]): boolean {
  const lines = blocks
    .filter((block) => block.role !== 'table')
    .flatMap((block) => block.text.split('\n'))
    .map((line) => line.trim())
    .filter(Boolean);
  if (lines.length < 4) return false;
  const pages = lines.filter((line) => CONTENTS_LINE.test(line) && /\p{L}/u.test(line)).map((line) => Number(/(\d{1,4})\s*$/.exec(line)?.[1]));
  if (pages.length / lines.length < 0.7) return false;
  const ascending = pages.slice(1).filter((page, index) => page >= (pages[index] ?? 0)).length;
  return ascending / (pages.length - 1) >= 0.8;
}
