// Zip bomb guard for DOCX, run before mammoth (JSZip) sees the archive: the sizes the central
// directory declares must stay under --max-inflated-size, and every entry is inflated here as a
// stream that is only counted, and stopped once it passes its declared size, so a lying entry is
// caught after that many bytes instead of filling memory (JSZip compares sizes only after
// inflating everything, and mammoth may parse a part of any name that the relationships point to).
import { createInflateRaw } from 'node:zlib';
import { formatBytes, ReadError } from './errors.js';
import { entryData, parseZipDirectory, type ZipDirectoryEntry } from './zip-directory.js';

export type { ZipDirectoryEntry } from './zip-directory.js';

export const DEFAULT_MAX_INFLATED_BYTES = 512 * 1024 * 1024;
const DEFLATED = 8;

/** Refuses the archive (ZIP_BOMB) when it would unpack to more than `maxInflatedBytes` or lies about sizes. */
export async function guardZipArchive(bytes: Uint8Array, maxInflatedBytes: number = DEFAULT_MAX_INFLATED_BYTES): Promise<void> {
  const entries = readZipDirectory(bytes);
  const declared = entries.reduce((total, entry) => total + entry.size, 0);
  if (declared > maxInflatedBytes) {
    throw new ReadError('ZIP_BOMB', `archive would unpack to ${formatBytes(declared)}, over the limit of ${formatBytes(maxInflatedBytes)} (--max-inflated-size)`);
  }
  for (const entry of entries) {
    if (entry.method !== DEFLATED) continue;
    if (await inflatesBeyond(entryData(bytes, entry) ?? new Uint8Array(), entry.size)) {
      throw new ReadError('ZIP_BOMB', `archive entry ${entry.name} unpacks to more than the ${formatBytes(entry.size)} it declares: refused`);
    }
  }
}

/** The central directory's entries; a damaged directory is left for the DOCX reader to report. */
export function readZipDirectory(bytes: Uint8Array): ZipDirectoryEntry[] {
  return parseZipDirectory(bytes)?.entries ?? [];
}

/**
 * Inflates and counts, keeping nothing; stops as soon as the output passes `limit` bytes. Damaged
 * data ends the count early: the DOCX reader reports it along with whatever else is wrong.
 */
function inflatesBeyond(data: Uint8Array, limit: number): Promise<boolean> {
  if (data.length === 0) return Promise.resolve(false);
  return new Promise((resolve) => {
    const inflater = createInflateRaw({ chunkSize: 64 * 1024 });
    let total = 0;
    inflater.on('data', (chunk: Buffer) => {
      total += chunk.length;
      if (total > limit) inflater.destroy();
    });
    inflater.on('error', () => inflater.destroy());
    inflater.on('close', () => resolve(total > limit));
    inflater.end(data);
  });
}

