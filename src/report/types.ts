// The report: everything one run produced, as every formatter receives it.
import type { DocumentResult, Status } from '../score/types.js';

export const REPORT_FORMAT_VERSION = '1.0.0';
export const REPORT_SCHEMA_URL = 'https://github.com/s4s-project/s4s/schemas/report.schema.json';

export interface CriteriaSetRef {
  id: string;
  version: string;
  title: string;
  /** Bundled file or the user's path. */
  origin: string;
  extends?: string;
}

export interface Report {
  $schema: string;
  /** Version of the report format (not of the tool). */
  version: string;
  tool: { name: string; version: string };
  criteriaSets: CriteriaSetRef[];
  /** Only when the user asks for one (`--timestamp`): reports are otherwise byte-identical run to run. */
  generatedAt?: string;
  /** Sorted by path, whatever order they were processed in. */
  documents: DocumentResult[];
  summary: { documents: number; analysed: number; failed: number };
  /** Only when thresholds were set (`--fail-under`, `--require`): what was checked and what failed. */
  thresholds?: ThresholdOutcome;
}

/** A compliance threshold: a minimum score (overall when `framework` is absent) or a criterion that must be met. */
export type ThresholdRule = { type: 'fail-under'; framework?: string; minimum: number } | { type: 'require'; criterion: string };

export interface ThresholdViolation {
  document: string;
  rule: ThresholdRule;
  /** The score (0-100) or the status that failed the rule. */
  actual: number | Status;
  message: string;
}

export interface ThresholdOutcome {
  rules: ThresholdRule[];
  violations: ThresholdViolation[];
  passed: boolean;
}

export type CsvLayout = 'long' | 'wide';

export interface FormatOptions {
  color: boolean;
  /** CSV: `long` (document x criterion, the default) or `wide` (one row per document). */
  csvLayout?: CsvLayout;
  /** CSV: start with a UTF-8 byte order mark so that Excel reads the encoding right. */
  bom?: boolean;
}

export type Formatter = (report: Report, options: FormatOptions) => string;
