// GitHub Actions annotations: one per partial or missing top-level criterion (the SDG targets stay
// in the SARIF and JSON reports: GitHub shows only the first few annotations of a step), an error
// per unreadable document and per failed threshold, and a score notice per document.
import type { CriterionResult, DocumentResult } from '../score/types.js';
import { pageOrLine } from './labels.js';
import { describeRule } from './thresholds.js';
import { workflowCommand } from './github-command.js';
import type { Formatter } from './types.js';
import { documentLabelsFor } from './document-labels.js';

export const formatGithub: Formatter = (report) => {
  const lines: string[] = [];
  for (const document of report.documents) lines.push(...documentAnnotations(document));
  for (const violation of report.thresholds?.violations ?? []) {
    lines.push(workflowCommand('error', { file: violation.document, title: `s4s threshold failed: ${describeRule(violation.rule)}` }, violation.message));
  }
  return lines.length ? `${lines.join('\n')}\n` : '';
};

function documentAnnotations(document: DocumentResult): string[] {
  if (document.error) return [workflowCommand('error', { file: document.path, title: `s4s could not analyse the document (${document.error.code})` }, document.error.message)];
  const frameworks = document.frameworks.map((framework) => `${framework.id} ${framework.score}`).join(', ');
  const lines = [workflowCommand('notice', { file: document.path, title: `s4s score ${document.score}/100` }, `overall ${document.score}/100${frameworks ? ` (${frameworks})` : ''}`)];
  for (const criterion of document.criteria) {
    if (criterion.parent || criterion.status === 'met') continue;
    lines.push(criterionAnnotation(document, criterion));
  }
  return lines;
}

function criterionAnnotation(document: DocumentResult, criterion: CriterionResult): string {
  const evidence = criterion.evidence[0];
  const place = evidence && evidence.line === undefined && pageOrLine(evidence) ? ` (${pageOrLine(evidence)})` : '';
  const guidance = criterion.guidance ? `\n${documentLabelsFor(document.reportLanguage).whatToAdd}: ${criterion.guidance}` : '';
  return workflowCommand(
    criterion.status === 'missing' ? 'warning' : 'notice',
    { file: document.path, line: evidence?.line ?? 1, title: `${criterion.id} ${criterion.status}: ${criterion.title}` },
    `${criterion.explanation}${place}${guidance}`,
  );
}
