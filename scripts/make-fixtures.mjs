#!/usr/bin/env node
// Builds the reader fixtures (fixtures/pdf, fixtures/docx, fixtures/text, fixtures/bad) from the
// committed sources in fixtures/sources. PDFs need LibreOffice headless (`soffice`); everything else
// is written directly. The outputs are committed, so tests never need LibreOffice.
//   node scripts/make-fixtures.mjs            # everything
//   node scripts/make-fixtures.mjs --no-pdf   # skip the LibreOffice part
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { docxParts, zip } from './fixtures-docx.mjs';
import { convertWithLibreOffice, hasLibreOffice, writeFodt } from './fixtures-fodt.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const SOURCES = join(ROOT, 'fixtures', 'sources');
const out = (...parts) => join(ROOT, 'fixtures', ...parts);
const readSource = (name) => JSON.parse(readFileSync(join(SOURCES, name), 'utf8'));

const PDF_SOURCES = ['cs-strategie', 'hu-strategia-ket-hasab', 'cs-vyhlaska', 'pl-uchwala', 'scan-mixed', 'scan-only', 'encrypted', 'blank'];

function buildPdfs() {
  const work = mkdtempSync(join(tmpdir(), 's4s-fixtures-'));
  try {
    for (const name of PDF_SOURCES) {
      const source = readSource(`${name}.json`);
      const fodt = writeFodt(source, join(work, `${name}.fodt`));
      convertWithLibreOffice(fodt, out('pdf', `${name}.pdf`), 'pdf', { bookmarks: source.outline, password: source.password });
      if (name === 'cs-strategie') convertWithLibreOffice(fodt, out('docx', 'cs-strategie-libreoffice.docx'), 'docx');
      console.log(`fixtures/pdf/${name}.pdf`);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function buildDocx() {
  for (const name of ['cs-strategie', 'pl-strategia', 'hu-strategia']) {
    writeFileSync(out('docx', `${name}.docx`), zip(docxParts(readSource(`${name}-docx.json`))));
    console.log(`fixtures/docx/${name}.docx`);
  }
}

/** Encodes text in a single-byte code page, using Node's own decoder to build the table. */
function encodeSingleByte(text, encoding) {
  const decoder = new TextDecoder(encoding);
  const table = new Map();
  for (let byte = 0; byte < 256; byte++) table.set(decoder.decode(Uint8Array.of(byte)), byte);
  return Buffer.from(
    [...text].map((character) => {
      const byte = table.get(character);
      if (byte === undefined) throw new Error(`${encoding} cannot encode ${character}`);
      return byte;
    }),
  );
}

function buildText() {
  const czech = readFileSync(join(SOURCES, 'cs-text.txt'), 'utf8');
  const slovak = readFileSync(join(SOURCES, 'sk-text.txt'), 'utf8');
  const hungarian = readFileSync(join(SOURCES, 'hu-text.txt'), 'utf8');
  writeFileSync(out('text', 'cs-windows-1250.txt'), encodeSingleByte(czech.replace(/\n/g, '\r\n'), 'windows-1250'));
  writeFileSync(out('text', 'sk-iso-8859-2.txt'), encodeSingleByte(slovak, 'iso-8859-2'));
  writeFileSync(out('text', 'hu-utf16le-bom.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(hungarian, 'utf16le')]));
  writeFileSync(out('text', 'cs-one-line.txt'), Array.from({ length: 4 }, () => czech.replace(/\s+/g, ' ').trim()).join(' '));
  console.log('fixtures/text/*.txt');
}

function buildBad() {
  copyFileSync(out('pdf', 'pl-uchwala.pdf'), out('bad', 'pdf-named.docx'));
  const strategy = readFileSync(out('pdf', 'cs-strategie.pdf'));
  writeFileSync(out('bad', 'truncated.pdf'), strategy.subarray(0, Math.floor(strategy.length * 0.6)));
  // A broken cross-reference table: pdf.js rebuilds it by scanning the objects.
  const regulation = readFileSync(out('pdf', 'cs-vyhlaska.pdf'), 'latin1');
  writeFileSync(out('bad', 'broken-xref.pdf'), Buffer.from(regulation.replace(/startxref\s+\d+/, 'startxref\n999999').replace(/\nxref\n/, '\nxxxx\n'), 'latin1'));
  writeFileSync(out('bad', 'garbage.pdf'), Buffer.from('%PDF-1.7\n% this is not a PDF body\n\u0000\u0001\u0002 nothing here\n'));
  writeFileSync(out('bad', 'not-word.docx'), zip([['readme.txt', 'A zip archive with no Word document inside.\n']]));
  writeFileSync(out('bad', 'junk.md'), Buffer.from(Array.from({ length: 512 }, (_, index) => (index * 37) % 256)));
  console.log('fixtures/bad/*');
}

for (const folder of ['pdf', 'docx', 'text', 'bad']) mkdirSync(out(folder), { recursive: true });
if (process.argv.includes('--no-pdf')) console.log('skipping PDFs (--no-pdf)');
else if (hasLibreOffice()) buildPdfs();
else console.log('LibreOffice (soffice) not found: keeping the committed PDFs');
buildDocx();
buildText();
buildBad();
