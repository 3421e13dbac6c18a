// What the CLI needs from its surroundings, passed in so that tests run it in-process.
import type { Readable } from 'node:stream';

export interface OutputStream {
  write(chunk: string): unknown;
  isTTY?: boolean;
}

export interface CliIo {
  stdout: OutputStream;
  stderr: OutputStream;
  stdin: Readable;
  cwd: string;
  env: Record<string, string | undefined>;
  /**
   * Asks that the user's interrupts (Ctrl-C, SIGTERM) abort the returned signal (its reason names
   * the signal) instead of ending the process, until release(); a second one still ends it. Worth
   * it only while the main thread stays free to hear them: a busy one could not even notice.
   */
  catchInterrupts?: () => { signal: AbortSignal; release: () => void };
}

/** A mistake of the user's (bad option, missing file, invalid criteria): one line, exit 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

export const EXIT_OK = 0;
export const EXIT_THRESHOLD = 1;
export const EXIT_FAILURE = 2;
/** 128 + the signal's number, as shells report a process the signal ended. */
export const EXIT_INTERRUPTED: Record<string, number> = { SIGINT: 130, SIGTERM: 143 };

/** Colour when the stream is a terminal, unless NO_COLOR is set or --no-color given. */
export function useColor(stream: OutputStream, env: CliIo['env'], option: boolean | undefined): boolean {
  if (option === false) return false;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0') return true;
  return Boolean(stream.isTTY);
}
