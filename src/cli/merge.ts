// `s4s merge`: joins the JSON or JSONL results of shards (`s4s check --shard k/n`) into one report, in
// any report format, as if one run had checked every document: thresholds included, those the
// shards were checked with or those given to merge, with check's exit codes.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { mergeResults, parseResultsFile } from '../batch/merge-results.js';
import { buildReport } from '../report/build.js';
import { FORMAT_NAMES, isFormatName, loadFormatters } from '../report/index.js';
import { describeRule, describeViolation } from '../report/thresholds.js';
import type { Formatter, ThresholdRule } from '../report/types.js';
import type { DocumentResult } from '../score/types.js';
import type { JsonlHeader } from '../report/format-jsonl.js';
import { EXIT_FAILURE, EXIT_OK, EXIT_THRESHOLD, UsageError, useColor, type CliIo } from './io.js';
import { writeReportFile } from './output.js';
import { parseThresholds } from './threshold-options.js';

export interface MergeOptions {
  format: string;
  output?: string;
  quiet?: boolean;
  color?: boolean;
  /** As in check; given, they replace the rules the shards were checked with. */
  failUnder?: string[];
  require?: string[];
}

export async function runMerge(files: string[], options: MergeOptions, io: CliIo): Promise<number> {
  if (!isFormatName(options.format)) throw new UsageError(`unknown format "${options.format}" (choose from ${FORMAT_NAMES.join(', ')})`);
  const formatters = await loadFormatters([options.format, 'text']);
  const formatter = formatters.get(options.format) as Formatter;
  const parsed = files.map((file) => parseResultsFile(readResults(file, io.cwd), file));
  const merged = mergeResults(parsed);
  for (const warning of merged.warnings) io.stderr.write(`s4s: ${warning}\n`);
  const given = parseThresholds(options.failUnder, options.require);
  const thresholds = given.length ? given : merged.thresholdRules;
  if (thresholds === 'differ') {
    const describe = (rules: ThresholdRule[]) => rules.map(describeRule).join(', ') || 'none';
    const [first, other] = [parsed[0], parsed.find((file) => JSON.stringify(file.thresholdRules) !== JSON.stringify(parsed[0]?.thresholdRules))];
    throw new UsageError(
      `the shards were checked with different thresholds (${first?.name}: ${describe(first?.thresholdRules ?? [])}; ${other?.name}: ${describe(other?.thresholdRules ?? [])}); give merge the rules to apply with --fail-under and --require`,
    );
  }
  checkMergedThresholdTargets(thresholds, merged.header, merged.documents);

  // The criteria sets are known only by reference here; the report keeps them as the shards recorded them.
  const report = { ...buildReport(merged.documents, [], { tool: merged.header.tool, thresholds }), criteriaSets: merged.header.criteriaSets };
  for (const document of report.documents) {
    if (document.error) io.stderr.write(`s4s: ${document.path}: ${document.error.message} [${document.error.code}]\n`);
  }
  // As in check: failed thresholds explain exit code 1, so they are printed even with --quiet.
  const violations = report.thresholds?.violations ?? [];
  for (const violation of violations) io.stderr.write(`s4s: ${describeViolation(violation)}\n`);
  if (options.output) {
    writeReportFile(options.output, formatter(report, { color: false }), io.cwd, files.map((file) => resolve(io.cwd, file)));
    if (!options.quiet && options.format !== 'text') io.stdout.write((formatters.get('text') as Formatter)(report, { color: useColor(io.stdout, io.env, options.color) }));
  } else if (!(options.quiet && options.format === 'text')) {
    io.stdout.write(formatter(report, { color: options.format === 'text' && useColor(io.stdout, io.env, options.color) }));
  }
  if (report.summary.failed > 0) return EXIT_FAILURE;
  return violations.length > 0 ? EXIT_THRESHOLD : EXIT_OK;
}

/**
 * The rules' frameworks must be among the shards' criteria sets and their criteria among those the
 * documents were scored on (when any document was), as check requires of the sets it loads.
 */
function checkMergedThresholdTargets(rules: ThresholdRule[], header: JsonlHeader, documents: DocumentResult[]): void {
  const frameworks = header.criteriaSets.map((set) => set.id);
  const criteria = new Set(documents.flatMap((document) => document.criteria.map((criterion) => criterion.id)));
  for (const rule of rules) {
    if (rule.type === 'fail-under' && rule.framework !== undefined && !frameworks.includes(rule.framework)) {
      throw new UsageError(`--fail-under ${rule.framework}=${rule.minimum}: the shards were checked without a criteria set "${rule.framework}" (they used: ${frameworks.join(', ')})`);
    }
    if (rule.type === 'require' && criteria.size > 0 && !criteria.has(rule.criterion)) {
      throw new UsageError(`--require ${rule.criterion}: no document of the shards was scored on such a criterion (criteria sets: ${frameworks.join(', ')})`);
    }
  }
}

function readResults(file: string, cwd: string): string {
  try {
    return readFileSync(resolve(cwd, file), 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(`cannot read ${file}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : (error as Error).message}`);
  }
}
