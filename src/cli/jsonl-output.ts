// Streams a JSON Lines report while the batch runs: to standard output line by line, or to a file
// that appears (atomically, by rename) only when the run is complete, never over an input.
import { closeSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { type JsonlHeader, jsonlDocumentLine, jsonlHeaderLine } from '../report/format-jsonl.js';
import type { DocumentResult } from '../score/types.js';
import type { CliIo } from './io.js';
import { checkOutputPaths } from './output.js';

export interface JsonlOutput {
  write(result: DocumentResult): void;
  /** Completes the file (renames it into place). */
  close(): void;
  /** Removes the unfinished file after a failure. */
  discard(): void;
}

export function openJsonlOutput(header: JsonlHeader, output: string | undefined, io: CliIo, inputs: string[]): JsonlOutput {
  if (output === undefined) {
    io.stdout.write(jsonlHeaderLine(header));
    return { write: (result) => io.stdout.write(jsonlDocumentLine(result)), close: () => {}, discard: () => {} };
  }
  const target = resolve(io.cwd, output);
  checkOutputPaths([output], inputs, io.cwd);
  mkdirSync(dirname(target), { recursive: true });
  const temporary = `${target}.${process.pid}.tmp`;
  const descriptor = openSync(temporary, 'w');
  let open = true;
  const finish = () => {
    if (open) closeSync(descriptor);
    open = false;
  };
  writeSync(descriptor, jsonlHeaderLine(header));
  return {
    write: (result) => writeSync(descriptor, jsonlDocumentLine(result)),
    close: () => {
      finish();
      renameSync(temporary, target);
    },
    discard: () => {
      finish();
      rmSync(temporary, { force: true });
    },
  };
}
