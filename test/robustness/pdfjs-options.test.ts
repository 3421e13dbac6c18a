// pdf.js is opened with eval off, no font loading, no system fonts and nothing fetched: the options
// the PDF reader hands to getDocument, seen by wrapping pdf.js's own getDocument.
import { describe, expect, it, vi } from 'vitest';
import { readDocumentBytes } from '../../src/read/index.js';
import { CZECH_PAGES } from './make-bad-inputs.js';
import { writePdf } from './pdf-writer.js';

const seen = vi.hoisted(() => [] as Record<string, unknown>[]);

vi.mock('pdfjs-dist/legacy/build/pdf.mjs', async (importOriginal) => {
  const pdfjs = await importOriginal<typeof import('pdfjs-dist/legacy/build/pdf.mjs')>();
  return {
    ...pdfjs,
    getDocument: (parameters: Parameters<typeof pdfjs.getDocument>[0]) => {
      seen.push({ ...(parameters as Record<string, unknown>) });
      return pdfjs.getDocument(parameters);
    },
  };
});

describe('the options pdf.js is opened with', () => {
  it('turn eval, font faces, system fonts, streaming, range requests and auto-fetch off, and name only local files', async () => {
    const document = await readDocumentBytes(writePdf({ pages: CZECH_PAGES }), 'plan.pdf');
    expect(document.pageCount).toBe(4);
    expect(seen).toHaveLength(1);
    const options = seen[0]!;
    expect(options).toMatchObject({ isEvalSupported: false, disableFontFace: true, useSystemFonts: false, disableAutoFetch: true, disableStream: true, disableRange: true });
    expect(options.data).toBeInstanceOf(Uint8Array);
    expect(options.url).toBeUndefined();
    expect(options.enableXfa).not.toBe(true);
    for (const key of ['cMapUrl', 'standardFontDataUrl', 'wasmUrl']) {
      expect(String(options[key]), key).toMatch(/^\/.*\/node_modules\/pdfjs-dist\/[a-z_]+\/$/);
    }
  });
});
