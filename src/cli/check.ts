// `s4s check`: read the inputs, analyse them against the criteria, print or write the report.
import type { DocumentFormat, LanguageCode } from '../document/types.js';
import { loadSelectedSets } from './criteria-select.js';
import { expandInputs } from './inputs.js';
import { analyzeInputs } from '../batch/analyze-inputs.js';
import { buildReport } from '../report/build.js';
import { FORMATTERS } from '../report/index.js';
import { EXIT_FAILURE, EXIT_OK, UsageError, useColor, type CliIo } from './io.js';
import { writeReportFile } from './output.js';
import { TOOL_NAME, TOOL_VERSION } from './version.js';

export interface CheckOptions {
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
  timestamp?: boolean;
}

export const LANGUAGE_CHOICES = ['auto', 'cs', 'sk', 'pl', 'hu', 'en'];

export async function runCheck(inputs: string[], options: CheckOptions, io: CliIo): Promise<number> {
  const formatter = FORMATTERS[options.format];
  if (!formatter) throw new UsageError(`unknown format "${options.format}" (choose from ${Object.keys(FORMATTERS).join(', ')})`);
  const sets = loadSelectedSets(options.criteria, io.cwd);
  const entries = await expandInputs(inputs, io.cwd);
  if (entries.length === 0) throw new UsageError(`no documents found in ${inputs.join(', ')} (looked for .md, .markdown, .txt, .pdf, .docx)`);

  const results = await analyzeInputs(entries, sets, {
    read: {
      ...(options.lang !== 'auto' ? { language: options.lang as LanguageCode } : {}),
      ...(options.password !== undefined ? { password: options.password } : {}),
      ...(options.stdinFormat ? { formatHint: options.stdinFormat as DocumentFormat } : {}),
      ...(options.maxFileSize ? { maxBytes: parseSize(options.maxFileSize) } : {}),
    },
    ...(options.reportLang ? { reportLanguage: options.reportLang } : {}),
    stdin: io.stdin,
  });
  const report = buildReport(results, sets, { tool: { name: TOOL_NAME, version: TOOL_VERSION }, ...(options.timestamp ? { generatedAt: new Date().toISOString() } : {}) });

  for (const document of report.documents) {
    if (document.error) io.stderr.write(`s4s: ${document.path}: ${document.error.message} [${document.error.code}]\n`);
  }
  if (options.output) {
    const color = false;
    writeReportFile(options.output, formatter(report, { color }), io.cwd, entries.map((entry) => entry.source));
    if (!options.quiet && options.format !== 'text') io.stdout.write(FORMATTERS.text?.(report, { color: useColor(io.stdout, io.env, options.color) }) ?? '');
  } else if (!(options.quiet && options.format === 'text')) {
    const color = options.format === 'text' && useColor(io.stdout, io.env, options.color);
    io.stdout.write(formatter(report, { color }));
  }
  return report.summary.failed > 0 ? EXIT_FAILURE : EXIT_OK;
}

/** "50MB", "200k", "1048576" → bytes. */
export function parseSize(text: string): number {
  const match = /^(\d+(?:\.\d+)?)\s*([kmg]?)i?b?$/i.exec(text.trim());
  if (!match) throw new UsageError(`invalid size "${text}" (use e.g. 50MB, 500k or a number of bytes)`);
  const factor = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[(match[2] ?? '').toLowerCase()] ?? 1;
  return Math.round(Number(match[1]) * factor);
}
