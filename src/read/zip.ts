// A minimal reader of zip archives (the container of DOCX): lists entries from the central
// directory and inflates one on request. Enough to tell a Word document from other zips and to
// read styles.xml. How much an archive may unpack to is zip-guard.ts's business (--max-inflated-size),
// which runs before any DOCX is opened.
import { inflateRawSync } from 'node:zlib';
import { ReadError } from './errors.js';
import { entryData, parseZipDirectory, type ZipDirectoryEntry } from './zip-directory.js';

export class ZipArchive {
  readonly entries: Map<string, ZipDirectoryEntry>;

  constructor(private readonly bytes: Uint8Array) {
    const directory = parseZipDirectory(bytes);
    if (!directory) throw damaged('no zip directory found (truncated?)');
    if (!directory.complete) throw damaged('zip directory is cut short');
    this.entries = new Map(directory.entries.map((entry) => [entry.name, entry]));
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  /** The entry's content as text (UTF-8), or undefined when there is no such entry. */
  readText(name: string): string | undefined {
    const entry = this.entries.get(name);
    if (!entry) return undefined;
    const data = entryData(this.bytes, entry);
    if (!data) throw damaged(`bad local header for ${name}`);
    if (entry.method === 0) return Buffer.from(data).toString('utf8');
    if (entry.method !== 8) throw new ReadError('UNSUPPORTED', `zip entry ${name} uses compression method ${entry.method}`);
    try {
      return inflateRawSync(data, { maxOutputLength: Math.max(entry.size, 1) + 1024 }).toString('utf8');
    } catch (error) {
      // zlib's own words ("invalid distance too far back") say nothing to a user.
      throw damaged(`${name} cannot be unpacked: its compressed data is corrupted (${error instanceof Error ? error.message : String(error)})`);
    }
  }
}

function damaged(reason: string): ReadError {
  return new ReadError('DAMAGED', `damaged zip archive: ${reason}`);
}
