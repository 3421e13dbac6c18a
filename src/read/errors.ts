// Errors a reader raises for a file it cannot read. Each has a stable code that the JSON report
// carries, so CI scripts can tell an encrypted file from a missing one without parsing messages.

export type ReadErrorCode =
  | 'ENOENT'
  | 'EACCES'
  | 'EISDIR'
  | 'EMPTY'
  | 'ENCRYPTED'
  | 'NO_TEXT'
  | 'DAMAGED'
  | 'NOT_DOCX'
  | 'UNSUPPORTED'
  | 'TOO_LARGE'
  | 'TOO_MANY_PAGES'
  | 'ZIP_BOMB'
  | 'TIMEOUT'
  | 'ENCODING'
  | 'READ_FAILED';

/** A reason a file could not be read; its message is one line and names no stack. */
export class ReadError extends Error {
  readonly code: ReadErrorCode;
  constructor(code: ReadErrorCode, message: string) {
    super(message);
    this.name = 'ReadError';
    this.code = code;
  }
}

/**
 * The first line of an error's message: what a user is shown, in one line (a library's message may go
 * on with a dump or a stack). An error without a message gives its name.
 */
export function firstLineOf(error: unknown): string {
  const line = (error instanceof Error ? error.message : String(error)).split('\n')[0];
  return line || (error instanceof Error ? error.name : 'unknown error');
}

/** A ReadError as it is, anything else (a library's failure) as READ_FAILED with its first line. */
export function asReadError(error: unknown): ReadError {
  return error instanceof ReadError ? error : new ReadError('READ_FAILED', firstLineOf(error));
}

/** A size for a message: "900 bytes", "12.3 KB", "1.5 MB", "2.0 GB". */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 ** 3) return `${(bytes / 1024 ** 3).toFixed(1)} GB`;
  if (bytes >= 1024 ** 2) return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
  return bytes >= 1024 ? `${(bytes / 1024).toFixed(1)} KB` : `${bytes} bytes`;
}

/** The one line for a document stopped by its time limit (`--timeout`): "stopped after 300 s (--timeout)". */
export function timedOutMessage(timeoutMs: number): string {
  const seconds = timeoutMs / 1000;
  const shown = Number.isInteger(seconds) ? String(seconds) : seconds < 1 ? String(Number(seconds.toFixed(3))) : seconds.toFixed(1);
  return `stopped after ${shown} s (--timeout)`;
}
