import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectFormat } from '../../src/read/detect-format.js';
import { ReadError } from '../../src/read/errors.js';
import { fixture } from '../helpers.js';

const text = (value: string) => new TextEncoder().encode(value);

function refusal(bytes: Uint8Array, path: string, hint?: Parameters<typeof detectFormat>[2]): ReadError {
  try {
    detectFormat(bytes, path, hint);
  } catch (error) {
    if (error instanceof ReadError) return error;
    throw error;
  }
  throw new Error('expected a ReadError');
}

describe('detectFormat', () => {
  it('goes by content: a PDF named .docx is a PDF, a zip is handed to the DOCX reader', () => {
    expect(detectFormat(readFileSync(fixture('bad', 'pdf-named.docx')), 'strategy.docx')).toBe('pdf');
    expect(detectFormat(text('junk first\n%PDF-1.7\n'), 'strategy.txt')).toBe('pdf');
    expect(detectFormat(readFileSync(fixture('bad', 'not-word.docx')), 'strategy.md')).toBe('docx');
  });

  it('takes md or txt from the name or the hint only for text', () => {
    expect(detectFormat(text('# Strategie'), 'a.md')).toBe('md');
    expect(detectFormat(text('# Strategie'), 'a.txt')).toBe('txt');
    expect(detectFormat(text('# Strategie'), '-', 'md')).toBe('md');
    expect(detectFormat(text('# Strategie'), '-', 'txt')).toBe('txt');
    // The hint is for standard input: files named .txt or .md keep their formats in the same run.
    expect(detectFormat(text('# Strategie'), 'a.txt', 'md')).toBe('txt');
    expect(detectFormat(text('# Strategie'), 'a.md', 'txt')).toBe('md');
    expect(detectFormat(Buffer.from('Čeština', 'utf16le'), 'a.txt')).toBe('txt');
  });

  it('tells Markdown on standard input by its headings or front matter, and plain text by their absence', () => {
    expect(detectFormat(text('Strategie města\n\n## 1 Doprava\n\nMěsto podporuje MHD.\n'), '-')).toBe('md');
    expect(detectFormat(text('Strategie města\n==============\n\nText.\n'), '-')).toBe('md');
    expect(detectFormat(text('---\ntitle: Strategie\n---\nMěsto podporuje MHD.\n'), '-')).toBe('md');
    expect(detectFormat(Buffer.from('\uFEFF# Stratégia mesta\n\nText.\n', 'utf16le'), '-')).toBe('md');
    expect(detectFormat(text('STRATEGIE MĚSTA\n\n1 Doprava\n#1 priorita je MHD.\nCena 5 # kusů.\n'), '-')).toBe('txt');
    expect(detectFormat(text('Úvod\n---\nA dash line is a rule in plain text too.\n'), '-')).toBe('txt');
    // Between two dash rules, text that is not `key: value` is no front matter (the reader would drop it).
    expect(detectFormat(text('---\nText o vizi.\nmore text\n---\nfoo\n'), '-')).toBe('txt');
    expect(detectFormat(text('---\r\ntitle: Strategie\r\ntags:\r\n  - doprava\r\n---\r\nText.\r\n'), '-')).toBe('md');
    // YAML front matter may close with `...` (pandoc); a rule then a blank line opens none.
    expect(detectFormat(text('---\ntitle: Strategie\n...\nText.\n'), '-')).toBe('md');
    expect(detectFormat(text('---\n\ntitle: Strategie\n---\nText.\n'), '-')).toBe('txt');
  });

  it('refuses binary junk and known binary formats with a reason', () => {
    expect(refusal(readFileSync(fixture('bad', 'junk.md')), 'junk.md')).toMatchObject({ code: 'UNSUPPORTED', message: 'binary content that is not PDF or DOCX' });
    expect(refusal(Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), 'old.doc').message).toMatch(/legacy Microsoft Office/);
    expect(refusal(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a]), 'scan.pdf').message).toMatch(/PNG image.*OCR/);
    expect(refusal(Uint8Array.from([1, 2, 3, 0, 5]), 'broken.pdf')).toMatchObject({ code: 'DAMAGED' });
    expect(refusal(text('hello'), '-', 'docx')).toMatchObject({ code: 'NOT_DOCX' });
  });
});
