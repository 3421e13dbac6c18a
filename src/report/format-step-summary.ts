// The Markdown written to a GitHub Actions job summary ($GITHUB_STEP_SUMMARY): a score table for
// all documents, the thresholds' outcome, and per document the top-level gaps behind a <details>.
import { escapeHtml } from './html.js';
import { frameworksOf } from './labels.js';
import { escapeInline, markdownTable } from './markdown.js';
import { describeRule } from './thresholds.js';
import type { Formatter } from './types.js';

export const formatStepSummary: Formatter = (report) => {
  const frameworks = frameworksOf(report.documents);
  const lines = ['## s4s compliance', ''];
  const rows = report.documents.map((document) => {
    if (document.error) return [escapeInline(document.path), `error ${escapeInline(document.error.code)}`, ...frameworks.map(() => ''), '', '', ''];
    const scores = new Map(document.frameworks.map((framework) => [framework.id, framework.score]));
    const { met, partial, missing } = document.counts;
    return [escapeInline(document.path), String(document.score), ...frameworks.map((framework) => String(scores.get(framework.id) ?? '')), String(met), String(partial), String(missing)];
  });
  const header = ['Document', 'Overall', ...frameworks.map((framework) => `\`${framework.id}\``), 'Met', 'Partial', 'Missing'];
  lines.push(...markdownTable(header, ['l', ...header.slice(1).map(() => 'r' as const)], rows), '');
  if (report.thresholds) {
    const rules = report.thresholds.rules.map(describeRule).join(', ');
    if (report.thresholds.passed) lines.push(`:white_check_mark: Thresholds passed (${escapeInline(rules)}).`, '');
    else {
      lines.push(`:x: Thresholds failed (${escapeInline(rules)}):`, '');
      for (const violation of report.thresholds.violations) lines.push(`- ${escapeInline(violation.document)}: ${escapeInline(violation.message)}`);
      lines.push('');
    }
  }
  for (const document of report.documents) {
    const gaps = document.gaps.filter((gap) => !document.criteria.find((criterion) => criterion.id === gap.id)?.parent);
    if (gaps.length === 0) continue;
    lines.push('<details>', `<summary>What to add to ${escapeHtml(document.path)} (${gaps.length})</summary>`, '');
    for (const gap of gaps) lines.push(`- **\`${gap.id}\`** ${escapeInline(gap.title)} (${gap.status}): ${escapeInline(gap.guidance)}`);
    lines.push('', '</details>', '');
  }
  return `${lines.join('\n').trimEnd()}\n\n`;
};
