// The report: everything one run produced, as every formatter receives it.
import type { DocumentResult } from '../score/types.js';

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
}

export interface FormatOptions {
  color: boolean;
}

export type Formatter = (report: Report, options: FormatOptions) => string;
