// `--jobs <n|auto>`: how many threads a command may use at once; `--timeout <seconds>`: how long one
// document may take. Shared by check, diff and extract.
import { availableParallelism } from 'node:os';
import { UsageError } from './io.js';

/** `auto` is the machine's available parallelism. */
export function parseJobs(text: string): number {
  if (text.trim().toLowerCase() === 'auto') return availableParallelism();
  const jobs = Number(text);
  if (!/^\s*\d+\s*$/.test(text) || jobs < 1) throw new UsageError(`invalid --jobs "${text}" (use a whole number of at least 1, or auto)`);
  return jobs;
}

/** Seconds a document may take when --timeout is not given. */
export const DEFAULT_TIMEOUT_SECONDS = 300;

/** Seconds (decimals allowed) to milliseconds; 0 switches the limit off. */
export function parseTimeout(text: string): number {
  const seconds = Number(text);
  if (!/^\s*\d+(\.\d+)?\s*$/.test(text) || !Number.isFinite(seconds)) throw new UsageError(`invalid --timeout "${text}" (use seconds, e.g. 120, or 0 for no limit)`);
  return Math.round(seconds * 1000);
}
