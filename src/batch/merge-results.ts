// Merging the results of shards (`s4s merge`): reads JSON reports and JSONL streams back, checks that
// they were made with the same criteria and hold no document twice, and joins their documents.
import { UsageError } from '../cli/io.js';
import { JSONL_HEADER_TYPE, type JsonlHeader } from '../report/format-jsonl.js';
import type { ThresholdRule } from '../report/types.js';
import type { DocumentResult } from '../score/types.js';

export interface ResultsFile {
  name: string;
  header: JsonlHeader;
  documents: DocumentResult[];
  /** The --fail-under and --require rules the shard was checked with (none: an empty list). */
  thresholdRules: ThresholdRule[];
}

export interface MergedResults {
  header: JsonlHeader;
  documents: DocumentResult[];
  /** Things worth a line on stderr that do not stop the merge (different tool versions). */
  warnings: string[];
  /** The shards' threshold rules when every file recorded the same ones; `differ` when they do not. */
  thresholdRules: ThresholdRule[] | 'differ';
}

/** Parses a JSON report or a JSONL result stream; anything else is the user's mistake. */
export function parseResultsFile(text: string, name: string): ResultsFile {
  const lines = text.split('\n');
  const first = lines.findIndex((line) => line.trim() !== '');
  if (first >= 0 && isHeader(tryParse(lines[first] as string))) return parseJsonl(lines, first, name);
  const report = tryParse(text);
  if (isReportObject(report)) return { name, header: headerOf(report), documents: report.documents, thresholdRules: rulesOf(report.thresholds?.rules) };
  throw new UsageError(`${name} is not an s4s result (write it with s4s check --format json or --format jsonl)`);
}

function parseJsonl(lines: string[], first: number, name: string): ResultsFile {
  const recorded = JSON.parse(lines[first] as string) as JsonlHeader;
  const header = headerOf(recorded);
  const documents: DocumentResult[] = [];
  for (let index = first + 1; index < lines.length; index++) {
    const line = lines[index] as string;
    if (line.trim() === '') continue;
    const document = tryParse(line);
    if (!isDocument(document)) {
      const last = lines.slice(index + 1).every((rest) => rest.trim() === '');
      throw new UsageError(`${name}: line ${index + 1} is not a document result${last ? ' (was the run interrupted?)' : ''}`);
    }
    documents.push(document);
  }
  return { name, header, documents, thresholdRules: rulesOf(recorded.thresholdRules) };
}

/** Recorded rules as written by s4s; anything else counts as none. */
function rulesOf(value: unknown): ThresholdRule[] {
  return Array.isArray(value) ? value.filter((rule): rule is ThresholdRule => isObject(rule) && (rule.type === 'fail-under' || rule.type === 'require')) : [];
}

export function mergeResults(files: ResultsFile[]): MergedResults {
  const [first] = files;
  if (!first) throw new UsageError('nothing to merge: name the result files of the shards');
  const warnings: string[] = [];
  const criteria = describeCriteria(first.header);
  for (const file of files.slice(1)) {
    if (describeCriteria(file.header) !== criteria) {
      throw new UsageError(
        `cannot merge results made with different criteria: ${first.name} used ${criteria}, ${file.name} used ${describeCriteria(file.header)} (run every shard with the same --criteria)`,
      );
    }
    if (file.header.tool.version !== first.header.tool.version) {
      warnings.push(`${file.name} was made by s4s ${file.header.tool.version}, ${first.name} by ${first.header.tool.version}; the merged report names ${first.header.tool.version}`);
    }
  }
  const seen = new Map<string, string>();
  const documents: DocumentResult[] = [];
  for (const file of files) {
    for (const document of file.documents) {
      const earlier = seen.get(document.path);
      if (earlier !== undefined) {
        throw new UsageError(`${document.path} is in both ${earlier} and ${file.name} (were the same shard's results given twice?)`);
      }
      seen.set(document.path, file.name);
      documents.push(document);
    }
  }
  const rules = JSON.stringify(first.thresholdRules);
  const thresholdRules = files.every((file) => JSON.stringify(file.thresholdRules) === rules) ? first.thresholdRules : 'differ';
  return { header: headerOf(first.header), documents, warnings, thresholdRules };
}

/** The parts of a header that describe how results were made (not when). */
function headerOf({ $schema, version, tool, criteriaSets }: JsonlHeader): JsonlHeader {
  return { $schema, version, tool, criteriaSets };
}

function describeCriteria(header: JsonlHeader): string {
  return header.criteriaSets.map((set) => `${set.id}@${set.version}`).join(', ') || 'no criteria';
}

function tryParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function isHeader(value: unknown): value is JsonlHeader & { type: string } {
  return isObject(value) && value.type === JSONL_HEADER_TYPE && hasHeaderFields(value);
}

function isReportObject(value: unknown): value is JsonlHeader & { documents: DocumentResult[]; thresholds?: { rules?: unknown } } {
  return isObject(value) && hasHeaderFields(value) && Array.isArray(value.documents) && value.documents.every(isDocument);
}

function hasHeaderFields(value: Record<string, unknown>): boolean {
  const tool = value.tool;
  return (
    typeof value.version === 'string' &&
    isObject(tool) &&
    typeof tool.version === 'string' &&
    Array.isArray(value.criteriaSets) &&
    value.criteriaSets.every((set) => isObject(set) && typeof set.id === 'string' && typeof set.version === 'string')
  );
}

function isDocument(value: unknown): value is DocumentResult {
  return isObject(value) && typeof value.path === 'string' && Array.isArray(value.criteria) && 'error' in value;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
