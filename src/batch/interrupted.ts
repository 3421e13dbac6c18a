// The entry of a document that an interrupted run (Ctrl-C, SIGTERM) did not finish: still one
// entry per input, with its own code, so that a report says what is missing.
import { errorResult } from '../score/error-result.js';
import type { DocumentResult } from '../score/types.js';

export function interruptedResult(path: string): DocumentResult {
  return errorResult(path, 'INTERRUPTED', 'not analysed: the run was interrupted');
}
