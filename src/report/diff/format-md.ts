// Markdown view of a diff: a score table before and after, then a table per kind of change.
import type { DiffFormatter } from '../../diff/types.js';
import { escapeInline, markdownTable } from '../markdown.js';
import { CHANGE_TITLE, criteriaNote, grouped, sideLabel, signed, stateText, summaryLine } from './common.js';

export const formatDiffMarkdown: DiffFormatter = (diff) => {
  const lines = ['# s4s diff', '', `- old: ${escapeInline(sideLabel(diff.old))}`, `- new: ${escapeInline(sideLabel(diff.new))}`, ''];
  const score = (value: number | null) => (value === null ? '—' : String(value));
  const rows = [
    ['Overall', score(diff.overall.old), score(diff.overall.new), signed(diff.overall.delta)],
    ...diff.frameworks.map((framework) => [`${escapeInline(framework.title)} (\`${framework.id}\`)`, score(framework.old), score(framework.new), signed(framework.delta)]),
  ];
  lines.push(...markdownTable(['Score', 'Old', 'New', 'Change'], ['l', 'r', 'r', 'r'], rows), '');
  for (const [kind, changes] of grouped(diff)) {
    lines.push(`## ${CHANGE_TITLE[kind]} (${changes.length})`, '');
    const changeRows = changes.map((change) => [
      `\`${change.id}\``,
      escapeInline(change.title),
      stateText(change.old),
      stateText(change.new),
      signed(change.scoreDelta, 3),
      change.change === 'regressed' ? escapeInline(change.guidance ?? '') : '',
    ]);
    lines.push(...markdownTable(['Criterion', 'Title', 'Old', 'New', 'Score change', 'What to add'], ['l', 'l', 'l', 'l', 'r', 'l'], changeRows), '');
  }
  if (diff.changes.length === 0) lines.push('No criterion changed status or score.', '');
  const note = criteriaNote(diff);
  if (note) lines.push(`> ${escapeInline(note)}`, '');
  lines.push(summaryLine(diff), '');
  return lines.join('\n');
};
