// Markdown report: per document a summary of framework scores, the criteria table, the evidence
// quoted with where it stands, and "What to add" from the guidance of unmet criteria.
import type { CriterionResult, DocumentResult, EvidenceResult } from '../score/types.js';
import type { Formatter } from './types.js';

export const formatMarkdown: Formatter = (report) => {
  const lines: string[] = ['# s4s compliance report', ''];
  const sets = report.criteriaSets.map((set) => `${set.id}@${set.version}`).join(', ');
  lines.push(`${report.tool.name} ${report.tool.version} · criteria ${sets}${report.generatedAt ? ` · ${report.generatedAt}` : ''}`, '');
  for (const document of report.documents) lines.push(...documentSection(document));
  return `${lines.join('\n').trimEnd()}\n`;
};

function documentSection(document: DocumentResult): string[] {
  const lines = [`## ${escapeInline(document.path)}`, ''];
  if (document.error) return [...lines, `**Could not be analysed** (${document.error.code}): ${escapeInline(document.error.message)}`, ''];
  const pages = document.pageCount !== undefined ? ` · ${document.pageCount} pages` : '';
  lines.push(`Format ${document.format} · language ${document.language}${pages} · ${document.sectionCount} sections · **overall score ${document.score}/100**`, '');
  lines.push('| Framework | Score | Met | Partial | Missing |', '|---|---:|---:|---:|---:|');
  for (const framework of document.frameworks) {
    lines.push(`| ${escapeCell(framework.title)} (\`${framework.id}\`) | ${framework.score} | ${framework.counts.met} | ${framework.counts.partial} | ${framework.counts.missing} |`);
  }
  lines.push('');
  for (const framework of document.frameworks) {
    lines.push(`### ${escapeInline(framework.title)}`, '', '| Criterion | Title | Status | Score | Evidence |', '|---|---|---|---:|---|');
    for (const criterion of document.criteria.filter((item) => item.framework === framework.id)) {
      lines.push(`| \`${criterion.id}\` | ${escapeCell(criterion.title)} | ${criterion.status} | ${criterion.score.toFixed(2)} | ${escapeCell(firstPlace(criterion))} |`);
    }
    lines.push('');
  }
  lines.push('### Evidence', '');
  for (const criterion of document.criteria.filter((item) => item.evidence.length > 0 && !item.parent)) {
    lines.push(`- **\`${criterion.id}\` ${escapeInline(criterion.title)}** — ${escapeInline(criterion.explanation)}`);
    for (const item of criterion.evidence) lines.push(`  - > ${escapeInline(item.quote)} — *${escapeInline(placeOf(item))}*`);
  }
  lines.push('');
  const gaps = document.gaps;
  if (gaps.length) {
    lines.push('### What to add', '');
    for (const gap of gaps) lines.push(`- **\`${gap.id}\` ${escapeInline(gap.title)}** (${gap.status}): ${escapeInline(gap.guidance)}`);
    lines.push('');
  }
  return lines;
}

function firstPlace(criterion: CriterionResult): string {
  const first = criterion.evidence[0];
  if (!first) return '';
  return `${placeOf(first)} (${criterion.evidenceCount})`;
}

function placeOf(item: EvidenceResult): string {
  const where = item.page !== undefined ? `p. ${item.page}` : item.line !== undefined ? `line ${item.line}` : item.paragraph !== undefined ? `¶ ${item.paragraph}` : '';
  return [item.section, where].filter(Boolean).join(', ');
}

function escapeCell(text: string): string {
  return escapeInline(text).replace(/\|/g, '\\|');
}

function escapeInline(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/([\\`*_[\]<>])/g, '\\$1').trim();
}
