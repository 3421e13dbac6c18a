// Writes zip archives for the bad-input suite: honest ones (a DOCX made from its XML parts), and
// hostile ones whose central directory lies about sizes or whose entries inflate to gigabytes.
import { constants, crc32, deflateRawSync, inflateRawSync } from 'node:zlib';
import { readZipDirectory } from '../../src/read/zip-guard.js';

export interface ZipInput {
  name: string;
  /** The entry's content; ignored when `deflated` is given. */
  data?: Uint8Array | string;
  /** Already deflated content (raw deflate), for entries too large to hold inflated. */
  deflated?: { bytes: Uint8Array; size: number };
  /** Stored instead of deflated. */
  store?: boolean;
  /** What the headers claim the entry inflates to, when it should lie. */
  declaredSize?: number;
}

/** One zip archive: local headers and data, then the central directory and its end record. */
export function writeZip(inputs: ZipInput[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const input of inputs) {
    const name = Buffer.from(input.name, 'utf8');
    const { method, payload, size, crc } = encode(input);
    const declared = input.declaredSize ?? size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // names are UTF-8
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(payload.length, 18);
    local.writeUInt32LE(declared, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(payload.length, 20);
    central.writeUInt32LE(declared, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, payload);
    centrals.push(central, name);
    offset += local.length + name.length + payload.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(inputs.length, 8);
  end.writeUInt16LE(inputs.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

function encode(input: ZipInput): { method: number; payload: Buffer; size: number; crc: number } {
  if (input.deflated) return { method: 8, payload: Buffer.from(input.deflated.bytes), size: input.deflated.size, crc: 0 };
  const data = typeof input.data === 'string' ? Buffer.from(input.data, 'utf8') : Buffer.from(input.data ?? new Uint8Array());
  if (input.store) return { method: 0, payload: data, size: data.length, crc: crc32(data) };
  return { method: 8, payload: deflateRawSync(data), size: data.length, crc: crc32(data) };
}

/**
 * A raw deflate stream of `megabytes` MiB of zeros, built without holding them: one fully flushed
 * block of 1 MiB (about 1 KB) repeated, then an empty final block. 4 GiB cost about 4 MB.
 */
export function deflatedZeros(megabytes: number): { bytes: Uint8Array; size: number } {
  const block = deflateRawSync(Buffer.alloc(1024 * 1024), { level: 9, finishFlush: constants.Z_FULL_FLUSH });
  const finalEmptyBlock = Buffer.from([0x03, 0x00]);
  return { bytes: Buffer.concat([...Array.from({ length: megabytes }, () => block), finalEmptyBlock]), size: Math.min(megabytes * 1024 * 1024, 0xffffffff) };
}

/** The entries of a (sound) zip archive, inflated: to take a fixture apart and put it back together. */
export function readZipEntries(bytes: Uint8Array): { name: string; data: Buffer }[] {
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return readZipDirectory(bytes).map((entry) => {
    const start = entry.localHeaderOffset + 30 + view.readUInt16LE(entry.localHeaderOffset + 26) + view.readUInt16LE(entry.localHeaderOffset + 28);
    const data = view.subarray(start, start + entry.compressedSize);
    return { name: entry.name, data: entry.method === 8 ? inflateRawSync(data) : Buffer.from(data) };
  });
}
