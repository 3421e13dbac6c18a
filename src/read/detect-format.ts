// Decides a file's format from its bytes (magic numbers), falling back to its name only for text.
import { extname } from 'node:path';
import type { DocumentFormat } from '../document/types.js';
import { ReadError } from './errors.js';

const MARKDOWN_EXTENSIONS = new Set(['.md', '.markdown', '.mdown', '.mkd']);

export function detectFormat(bytes: Uint8Array, path: string, hint?: DocumentFormat): DocumentFormat {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) return 'pdf'; // %PDF
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return 'docx'; // zip; the DOCX reader checks it is Word
  if (looksBinary(bytes)) throw new ReadError('UNSUPPORTED', 'binary content that is not PDF or DOCX');
  if (hint === 'md' || hint === 'txt') return hint;
  return MARKDOWN_EXTENSIONS.has(extname(path).toLowerCase()) ? 'md' : 'txt';
}

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((value, index) => bytes[index] === value);
}

/** NUL bytes in the first 8 KiB mean binary, unless the text is UTF-16 with a BOM. */
function looksBinary(bytes: Uint8Array): boolean {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return false;
  return bytes.subarray(0, 8192).includes(0);
}
