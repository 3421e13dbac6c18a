// Gaps as a reader takes them in: a missing goal's own guidance already says what to add, so its
// missing sub-criteria (the goal's targets, a pillar's chapters) are only named under it, not
// advised one by one; a partly addressed sub-criterion, or one of a partial or met criterion, keeps
// its own advice, which is what is specific.
// The JSON, CSV and SARIF reports keep every gap as it is.
import type { DocumentResult, Gap } from '../score/types.js';

export interface GapGroup {
  gap: Gap;
  /** Sub-criteria not addressed either, named only (the parent's guidance covers them). */
  parts: Gap[];
}

export function groupGaps(document: DocumentResult): GapGroup[] {
  const parentOf = new Map(document.criteria.flatMap((criterion) => (criterion.parent ? [[criterion.id, criterion.parent] as const] : [])));
  const groups = new Map<string, GapGroup>();
  const ordered: GapGroup[] = [];
  for (const gap of document.gaps) {
    const parent = parentOf.get(gap.id);
    const parentGroup = parent === undefined ? undefined : groups.get(parent);
    if (parentGroup && parentGroup.gap.status === 'missing' && gap.status === 'missing') {
      parentGroup.parts.push(gap);
      continue;
    }
    const group = { gap, parts: [] };
    groups.set(gap.id, group);
    ordered.push(group);
  }
  return ordered;
}
