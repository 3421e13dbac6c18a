// Loads pdf.js on first use and opens a PDF from bytes with nothing fetched, no fonts loaded and
// no eval; turns pdf.js's exceptions (password, invalid structure) into one-line ReadErrors.
import { createRequire, Module } from 'node:module';
import { dirname, join } from 'node:path';
import type { PDFDocumentProxy } from 'pdfjs-dist/types/src/display/api.js';
import { ReadError } from './errors.js';

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

let loading: Promise<PdfJs> | undefined;

export function loadPdfJs(): Promise<PdfJs> {
  loading ??= importWithoutPolyfills();
  return loading;
}

/** pdf.js's fake worker (the same thread in Node); it sets globalThis.pdfjsWorker, which pdf.js then uses. */
const PDFJS_WORKER_MODULE = 'pdfjs-dist/legacy/build/pdf.worker.mjs';

/**
 * The legacy build's core-js polyfills replace Array.prototype.push, JSON.parse and JSON.stringify
 * with JavaScript versions, for the whole thread, though Node 20's own are fine: every push and every
 * JSON report after the first PDF got slower (10-15 % of the CPU time of a batch). Both modules are
 * loaded now and the natives put back. pdf.js's optional @napi-rs/canvas is kept from loading
 * (withoutCanvas): the geometry stand-ins answer for it.
 */
async function importWithoutPolyfills(): Promise<PdfJs> {
  const natives = { push: Array.prototype.push, parse: JSON.parse, stringify: JSON.stringify, warn: console.warn };
  defineGeometryStandIns();
  // Without @napi-rs/canvas pdf.js warns while it loads, several lines on every thread that loads
  // it; the stand-ins answer for it, and the text does not need it.
  console.warn = () => {};
  try {
    return await withoutCanvas(async () => {
      const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
      await import(PDFJS_WORKER_MODULE);
      return pdfjs;
    });
  } finally {
    Array.prototype.push = natives.push;
    JSON.parse = natives.parse;
    JSON.stringify = natives.stringify;
    console.warn = natives.warn;
  }
}

/**
 * Runs `load` (pdf.js's import) with @napi-rs/canvas answering pdf.js's require() as an empty
 * module, from the require cache, instead of loading its native library. pdf.js loads it at once
 * for rendering, which text extraction never does; loading it cost some 30 ms and 20 MB on every
 * thread that read a PDF. The text is the same without it (checked on every PDF of the fixtures
 * and of ../shared), and where npm left it out (no build for the platform, `--omit=optional`) this
 * is the path pdf.js takes anyway. The empty module is taken out of the cache afterwards, so that
 * anything else in the process still loads the real one.
 */
async function withoutCanvas<T>(load: () => Promise<T>): Promise<T> {
  const pdfjsRequire = createRequire(createRequire(import.meta.url).resolve('pdfjs-dist/legacy/build/pdf.mjs'));
  let canvasPath: string;
  try {
    canvasPath = pdfjsRequire.resolve('@napi-rs/canvas');
  } catch {
    return load(); // not installed: pdf.js's require fails, as it expects it may
  }
  if (pdfjsRequire.cache[canvasPath]) return load(); // loaded already (by someone else): pdf.js may use it
  const empty = new Module(canvasPath);
  empty.filename = canvasPath;
  empty.loaded = true;
  pdfjsRequire.cache[canvasPath] = empty;
  try {
    return await load();
  } finally {
    if (pdfjsRequire.cache[canvasPath] === empty) delete pdfjsRequire.cache[canvasPath];
  }
}

/**
 * Without @napi-rs/canvas, pdf.js's display module fails as it loads (it makes a DOMMatrix for
 * rendering), so no PDF could be read at all. Text extraction renders nothing: stand-ins let the
 * module load; anything that would really draw with them fails on that page alone.
 */
function defineGeometryStandIns(): void {
  class GeometryStandIn {
    constructor() {
      Object.assign(this, { a: 1, b: 0, c: 0, d: 1, e: 0, f: 0 });
    }
  }
  for (const name of ['DOMMatrix', 'ImageData', 'Path2D']) {
    if (!(name in globalThis)) Object.defineProperty(globalThis, name, { value: GeometryStandIn, configurable: true, writable: true });
  }
}

/** pdf.js's own CMaps, standard font metrics and decoders, read from the installed package. */
function assetDirectory(): string {
  const packageJson = createRequire(import.meta.url).resolve('pdfjs-dist/package.json');
  return dirname(packageJson);
}

export async function openPdf(bytes: Uint8Array, password?: string): Promise<PDFDocumentProxy> {
  const pdfjs = await loadPdfJs();
  const assets = assetDirectory();
  const task = pdfjs.getDocument({
    // A copy: pdf.js takes ownership of the buffer it is given.
    data: new Uint8Array(bytes),
    ...(password !== undefined ? { password } : {}),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
    cMapUrl: `${join(assets, 'cmaps')}/`,
    cMapPacked: true,
    standardFontDataUrl: `${join(assets, 'standard_fonts')}/`,
    wasmUrl: `${join(assets, 'wasm')}/`,
    disableAutoFetch: true,
    disableStream: true,
    disableRange: true,
    stopAtErrors: false,
  });
  try {
    return await task.promise;
  } catch (error) {
    await task.destroy().catch(() => undefined);
    const { name, code } = (error ?? {}) as PdfJsError;
    if (password !== undefined && name === 'PasswordException' && code === 2) {
      // A batch's --password is wrong for a PDF that has only an owner password: it opens without one.
      const withoutPassword = await openPdf(bytes).catch(() => undefined);
      if (withoutPassword) return withoutPassword;
    }
    throw toPdfReadError(error, password);
  }
}

interface PdfJsError {
  name?: string;
  code?: number;
  message?: string;
}

export function toPdfReadError(error: unknown, password?: string): ReadError {
  if (error instanceof ReadError) return error;
  const { name, code, message } = (error ?? {}) as PdfJsError;
  if (name === 'PasswordException') {
    // pdf.js: 1 = NEED_PASSWORD, 2 = INCORRECT_PASSWORD.
    if (code === 2 || (code === 1 && password)) return new ReadError('ENCRYPTED', 'encrypted PDF: the password given is wrong');
    return new ReadError('ENCRYPTED', 'encrypted PDF: a password is needed to open it (give it with --password)');
  }
  if (name === 'InvalidPDFException') return new ReadError('DAMAGED', 'damaged PDF: no readable document structure found (Invalid PDF structure)');
  const detail = (message ?? String(error)).split('\n')[0];
  if (/unknown encryption method|unsupported encryption algorithm|unknown crypto method|invalid crypt filter/i.test(detail ?? '')) {
    return new ReadError('ENCRYPTED', `encrypted PDF: by a method s4s cannot open (${detail})`);
  }
  return new ReadError('DAMAGED', `damaged PDF: ${detail}`);
}
