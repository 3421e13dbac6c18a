// Expands the command line's inputs (files, directories, globs, `-`) into a sorted list of
// documents to read; names that match nothing are kept so that they are reported, not lost.
// Symbolic links are followed (the walk stops at loops), and a file reached by several paths is
// read once, under its own path when that was among them, else the shortest.
import { closeSync, existsSync, openSync, readdirSync, readSync, realpathSync, statSync } from 'node:fs';
import { extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import { compareText } from '../document/compare-text.js';

export const DOCUMENT_EXTENSIONS = ['md', 'markdown', 'txt', 'pdf', 'docx'];

export interface InputEntry {
  /** As shown in reports: relative to the working directory when inside it. */
  path: string;
  /** Absolute path, or `-` for standard input. */
  source: string;
  /** Set when the input named nothing readable. */
  missing?: boolean;
}

/**
 * `reportPaths`: where this run writes its reports. A directory walk or glob passes over a file
 * there that holds an earlier s4s report, so that `s4s check drafts/ -o drafts/report.md` runs
 * again; any other file there stays an input, and the report is refused over it (a mistyped -o
 * must never overwrite a strategy). Named on the command line, every file stays an input.
 */
export async function expandInputs(inputs: string[], cwd: string, reportPaths: readonly string[] = []): Promise<InputEntry[]> {
  const entries = new Map<string, InputEntry>();
  const reports = new Set(reportPaths.map((path) => realPath(resolve(cwd, path))));
  const found = (absolute: string) => {
    if (!(reports.has(realPath(absolute)) && holdsOwnReport(absolute))) add(absolute);
  };
  const add = (absolute: string) => {
    const real = realPath(absolute);
    const entry = { path: displayPath(absolute, cwd), source: absolute };
    const known = entries.get(real);
    if (!known || preferred(entry, known, real)) entries.set(real, entry);
  };
  for (const input of inputs) {
    if (input === '-') {
      entries.set('-', { path: '-', source: '-' });
      continue;
    }
    const absolute = resolve(cwd, input);
    if (existsSync(absolute)) {
      if (statSync(absolute).isDirectory()) {
        const files = await glob(`**/*.{${DOCUMENT_EXTENSIONS.join(',')}}`, { cwd: absolute, absolute: true, caseSensitiveMatch: false, followSymbolicLinks: true });
        for (const file of files) found(resolve(file));
        // The glob skips links whose target is gone; they are reported (ENOENT), not dropped.
        for (const link of danglingLinks(absolute)) add(link);
      } else add(absolute);
      continue;
    }
    if (isDynamicPattern(input)) {
      const files = await glob(input, { cwd, absolute: true, onlyFiles: true, followSymbolicLinks: true });
      for (const file of files) found(resolve(file));
      if (files.length > 0) continue;
    }
    entries.set(absolute, { path: printable(input), source: absolute, missing: true });
  }
  return [...entries.values()].sort((a, b) => compareText(a.path, b.path));
}

/**
 * Symbolic links under `directory` named as documents whose targets do not exist (a draft moved
 * away, a broken checkout): a batch that dropped them would report fewer documents than it was given.
 * Hidden directories are skipped, as the glob skips them.
 */
function danglingLinks(directory: string): string[] {
  const extensions = new Set(DOCUMENT_EXTENSIONS.map((extension) => `.${extension}`));
  try {
    return readdirSync(directory, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isSymbolicLink() && extensions.has(extname(entry.name).toLowerCase()))
      .map((entry) => join(entry.parentPath, entry.name))
      .filter((path) => !relative(directory, path).split(sep).some((part) => part.startsWith('.')) && !existsSync(path));
  } catch {
    return []; // unreadable parts of the tree: the glob has already said what it could
  }
}

/**
 * How reports s4s writes begin, in the formats a walk would take for documents (.md, .txt): the
 * Markdown report's title, the CSV header, JSON and JSON Lines reports, GitHub annotations, JUnit,
 * and the text summary (a document's line, then its overall score).
 */
const OWN_REPORT_STARTS = [/^[^\n]+ {2}(?:md|txt|pdf|docx), [a-z]{2,3}, \d+ sections?[^\n]*\n {2}overall +\d/, /^# s4s compliance report\r?\n/, /^\uFEFF?document,language,/, /^\{\s*"(?:type":"s4s-report-header"|\$schema": "https:\/\/github\.com\/s4s-project\/s4s\/schemas\/report)/, /^::(?:notice|warning|error) file=/, /^<\?xml[^>]*>\s*<testsuites name="s4s /];

function holdsOwnReport(path: string): boolean {
  let descriptor: number | undefined;
  try {
    descriptor = openSync(path, 'r');
    const head = Buffer.alloc(512);
    const start = head.toString('utf8', 0, readSync(descriptor, head, 0, head.length, 0));
    return OWN_REPORT_STARTS.some((pattern) => pattern.test(start));
  } catch {
    return false;
  } finally {
    if (descriptor !== undefined) closeSync(descriptor);
  }
}

function realPath(absolute: string): string {
  try {
    return realpathSync(absolute);
  } catch {
    return absolute;
  }
}

/** Of two paths to one file: its own path, else the shorter way to it, else the one that sorts first. */
function preferred(candidate: InputEntry, known: InputEntry, real: string): boolean {
  if (known.source === real) return false;
  if (candidate.source === real) return true;
  const depth = (entry: InputEntry) => entry.source.split(/[\\/]/).length;
  return depth(candidate) !== depth(known) ? depth(candidate) < depth(known) : compareText(candidate.path, known.path) < 0;
}

export function displayPath(absolute: string, cwd: string): string {
  const fromCwd = relative(cwd, absolute);
  return printable(fromCwd && !fromCwd.startsWith('..') && !isAbsolute(fromCwd) ? fromCwd.split('\\').join('/') : absolute);
}

/**
 * Control characters in a file name show as `?`, as ls shows them: a name holding a line break or
 * an escape sequence must not split an error line or act on the terminal. The file is still read.
 */
function printable(path: string): string {
  return path.replace(/[\u0000-\u001F\u007F-\u009F]/g, '?');
}
