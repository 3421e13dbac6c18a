// Helpers shared by the diff formatters: signed numbers, group titles and order, state text.
import type { ChangeKind, CriterionChange, CriterionState, DiffReport } from '../../diff/types.js';

/** Worst news first. */
export const CHANGE_ORDER: ChangeKind[] = ['regressed', 'improved', 'score-down', 'score-up', 'added', 'removed'];

export const CHANGE_TITLE: Record<ChangeKind, string> = {
  regressed: 'Regressed (status got worse)',
  improved: 'Improved (status got better)',
  'score-down': 'Weaker evidence (same status)',
  'score-up': 'Stronger evidence (same status)',
  added: 'Only in the new version',
  removed: 'Only in the old version',
};

export function signed(value: number | null, digits = 1): string {
  if (value === null) return '';
  if (value === 0) return '±0';
  return `${value > 0 ? '+' : '−'}${Math.abs(value).toFixed(digits)}`;
}

export function stateText(state: CriterionState | null): string {
  return state ? `${state.status} ${state.score.toFixed(2)}` : '—';
}

export function grouped(diff: DiffReport): [ChangeKind, CriterionChange[]][] {
  return CHANGE_ORDER.map((kind): [ChangeKind, CriterionChange[]] => [kind, diff.changes.filter((change) => change.change === kind)]).filter(([, changes]) => changes.length > 0);
}

export function summaryLine(diff: DiffReport): string {
  const { regressed, improved, scoreUp, scoreDown, added, removed, unchanged } = diff.summary;
  const parts = [`${regressed} regressed`, `${improved} improved`, `${scoreDown + scoreUp} with another score`];
  if (added) parts.push(`${added} added`);
  if (removed) parts.push(`${removed} removed`);
  return `${parts.join(', ')}, ${unchanged} unchanged`;
}

/** A note when the two versions were not checked against the same criteria sets. */
export function criteriaNote(diff: DiffReport): string | undefined {
  const before = diff.old.criteriaSets.join(', ');
  const after = diff.new.criteriaSets.join(', ');
  return before === after ? undefined : `The versions were checked against different criteria (${before} and ${after}): some changes may come from the criteria, not the text.`;
}

export function sideLabel(side: DiffReport['old']): string {
  return side.source === 'report' ? `${side.path} (saved report ${side.reportPath ?? ''})`.replace(/ \)$/, ')') : side.path;
}
