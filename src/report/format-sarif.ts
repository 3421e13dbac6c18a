// SARIF 2.1.0 report for code scanning: the criteria are the rules (help text from their guidance),
// every partial or missing criterion of every document a result, placed at its strongest evidence.
import type { CriterionResult, DocumentResult } from '../score/types.js';
import { criteriaOf, pageOrLine } from './labels.js';
import { artifactUri, fingerprint, placeProperties, sarifLocation, sarifLog, TOOL_URI, type SarifLevel } from './sarif.js';
import type { Formatter } from './types.js';
import { documentLabelsFor } from './document-labels.js';

export const formatSarif: Formatter = (report) => {
  const criteria = criteriaOf(report.documents);
  const ruleIndex = new Map(criteria.map((criterion, index) => [criterion.id, index]));
  const analysed = report.documents.filter((document) => !document.error);
  const failed = report.documents.filter((document) => document.error);
  const results = analysed.flatMap((document) =>
    document.criteria.filter((criterion) => criterion.status !== 'met').map((criterion) => resultOf(document, criterion, ruleIndex.get(criterion.id) ?? -1, report.documents.indexOf(document))),
  );
  const run = {
    tool: {
      driver: {
        name: report.tool.name,
        version: report.tool.version,
        semanticVersion: report.tool.version,
        informationUri: TOOL_URI,
        rules: criteria.map(ruleOf),
        properties: { criteriaSets: report.criteriaSets.map((set) => `${set.id}@${set.version}`) },
      },
    },
    invocations: [
      {
        executionSuccessful: failed.length === 0,
        toolExecutionNotifications: failed.map((document) => ({
          level: 'error',
          message: { text: `${document.path}: ${document.error?.message} [${document.error?.code}]` },
          locations: [{ physicalLocation: { artifactLocation: { index: report.documents.indexOf(document) } } }],
          descriptor: { id: document.error?.code ?? 'READ_FAILED' },
        })),
      },
    ],
    artifacts: report.documents.map((document) => ({
      location: { uri: artifactUri(document.path) },
      roles: ['analysisTarget'],
      ...(document.sha256 ? { hashes: { 'sha-256': document.sha256 } } : {}),
      ...(document.format ? { mimeType: MIME_TYPES[document.format] } : {}),
    })),
    results,
    columnKind: 'unicodeCodePoints',
    properties: {
      documents: report.documents.map((document) => ({ path: document.path, score: document.score, frameworks: Object.fromEntries(document.frameworks.map((framework) => [framework.id, framework.score])) })),
      ...(report.thresholds ? { thresholds: report.thresholds } : {}),
    },
  };
  return sarifLog(run);
};

const MIME_TYPES: Record<string, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  md: 'text/markdown',
  txt: 'text/plain',
};

function ruleOf(criterion: CriterionResult): object {
  const help = criterion.guidance ?? criterion.title;
  return {
    id: criterion.id,
    name: criterion.id,
    shortDescription: { text: criterion.title },
    fullDescription: { text: `${criterion.title} (${criterion.framework}, ${criterion.kind}${criterion.parent ? `, part of ${criterion.parent}` : ''})` },
    help: { text: help, markdown: `**What to add:** ${help}` },
    defaultConfiguration: { level: levelOf(criterion, 'missing') },
    properties: {
      framework: criterion.framework,
      kind: criterion.kind,
      weight: criterion.weight,
      ...(criterion.parent ? { parent: criterion.parent } : {}),
      tags: [criterion.framework, criterion.kind],
    },
  };
}

/** Missing top-level criteria warn; partial ones and sub-criteria (SDG targets) are notes, so a code-scanning page is not flooded. */
function levelOf(criterion: CriterionResult, status: CriterionResult['status']): SarifLevel {
  return status === 'missing' && !criterion.parent ? 'warning' : 'note';
}

function resultOf(document: DocumentResult, criterion: CriterionResult, ruleIndex: number, artifactIndex: number): object {
  const evidence = criterion.evidence[0];
  const where = evidence ? ` Strongest evidence: "${evidence.quote}" (${[evidence.section, pageOrLine(evidence)].filter(Boolean).join(', ')}).` : '';
  const guidance = criterion.guidance ? ` ${documentLabelsFor(document.reportLanguage).whatToAdd}: ${criterion.guidance}` : '';
  return {
    ruleId: criterion.id,
    ruleIndex,
    kind: 'fail',
    level: levelOf(criterion, criterion.status),
    message: { text: `${criterion.title}: ${criterion.explanation}.${where}${guidance}` },
    locations: [sarifLocation({ path: document.path, artifactIndex, evidence })],
    partialFingerprints: { 's4sCriterion/v1': fingerprint(document.path, criterion.id) },
    properties: { status: criterion.status, score: criterion.score, framework: criterion.framework, evidenceCount: criterion.evidenceCount, ...placeProperties(evidence) },
  };
}
