// Results of analysing one document: what the formatters print. Counts are precomputed so that
// formatters stay simple. The shape is published as schemas/report.schema.json.
import type { DetectedLanguage, DocumentFormat } from '../document/types.js';
import type { CriterionKind } from '../criteria/types.js';

export type Status = 'met' | 'partial' | 'missing';

export interface EvidenceResult {
  quote: string;
  /** Heading path joined with " > "; empty for text before the first heading. */
  section: string;
  sectionPath: string[];
  page?: number;
  line?: number;
  paragraph?: number;
  terms: string[];
}

export interface CriterionResult {
  id: string;
  /** Id of the criteria set (framework) the criterion belongs to. */
  framework: string;
  title: string;
  kind: CriterionKind;
  parent?: string;
  weight: number;
  status: Status;
  /** Strength of the evidence, 0-1. */
  score: number;
  /** One sentence a person can check. */
  explanation: string;
  /** Strongest evidence first, at most a few quotes. */
  evidence: EvidenceResult[];
  /** How many passages matched in all, including those not quoted. */
  evidenceCount: number;
  /** What to add, in the report language; present for partial and missing criteria. */
  guidance?: string;
}

export interface StatusCounts {
  met: number;
  partial: number;
  missing: number;
}

export interface FrameworkResult {
  id: string;
  version: string;
  title: string;
  /** 0-100: weighted share of top-level criteria met, partial counting half. */
  score: number;
  counts: StatusCounts;
}

export interface Gap {
  id: string;
  framework: string;
  title: string;
  status: Exclude<Status, 'met'>;
  weight: number;
  guidance: string;
}

export interface DocumentError {
  code: string;
  message: string;
}

export interface DocumentResult {
  path: string;
  format: DocumentFormat | null;
  language: DetectedLanguage | null;
  /** Language of titles, explanations and guidance. */
  reportLanguage: string;
  sha256: string | null;
  pageCount?: number;
  sectionCount: number;
  error: DocumentError | null;
  /** 0-100 over all frameworks; null when the document could not be read. */
  score: number | null;
  frameworks: FrameworkResult[];
  criteria: CriterionResult[];
  /** Partial and missing criteria, most important first. */
  gaps: Gap[];
  warnings: string[];
  counts: StatusCounts;
}
