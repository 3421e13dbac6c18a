// mkdir -p that always ends: used for the cache directory and for report files' directories.
import { mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * mkdir -p, one level at a time. Node 20's `mkdirSync(path, { recursive: true })` never returns for a
 * path under /proc (each level answers ENOENT, and it retries); here the error of the first level
 * that cannot be made is thrown.
 */
export function makeDirectories(directory: string, parentMade = false): void {
  try {
    mkdirSync(directory);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // Made meanwhile by a parallel run sharing the cache: fine.
    if (code === 'EEXIST' && statSync(directory).isDirectory()) return;
    // No parent: make it, then this one once more; a level that cannot be made throws its own error.
    if (code !== 'ENOENT' || parentMade || dirname(directory) === directory) throw error;
    makeDirectories(dirname(directory));
    makeDirectories(directory, true);
  }
}
