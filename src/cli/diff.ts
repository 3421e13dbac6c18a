// `s4s diff old new`: two versions of a strategy (documents, or saved JSON reports), the criteria
// whose status or score changed, in any report format; --fail-on-regression makes it a CI gate.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { analyzeInputs } from '../batch/analyze-inputs.js';
import { listBundledSets } from '../criteria/load.js';
import type { CriteriaSet } from '../criteria/types.js';
import { type CompareInput, compareResults } from '../diff/compare.js';
import type { DocumentFormat, LanguageCode } from '../document/types.js';
import { DIFF_FORMATTERS } from '../report/diff/index.js';
import type { Report } from '../report/types.js';
import type { DocumentResult } from '../score/types.js';
import type { BatchSettings } from './batch.js';
import { DEFAULT_TIMEOUT_SECONDS, parseJobs, parseTimeout } from './jobs.js';
import { parseReadLimits } from './read-limits.js';
import { configOptions, loadConfig, mergeOptions } from './config.js';
import { loadSelectedSets } from './criteria-select.js';
import { displayPath, expandInputs, type InputEntry } from './inputs.js';
import { EXIT_FAILURE, EXIT_OK, EXIT_THRESHOLD, UsageError, useColor, type CliIo } from './io.js';
import { writeReportFile } from './output.js';
import { appendStepSummary, parseReportOutputs, writeReportOutputs } from './report-outputs.js';
import { TOOL_NAME, TOOL_VERSION } from './version.js';

export interface DiffOptions {
  criteria?: string[];
  format: string;
  output?: string;
  report?: string[];
  lang: string;
  reportLang?: string;
  password?: string;
  maxFileSize?: string;
  maxPages?: string;
  maxInflatedSize?: string;
  jobs?: string;
  timeout?: string;
  bom?: boolean;
  failOnRegression?: boolean;
  timestamp?: boolean;
  quiet?: boolean;
  color?: boolean;
  stepSummary?: boolean;
  config?: string | false;
}

/** One side of the comparison: a saved report's document, or a document still to analyse. */
type Side = { kind: 'report'; reportPath: string; report: Report } | { kind: 'document'; input: string };

const reportSchema = JSON.parse(readFileSync(new URL('../../schemas/report.schema.json', import.meta.url), 'utf8')) as object;
const isReport = new Ajv2020({ strict: true, allowUnionTypes: true, validateFormats: false }).compile<Report>(reportSchema);

export async function runDiff(oldInput: string, newInput: string, cliOptions: DiffOptions, io: CliIo, explicit: Set<string> = new Set()): Promise<number> {
  const options = mergeOptions(cliOptions, explicit, configOptions(await loadConfig(io.cwd, cliOptions.config), 'diff'));
  const formatter = DIFF_FORMATTERS[options.format];
  if (!formatter) throw new UsageError(`unknown format "${options.format}" (choose from ${Object.keys(DIFF_FORMATTERS).join(', ')})`);
  const outputs = parseReportOutputs(options.report, Object.keys(DIFF_FORMATTERS), io.cwd, options.output);
  const sides = [sideOf(oldInput, io.cwd), sideOf(newInput, io.cwd)] as const;
  const sets = criteriaFor(sides, options.criteria, io.cwd);
  const analysed = await analyseDocuments(sides, sets, options, { jobs: parseJobs(options.jobs ?? 'auto'), timeoutMs: parseTimeout(options.timeout ?? String(DEFAULT_TIMEOUT_SECONDS)) }, io);
  if (!analysed) return EXIT_FAILURE;
  const [before, after] = [0, 1].map((index) => compareInput(sides[index]!, analysed[index], sides[1 - index]!, analysed[1 - index], sets)) as [CompareInput, CompareInput];
  const diff = compareResults(before, after, { name: TOOL_NAME, version: TOOL_VERSION }, options.timestamp ? new Date().toISOString() : undefined);

  const formatOptions = (color: boolean) => ({ color, ...(options.bom ? { bom: true } : {}) });
  writeReportOutputs(outputs, (format) => DIFF_FORMATTERS[format]!(diff, formatOptions(false)), io.cwd, inputsOf(sides, io.cwd));
  if (options.output) {
    writeReportFile(options.output, formatter(diff, formatOptions(false)), io.cwd, inputsOf(sides, io.cwd));
    if (!options.quiet && options.format !== 'text') io.stdout.write(DIFF_FORMATTERS.text!(diff, { color: useColor(io.stdout, io.env, options.color) }));
  } else if (!(options.quiet && options.format === 'text')) {
    io.stdout.write(formatter(diff, formatOptions(options.format === 'text' && useColor(io.stdout, io.env, options.color))));
  }
  if (options.stepSummary !== false) appendStepSummary(io, `${DIFF_FORMATTERS.md!(diff, { color: false })}\n`);
  if (options.failOnRegression && diff.summary.regressed > 0) {
    io.stderr.write(`s4s: ${diff.summary.regressed} criteri${diff.summary.regressed === 1 ? 'on' : 'a'} regressed in ${diff.new.path}\n`);
    return EXIT_THRESHOLD;
  }
  return EXIT_OK;
}

/** A .json file must be a saved s4s report; anything else is a document to analyse. */
function sideOf(input: string, cwd: string): Side {
  if (!input.toLowerCase().endsWith('.json')) return { kind: 'document', input };
  const path = resolve(cwd, input);
  if (!existsSync(path)) throw new UsageError(`${input}: no such file`);
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    throw new UsageError(`${input}: not valid JSON (diff reads documents, or JSON reports written by s4s check --format json)`);
  }
  if (!isReport(data)) throw new UsageError(`${input}: not an s4s JSON report (${isReport.errors?.[0]?.instancePath || '/'}: ${isReport.errors?.[0]?.message})`);
  return { kind: 'report', reportPath: input, report: data };
}

/** --criteria (or the configuration) wins; else a saved report's own sets, so both sides are judged alike; else all bundled sets. */
function criteriaFor(sides: readonly [Side, Side], chosen: string[] | undefined, cwd: string): CriteriaSet[] {
  if (chosen && chosen.length > 0) return loadSelectedSets(chosen, cwd);
  const saved = sides.find((side): side is Extract<Side, { kind: 'report' }> => side.kind === 'report');
  if (!saved) return loadSelectedSets(undefined, cwd);
  const bundled = listBundledSets();
  const specs = saved.report.criteriaSets.map((set) => {
    const isBundled = bundled.some((ref) => ref.id === set.id && ref.version === set.version) && set.origin.replace(/\\/g, '/').endsWith(`criteria/${set.id}/${set.version}.json`);
    if (isBundled) return `${set.id}@${set.version}`;
    if (!existsSync(resolve(cwd, set.origin))) throw new UsageError(`${saved.reportPath}: its criteria set ${set.id}@${set.version} (${set.origin}) is not available here; name the sets with --criteria`);
    return set.origin;
  });
  return loadSelectedSets(specs, cwd);
}

/**
 * Analyses the sides that are documents, both at once when --jobs allows, each under --timeout (as
 * check does: a document that hangs its reader is stopped and reported instead of hanging the run).
 */
async function analyseDocuments(sides: readonly [Side, Side], sets: CriteriaSet[], options: DiffOptions, limits: Pick<BatchSettings, 'jobs' | 'timeoutMs'>, io: CliIo): Promise<(DocumentResult | undefined)[] | undefined> {
  const entries: InputEntry[] = [];
  for (const side of sides) {
    if (side.kind === 'report') continue;
    const found = await expandInputs([side.input], io.cwd);
    if (found.length !== 1) throw new UsageError(`${side.input}: diff compares one document with one document (this names ${found.length})`);
    entries.push(...found);
  }
  const analysed = await analyzeInputs(entries, sets, {
    read: {
      ...(options.lang !== 'auto' ? { language: options.lang as LanguageCode } : {}),
      ...(options.password !== undefined ? { password: options.password } : {}),
      ...parseReadLimits(options),
      // Standard input only (files go by their names): a strategy piped in is Markdown unless its bytes say otherwise.
      formatHint: 'md' as DocumentFormat,
    },
    ...(options.reportLang ? { reportLanguage: options.reportLang } : {}),
    stdin: io.stdin,
    ...limits,
  });
  for (const result of analysed) {
    if (result.error) io.stderr.write(`s4s: ${result.path}: ${result.error.message} [${result.error.code}]\n`);
  }
  if (analysed.some((result) => result.error)) return undefined;
  return sides.map((side) => (side.kind === 'report' ? undefined : analysed.shift()));
}

/** A saved report with several documents gives the one with the other side's path (or file name). */
function compareInput(side: Side, analysed: DocumentResult | undefined, other: Side, otherAnalysed: DocumentResult | undefined, sets: CriteriaSet[]): CompareInput {
  if (side.kind === 'document') return { result: analysed!, source: 'document', criteriaSets: sets.map((set) => `${set.id}@${set.version}`) };
  const documents = side.report.documents;
  const wanted = otherAnalysed?.path ?? (other.kind === 'report' ? undefined : other.input);
  const document = pickDocument(documents, wanted);
  if (!document) {
    throw new UsageError(`${side.reportPath}: holds ${documents.length} documents and none is ${wanted ?? 'named by the other side'}; save a report of one document`);
  }
  if (document.error) throw new UsageError(`${side.reportPath}: ${document.path} could not be analysed in that run (${document.error.code})`);
  return { result: document, source: 'report', reportPath: side.reportPath, criteriaSets: side.report.criteriaSets.map((set) => `${set.id}@${set.version}`) };
}

function pickDocument(documents: DocumentResult[], wanted: string | undefined): DocumentResult | undefined {
  if (documents.length === 1) return documents[0];
  if (wanted === undefined) return undefined;
  const fileName = (path: string) => path.split(/[\\/]/).pop();
  return documents.find((item) => item.path === wanted) ?? documents.find((item) => fileName(item.path) === fileName(wanted));
}

function inputsOf(sides: readonly [Side, Side], cwd: string): string[] {
  return sides.map((side) => resolve(cwd, side.kind === 'report' ? side.reportPath : side.input)).filter((path) => displayPath(path, cwd) !== '-');
}
