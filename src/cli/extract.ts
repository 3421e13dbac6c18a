// `s4s extract <file>`: shows what s4s read from one document (sections, their pages or lines,
// language, warnings) as JSON, a Markdown outline, or a text outline. A file that cannot be read
// gives one line on standard error (and its error code in JSON) and exit code 2; one that takes
// longer than --timeout is stopped (TIMEOUT).
import { resolve } from 'node:path';
import type { Document, DocumentFormat, LanguageCode } from '../document/types.js';
import { asReadError } from '../read/errors.js';
import type { ReadOptions } from '../read/index.js';
import { readJob, type ReadJob } from '../read/read-job.js';
import { DEFAULT_TIMEOUT_SECONDS, parseJobs, parseTimeout } from './jobs.js';
import { parseReadLimits } from './read-limits.js';
import { extractErrorJson, extractJson, extractMarkdown, extractText } from './extract-format.js';
import { displayPath } from './inputs.js';
import { EXIT_FAILURE, EXIT_OK, UsageError, type CliIo } from './io.js';
import { writeReportFile } from './output.js';
import { readStreamBytes } from '../read/read-stream.js';

export interface ExtractOptions {
  format: string;
  output?: string;
  lang?: string;
  password?: string;
  stdinFormat?: string;
  maxFileSize?: string;
  maxPages?: string;
  maxInflatedSize?: string;
  jobs?: string;
  timeout?: string;
}

const RENDERERS: Record<string, (document: Document) => string> = { json: extractJson, md: extractMarkdown, text: extractText };

export async function runExtract(input: string, options: ExtractOptions, io: CliIo): Promise<number> {
  const render = RENDERERS[options.format];
  if (!render) throw new UsageError(`unknown format "${options.format}" (choose from ${Object.keys(RENDERERS).join(', ')})`);
  const read: ReadOptions = {
    ...(options.lang && options.lang !== 'auto' ? { language: options.lang as LanguageCode } : {}),
    ...(options.password !== undefined ? { password: options.password } : {}),
    ...(options.stdinFormat ? { formatHint: options.stdinFormat as DocumentFormat } : {}),
    ...parseReadLimits(options),
  };
  // A second thread may read some of a long PDF's pages (src/read/pdf-pages.ts).
  const helperAllowed = parseJobs(options.jobs ?? 'auto') > 1;
  const timeoutMs = parseTimeout(options.timeout ?? String(DEFAULT_TIMEOUT_SECONDS));
  const absolute = input === '-' ? '-' : resolve(io.cwd, input);
  const path = absolute === '-' ? '-' : displayPath(absolute, io.cwd);
  let output: string;
  let exitCode = EXIT_OK;
  try {
    const bytes = absolute === '-' ? await readStreamBytes(io.stdin) : undefined;
    const document = await readWithin({ source: absolute, ...(bytes ? { bytes } : {}), options: read, pageHelper: helperAllowed }, timeoutMs);
    output = render({ ...document, path });
  } catch (error) {
    const { code, message } = asReadError(error);
    io.stderr.write(`s4s: ${path}: ${message} [${code}]\n`);
    if (options.format !== 'json') return EXIT_FAILURE;
    output = extractErrorJson(path, code, message);
    exitCode = EXIT_FAILURE;
  }
  if (options.output) writeReportFile(options.output, output, io.cwd, absolute === '-' ? [] : [absolute]);
  else io.stdout.write(output);
  return exitCode;
}

/** Reads on a thread of its own when there is a time limit (a reader stuck in a damaged PDF is then stopped: TIMEOUT), else here. */
async function readWithin(job: ReadJob, timeoutMs: number): Promise<Document> {
  if (timeoutMs === 0) return readJob(job);
  const { readInWorker } = await import('../read/read-in-worker.js');
  return readInWorker(job, timeoutMs);
}
