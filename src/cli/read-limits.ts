// The limits every command that reads documents shares (--max-file-size, --max-pages,
// --max-inflated-size), parsed into reader options; each mistake is one clear line.
import type { ReadOptions } from '../read/index.js';
import { UsageError } from './io.js';

export interface ReadLimitOptions {
  maxFileSize?: string;
  /** PDF pages; 0 for no limit. */
  maxPages?: string;
  /** What a DOCX may unpack to; 0 for no limit. */
  maxInflatedSize?: string;
}

export function parseReadLimits(options: ReadLimitOptions): Pick<ReadOptions, 'maxBytes' | 'maxPages' | 'maxInflatedBytes'> {
  const maxPages = options.maxPages !== undefined ? parsePageLimit(options.maxPages) : undefined;
  const maxInflatedBytes = options.maxInflatedSize !== undefined ? parseSize(options.maxInflatedSize) : undefined;
  return {
    ...(options.maxFileSize ? { maxBytes: parseSize(options.maxFileSize) || Number.POSITIVE_INFINITY } : {}),
    ...(maxPages ? { maxPages } : {}),
    ...(maxInflatedBytes !== undefined ? { maxInflatedBytes: maxInflatedBytes === 0 ? Number.POSITIVE_INFINITY : maxInflatedBytes } : {}),
  };
}

function parsePageLimit(text: string): number {
  if (!/^\s*\d+\s*$/.test(text)) throw new UsageError(`invalid --max-pages "${text}" (use a whole number of pages, or 0 for no limit)`);
  return Number(text);
}

/** "50MB", "200k", "1048576" → bytes. */
export function parseSize(text: string): number {
  const match = /^(\d+(?:\.\d+)?)\s*([kmg]?)i?b?$/i.exec(text.trim());
  if (!match) throw new UsageError(`invalid size "${text}" (use e.g. 50MB, 500k or a number of bytes)`);
  const factor = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[(match[2] ?? '').toLowerCase()] ?? 1;
  return Math.round(Number(match[1]) * factor);
}
