#!/usr/bin/env node
// Measures what s4s's PDF reader costs on top of pdf.js: bare getTextContent over all pages versus
// readPdf (lines, columns, running headers, contents, headings, sections) on the same file.
//   npm run build && node --expose-gc scripts/bench-extract.mjs [file.pdf ...] [--runs 5] [--pages 320]
// Without files it measures ../shared/data/hard/tracemonkey.pdf (14 pages, two columns) when present
// and a generated long PDF (LibreOffice; skipped with a message when soffice is missing).
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { convertWithLibreOffice, hasLibreOffice, writeFodt } from './fixtures-fodt.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const argument = (name, fallback) => {
  const index = process.argv.indexOf(name);
  return index === -1 ? fallback : Number(process.argv[index + 1]);
};
const RUNS = argument('--runs', 5);
const LONG_PAGES = argument('--pages', 320);

const readerPath = join(ROOT, 'dist', 'read', 'pdf.js');
if (!existsSync(readerPath)) {
  console.error('dist/read/pdf.js not found: run `npm run build` first');
  process.exit(2);
}
const { readPdf } = await import(readerPath);
const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');

async function barePdfJs(bytes) {
  const document = await pdfjs.getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0 }).promise;
  let items = 0;
  for (let number = 1; number <= document.numPages; number++) {
    const page = await document.getPage(number);
    items += (await page.getTextContent()).items.length;
    page.cleanup();
  }
  await document.destroy();
  return items;
}

/** Wall time and CPU time (user + system) of a task, in ms; CPU time holds up better on a busy machine. */
async function time(task) {
  const start = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  await task();
  const used = process.cpuUsage(cpu);
  return { wall: Number(process.hrtime.bigint() - start) / 1e6, cpu: (used.user + used.system) / 1000 };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function bench(label, path) {
  const bytes = readFileSync(path);
  // Warm-up: module loading and JIT are not what we measure.
  await barePdfJs(bytes);
  const document = await readPdf(bytes);
  const bare = [];
  const reader = [];
  // Alternating order, and a collection before each run when node has --expose-gc: garbage left by
  // one run is then not billed to the next.
  for (let run = 0; run < RUNS; run++) {
    const pair = [
      async () => bare.push(await time(() => barePdfJs(bytes))),
      async () => reader.push(await time(() => readPdf(bytes))),
    ];
    for (const measure of run % 2 ? pair.reverse() : pair) {
      globalThis.gc?.();
      await measure();
    }
  }
  const figures = (key) => {
    const base = median(bare.map((run) => run[key]));
    const ours = median(reader.map((run) => run[key]));
    const overhead = (ours / base - 1) * 100;
    return `${key} ${base.toFixed(0)} → ${ours.toFixed(0)} ms (${overhead >= 0 ? '+' : ''}${overhead.toFixed(1)} %)`;
  };
  console.log(`${label}: ${document.pageCount} pages, ${document.sections.length} sections | pdf.js getTextContent → readPdf, median of ${RUNS}: ${figures('wall')} | ${figures('cpu')}`);
}

/** A long strategy: numbered chapters, running header and footer, every fifth chapter in two columns. */
function longSource(pages) {
  const sentence = (chapter, index) =>
    `Opatření ${chapter}.${index} podporuje udržitelnou mobilitu, energetické úspory ve veřejných budovách, zelenou infrastrukturu a zapojení občanů do rozhodování o rozvoji města.`;
  const paragraph = (chapter, index) => Array.from({ length: 6 }, (_, sentenceIndex) => sentence(chapter, index * 6 + sentenceIndex)).join(' ');
  const chapters = Math.ceil(pages / 2);
  const blocks = [{ title: 'Strategie rozvoje statutárního města 2025–2035' }];
  for (let chapter = 1; chapter <= chapters; chapter++) {
    const body = [{ h: 2, text: `${chapter}.1 Cíle a opatření` }, ...Array.from({ length: 6 }, (_, index) => ({ p: paragraph(chapter, index), hyphenate: true }))];
    blocks.push({ h: 1, text: `${chapter} Kapitola ${chapter}`, pageBreak: true });
    blocks.push(...(chapter % 5 === 0 ? [{ columns: 2, blocks: body }] : body));
  }
  return { language: 'cs', country: 'CZ', header: 'Strategie rozvoje statutárního města 2025–2035', footer: 'Strana {page}', outline: true, blocks };
}

const files = process.argv.slice(2).filter((value, index, all) => value.endsWith('.pdf') && !['--runs', '--pages'].includes(all[index - 1]));
if (files.length) {
  for (const file of files) await bench(file, resolve(file));
} else {
  const tracemonkey = resolve(ROOT, '..', 'shared', 'data', 'hard', 'tracemonkey.pdf');
  if (existsSync(tracemonkey)) await bench('tracemonkey.pdf', tracemonkey);
  else console.log(`skipped tracemonkey.pdf: ${tracemonkey} not found`);
  if (!hasLibreOffice()) console.log('skipped the long PDF: LibreOffice (soffice) not found');
  else {
    const work = mkdtempSync(join(tmpdir(), 's4s-bench-'));
    try {
      const fodt = writeFodt(longSource(LONG_PAGES), join(work, 'long.fodt'));
      const pdf = convertWithLibreOffice(fodt, join(work, 'long.pdf'), 'pdf', { bookmarks: true });
      await bench('generated long.pdf', pdf);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  }
}
