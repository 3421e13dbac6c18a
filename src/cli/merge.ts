// `s4s merge`: joins the JSON or JSONL results of shards (`s4s check --shard k/n`) into one report, in
// any report format, as if one run had checked every document.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { mergeResults, parseResultsFile } from '../batch/merge-results.js';
import { buildReport } from '../report/build.js';
import { FORMAT_NAMES, isFormatName, loadFormatters } from '../report/index.js';
import type { Formatter } from '../report/types.js';
import { EXIT_FAILURE, EXIT_OK, UsageError, useColor, type CliIo } from './io.js';
import { writeReportFile } from './output.js';

export interface MergeOptions {
  format: string;
  output?: string;
  quiet?: boolean;
  color?: boolean;
}

export async function runMerge(files: string[], options: MergeOptions, io: CliIo): Promise<number> {
  if (!isFormatName(options.format)) throw new UsageError(`unknown format "${options.format}" (choose from ${FORMAT_NAMES.join(', ')})`);
  const formatters = await loadFormatters([options.format, 'text']);
  const formatter = formatters.get(options.format) as Formatter;
  const parsed = files.map((file) => parseResultsFile(readResults(file, io.cwd), file));
  const merged = mergeResults(parsed);
  for (const warning of merged.warnings) io.stderr.write(`s4s: ${warning}\n`);

  // The criteria sets are known only by reference here; the report keeps them as the shards recorded them.
  const report = { ...buildReport(merged.documents, [], { tool: merged.header.tool }), criteriaSets: merged.header.criteriaSets };
  for (const document of report.documents) {
    if (document.error) io.stderr.write(`s4s: ${document.path}: ${document.error.message} [${document.error.code}]\n`);
  }
  if (options.output) {
    writeReportFile(options.output, formatter(report, { color: false }), io.cwd, files.map((file) => resolve(io.cwd, file)));
    if (!options.quiet && options.format !== 'text') io.stdout.write((formatters.get('text') as Formatter)(report, { color: useColor(io.stdout, io.env, options.color) }));
  } else if (!(options.quiet && options.format === 'text')) {
    io.stdout.write(formatter(report, { color: options.format === 'text' && useColor(io.stdout, io.env, options.color) }));
  }
  return report.summary.failed > 0 ? EXIT_FAILURE : EXIT_OK;
}

function readResults(file: string, cwd: string): string {
  try {
    return readFileSync(resolve(cwd, file), 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(`cannot read ${file}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : (error as Error).message}`);
  }
}
