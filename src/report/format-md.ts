// Markdown report: for several documents a comparison matrix (documents x frameworks, criteria x
// documents) to paste into a research report; then per document the framework scores, the
// criteria table, the evidence quoted with where it stands, and "What to add".
import type { CriterionResult, DocumentResult } from '../score/types.js';
import { criteriaOf, documentLabels, frameworksOf, placeOf } from './labels.js';
import { groupGaps } from './gap-groups.js';
import { escapeInline, markdownTable } from './markdown.js';
import { describeRule } from './thresholds.js';
import { documentLabelsFor } from './document-labels.js';
import type { Formatter, Report } from './types.js';

export const formatMarkdown: Formatter = (report) => {
  const lines: string[] = ['# s4s compliance report', ''];
  const sets = report.criteriaSets.map((set) => `${set.id}@${set.version}`).join(', ');
  lines.push(`${report.tool.name} ${report.tool.version} · criteria ${sets}${report.generatedAt ? ` · ${report.generatedAt}` : ''}`, '');
  if (report.documents.length > 1) lines.push(...comparisonSection(report));
  if (report.thresholds) lines.push(...thresholdSection(report));
  for (const document of report.documents) lines.push(...documentSection(document));
  return `${lines.join('\n').trimEnd()}\n`;
};

function comparisonSection(report: Report): string[] {
  const documents = report.documents;
  const labels = documentLabels(documents.map((document) => document.path)).map(escapeInline);
  const frameworks = frameworksOf(documents);
  const lines = ['## Comparison', '', '### Scores by framework', ''];
  const scoreRows = documents.map((document, index) => {
    if (document.error) return [labels[index]!, '', `error ${escapeInline(document.error.code)}`, ...frameworks.map(() => '')];
    const byId = new Map(document.frameworks.map((framework) => [framework.id, framework.score]));
    return [labels[index]!, document.language ?? '', String(document.score), ...frameworks.map((framework) => String(byId.get(framework.id) ?? ''))];
  });
  const frameworkHeaders = frameworks.map((framework) => `${escapeInline(framework.title)} (\`${framework.id}\`)`);
  lines.push(...markdownTable(['Document', 'Language', 'Overall', ...frameworkHeaders], ['l', 'l', 'r', ...frameworks.map(() => 'r' as const)], scoreRows), '');

  lines.push('### Criteria by document', '');
  const criteria = criteriaOf(documents).filter((criterion) => !criterion.parent);
  const statusRows = criteria.map((criterion) => [
    `\`${criterion.id}\``,
    escapeInline(criterion.title),
    ...documents.map((document) => (document.error ? 'error' : (document.criteria.find((item) => item.id === criterion.id)?.status ?? ''))),
  ]);
  lines.push(...markdownTable(['Criterion', 'Title', ...labels], ['l', 'l', ...documents.map(() => 'l' as const)], statusRows), '');
  lines.push('Top-level criteria; their sub-criteria are in each document\'s tables below and in the CSV report.', '');
  return lines;
}

function thresholdSection(report: Report): string[] {
  const outcome = report.thresholds!;
  const rules = outcome.rules.map(describeRule).join(', ');
  if (outcome.passed) return ['## Thresholds', '', `All thresholds passed (${escapeInline(rules)}).`, ''];
  const lines = ['## Thresholds', '', `Checked: ${escapeInline(rules)}. Failed:`, ''];
  for (const violation of outcome.violations) lines.push(`- ${escapeInline(violation.document)}: ${escapeInline(violation.message)} (${describeRule(violation.rule)})`);
  return [...lines, ''];
}

function documentSection(document: DocumentResult): string[] {
  const label = documentLabelsFor(document.reportLanguage);
  const lines = [`## ${escapeInline(document.path)}`, ''];
  if (document.error) return [...lines, `**${label.couldNotBeAnalysed}** (${escapeInline(document.error.code)}): ${escapeInline(document.error.message)}`, ''];
  const pages = document.pageCount !== undefined ? ` · ${document.pageCount} ${label.pages}` : '';
  lines.push(`${label.format} ${document.format} · ${label.language} ${document.language}${pages} · ${document.sectionCount} ${label.sections} · **${label.overallScore} ${document.score}/100**`, '');
  const frameworkRows = document.frameworks.map((framework) => [
    `${escapeInline(framework.title)} (\`${framework.id}\`)`,
    String(framework.score),
    String(framework.counts.met),
    String(framework.counts.partial),
    String(framework.counts.missing),
  ]);
  lines.push(...markdownTable([label.framework, label.score, label.met, label.partial, label.missing], ['l', 'r', 'r', 'r', 'r'], frameworkRows), '');
  for (const framework of document.frameworks) {
    const rows = document.criteria
      .filter((item) => item.framework === framework.id)
      .map((criterion) => [`\`${criterion.id}\``, escapeInline(criterion.title), label[criterion.status].toLowerCase(), criterion.score.toFixed(2), escapeInline(firstPlace(criterion))]);
    lines.push(`### ${escapeInline(framework.title)}`, '', ...markdownTable([label.criterion, label.title, label.status, label.score, label.evidence], ['l', 'l', 'l', 'r', 'l'], rows), '');
  }
  lines.push(`### ${label.evidence}`, '');
  for (const criterion of document.criteria.filter((item) => item.evidence.length > 0 && !item.parent)) {
    lines.push(`- **\`${criterion.id}\` ${escapeInline(criterion.title)}** — ${escapeInline(criterion.explanation)}`);
    for (const item of criterion.evidence) lines.push(`  - > ${escapeInline(item.quote)} — *${escapeInline(placeOf(item))}*`);
  }
  lines.push('');
  if (document.gaps.length) {
    lines.push(`### ${label.whatToAdd}`, '');
    for (const { gap, parts } of groupGaps(document)) {
      lines.push(`- **\`${gap.id}\` ${escapeInline(gap.title)}** (${label[gap.status].toLowerCase()}): ${escapeInline(gap.guidance)}`);
      if (parts.length) lines.push(`  - ${label.partsNotAddressed}: ${parts.map((part) => `\`${part.id}\``).join(', ')}`);
    }
    lines.push('');
  }
  for (const warning of document.warnings) lines.push(`> ${label.warning}: ${escapeInline(warning)}`, '');
  return lines;
}

function firstPlace(criterion: CriterionResult): string {
  const first = criterion.evidence[0];
  return first ? `${placeOf(first)} (${criterion.evidenceCount})` : '';
}
