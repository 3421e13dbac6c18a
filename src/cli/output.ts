// Writing report files: atomically (temporary file, then rename), never over an input.
import { mkdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { UsageError } from './io.js';

export function writeReportFile(path: string, content: string, cwd: string, inputs: string[] = []): void {
  const target = resolve(cwd, path);
  checkOutputPaths([path], inputs, cwd);
  const temporary = `${target}.${process.pid}.tmp`;
  try {
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(temporary, content);
    renameSync(temporary, target);
  } catch (error) {
    rmSync(temporary, { force: true });
    const reason = (error as NodeJS.ErrnoException).code === 'EISDIR' ? 'it is a directory' : error instanceof Error ? error.message : String(error);
    throw new UsageError(`cannot write ${path}: ${reason}`);
  }
}

/**
 * Refuses output paths that are directories, or inputs: by path, and by file identity (device and
 * inode), which also catches a path through a symbolic link, a hard link, or another letter case on
 * a file system that ignores case. Run it before the work, so that the mistake costs nothing.
 */
export function checkOutputPaths(outputs: string[], inputs: string[], cwd: string): void {
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
