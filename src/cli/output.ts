// Writing report files: atomically (temporary file, then rename), never over an input, and refused
// before the work when they cannot be written.
import { renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { UsageError } from './io.js';
import { makeDirectories } from './make-directories.js';

export function writeReportFile(path: string, content: string, cwd: string, inputs: string[] = []): void {
  const target = resolve(cwd, path);
  refuseOutputPaths([path], inputs, cwd);
  const temporary = temporaryFileOf(target);
  try {
    makeDirectories(dirname(target));
    writeFileSync(temporary, content);
    renameSync(temporary, target);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw new UsageError(`cannot write ${path}: ${reasonOf(error)}`);
  }
}

const temporaryFileOf = (target: string) => `${target}.${process.pid}.tmp`;

/** Why a file could not be written, without the temporary file's name that Node's message holds. */
function reasonOf(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  const reasons: Record<string, string> = {
    EISDIR: 'it is a directory',
    ENOENT: 'no such directory, or no file can be made there',
    ENOTDIR: 'a part of the path is not a directory',
    EACCES: 'permission denied',
    EPERM: 'permission denied',
    EROFS: 'read-only file system',
    ENOSPC: 'no space left on the device',
  };
  return (code && reasons[code]) ?? (error instanceof Error ? error.message : String(error));
}

/**
 * Refuses output paths that are directories or inputs, or that cannot be written (probeWritable). Run
 * it before the work, so that the mistake costs nothing.
 */
export function checkOutputPaths(outputs: string[], inputs: string[], cwd: string): void {
  refuseOutputPaths(outputs, inputs, cwd);
  for (const output of outputs) probeWritable(resolve(cwd, output), output);
}

/**
 * Refuses output paths that are directories, or inputs: by path, and by file identity (device and
 * inode), which also catches a path through a symbolic link, a hard link, or another letter case on
 * a file system that ignores case.
 */
function refuseOutputPaths(outputs: string[], inputs: string[], cwd: string): void {
  const identities = new Map<string, string>();
  for (const input of inputs) {
    const identity = fileIdentity(input);
    if (identity) identities.set(identity, input);
  }
  for (const output of outputs) {
    const target = resolve(cwd, output);
    const identity = fileIdentity(target);
    if (inputs.includes(target) || (identity && identities.has(identity))) throw new UsageError(`refusing to write the report over the input ${output}`);
    if (isDirectory(target)) throw new UsageError(`cannot write ${output}: it is a directory`);
  }
}

/**
 * Makes the output's directory and writes and removes an empty temporary file there, so that an
 * output that cannot be written is refused before the documents are analysed, not after.
 */
function probeWritable(target: string, output: string): void {
  const temporary = temporaryFileOf(target);
  try {
    makeDirectories(dirname(target));
    writeFileSync(temporary, '');
  } catch (error) {
    throw new UsageError(`cannot write ${output}: ${reasonOf(error)}`);
  } finally {
    rmSync(temporary, { force: true });
  }
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function fileIdentity(path: string): string | undefined {
  if (path === '-') return undefined;
  try {
    const info = statSync(path);
    return info.isFile() ? `${info.dev}:${info.ino}` : undefined;
  } catch {
    return undefined;
  }
}
