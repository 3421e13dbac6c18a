// Terminal summary: per document the overall and framework scores, the status of each top-level
// criterion, and the top gaps. With several documents, each gets a compact block (scores and
// the first gaps) so that a batch stays readable. Colour only when the caller allows it.
import { Chalk, type ChalkInstance } from 'chalk';
import type { CriterionResult, DocumentResult, Status } from '../score/types.js';
import { describeRule } from './thresholds.js';
import type { Formatter } from './types.js';

const SYMBOL: Record<Status, string> = { met: '✔', partial: '◐', missing: '✘' };
const GAPS_SHOWN = 5;
const GAPS_SHOWN_IN_BATCH = 3;

export const formatText: Formatter = (report, options) => {
  const chalk = new Chalk({ level: options.color ? 1 : 0 });
  const lines: string[] = [];
  const compact = report.documents.length > 1;
  for (const document of report.documents) {
    lines.push(...documentLines(document, chalk, compact), '');
  }
  const { documents, analysed, failed } = report.summary;
  const sets = report.criteriaSets.map((set) => `${set.id}@${set.version}`).join(', ');
  lines.push(chalk.dim(`${documents} document${documents === 1 ? '' : 's'}: ${analysed} analysed, ${failed} failed · criteria ${sets}`));
  if (report.thresholds) {
    const rules = report.thresholds.rules.map(describeRule).join(', ');
    const count = report.thresholds.violations.length;
    lines.push(report.thresholds.passed ? chalk.green(`thresholds passed: ${rules}`) : chalk.red(`thresholds failed: ${count} violation${count === 1 ? '' : 's'} of ${rules}`));
  }
  return `${lines.join('\n')}\n`;
};

function documentLines(document: DocumentResult, chalk: ChalkInstance, compact: boolean): string[] {
  if (document.error) return [`${chalk.bold(document.path)}  ${chalk.red(`error ${document.error.code}`)}: ${document.error.message}`];
  const pages = document.pageCount !== undefined ? `, ${document.pageCount} pages` : '';
  const lines = [`${chalk.bold(document.path)}  ${chalk.dim(`${document.format}, ${document.language}${pages}, ${document.sectionCount} sections`)}`];
  lines.push(`  overall ${scoreColour(document.score ?? 0, chalk)}`);
  for (const framework of document.frameworks) {
    const { met, partial, missing } = framework.counts;
    lines.push(`  ${framework.id.padEnd(6)} ${scoreColour(framework.score, chalk)}  ${chalk.green(`${met} met`)}, ${chalk.yellow(`${partial} partial`)}, ${chalk.red(`${missing} missing`)}  ${chalk.dim(framework.title)}`);
  }
  const topLevel = compact ? [] : document.criteria.filter((criterion) => !criterion.parent);
  for (const criterion of topLevel) lines.push(`    ${criterionLine(criterion, chalk)}`);
  const gaps = document.gaps.filter((gap) => !gap.id.includes('.')).slice(0, compact ? GAPS_SHOWN_IN_BATCH : GAPS_SHOWN);
  if (gaps.length) {
    lines.push(`  ${chalk.bold('What to add first:')}`);
    for (const gap of gaps) lines.push(`    ${chalk.cyan(gap.id)}: ${gap.guidance}`);
  }
  for (const warning of document.warnings) lines.push(`  ${chalk.yellow('warning')} ${warning}`);
  return lines;
}

function criterionLine(criterion: CriterionResult, chalk: ChalkInstance): string {
  const colour = criterion.status === 'met' ? chalk.green : criterion.status === 'partial' ? chalk.yellow : chalk.red;
  const where = criterion.evidence[0];
  const place = where?.page !== undefined ? ` p. ${where.page}` : where?.line !== undefined ? ` line ${where.line}` : '';
  return `${colour(`${SYMBOL[criterion.status]} ${criterion.status.padEnd(7)}`)} ${criterion.id.padEnd(28)} ${criterion.title}${chalk.dim(place)}`;
}

function scoreColour(score: number, chalk: ChalkInstance): string {
  const text = `${score.toFixed(1).padStart(5)}/100`;
  if (score >= 70) return chalk.green(text);
  if (score >= 40) return chalk.yellow(text);
  return chalk.red(text);
}
