// pdf.js loads without its optional @napi-rs/canvas: text extraction renders nothing, and loading
// the native library cost every reading thread time and memory (src/read/pdf-load.ts).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { loadPdfJs, openPdf } from '../../src/read/pdf-load.js';

const pdfjsRequire = createRequire(createRequire(import.meta.url).resolve('pdfjs-dist/legacy/build/pdf.mjs'));

describe('loading pdf.js', () => {
  it('leaves @napi-rs/canvas unloaded, and nothing of it in the require cache', async () => {
    await loadPdfJs();
    expect(Object.keys(pdfjsRequire.cache).filter((path) => path.includes('@napi-rs'))).toEqual([]);
  });

  it('still reads text, and @napi-rs/canvas still loads for whoever else asks for it', async () => {
    const document = await openPdf(new Uint8Array(readFileSync(new URL('../../fixtures/pdf/cs-strategie.pdf', import.meta.url))));
    const page = await document.getPage(1);
    const content = await page.getTextContent();
    expect(content.items.length).toBeGreaterThan(0);
    await document.destroy();
    let canvas: unknown;
    try {
      canvas = pdfjsRequire('@napi-rs/canvas');
    } catch {
      return; // not installed here (no build for this platform): nothing to check
    }
    expect(canvas).toHaveProperty('DOMMatrix');
  });
});
