// Decides a file's format from its bytes (magic numbers): a PDF named .docx is read as a PDF, a zip
// goes to the DOCX reader (which checks it holds a Word document), and known binary formats and
// junk are refused with a reason. Only for text does the name choose md or txt; on standard input,
// --stdin-format or else the text itself (Markdown headings or front matter).
import { extname } from 'node:path';
import type { DocumentFormat } from '../document/types.js';
import { utf16WithoutBom } from './decode-text.js';
import { ReadError } from './errors.js';

const MARKDOWN_EXTENSIONS = new Set(['.md', '.markdown', '.mdown', '.mkd']);

/** Formats recognised by their first bytes that s4s does not read, and what to tell the user. */
const REFUSED: [number[], string][] = [
  [[0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], 'a legacy Microsoft Office file (.doc, .xls, .ppt): save it as DOCX or PDF'],
  [[0x7b, 0x5c, 0x72, 0x74, 0x66], 'an RTF document: save it as DOCX or PDF'],
  [[0x89, 0x50, 0x4e, 0x47], 'a PNG image: scanned pages need OCR before s4s can read them'],
  [[0xff, 0xd8, 0xff], 'a JPEG image: scanned pages need OCR before s4s can read them'],
  [[0x49, 0x49, 0x2a, 0x00], 'a TIFF image: scanned pages need OCR before s4s can read them'],
  [[0x4d, 0x4d, 0x00, 0x2a], 'a TIFF image: scanned pages need OCR before s4s can read them'],
  [[0x47, 0x49, 0x46, 0x38], 'a GIF image'],
  [[0x1f, 0x8b], 'a gzip archive: unpack it first'],
  [[0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], 'a 7-Zip archive: unpack it first'],
  [[0x52, 0x61, 0x72, 0x21], 'a RAR archive: unpack it first'],
  [[0x41, 0x54, 0x26, 0x54, 0x46, 0x4f, 0x52, 0x4d], 'a DjVu document: export it as PDF'],
];

export function detectFormat(bytes: Uint8Array, path: string, hint?: DocumentFormat): DocumentFormat {
  // The PDF header may follow some junk; readers accept it within the first kilobyte.
  if (indexOf(bytes.subarray(0, 1024), [0x25, 0x50, 0x44, 0x46, 0x2d]) !== -1) return 'pdf';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) return 'docx';
  const refused = REFUSED.find(([magic]) => startsWith(bytes, magic));
  if (refused) throw new ReadError('UNSUPPORTED', refused[1]);
  const extension = extname(path).toLowerCase();
  const binary = looksBinary(bytes);
  // Standard input said to be PDF or DOCX, or binary named so, that is not: say so plainly.
  const claimed = path === '-' ? hint : undefined;
  if (claimed === 'pdf' || (binary && extension === '.pdf')) {
    throw new ReadError('DAMAGED', 'not a PDF: there is no %PDF header (damaged, or another format named .pdf)');
  }
  if (claimed === 'docx' || (binary && extension === '.docx')) {
    throw new ReadError('NOT_DOCX', 'not a Word document: a DOCX is a zip archive and this is not one');
  }
  if (binary) throw new ReadError('UNSUPPORTED', 'binary content that is not PDF or DOCX');
  // Files go by their names: `check --stdin-format md notes.txt -` reads notes.txt as plain text.
  if (claimed === 'md' || claimed === 'txt') return claimed;
  if (path === '-') return looksLikeMarkdown(bytes) ? 'md' : 'txt';
  return MARKDOWN_EXTENSIONS.has(extension) ? 'md' : 'txt';
}

/** How much of standard input is looked at to tell Markdown from plain text. */
const MARKDOWN_SNIFF_BYTES = 64 * 1024;
/** An ATX heading (`## Doprava`; `#1` is not one) or a setext one (a line over `===`). */
const MARKDOWN_HEADING = /^ {0,3}#{1,6}[ \t]+\S|^[^\n]*\S[^\n]*\r?\n {0,3}=+[ \t]*\r?$/m;
/**
 * Front matter at the very start, as Markdown exports of strategies often carry, and the one rule
 * the Markdown reader strips it by: YAML (`---`, a `key: value` line first, closed by `---` or, as
 * pandoc allows, `...`) or TOML (`+++`, a `key = value` line first, closed by `+++`). The first line
 * must be a key: a document that opens with a thematic break (`---` and a blank line) and has
 * another rule further down is no front matter, and the reader would drop all text between the two.
 */
export const FRONT_MATTER =
  /^\uFEFF?(?:---[ \t]*\r?\n[A-Za-z_][\w-]*[ \t]*:[^\n]*\n(?:[^\n]*\n)*?(?:---|\.\.\.)|\+\+\+[ \t]*\r?\n[A-Za-z_][\w-]*[ \t]*=[^\n]*\n(?:[^\n]*\n)*?\+\+\+)[ \t]*\r?(?:\n|$)/;

/**
 * Standard input has no name to go by: `cat strategy.md | s4s check -` is Markdown when its text
 * has a Markdown heading or front matter, and plain text otherwise (where # starts no heading).
 */
function looksLikeMarkdown(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, MARKDOWN_SNIFF_BYTES);
  const encoding = head[0] === 0xff && head[1] === 0xfe ? 'utf-16le' : head[0] === 0xfe && head[1] === 0xff ? 'utf-16be' : (utf16WithoutBom(head) ?? 'utf-8');
  const text = new TextDecoder(encoding).decode(head);
  return FRONT_MATTER.test(text) || MARKDOWN_HEADING.test(text);
}

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((value, index) => bytes[index] === value);
}

function indexOf(bytes: Uint8Array, needle: number[]): number {
  const first = needle[0] ?? 0;
  for (let index = bytes.indexOf(first); index !== -1 && index <= bytes.length - needle.length; index = bytes.indexOf(first, index + 1)) {
    if (needle.every((value, offset) => bytes[index + offset] === value)) return index;
  }
  return -1;
}

/** NUL bytes, or many control characters, in the first 8 KiB mean binary, unless the text is UTF-16. */
function looksBinary(bytes: Uint8Array): boolean {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff) || utf16WithoutBom(bytes)) return false;
  const sample = bytes.subarray(0, 8192);
  if (sample.includes(0)) return true;
  let controls = 0;
  for (const byte of sample) if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c && byte !== 0x1b) controls++;
  return controls > 0.02 * sample.length;
}
