// Expands the command line's inputs (files, directories, globs, `-`) into a sorted list of
// documents to read; names that match nothing are kept so that they are reported, not lost.
import { existsSync, statSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';

export const DOCUMENT_EXTENSIONS = ['md', 'markdown', 'txt', 'pdf', 'docx'];

export interface InputEntry {
  /** As shown in reports: relative to the working directory when inside it. */
  path: string;
  /** Absolute path, or `-` for standard input. */
  source: string;
  /** Set when the input named nothing readable. */
  missing?: boolean;
}

export async function expandInputs(inputs: string[], cwd: string): Promise<InputEntry[]> {
  const entries = new Map<string, InputEntry>();
  const add = (absolute: string) => entries.set(absolute, { path: displayPath(absolute, cwd), source: absolute });
  for (const input of inputs) {
    if (input === '-') {
      entries.set('-', { path: '-', source: '-' });
      continue;
    }
    const absolute = resolve(cwd, input);
    if (existsSync(absolute)) {
      if (statSync(absolute).isDirectory()) {
        const found = await glob(`**/*.{${DOCUMENT_EXTENSIONS.join(',')}}`, { cwd: absolute, absolute: true, caseSensitiveMatch: false, followSymbolicLinks: false });
        for (const file of found) add(resolve(file));
      } else add(absolute);
      continue;
    }
    if (isDynamicPattern(input)) {
      const found = await glob(input, { cwd, absolute: true, onlyFiles: true, followSymbolicLinks: false });
      for (const file of found) add(resolve(file));
      if (found.length > 0) continue;
    }
    entries.set(absolute, { path: input, source: absolute, missing: true });
  }
  return [...entries.values()].sort((a, b) => compareText(a.path, b.path));
}

export function displayPath(absolute: string, cwd: string): string {
  const fromCwd = relative(cwd, absolute);
  return fromCwd && !fromCwd.startsWith('..') && !isAbsolute(fromCwd) ? fromCwd.split('\\').join('/') : absolute;
}

/** Code-point order: the same on every machine and locale. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
