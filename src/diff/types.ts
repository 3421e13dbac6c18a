// What `s4s diff` produces: the criteria whose status or score changed between two versions of a
// strategy, and the framework scores before and after. Published as schemas/diff.schema.json.
import type { EvidenceResult, Status } from '../score/types.js';
import type { FormatOptions } from '../report/types.js';

export const DIFF_FORMAT_VERSION = '1.0.0';
export const DIFF_SCHEMA_URL = 'https://github.com/s4s-project/s4s/schemas/diff.schema.json';

/** regressed/improved: the status moved; score-up/score-down: same status, other score; added/removed: in one version only. */
export type ChangeKind = 'regressed' | 'improved' | 'score-up' | 'score-down' | 'added' | 'removed';

export interface CriterionState {
  status: Status;
  score: number;
  /** The strongest evidence, if any. */
  evidence?: EvidenceResult;
}

export interface CriterionChange {
  id: string;
  framework: string;
  title: string;
  parent?: string;
  change: ChangeKind;
  old: CriterionState | null;
  new: CriterionState | null;
  /** new - old, rounded to 3 decimals; null when the criterion is in one version only. */
  scoreDelta: number | null;
  /** What to add, when the new version does not meet the criterion. */
  guidance?: string;
}

export interface DiffSide {
  /** The document's path, as the report or the command line names it. */
  path: string;
  /** Analysed in this run, or read from a saved JSON report. */
  source: 'document' | 'report';
  /** The saved report it came from, when source is `report`. */
  reportPath?: string;
  sha256: string | null;
  score: number;
  criteriaSets: string[];
}

export interface ScoreChange {
  old: number | null;
  new: number | null;
  delta: number | null;
}

export interface FrameworkChange extends ScoreChange {
  id: string;
  title: string;
}

export interface DiffReport {
  $schema: string;
  version: string;
  kind: 's4s-diff';
  tool: { name: string; version: string };
  generatedAt?: string;
  old: DiffSide;
  new: DiffSide;
  overall: ScoreChange;
  frameworks: FrameworkChange[];
  /** In the new version's criteria order; criteria the new version lacks come last. */
  changes: CriterionChange[];
  summary: { regressed: number; improved: number; scoreUp: number; scoreDown: number; added: number; removed: number; unchanged: number };
}

export type DiffFormatter = (diff: DiffReport, options: FormatOptions) => string;
