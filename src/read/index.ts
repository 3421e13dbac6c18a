// Reading: turns a file (or standard input) into the Document model. This module decides the
// format from the bytes and hands them to the one reader that knows that format.
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import type { Document, DocumentFormat, LanguageCode } from '../document/types.js';
import { formatBytes, ReadError } from './errors.js';
import { withoutControlCharacters } from './control-characters.js';
import { readPlainText } from './text.js';
import { decodeText } from './decode-text.js';
import { detectFormat } from './detect-format.js';
import { detectDocumentLanguage } from '../document/language.js';
import { classifySectionRoles } from '../document/section-roles.js';
import type { PageHelper } from './pdf-pages.js';

export interface ReadOptions {
  /** Password for encrypted PDFs. */
  password?: string;
  /** Refuse files larger than this many bytes. */
  maxBytes?: number;
  /** Force a language instead of detecting it. */
  language?: LanguageCode;
  /** Format to assume for standard input (path `-`) when its content does not tell (`--stdin-format`); files go by their names. */
  formatHint?: DocumentFormat;
  /** Refuse PDFs with more pages than this (`--max-pages`). */
  maxPages?: number;
  /** Refuse DOCX archives that unpack to more than this many bytes (`--max-inflated-size`). */
  maxInflatedBytes?: number;
}

export const DEFAULT_MAX_BYTES = 200 * 1024 * 1024;

/** Reads a file from disk; every failure becomes a ReadError with a one-line reason. */
export async function readDocumentFile(path: string, options: ReadOptions = {}, pdfHelper?: PageHelper): Promise<Document> {
  return readDocumentBytes(await readFileBytes(path, options), path, options, pdfHelper);
}

/** A file's raw bytes, refused over the size limit; every failure becomes a ReadError. */
export async function readFileBytes(path: string, options: ReadOptions = {}): Promise<Uint8Array> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  let size: number;
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw new ReadError('EISDIR', 'is a directory');
    size = info.size;
  } catch (error) {
    throw toReadError(error);
  }
  refuseLarger(size, maxBytes);
  try {
    return await readFile(path);
  } catch (error) {
    throw toReadError(error);
  }
}

/**
 * Reads bytes already in memory (standard input, tests, workers). `pdfHelper` lets another thread
 * read some of a PDF's pages (pdf-pages.ts).
 */
export async function readDocumentBytes(bytes: Uint8Array, path: string, options: ReadOptions = {}, pdfHelper?: PageHelper): Promise<Document> {
  if (bytes.length === 0) throw new ReadError('EMPTY', 'file is empty (0 bytes)');
  // Files are measured before they are read (readFileBytes); standard input only once it is in.
  if (path === '-') refuseLarger(bytes.length, options.maxBytes ?? DEFAULT_MAX_BYTES);
  const format = detectFormat(bytes, path, options.formatHint);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const base = { path, sha256 };
  let document: Document;
  switch (format) {
    case 'md': {
      // Imported on first use: markdown-it takes some 20 ms to load, which PDF runs skip.
      const { readMarkdownWithinLimits } = await import('./markdown-limits.js');
      document = { ...base, ...readMarkdownWithinLimits(decodeText(bytes).text) };
      break;
    }
    case 'txt':
      document = { ...base, ...readPlainText(decodeText(bytes).text) };
      break;
    case 'pdf': {
      // Imported on first use: pdf.js is large and most runs read no PDF.
      const { readPdf } = await import('./pdf.js');
      const pdfOptions = { ...(options.password !== undefined ? { password: options.password } : {}), ...(options.maxPages !== undefined ? { maxPages: options.maxPages } : {}) };
      document = { ...base, ...(await readPdf(bytes, pdfOptions, pdfHelper)) };
      break;
    }
    case 'docx': {
      // Refused before mammoth unpacks anything: a zip bomb would fill memory inside it.
      const { guardZipArchive } = await import('./zip-guard.js');
      await guardZipArchive(bytes, options.maxInflatedBytes);
      const { readDocx } = await import('./docx.js');
      document = { ...base, ...(await readDocx(bytes)) };
      break;
    }
  }
  document = withoutControlCharacters(document);
  const hasText = document.sections.some((section) => section.heading.trim() || section.blocks.some((block) => block.text.trim()));
  if (!hasText) throw new ReadError('EMPTY', 'document contains no text');
  return detectDocumentLanguage({ ...document, sections: classifySectionRoles(document.sections) }, options.language);
}

function refuseLarger(size: number, maxBytes: number): void {
  if (size > maxBytes) throw new ReadError('TOO_LARGE', `file is ${formatBytes(size)}, over the limit of ${formatBytes(maxBytes)} (--max-file-size)`);
}

function toReadError(error: unknown): ReadError {
  if (error instanceof ReadError) return error;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return new ReadError('ENOENT', 'no such file');
  if (code === 'EACCES' || code === 'EPERM') return new ReadError('EACCES', 'permission denied');
  if (code === 'EISDIR') return new ReadError('EISDIR', 'is a directory');
  if (code === 'ELOOP') return new ReadError('ENOENT', 'no such file: its symbolic links go round in a loop');
  return new ReadError('READ_FAILED', error instanceof Error ? error.message : String(error));
}

