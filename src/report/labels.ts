// Small helpers shared by the formatters: where a quote stands, short document labels, the
// frameworks and criteria across documents.
import type { CriterionResult, DocumentResult, EvidenceResult } from '../score/types.js';

/** `Section > Subsection, p. 12` (or line, or paragraph), as people cite a place in a document. */
export function placeOf(item: EvidenceResult): string {
  return [item.section, pageOrLine(item)].filter(Boolean).join(', ');
}

export function pageOrLine(item: EvidenceResult): string {
  if (item.page !== undefined) return `p. ${item.page}`;
  if (item.line !== undefined) return `line ${item.line}`;
  if (item.paragraph !== undefined) return `¶ ${item.paragraph}`;
  return '';
}

/** Column labels for documents: the file name, or the whole path where two file names are the same. */
export function documentLabels(paths: string[]): string[] {
  const names = paths.map((path) => path.split(/[\\/]/).pop() || path);
  return names.map((name, index) => (names.indexOf(name) === names.lastIndexOf(name) ? name : (paths[index] ?? name)));
}

/** Frameworks in the order the documents have them (every analysed document has the same sets). */
export function frameworksOf(documents: DocumentResult[]): { id: string; title: string }[] {
  const seen = new Map<string, string>();
  for (const document of documents) for (const framework of document.frameworks) if (!seen.has(framework.id)) seen.set(framework.id, framework.title);
  return [...seen].map(([id, title]) => ({ id, title }));
}

/** Every criterion that appears in any document, in criteria-set order; title and guidance from the first document that has them. */
export function criteriaOf(documents: DocumentResult[]): CriterionResult[] {
  const seen = new Map<string, CriterionResult>();
  for (const document of documents) {
    for (const criterion of document.criteria) {
      const known = seen.get(criterion.id);
      if (!known) seen.set(criterion.id, criterion);
      else if (known.guidance === undefined && criterion.guidance !== undefined) seen.set(criterion.id, { ...known, guidance: criterion.guidance });
    }
  }
  return [...seen.values()];
}
