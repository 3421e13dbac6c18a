// HTML report: one self-contained file. Per document an SVG bar chart of framework scores, the
// criteria with their evidence behind <details>, and what to add; for several documents first a
// heat-map of scores (documents x frameworks) and statuses (criteria x documents).
import { groupGaps } from './gap-groups.js';
import type { CriterionResult, DocumentResult } from '../score/types.js';
import { type Bar, barChart, breakableName, escapeHtml, formatScore, heatColour, htmlPage, STATUS_SYMBOL } from './html.js';
import { criteriaOf, documentLabels, frameworksOf, pageOrLine } from './labels.js';
import { describeRule } from './thresholds.js';
import type { Formatter, Report } from './types.js';

export const formatHtml: Formatter = (report) => {
  const sets = report.criteriaSets.map((set) => `${set.id}@${set.version}`).join(', ');
  const body = [
    '<header>',
    '<h1>s4s compliance report</h1>',
    `<p class="meta">${escapeHtml(`${report.tool.name} ${report.tool.version} · criteria ${sets} · ${report.summary.analysed} of ${report.summary.documents} documents analysed${report.generatedAt ? ` · ${report.generatedAt}` : ''}`)}</p>`,
    '</header>',
    '<main>',
    ...(report.documents.length > 1 ? comparison(report) : []),
    ...(report.thresholds ? thresholds(report) : []),
    ...report.documents.flatMap(documentSection),
    '</main>',
  ];
  return htmlPage('s4s compliance report', body);
};

function comparison(report: Report): string[] {
  const documents = report.documents;
  const labels = documentLabels(documents.map((document) => document.path));
  const frameworks = frameworksOf(documents);
  const html = ['<section id="comparison">', '<h2>Comparison</h2>', '<h3>Scores by framework</h3>', '<div class="charts">'];
  documents.forEach((document, index) => {
    if (document.error) return;
    html.push(`<figure><figcaption title="${escapeHtml(document.path)}">${breakableName(labels[index]!)}</figcaption>${barChart(scoreBars(document), `Framework scores of ${document.path} (0-100)`, true)}</figure>`);
  });
  html.push('</div>', '<table class="heat">');
  html.push(`<tr><th>Document</th><th class="num">Overall</th>${frameworks.map((framework) => `<th class="num" title="${escapeHtml(framework.title)}">${escapeHtml(framework.id)}</th>`).join('')}</tr>`);
  documents.forEach((document, index) => {
    const name = `<th title="${escapeHtml(document.path)}">${escapeHtml(labels[index]!)}</th>`;
    if (document.error) {
      html.push(`<tr>${name}<td class="cell error" colspan="${frameworks.length + 1}">error ${escapeHtml(document.error.code)}</td></tr>`);
      return;
    }
    const scores = new Map(document.frameworks.map((framework) => [framework.id, framework.score]));
    const cells = [document.score ?? 0, ...frameworks.map((framework) => scores.get(framework.id) ?? 0)].map((score) => `<td class="cell" style="background:${heatColour(score)}">${formatScore(score)}</td>`);
    html.push(`<tr>${name}${cells.join('')}</tr>`);
  });
  html.push('</table>', '<h3>Criteria by document</h3>', '<table class="heat">');
  html.push(`<tr><th>Criterion</th>${labels.map((label, index) => `<th title="${escapeHtml(documents[index]!.path)}">${breakableName(label)}</th>`).join('')}</tr>`);
  for (const criterion of criteriaOf(documents).filter((item) => !item.parent)) {
    const cells = documents.map((document) => {
      if (document.error) return '<td class="cell error">error</td>';
      const found = document.criteria.find((item) => item.id === criterion.id);
      if (!found) return '<td class="cell"></td>';
      return `<td class="cell ${found.status}" title="${escapeHtml(`${found.status}, score ${found.score}`)}">${STATUS_SYMBOL[found.status]} ${found.status} ${found.score.toFixed(2)}</td>`;
    });
    html.push(`<tr><th><code>${escapeHtml(criterion.id)}</code> ${escapeHtml(criterion.title)}</th>${cells.join('')}</tr>`);
  }
  html.push('</table>', '</section>');
  return html;
}

function thresholds(report: Report): string[] {
  const outcome = report.thresholds!;
  const rules = escapeHtml(outcome.rules.map(describeRule).join(', '));
  if (outcome.passed) return ['<section id="thresholds">', '<h2>Thresholds</h2>', `<p class="passed">All thresholds passed (${rules}).</p>`, '</section>'];
  const items = outcome.violations.map((violation) => `<li>${escapeHtml(`${violation.document}: ${violation.message} (${describeRule(violation.rule)})`)}</li>`);
  return ['<section id="thresholds">', '<h2>Thresholds</h2>', `<p>Checked: ${rules}. Failed:</p>`, '<ul class="violations">', ...items, '</ul>', '</section>'];
}

function documentSection(document: DocumentResult): string[] {
  const html = ['<section class="document">', `<h2>${escapeHtml(document.path)}</h2>`];
  if (document.error) return [...html, `<p class="error">Could not be analysed (${escapeHtml(document.error.code)}): ${escapeHtml(document.error.message)}</p>`, '</section>'];
  const pages = document.pageCount !== undefined ? ` · ${document.pageCount} pages` : '';
  html.push(`<p class="meta">${escapeHtml(`format ${document.format} · language ${document.language}${pages} · ${document.sectionCount} sections`)} · <strong>overall ${formatScore(document.score ?? 0)}/100</strong></p>`);
  html.push(barChart(scoreBars(document), `Framework scores of ${document.path} (0-100)`));
  for (const framework of document.frameworks) {
    const { met, partial, missing } = framework.counts;
    html.push(`<h3>${escapeHtml(framework.title)} <span class="meta">${formatScore(framework.score)}/100 · ${met} met, ${partial} partial, ${missing} missing</span></h3>`);
    const criteria = document.criteria.filter((criterion) => criterion.framework === framework.id);
    if (criteria.length === 0) {
      html.push('<p class="meta">This criteria set has no criteria.</p>');
      continue;
    }
    html.push('<table>', '<tr><th>Criterion</th><th>Status</th><th class="num">Score</th><th>Evidence</th></tr>');
    for (const criterion of criteria.filter((item) => !item.parent)) {
      const children = criteria.filter((item) => item.parent === criterion.id);
      html.push(
        `<tr><td><code>${escapeHtml(criterion.id)}</code> ${escapeHtml(criterion.title)}${subCriteria(children)}</td><td><span class="status ${criterion.status}">${STATUS_SYMBOL[criterion.status]} ${criterion.status}</span></td><td class="num">${criterion.score.toFixed(2)}</td><td>${evidence(criterion)}</td></tr>`,
      );
    }
    html.push('</table>');
  }
  if (document.gaps.length) {
    html.push('<h3>What to add</h3>', '<ul class="gaps">');
    for (const { gap, parts } of groupGaps(document)) {
      const named = parts.length ? `<br><small>Parts not addressed: ${parts.map((part) => `<code>${escapeHtml(part.id)}</code>`).join(', ')}</small>` : '';
      html.push(`<li><code>${escapeHtml(gap.id)}</code> <strong>${escapeHtml(gap.title)}</strong> (${gap.status}): ${escapeHtml(gap.guidance)}${named}</li>`);
    }
    html.push('</ul>');
  }
  for (const warning of document.warnings) html.push(`<p class="meta">Warning: ${escapeHtml(warning)}</p>`);
  html.push('</section>');
  return html;
}

function scoreBars(document: DocumentResult): Bar[] {
  return [{ label: 'overall', score: document.score ?? 0 }, ...document.frameworks.map((framework) => ({ label: framework.id, score: framework.score }))];
}

function evidence(criterion: CriterionResult): string {
  if (criterion.evidence.length === 0) return `<span class="meta">${escapeHtml(criterion.explanation)}</span>`;
  const first = criterion.evidence[0]!;
  const summary = `${criterion.evidenceCount} passage${criterion.evidenceCount === 1 ? '' : 's'} · ${pageOrLine(first) || first.section}`;
  const items = criterion.evidence.map(
    (item) =>
      `<li><blockquote>${escapeHtml(item.quote)}</blockquote><cite>${escapeHtml([item.section, pageOrLine(item)].filter(Boolean).join(', '))} <span class="terms">${escapeHtml(item.terms.join(', '))}</span></cite></li>`,
  );
  return `<details><summary>${escapeHtml(summary)}</summary><p class="meta">${escapeHtml(criterion.explanation)}</p><ul>${items.join('')}</ul></details>`;
}

function subCriteria(children: CriterionResult[]): string {
  if (children.length === 0) return '';
  const addressed = children.filter((child) => child.status !== 'missing').length;
  const items = children.map((child) => `<li><span class="status ${child.status}">${STATUS_SYMBOL[child.status]} ${child.status}</span> <code>${escapeHtml(child.id)}</code> ${escapeHtml(child.title)}</li>`);
  return `<details><summary>${addressed} of ${children.length} sub-criteria addressed</summary><ul>${items.join('')}</ul></details>`;
}
