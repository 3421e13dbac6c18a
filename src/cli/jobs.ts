// `--jobs <n|auto>`: how many threads a command may use at once.
import { availableParallelism } from 'node:os';
import { UsageError } from './io.js';

/** `auto` is the machine's available parallelism. */
export function parseJobs(text: string): number {
  if (text.trim().toLowerCase() === 'auto') return availableParallelism();
  const jobs = Number(text);
  if (!/^\s*\d+\s*$/.test(text) || jobs < 1) throw new UsageError(`invalid --jobs "${text}" (use a whole number of at least 1, or auto)`);
  return jobs;
}
