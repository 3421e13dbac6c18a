// Compares two results of the same strategy (older and newer version): which criteria changed
// status or score, and how the framework scores moved. Pure: no files, terminal or clock.
import type { CriterionResult, DocumentResult, Status } from '../score/types.js';
import { type ChangeKind, type CriterionChange, type CriterionState, DIFF_FORMAT_VERSION, DIFF_SCHEMA_URL, type DiffReport, type DiffSide, type FrameworkChange, type ScoreChange } from './types.js';

/** Higher is better: tells a regression from an improvement. */
const STATUS_RANK: Record<Status, number> = { missing: 0, partial: 1, met: 2 };

export interface CompareInput {
  result: DocumentResult;
  source: DiffSide['source'];
  reportPath?: string;
  criteriaSets: string[];
}

export function compareResults(before: CompareInput, after: CompareInput, tool: { name: string; version: string }, generatedAt?: string): DiffReport {
  const oldCriteria = new Map(before.result.criteria.map((criterion) => [criterion.id, criterion]));
  const newIds = new Set(after.result.criteria.map((criterion) => criterion.id));
  const changes: CriterionChange[] = [];
  let unchanged = 0;
  for (const criterion of after.result.criteria) {
    const previous = oldCriteria.get(criterion.id);
    const change = changeOf(previous, criterion);
    if (change) changes.push(change);
    else unchanged += 1;
  }
  for (const criterion of before.result.criteria) if (!newIds.has(criterion.id)) changes.push(changeOf(criterion, undefined)!);
  const count = (kind: ChangeKind) => changes.filter((change) => change.change === kind).length;
  return {
    $schema: DIFF_SCHEMA_URL,
    version: DIFF_FORMAT_VERSION,
    kind: 's4s-diff',
    tool,
    ...(generatedAt ? { generatedAt } : {}),
    old: sideOf(before),
    new: sideOf(after),
    overall: scoreChange(before.result.score, after.result.score, 1),
    frameworks: frameworkChanges(before.result, after.result),
    changes,
    summary: { regressed: count('regressed'), improved: count('improved'), scoreUp: count('score-up'), scoreDown: count('score-down'), added: count('added'), removed: count('removed'), unchanged },
  };
}

function changeOf(before: CriterionResult | undefined, after: CriterionResult | undefined): CriterionChange | undefined {
  const base = (after ?? before)!;
  let change: ChangeKind;
  if (!before) change = 'added';
  else if (!after) change = 'removed';
  else if (STATUS_RANK[after.status] < STATUS_RANK[before.status]) change = 'regressed';
  else if (STATUS_RANK[after.status] > STATUS_RANK[before.status]) change = 'improved';
  else if (after.score > before.score) change = 'score-up';
  else if (after.score < before.score) change = 'score-down';
  else return undefined;
  return {
    id: base.id,
    framework: base.framework,
    title: base.title,
    ...(base.parent ? { parent: base.parent } : {}),
    change,
    old: before ? stateOf(before) : null,
    new: after ? stateOf(after) : null,
    scoreDelta: before && after ? round(after.score - before.score, 3) : null,
    ...(after?.guidance ? { guidance: after.guidance } : {}),
  };
}

function stateOf(criterion: CriterionResult): CriterionState {
  const evidence = criterion.evidence[0];
  return { status: criterion.status, score: criterion.score, ...(evidence ? { evidence } : {}) };
}

function sideOf(input: CompareInput): DiffSide {
  return {
    path: input.result.path,
    source: input.source,
    ...(input.reportPath ? { reportPath: input.reportPath } : {}),
    sha256: input.result.sha256,
    score: input.result.score ?? 0,
    criteriaSets: input.criteriaSets,
  };
}

function frameworkChanges(before: DocumentResult, after: DocumentResult): FrameworkChange[] {
  const ids = [...new Set([...after.frameworks, ...before.frameworks].map((framework) => framework.id))];
  return ids.map((id) => {
    const old = before.frameworks.find((framework) => framework.id === id);
    const now = after.frameworks.find((framework) => framework.id === id);
    return { id, title: (now ?? old)!.title, ...scoreChange(old?.score ?? null, now?.score ?? null, 1) };
  });
}

function scoreChange(old: number | null, now: number | null, digits: number): ScoreChange {
  return { old, new: now, delta: old === null || now === null ? null : round(now - old, digits) };
}

function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
