// V8 optimises a function once it has run for this much bytecode (Node 20's V8 11: 67,584). A check
// runs for a second or a few, too short for much of what V8 optimises at its default to pay back:
// its optimising compilers, on background threads, took as much CPU as the reading thread itself
// in a batch of five documents. At 300,000, measured on Node 20 with runs alternated: CPU time of a
// check -10 to -23 % (47-page PDF 2.20 -> 1.70-1.95 s; 350-page PDF 4.10 -> 3.77 s), a batch of 15
// --jobs 1 7.72 -> 7.02 s and --jobs 2 6.33 -> 5.33 s; one document's wall time within the noise.
// 600,000 and more were slower on the 350-page PDF. Newer Node versions tier up differently and
// keep their defaults until measured.
import { setFlagsFromString } from 'node:v8';

/**
 * Call before the modules that do the work are loaded (bin/s4s.js, scripts/bench-phases.mjs): the
 * flag is process-wide, so worker threads started later share it.
 */
export function tuneV8ForShortRuns(): void {
  if (process.versions.v8.startsWith('11.')) setFlagsFromString('--interrupt-budget=300000');
}
