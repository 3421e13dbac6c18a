// A minimal reader of zip archives (the container of DOCX): lists entries from the central
// directory and inflates one on request. Enough to tell a Word document from other zips, to read
// styles.xml, and to refuse archives that would inflate to absurd sizes.
import { inflateRawSync } from 'node:zlib';
import { ReadError } from './errors.js';

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localHeaderOffset: number;
}

/** Above this much unpacked content (or a suspicious ratio) an archive is refused. */
export const MAX_UNPACKED_BYTES = 1024 * 1024 * 1024;
const MAX_RATIO = 1000;

export class ZipArchive {
  readonly entries: Map<string, ZipEntry>;

  constructor(private readonly bytes: Uint8Array) {
    this.entries = readCentralDirectory(bytes);
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  /** The entry's content as text (UTF-8), or undefined when there is no such entry. */
  readText(name: string): string | undefined {
    const entry = this.entries.get(name);
    if (!entry) return undefined;
    const view = new DataView(this.bytes.buffer, this.bytes.byteOffset, this.bytes.byteLength);
    const offset = entry.localHeaderOffset;
    if (offset + 30 > this.bytes.length || view.getUint32(offset, true) !== 0x04034b50) throw damaged(`bad local header for ${name}`);
    const start = offset + 30 + view.getUint16(offset + 26, true) + view.getUint16(offset + 28, true);
    const data = this.bytes.subarray(start, start + entry.compressedSize);
    if (entry.method === 0) return Buffer.from(data).toString('utf8');
    if (entry.method !== 8) throw new ReadError('UNSUPPORTED', `zip entry ${name} uses compression method ${entry.method}`);
    try {
      return inflateRawSync(data, { maxOutputLength: Math.max(entry.size, 1) + 1024 }).toString('utf8');
    } catch (error) {
      throw damaged(`${name} cannot be unpacked (${error instanceof Error ? error.message : String(error)})`);
    }
  }
}

function readCentralDirectory(bytes: Uint8Array): Map<string, ZipEntry> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const endOffset = findEndOfCentralDirectory(view);
  if (endOffset === undefined) throw damaged('no zip directory found (truncated?)');
  const count = view.getUint16(endOffset + 10, true);
  let offset = view.getUint32(endOffset + 16, true);
  const entries = new Map<string, ZipEntry>();
  let unpacked = 0;
  let packed = 0;
  for (let index = 0; index < count; index++) {
    if (offset + 46 > bytes.length || view.getUint32(offset, true) !== 0x02014b50) throw damaged('zip directory is cut short');
    const nameLength = view.getUint16(offset + 28, true);
    const entry: ZipEntry = {
      name: Buffer.from(bytes.subarray(offset + 46, offset + 46 + nameLength)).toString('utf8'),
      method: view.getUint16(offset + 10, true),
      compressedSize: view.getUint32(offset + 20, true),
      size: view.getUint32(offset + 24, true),
      localHeaderOffset: view.getUint32(offset + 42, true),
    };
    entries.set(entry.name, entry);
    unpacked += entry.size;
    packed += entry.compressedSize;
    offset += 46 + nameLength + view.getUint16(offset + 30, true) + view.getUint16(offset + 32, true);
  }
  if (unpacked > MAX_UNPACKED_BYTES || (unpacked > 100 * 1024 * 1024 && unpacked > MAX_RATIO * Math.max(packed, 1))) {
    throw new ReadError('ZIP_BOMB', `archive would unpack to ${(unpacked / 1024 / 1024).toFixed(0)} MB from ${(packed / 1024 / 1024).toFixed(1)} MB: refused`);
  }
  return entries;
}

/** The end-of-central-directory record sits in the last 64 KiB + 22 bytes. */
function findEndOfCentralDirectory(view: DataView): number | undefined {
  const lowest = Math.max(0, view.byteLength - 22 - 0xffff);
  for (let offset = view.byteLength - 22; offset >= lowest; offset--) {
    if (view.getUint32(offset, true) === 0x06054b50) return offset;
  }
  return undefined;
}

function damaged(reason: string): ReadError {
  return new ReadError('DAMAGED', `damaged zip archive: ${reason}`);
}
