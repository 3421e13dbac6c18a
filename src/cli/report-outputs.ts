// Several reports in one run: `--report FORMAT=PATH` (repeatable) next to --format/-o, each file
// written atomically; and the Markdown summary appended to $GITHUB_STEP_SUMMARY in GitHub Actions.
import { appendFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { type CliIo, UsageError } from './io.js';
import { writeReportFile } from './output.js';

export interface ReportOutput {
  format: string;
  path: string;
}

export function parseReportOutputs(specs: string[] = [], formats: string[], cwd: string, output?: string): ReportOutput[] {
  const outputs = specs.map((spec) => {
    const match = /^([a-z0-9-]+)=(.+)$/i.exec(spec.trim());
    if (!match) throw new UsageError(`invalid --report "${spec}" (use FORMAT=PATH, e.g. --report md=report.md)`);
    const format = match[1]!.toLowerCase();
    if (!formats.includes(format)) throw new UsageError(`unknown format "${format}" in --report ${spec} (choose from ${formats.join(', ')})`);
    if (match[2]!.trim() === '-') throw new UsageError(`--report ${spec}: standard output carries the --format report; give --report a file (or use --format ${format})`);
    return { format, path: match[2]! };
  });
  const targets = reportPaths(outputs, output).map((path) => resolve(cwd, path));
  const duplicate = targets.find((target, index) => targets.indexOf(target) !== index);
  if (duplicate) throw new UsageError(`two reports would be written to ${duplicate}`);
  return outputs;
}

/** Every file a run writes a report to: -o's, then each --report's. */
export function reportPaths(outputs: ReportOutput[], output?: string): string[] {
  return [...(output ? [output] : []), ...outputs.map((item) => item.path)];
}

export function writeReportOutputs(outputs: ReportOutput[], render: (format: string) => string, cwd: string, inputs: string[]): void {
  for (const output of outputs) writeReportFile(output.path, render(output.format), cwd, inputs);
}

/** GitHub Actions names the job summary file in GITHUB_STEP_SUMMARY; we add to it, never replace it. */
export function appendStepSummary(io: CliIo, markdown: string): void {
  const path = io.env.GITHUB_STEP_SUMMARY;
  if (!path) return;
  try {
    appendFileSync(resolve(io.cwd, path), markdown);
  } catch (error) {
    io.stderr.write(`s4s: could not append to GITHUB_STEP_SUMMARY (${path}): ${error instanceof Error ? error.message : String(error)}\n`);
  }
}
