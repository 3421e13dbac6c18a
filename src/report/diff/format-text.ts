// Terminal view of a diff: scores before and after, then the changed criteria, worst first.
import { Chalk, type ChalkInstance } from 'chalk';
import type { CriterionChange, DiffFormatter, DiffReport } from '../../diff/types.js';
import { CHANGE_TITLE, criteriaNote, grouped, sideLabel, signed, stateText, summaryLine } from './common.js';

export const formatDiffText: DiffFormatter = (diff, options) => {
  const chalk = new Chalk({ level: options.color ? 1 : 0 });
  const lines = [`${chalk.bold('old')} ${sideLabel(diff.old)}`, `${chalk.bold('new')} ${sideLabel(diff.new)}`, ''];
  lines.push(scoreLine('overall', diff.overall.old, diff.overall.new, diff.overall.delta, chalk));
  for (const framework of diff.frameworks) lines.push(scoreLine(framework.id, framework.old, framework.new, framework.delta, chalk));
  for (const [kind, changes] of grouped(diff)) {
    lines.push('', chalk.bold(`${CHANGE_TITLE[kind]} (${changes.length}):`));
    for (const change of changes) lines.push(...changeLines(change, chalk, diff));
  }
  const note = criteriaNote(diff);
  if (note) lines.push('', chalk.yellow(note));
  lines.push('', chalk.dim(summaryLine(diff)));
  return `${lines.join('\n')}\n`;
};

function scoreLine(label: string, before: number | null, after: number | null, delta: number | null, chalk: ChalkInstance): string {
  const colour = delta === null || delta === 0 ? chalk.dim : delta > 0 ? chalk.green : chalk.red;
  const text = (value: number | null) => (value === null ? '—' : value.toFixed(1)).padStart(5);
  return `  ${label.padEnd(8)} ${text(before)} → ${text(after)}  ${colour(signed(delta))}`;
}

function changeLines(change: CriterionChange, chalk: ChalkInstance, diff: DiffReport): string[] {
  const colour = change.change === 'regressed' || change.change === 'score-down' ? chalk.red : change.change === 'improved' || change.change === 'score-up' ? chalk.green : chalk.cyan;
  const delta = change.scoreDelta === null ? '' : `  (${signed(change.scoreDelta, 3)})`;
  const lines = [`  ${colour(change.id.padEnd(28))} ${stateText(change.old)} → ${stateText(change.new)}${delta}  ${chalk.dim(change.title)}`];
  const evidence = change.new?.evidence;
  if (evidence && change.change !== 'regressed') {
    const place = evidence.page !== undefined ? `p. ${evidence.page}` : evidence.line !== undefined ? `line ${evidence.line}` : evidence.section;
    lines.push(chalk.dim(`      ${diff.new.path} ${place}: "${evidence.quote}"`));
  }
  if (change.change === 'regressed' && change.guidance) lines.push(`      ${chalk.bold('What to add:')} ${change.guidance}`);
  return lines;
}
