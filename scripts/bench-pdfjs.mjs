#!/usr/bin/env node
// The floor that `npm run bench` measures s4s against: bare pdf.js text extraction of every page of
// one PDF (getTextContent, page released after use), with the options s4s's reader uses, and, like
// s4s, with Node's own Array.prototype.push and JSON put back over the legacy build's polyfills.
//   node scripts/bench-pdfjs.mjs file.pdf
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const path = process.argv[2];
if (!path) {
  console.error('usage: node scripts/bench-pdfjs.mjs file.pdf');
  process.exit(2);
}
const natives = { push: Array.prototype.push, parse: JSON.parse, stringify: JSON.stringify };
const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
Array.prototype.push = natives.push;
JSON.parse = natives.parse;
JSON.stringify = natives.stringify;
const assets = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
const document = await pdfjs.getDocument({
  data: new Uint8Array(readFileSync(path)),
  isEvalSupported: false,
  disableFontFace: true,
  useSystemFonts: false,
  verbosity: 0,
  cMapUrl: `${join(assets, 'cmaps')}/`,
  cMapPacked: true,
  standardFontDataUrl: `${join(assets, 'standard_fonts')}/`,
  disableAutoFetch: true,
  disableStream: true,
  disableRange: true,
}).promise;
let characters = 0;
for (let number = 1; number <= document.numPages; number++) {
  const page = await document.getPage(number);
  for (const item of (await page.getTextContent()).items) characters += 'str' in item ? item.str.length : 0;
  page.cleanup();
}
await document.destroy();
console.log(`${document.numPages} pages, ${characters} characters`);
