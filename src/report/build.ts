// Assembles the Report from document results: sorted by path, counts precomputed.
import type { CriteriaSet } from '../criteria/types.js';
import { localize } from '../criteria/types.js';
import type { DocumentResult } from '../score/types.js';
import { evaluateThresholds } from './thresholds.js';
import { REPORT_FORMAT_VERSION, REPORT_SCHEMA_URL, type Report, type ThresholdRule } from './types.js';

export interface BuildReportOptions {
  tool: { name: string; version: string };
  generatedAt?: string;
  /** When given (and not empty), the report records which documents failed them. */
  thresholds?: ThresholdRule[];
}

export function buildReport(documents: DocumentResult[], sets: CriteriaSet[], options: BuildReportOptions): Report {
  const sorted = [...documents].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const failed = sorted.filter((document) => document.error).length;
  return {
    $schema: REPORT_SCHEMA_URL,
    version: REPORT_FORMAT_VERSION,
    tool: options.tool,
    criteriaSets: sets.map((set) => ({ id: set.id, version: set.version, title: localize(set.title, 'en'), origin: set.origin, ...(set.extends ? { extends: set.extends } : {}) })),
    ...(options.generatedAt ? { generatedAt: options.generatedAt } : {}),
    documents: sorted,
    summary: { documents: sorted.length, analysed: sorted.length - failed, failed },
    ...(options.thresholds?.length ? { thresholds: evaluateThresholds(sorted, options.thresholds) } : {}),
  };
}
