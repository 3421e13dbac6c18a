#!/usr/bin/env node
// Where the time of `s4s check` goes, phase by phase, for one document (from dist/, in one thread,
// like `s4s check --jobs 1 --timeout 0`): loading the modules and the criteria sets, reading
// (for a PDF: pdf.js plus s4s's layout), language detection, compiling the terms of the languages
// found, matching, scoring and the JSON report. Matching and scoring are then run again, warm, to
// show what a worker pays for each further document. `npm run bench` prints this for its long PDF.
//   node scripts/bench-phases.mjs file [--criteria smart,egd,sdg]
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const file = process.argv[2];
if (!file) {
  console.error('usage: node scripts/bench-phases.mjs file [--criteria smart,egd,sdg]');
  process.exit(2);
}
const at = process.argv.indexOf('--criteria');
const setIds = (at === -1 ? 'smart,egd,sdg' : process.argv[at + 1]).split(',');
const dist = (path) => new URL(`../dist/${path}`, import.meta.url).href;
// As the s4s executable does, before the modules that do the work load.
(await import(dist('cli/v8-tuning.js'))).tuneV8ForShortRuns();
const figures = [];
// With --expose-gc (as npm run bench runs it), garbage left by one phase is collected before the
// next is timed: otherwise a full collection of what reading left (0.5 s on a 260-page PDF) lands
// in whichever phase happens to trigger it. A check pays it too, somewhere; this only places it.
const timed = async (label, work) => {
  globalThis.gc?.();
  const start = performance.now();
  const value = await work();
  figures.push([label, performance.now() - start]);
  return value;
};

const modules = await timed('load modules (s4s; pdf.js and mammoth load when read)', async () => ({
  ...(await import(dist('criteria/load.js'))),
  ...(await import(dist('read/index.js'))),
  ...(await import(dist('document/language.js'))),
  ...(await import(dist('match/match.js'))),
  ...(await import(dist('score/score.js'))),
  ...(await import(dist('report/build.js'))),
  ...(await import(dist('report/format-json.js'))),
}));
const sets = await timed('load criteria sets', () => setIds.map((id) => modules.loadCriteriaSet(id)));
const bytes = readFileSync(file);
const read = await timed('read: extract and lay out (language forced)', () => modules.readDocumentBytes(bytes, file, { language: 'en' }));
const document = await timed('language of the document and each section', () => modules.detectDocumentLanguage(read));
const matcher = modules.createMatcher(sets);
const languages = [...new Set([document.language, ...document.sections.map((section) => section.language ?? document.language)])];
await timed(`compile terms (${languages.join(', ')})`, () => languages.forEach((language) => matcher.indexFor(language)));
const matches = await timed('match (cold)', () => modules.matchDocument(document, matcher));
const result = await timed('score (cold)', () => modules.scoreDocument(document, sets, matches));
await timed('JSON report', () => modules.formatJson(modules.buildReport([result], sets, { tool: { name: 's4s', version: 'bench' } }), {}));
await timed('match (warm, a further document)', () => modules.matchDocument(document, matcher));
await timed('score (warm)', () => modules.scoreDocument(document, sets, matches));

const words = document.sections.reduce((sum, section) => sum + section.blocks.reduce((count, block) => count + block.text.split(/\s+/).length, 0), 0);
console.log(`phases of s4s check: ${resolve(file)}`);
console.log(`  ${document.pageCount ?? '-'} pages, ${document.sections.length} sections, ${words} words, language ${document.language}`);
for (const [label, milliseconds] of figures) console.log(`  ${label.padEnd(58)} ${milliseconds.toFixed(0).padStart(6)} ms`);
