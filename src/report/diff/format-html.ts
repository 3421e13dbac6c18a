// HTML view of a diff: one self-contained page with the scores before and after as paired bars
// (old pale, new coloured) and a table per kind of change.
import type { CriterionState, DiffFormatter } from '../../diff/types.js';
import { barChart, escapeHtml, htmlPage, STATUS_SYMBOL } from '../html.js';
import { CHANGE_TITLE, criteriaNote, grouped, sideLabel, signed, summaryLine } from './common.js';

export const formatDiffHtml: DiffFormatter = (diff) => {
  const bars = [
    { label: 'overall', score: diff.overall.new ?? 0, previous: diff.overall.old ?? 0 },
    ...diff.frameworks.map((framework) => ({ label: framework.id, score: framework.new ?? 0, previous: framework.old ?? 0 })),
  ];
  const body = [
    '<header>',
    '<h1>s4s diff</h1>',
    `<p class="meta">old: ${escapeHtml(sideLabel(diff.old))}<br>new: ${escapeHtml(sideLabel(diff.new))}</p>`,
    '</header>',
    '<main>',
    barChart(bars, 'Scores before (grey) and after (coloured), 0-100'),
    `<p>${escapeHtml(`overall ${signed(diff.overall.delta)} · ${summaryLine(diff)}`)}</p>`,
  ];
  const note = criteriaNote(diff);
  if (note) body.push(`<p class="error">${escapeHtml(note)}</p>`);
  for (const [kind, changes] of grouped(diff)) {
    body.push(`<h2>${escapeHtml(CHANGE_TITLE[kind])} (${changes.length})</h2>`, '<table>', '<tr><th>Criterion</th><th>Old</th><th>New</th><th class="num">Score change</th><th>What to add</th></tr>');
    for (const change of changes) {
      const guidance = change.change === 'regressed' ? escapeHtml(change.guidance ?? '') : '';
      body.push(`<tr><td><code>${escapeHtml(change.id)}</code> ${escapeHtml(change.title)}</td><td>${state(change.old)}</td><td>${state(change.new)}</td><td class="num">${signed(change.scoreDelta, 3)}</td><td>${guidance}</td></tr>`);
    }
    body.push('</table>');
  }
  body.push('</main>');
  return htmlPage('s4s diff', body);
};

function state(value: CriterionState | null): string {
  if (!value) return '—';
  return `<span class="status ${value.status}">${STATUS_SYMBOL[value.status]} ${value.status}</span> ${value.score.toFixed(2)}`;
}
