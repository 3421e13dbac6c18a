// JSON Lines report, made to be streamed: the first line is a header (report format version, tool,
// criteria sets), then one document result per line, in input (path) order. `s4s check --format jsonl`
// writes each line as soon as its document is done; `s4s merge` reads such files back.
import type { DocumentResult } from '../score/types.js';
import type { Formatter, Report } from './types.js';

export type JsonlHeader = Pick<Report, '$schema' | 'version' | 'tool' | 'criteriaSets' | 'generatedAt'>;

/** What marks the first line, so that readers can tell it from a document. */
export const JSONL_HEADER_TYPE = 's4s-report-header';

export function jsonlHeaderLine(header: JsonlHeader): string {
  const { $schema, version, tool, criteriaSets, generatedAt } = header;
  return `${JSON.stringify({ type: JSONL_HEADER_TYPE, $schema, version, tool, criteriaSets, ...(generatedAt ? { generatedAt } : {}) })}\n`;
}

export function jsonlDocumentLine(document: DocumentResult): string {
  return `${JSON.stringify(document)}\n`;
}

export const formatJsonl: Formatter = (report) => jsonlHeaderLine(report) + report.documents.map(jsonlDocumentLine).join('');
