// The extraction cache (`--cache`): documents as the readers produced them, keyed by the file's
// content hash, the tool version and the reader options, so that a rerun (with other criteria, say)
// skips the slow part. Entries are JSON files written atomically; a damaged entry is ignored.
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Document, DocumentFormat } from '../document/types.js';
import type { ReadOptions } from '../read/index.js';
import { makeDirectories } from '../cli/make-directories.js';

/**
 * Bumped when the entry layout or key changes, so that old entries are simply not found (2: the
 * format joined the key; 3: Markdown blocks keep their line starts).
 */
const ENTRY_LAYOUT = 3;

export interface DocumentCache {
  readonly directory: string;
  /**
   * The document read from these bytes as this format: the same bytes are Markdown in `plan.md` and
   * plain text in `plan.txt` (or on standard input without --stdin-format), and read differently.
   */
  lookup(sha256: string, format: DocumentFormat): Document | undefined;
  store(document: Document): void;
}

/** Where the cache lives unless `--cache-dir` says otherwise: the user's cache directory. */
export function defaultCacheDirectory(env: Record<string, string | undefined>, platform: NodeJS.Platform = process.platform): string {
  if (env.XDG_CACHE_HOME) return join(env.XDG_CACHE_HOME, 's4s');
  if (platform === 'win32' && env.LOCALAPPDATA) return join(env.LOCALAPPDATA, 's4s', 'Cache');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Caches', 's4s');
  return join(homedir(), '.cache', 's4s');
}

/**
 * What besides the bytes decides the extracted document: the tool version and every reader option
 * (the password only by its presence, so that it never lands on disk).
 */
export function readerFingerprint(toolVersion: string, options: ReadOptions): string {
  const { password, ...rest } = options;
  const settings = Object.fromEntries(Object.entries({ ...rest, password: password !== undefined }).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return JSON.stringify({ layout: ENTRY_LAYOUT, tool: toolVersion, settings });
}

export function openDocumentCache(directory: string, fingerprint: string): DocumentCache {
  const keyOf = (sha256: string, format: DocumentFormat) => createHash('sha256').update(fingerprint).update('\0').update(format).update('\0').update(sha256).digest('hex');
  const fileOf = (key: string) => join(directory, 'documents', key.slice(0, 2), `${key}.json`);
  return {
    directory,
    lookup(sha256, format) {
      const key = keyOf(sha256, format);
      let entry: unknown;
      try {
        entry = JSON.parse(readFileSync(fileOf(key), 'utf8'));
      } catch {
        return undefined;
      }
      return isEntry(entry, key, sha256) && entry.document.format === format ? entry.document : undefined;
    },
    store(document) {
      const key = keyOf(document.sha256, document.format);
      const target = fileOf(key);
      const temporary = `${target}.${randomBytes(6).toString('hex')}.tmp`;
      try {
        makeDirectories(dirname(target));
        writeFileSync(temporary, JSON.stringify({ key, document: { ...document, path: '' } }));
        renameSync(temporary, target);
      } catch {
        // A cache that cannot be written only costs time: the document itself was read fine.
        rmSync(temporary, { force: true });
      }
    },
  };
}

/** Fails early, with one clear line, when the cache directory cannot be created. */
export function ensureCacheDirectory(directory: string): void {
  makeDirectories(join(directory, 'documents'));
}

function isEntry(entry: unknown, key: string, sha256: string): entry is { key: string; document: Document } {
  if (typeof entry !== 'object' || entry === null) return false;
  const { key: entryKey, document } = entry as { key?: unknown; document?: Partial<Document> };
  return (
    entryKey === key &&
    typeof document === 'object' &&
    document !== null &&
    document.sha256 === sha256 &&
    typeof document.format === 'string' &&
    typeof document.language === 'string' &&
    Array.isArray(document.sections) &&
    document.sections.every((section) => Array.isArray(section?.blocks) && Array.isArray(section?.path)) &&
    Array.isArray(document.warnings) &&
    typeof document.metadata === 'object'
  );
}
