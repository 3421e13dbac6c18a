// Zip bomb guard for DOCX, run before mammoth (JSZip) sees the archive: the sizes the central
// directory declares must stay under --max-inflated-size, and every entry is inflated here as a
// stream that is only counted, and stopped once it passes its declared size, so a lying entry is
// caught after that many bytes instead of filling memory (JSZip compares sizes only after
// inflating everything, and mammoth may parse a part of any name that the relationships point to).
import { createInflateRaw } from 'node:zlib';
import { ReadError } from './errors.js';

export const DEFAULT_MAX_INFLATED_BYTES = 512 * 1024 * 1024;

export interface ZipDirectoryEntry {
  name: string;
  method: number;
  compressedSize: number;
  /** As declared by the central directory (ZIP64 sizes included). */
  size: number;
  localHeaderOffset: number;
}

const END_OF_DIRECTORY = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_END_OF_DIRECTORY = 0x06064b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
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
    if (await inflatesBeyond(entryData(bytes, entry), entry.size)) {
      throw new ReadError('ZIP_BOMB', `archive entry ${entry.name} unpacks to more than the ${formatBytes(entry.size)} it declares: refused`);
    }
  }
}

/** The central directory's entries; a damaged directory is left for the DOCX reader to report. */
export function readZipDirectory(bytes: Uint8Array): ZipDirectoryEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = findEndOfDirectory(view);
  if (end === undefined) return [];
  let count = view.getUint16(end + 10, true);
  let offset = view.getUint32(end + 16, true);
  const locator = end - 20;
  if (locator >= 0 && view.getUint32(locator, true) === ZIP64_LOCATOR) {
    const record = Number(view.getBigUint64(locator + 8, true));
    if (record + 56 <= view.byteLength && view.getUint32(record, true) === ZIP64_END_OF_DIRECTORY) {
      count = Number(view.getBigUint64(record + 32, true));
      offset = Number(view.getBigUint64(record + 48, true));
    }
  }
  const entries: ZipDirectoryEntry[] = [];
  for (let index = 0; index < count; index++) {
    if (offset + 46 > view.byteLength || view.getUint32(offset, true) !== DIRECTORY_ENTRY) break;
    const nameLength = view.getUint16(offset + 28, true);
    const extraLength = view.getUint16(offset + 30, true);
    const entry: ZipDirectoryEntry = {
      name: Buffer.from(bytes.subarray(offset + 46, offset + 46 + nameLength)).toString('utf8'),
      method: view.getUint16(offset + 10, true),
      compressedSize: view.getUint32(offset + 20, true),
      size: view.getUint32(offset + 24, true),
      localHeaderOffset: view.getUint32(offset + 42, true),
    };
    applyZip64Sizes(view, offset + 46 + nameLength, extraLength, entry);
    entries.push(entry);
    offset += 46 + nameLength + extraLength + view.getUint16(offset + 32, true);
  }
  return entries;
}

/** ZIP64 keeps the sizes that do not fit 32 bits in an extra field, in a fixed order. */
function applyZip64Sizes(view: DataView, start: number, length: number, entry: ZipDirectoryEntry): void {
  const end = Math.min(start + length, view.byteLength);
  for (let at = start; at + 4 <= end; ) {
    const id = view.getUint16(at, true);
    const size = view.getUint16(at + 2, true);
    if (id === 0x0001) {
      let field = at + 4;
      const next = () => {
        const value = field + 8 <= end ? Number(view.getBigUint64(field, true)) : undefined;
        field += 8;
        return value;
      };
      if (entry.size === 0xffffffff) entry.size = next() ?? entry.size;
      if (entry.compressedSize === 0xffffffff) entry.compressedSize = next() ?? entry.compressedSize;
      if (entry.localHeaderOffset === 0xffffffff) entry.localHeaderOffset = next() ?? entry.localHeaderOffset;
      return;
    }
    at += 4 + size;
  }
}

/** The entry's compressed bytes, found through its local header as JSZip finds them. */
function entryData(bytes: Uint8Array, entry: ZipDirectoryEntry): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const header = entry.localHeaderOffset;
  if (header + 30 > view.byteLength || view.getUint32(header, true) !== LOCAL_HEADER) return new Uint8Array();
  const start = header + 30 + view.getUint16(header + 26, true) + view.getUint16(header + 28, true);
  return bytes.subarray(start, start + entry.compressedSize);
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

/** The end-of-central-directory record sits in the last 64 KiB + 22 bytes; the last one counts, as for JSZip. */
function findEndOfDirectory(view: DataView): number | undefined {
  const lowest = Math.max(0, view.byteLength - 22 - 0xffff);
  for (let offset = view.byteLength - 22; offset >= lowest; offset--) {
    if (view.getUint32(offset, true) === END_OF_DIRECTORY) return offset;
  }
  return undefined;
}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 ** 3) return `${(bytes / 1024 ** 3).toFixed(1)} GB`;
  if (bytes >= 1024 ** 2) return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
  return bytes >= 1024 ? `${(bytes / 1024).toFixed(1)} KB` : `${bytes} bytes`;
}
