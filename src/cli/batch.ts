// The batch side of `s4s check`: --jobs, --timeout (jobs.ts), --cache, --cache-dir and --shard parsed (each
// mistake one clear line), and the batch run with a progress bar when a person is watching.
import { resolve } from 'node:path';
import { type AnalyzeOptions, analyzeInputsInOrder } from '../batch/analyze-inputs.js';
import { defaultCacheDirectory, ensureCacheDirectory } from '../batch/document-cache.js';
import { parseShard, type Shard } from '../batch/shard.js';
import type { CriteriaSet } from '../criteria/types.js';
import type { DocumentResult } from '../score/types.js';
import type { InputEntry } from './inputs.js';
import { type CliIo, UsageError } from './io.js';
import { DEFAULT_TIMEOUT_SECONDS, parseJobs, parseTimeout } from './jobs.js';
import { createProgress, wantsProgress } from './progress.js';

export interface BatchCliOptions {
  jobs?: string;
  timeout?: string;
  cache?: boolean;
  cacheDir?: string;
  shard?: string;
}

export interface BatchSettings {
  jobs: number;
  timeoutMs: number;
  cacheDirectory?: string;
  shard?: Shard;
}

export function parseBatchOptions(options: BatchCliOptions, io: CliIo): BatchSettings {
  const settings = checkBatchOptions(options);
  const cacheDirectory = options.cacheDir !== undefined || options.cache ? resolveCache(options.cacheDir, io) : undefined;
  return { ...settings, ...(cacheDirectory ? { cacheDirectory } : {}) };
}

/** The batch options parsed, a usage error if one is invalid; the cache directory is neither made nor named. */
export function checkBatchOptions(options: BatchCliOptions): Omit<BatchSettings, 'cacheDirectory'> {
  return {
    jobs: parseJobs(options.jobs ?? 'auto'),
    timeoutMs: parseTimeout(options.timeout ?? String(DEFAULT_TIMEOUT_SECONDS)),
    ...(options.shard !== undefined ? { shard: parseShard(options.shard) } : {}),
  };
}

function resolveCache(cacheDir: string | undefined, io: CliIo): string {
  if (cacheDir !== undefined && cacheDir.trim() === '') throw new UsageError('invalid --cache-dir "" (name a directory)');
  const directory = cacheDir !== undefined ? resolve(io.cwd, cacheDir) : defaultCacheDirectory(io.env);
  try {
    ensureCacheDirectory(directory);
  } catch (error) {
    throw new UsageError(`cannot use the cache directory ${directory}: ${error instanceof Error ? error.message : String(error)}`);
  }
  return directory;
}

/** Results in input order through `emit`; the progress bar (stderr, terminals only) is always taken down. */
export async function runBatch(entries: InputEntry[], sets: CriteriaSet[], options: AnalyzeOptions, io: CliIo, quiet: boolean | undefined, emit: (result: DocumentResult) => void): Promise<void> {
  const progress = entries.length > 0 && wantsProgress(io, quiet) ? createProgress(entries.length, io.stderr) : undefined;
  try {
    await analyzeInputsInOrder(entries, sets, { ...options, onStart: (entry) => progress?.started(entry.path), onDone: () => progress?.finished() }, emit);
  } finally {
    progress?.stop();
  }
}
