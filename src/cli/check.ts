// `s4s check`: read the inputs, analyse them against the criteria, print or write the reports,
// and turn failed thresholds into exit code 1.
import type { DocumentFormat, LanguageCode } from '../document/types.js';
import { loadSelectedSets } from './criteria-select.js';
import { expandInputs, type InputEntry } from './inputs.js';
import { selectShard } from '../batch/shard.js';
import { buildReport } from '../report/build.js';
import { REPORT_FORMAT_VERSION, REPORT_SCHEMA_URL } from '../report/types.js';
import { formatStepSummary } from '../report/format-step-summary.js';
import { FORMAT_NAMES, isFormatName, loadFormatters } from '../report/index.js';
import { describeViolation, evaluateThresholds } from '../report/thresholds.js';
import type { CsvLayout, FormatOptions, Formatter, ThresholdRule, ThresholdViolation } from '../report/types.js';
import type { DocumentError, DocumentResult } from '../score/types.js';
import { startWorkersFor } from '../batch/analyze-inputs.js';
import type { WorkerPool } from '../batch/worker-pool.js';
import { type BatchCliOptions, type BatchSettings, checkBatchOptions, parseBatchOptions, runBatch } from './batch.js';
import { configOptions, loadConfig, mergeOptions } from './config.js';
import { EXIT_FAILURE, EXIT_INTERRUPTED, EXIT_OK, EXIT_THRESHOLD, UsageError, useColor, type CliIo } from './io.js';
import { openJsonlOutput } from './jsonl-output.js';
import { parseReadLimits } from './read-limits.js';
import { checkOutputPaths, writeReportFile } from './output.js';
import { appendStepSummary, parseReportOutputs, type ReportOutput, reportPaths, writeReportOutputs } from './report-outputs.js';
import { checkThresholdTargets, parseThresholds } from './threshold-options.js';
import { TOOL_NAME, TOOL_VERSION } from './version.js';

export interface CheckOptions extends BatchCliOptions {
  criteria?: string[];
  format: string;
  output?: string;
  lang: string;
  reportLang?: string;
  quiet?: boolean;
  color?: boolean;
  password?: string;
  stdinFormat?: string;
  maxFileSize?: string;
  maxPages?: string;
  maxInflatedSize?: string;
  timestamp?: boolean;
  /** More outputs: `FORMAT=PATH`, repeatable. */
  report?: string[];
  csvLayout?: CsvLayout;
  bom?: boolean;
  /** `60` (overall) or `egd=60`, repeatable. */
  failUnder?: string[];
  require?: string[];
  /** A configuration file to use instead of searching; false for --no-config. */
  config?: string | false;
  printConfig?: boolean;
  /** Append to $GITHUB_STEP_SUMMARY when it is set (default true). */
  stepSummary?: boolean;
}

export const LANGUAGE_CHOICES = ['auto', 'cs', 'sk', 'pl', 'hu', 'en'];

/** `explicit`: the options given on the command line, which beat the configuration file's. */
export async function runCheck(inputs: string[], cliOptions: CheckOptions, io: CliIo, explicit: Set<string> = new Set()): Promise<number> {
  const config = await loadConfig(io.cwd, cliOptions.config);
  const options = mergeOptions(cliOptions, explicit, configOptions(config, 'check'));
  // Checked before --print-config too: what it prints is what a run would accept.
  if (!isFormatName(options.format)) throw new UsageError(`unknown format "${options.format}" (choose from ${FORMAT_NAMES.join(', ')})`);
  const outputs = parseReportOutputs(options.report, [...FORMAT_NAMES], io.cwd, options.output);
  const thresholds = parseThresholds(options.failUnder, options.require);
  parseReadLimits(options);
  if (options.printConfig) {
    checkBatchOptions(options);
    checkThresholdTargets(thresholds, loadSelectedSets(options.criteria, io.cwd));
    io.stdout.write(printableConfig(config.path, options));
    return EXIT_OK;
  }
  if (inputs.length === 0) throw new UsageError('no inputs given (files, directories, globs, or - for standard input)');
  const entries = await expandInputs(inputs, io.cwd, reportPaths(outputs, options.output));
  if (entries.length === 0) throw new UsageError(`no documents found in ${inputs.join(', ')} (looked for .md, .markdown, .txt, .pdf, .docx)`);
  const batch = parseBatchOptions(options, io);
  const selected = batch.shard ? selectShard(entries, batch.shard) : entries;
  // The worker threads start now and load their modules while this thread loads the criteria.
  const workers = await startWorkersFor(selected, { jobs: batch.jobs, timeoutMs: batch.timeoutMs });
  try {
    return await checkEntries({ entries, selected, options, batch, outputs, thresholds, workers }, io);
  } finally {
    await workers?.close();
  }
}

/** A check's inputs and settings, parsed and found, and the worker threads started for it. */
interface CheckPlan {
  entries: InputEntry[];
  /** The entries of this shard (all of them without --shard). */
  selected: InputEntry[];
  options: CheckOptions;
  batch: BatchSettings;
  outputs: ReportOutput[];
  thresholds: ThresholdRule[];
  workers: WorkerPool | undefined;
}

async function checkEntries(plan: CheckPlan, io: CliIo): Promise<number> {
  const { entries, selected, options, batch, outputs, thresholds, workers } = plan;
  // The text summary goes to the terminal when the report goes to a file.
  const summary = Boolean(options.output) && !options.quiet && options.format !== 'text' && options.format !== 'jsonl';
  const formattersLoading = loadFormatters([options.format, ...outputs.map((output) => output.format), ...(summary ? ['text'] : [])]);
  formattersLoading.catch(() => undefined); // awaited below, unless the check stops before
  const sets = loadSelectedSets(options.criteria, io.cwd);
  checkThresholdTargets(thresholds, sets);
  if (batch.shard && selected.length === 0 && !options.quiet) {
    io.stderr.write(`s4s: shard ${batch.shard.index}/${batch.shard.count} holds none of the ${entries.length} documents; the report is empty\n`);
  }
  const tool = { name: TOOL_NAME, version: TOOL_VERSION };
  const generatedAt = options.timestamp ? new Date().toISOString() : undefined;
  const sources = entries.map((entry) => entry.source);
  checkOutputPaths(reportPaths(outputs, options.output), sources, io.cwd);
  // JSON Lines go out as each document is done, and only what stderr and the exit code need is kept,
  // so memory stays flat over any number of documents; other reports need every result at the end.
  const jsonl = options.format === 'jsonl' ? openJsonlOutput({ $schema: REPORT_SCHEMA_URL, version: REPORT_FORMAT_VERSION, tool, criteriaSets: buildReport([], sets, { tool }).criteriaSets, ...(generatedAt ? { generatedAt } : {}), thresholdRules: thresholds }, options.output, io, sources) : undefined;
  const keepResults = !jsonl || outputs.length > 0 || (options.stepSummary !== false && Boolean(io.env.GITHUB_STEP_SUMMARY));
  const results: DocumentResult[] = [];
  const errors: { path: string; error: DocumentError }[] = [];
  const violations: ThresholdViolation[] = [];
  const analyzeOptions = {
    read: {
      ...(options.lang !== 'auto' ? { language: options.lang as LanguageCode } : {}),
      ...(options.password !== undefined ? { password: options.password } : {}),
      ...(options.stdinFormat ? { formatHint: options.stdinFormat as DocumentFormat } : {}),
      ...parseReadLimits(options),
    },
    ...(options.reportLang ? { reportLanguage: options.reportLang } : {}),
    stdin: io.stdin,
    jobs: batch.jobs,
    timeoutMs: batch.timeoutMs,
    ...(batch.cacheDirectory ? { cache: { directory: batch.cacheDirectory, toolVersion: TOOL_VERSION } } : {}),
    // Streamed lines flow from the first input on; reports assembled at the end finish sooner
    // largest-first when jobs run side by side (one job takes as long in any order, and in input
    // order an interrupted run has the first documents done).
    startOrder: jsonl || batch.jobs === 1 ? ('input' as const) : ('largest-first' as const),
  };
  // With documents on worker threads the main thread stays free to hear Ctrl-C: the batch then stops
  // and what is done is reported. In-process, interrupts keep ending the process at once.
  const interrupts = batch.jobs > 1 || batch.timeoutMs > 0 ? io.catchInterrupts?.() : undefined;
  let interrupted = 0;
  try {
    await runBatch(selected, sets, { ...analyzeOptions, ...(workers ? { workers } : {}), ...(interrupts ? { signal: interrupts.signal } : {}) }, io, options.quiet, (result) => {
      jsonl?.write(result);
      if (keepResults) results.push(result);
      if (result.error?.code === 'INTERRUPTED') interrupted++;
      else if (result.error) errors.push({ path: result.path, error: result.error });
      violations.push(...evaluateThresholds([result], thresholds).violations);
    });
    jsonl?.close();
  } catch (error) {
    jsonl?.discard();
    throw error;
  } finally {
    interrupts?.release();
  }
  const report = buildReport(results, sets, { tool, ...(generatedAt ? { generatedAt } : {}), thresholds });

  for (const { path, error } of errors) io.stderr.write(`s4s: ${path}: ${error.message} [${error.code}]\n`);
  // Failed thresholds explain exit code 1, so they are printed even with --quiet.
  for (const violation of violations) io.stderr.write(`s4s: ${describeViolation(violation)}\n`);
  const formatOptions = (color: boolean): FormatOptions => ({ color, ...(options.csvLayout ? { csvLayout: options.csvLayout } : {}), ...(options.bom ? { bom: true } : {}) });
  const formatters = await formattersLoading;
  const render = (format: string, color = false) => (formatters.get(format) as Formatter)(report, formatOptions(color));
  writeReportOutputs(outputs, (format) => render(format), io.cwd, sources);
  if (jsonl) {
    if (options.output && !options.quiet) io.stdout.write(`${selected.length} documents, ${errors.length} could not be analysed; JSON Lines written to ${options.output}\n`);
  } else if (options.output) {
    writeReportFile(options.output, render(options.format), io.cwd, sources);
    if (summary) io.stdout.write((formatters.get('text') as Formatter)(report, { color: useColor(io.stdout, io.env, options.color) }));
  } else if (!(options.quiet && options.format === 'text')) {
    io.stdout.write(render(options.format, options.format === 'text' && useColor(io.stdout, io.env, options.color)));
  }
  if (options.stepSummary !== false) appendStepSummary(io, formatStepSummary(report, { color: false }));
  if (interrupts?.signal.aborted) {
    const reason = String(interrupts.signal.reason);
    io.stderr.write(`s4s: interrupted (${reason}): ${selected.length - interrupted} of ${selected.length} documents done; the ${interrupted} not analysed are in the report as INTERRUPTED\n`);
    return EXIT_INTERRUPTED[reason] ?? EXIT_FAILURE;
  }
  if (errors.length > 0) return EXIT_FAILURE;
  return violations.length > 0 ? EXIT_THRESHOLD : EXIT_OK;
}

/** What --print-config shows: the file used and every option as the run would see it. */
function printableConfig(path: string | null, options: CheckOptions): string {
  const { printConfig: _printConfig, config: _config, password, ...effective } = options;
  const sorted = Object.fromEntries(Object.entries({ ...effective, ...(password !== undefined ? { password: '(hidden)' } : {}) }).sort(([a], [b]) => (a < b ? -1 : 1)));
  return `${JSON.stringify({ configFile: path, options: sorted }, null, 2)}\n`;
}
