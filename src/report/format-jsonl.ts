// JSON Lines report, made to be streamed: the first line is a header (report format version, tool,
// criteria sets), then one document result per line, in input (path) order. `s4s check --format jsonl`
// writes each line as soon as its document is done; `s4s merge` reads such files back.
import type { DocumentResult } from '../score/types.js';
import type { Formatter, Report, ThresholdRule } from './types.js';

export type JsonlHeader = Pick<Report, '$schema' | 'version' | 'tool' | 'criteriaSets' | 'generatedAt'> & {
  /**
   * The rules of --fail-under and --require, when the run had any: the header comes before the
   * results, so it holds the rules and not their outcome. `s4s merge` applies them again.
   */
  thresholdRules?: ThresholdRule[];
};

/** What marks the first line, so that readers can tell it from a document. */
export const JSONL_HEADER_TYPE = 's4s-report-header';

export function jsonlHeaderLine(header: JsonlHeader): string {
  const { $schema, version, tool, criteriaSets, generatedAt, thresholdRules } = header;
  return `${JSON.stringify({ type: JSONL_HEADER_TYPE, $schema, version, tool, criteriaSets, ...(generatedAt ? { generatedAt } : {}), ...(thresholdRules?.length ? { thresholdRules } : {}) })}\n`;
}

export function jsonlDocumentLine(document: DocumentResult): string {
  return `${JSON.stringify(document)}\n`;
}

export const formatJsonl: Formatter = (report) => jsonlHeaderLine({ ...report, ...(report.thresholds ? { thresholdRules: report.thresholds.rules } : {}) }) + report.documents.map(jsonlDocumentLine).join('');
