// The reading limits: file size, PDF pages, what a DOCX unpacks to, and time per document; each
// configurable (command line or configuration file) and each reported as one line with its code.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { guardZipArchive, readZipDirectory } from '../../src/read/zip-guard.js';
import { ZipArchive } from '../../src/read/zip.js';
import { fixture, runS4s } from '../helpers.js';
import { CZECH_PAGES, docxParts, paragraph } from './make-bad-inputs.js';
import { writePdf } from './pdf-writer.js';
import { deflatedZeros, writeZip } from './zip-writer.js';

let directory: string;

beforeAll(() => {
  directory = mkdtempSync(join(tmpdir(), 's4s-limits-'));
  writeFileSync(join(directory, 'four-pages.pdf'), writePdf({ pages: CZECH_PAGES }));
  writeFileSync(join(directory, 'plan.docx'), writeZip(docxParts(paragraph(`Strategie obce: ${'cíle a indikátory '.repeat(200)}`))));
  writeFileSync(join(directory, 'plan.md'), readFileSync(fixture('strategies', 'cs-horni-lhota.md')));
});

afterAll(() => rmSync(directory, { recursive: true, force: true }));

const check = (...args: string[]) => runS4s(['check', ...args, '--format', 'json', '--no-config'], { cwd: directory });
const errorOf = (stdout: string, path: string) => JSON.parse(stdout).documents.find((document: { path: string }) => document.path === path)?.error;

describe('--max-pages', () => {
  it('refuses a PDF with more pages, before reading any, in one line with code TOO_MANY_PAGES', async () => {
    const run = await check('four-pages.pdf', 'plan.md', '--max-pages', '3');
    expect(run.code).toBe(2);
    expect(errorOf(run.stdout, 'four-pages.pdf')).toEqual({ code: 'TOO_MANY_PAGES', message: 'PDF has 4 pages, over the limit of 3 (--max-pages)' });
    expect(errorOf(run.stdout, 'plan.md')).toBeNull();
    expect(run.stderr).toBe('s4s: four-pages.pdf: PDF has 4 pages, over the limit of 3 (--max-pages) [TOO_MANY_PAGES]\n');
  });

  it('reads it at the limit, or with 0 for no limit', async () => {
    expect((await check('four-pages.pdf', '--max-pages', '4')).code).toBe(0);
    expect((await check('four-pages.pdf', '--max-pages', '0')).code).toBe(0);
  });

  it('takes the limit from a configuration file, and the command line beats it', async () => {
    const config = join(directory, 'pages.config.json');
    writeFileSync(config, JSON.stringify({ maxPages: 2 }));
    const fromFile = await runS4s(['check', 'four-pages.pdf', '--format', 'json', '--config', config], { cwd: directory });
    expect(errorOf(fromFile.stdout, 'four-pages.pdf')?.code).toBe('TOO_MANY_PAGES');
    const overridden = await runS4s(['check', 'four-pages.pdf', '--format', 'json', '--config', config, '--max-pages', '10'], { cwd: directory });
    expect(overridden.code).toBe(0);
  });

  it('says plainly what is wrong with a bad value', async () => {
    expect(await check('four-pages.pdf', '--max-pages', 'many')).toMatchObject({ code: 2, stderr: 's4s: invalid --max-pages "many" (use a whole number of pages, or 0 for no limit)\n' });
  });
});

describe('--max-inflated-size', () => {
  it('refuses a DOCX that unpacks to more than the limit, with code ZIP_BOMB', async () => {
    const run = await check('plan.docx', '--max-inflated-size', '2k');
    expect(run.code).toBe(2);
    expect(errorOf(run.stdout, 'plan.docx')).toEqual({ code: 'ZIP_BOMB', message: expect.stringMatching(/^archive would unpack to [\d.]+ KB, over the limit of 2\.0 KB \(--max-inflated-size\)$/) });
    expect((await check('plan.docx', '--max-inflated-size', '1MB')).code).toBe(0);
  });

  it('applies to every command that reads documents', async () => {
    const extract = await runS4s(['extract', 'plan.docx', '--max-inflated-size', '2k'], { cwd: directory });
    expect(extract).toMatchObject({ code: 2, stderr: expect.stringMatching(/^s4s: plan\.docx: archive would unpack to .* \[ZIP_BOMB\]\n$/) });
    const diff = await runS4s(['diff', 'plan.docx', 'plan.md', '--max-inflated-size', '2k', '--no-config'], { cwd: directory });
    expect(diff.code).toBe(2);
    expect(diff.stderr).toContain('[ZIP_BOMB]');
  });

  it('says plainly what is wrong with a bad value', async () => {
    expect(await check('plan.docx', '--max-inflated-size', 'huge')).toMatchObject({ code: 2, stderr: 's4s: invalid size "huge" (use e.g. 50MB, 500k or a number of bytes)\n' });
  });
});

describe('the zip guard', () => {
  it('counts what an entry really unpacks to, stopping at its declared size', async () => {
    const lying = writeZip([{ name: 'word/document.xml', deflated: deflatedZeros(64), declaredSize: 1000 }]);
    const started = process.memoryUsage().arrayBuffers;
    await expect(guardZipArchive(lying, 1024 ** 3)).rejects.toMatchObject({ code: 'ZIP_BOMB', message: 'archive entry word/document.xml unpacks to more than the 1000 bytes it declares: refused' });
    // Nothing of the 64 MB was kept.
    expect(process.memoryUsage().arrayBuffers - started).toBeLessThan(16 * 1024 * 1024);
    await expect(guardZipArchive(writeZip([{ name: 'word/document.xml', deflated: deflatedZeros(2) }]), 3 * 1024 * 1024)).resolves.toBeUndefined();
  });

  it('reads ZIP64 sizes from the extra field', () => {
    const zip = writeZip([{ name: 'word/document.xml', data: 'x' }]);
    const directoryAt = zip.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    const extra = Buffer.alloc(4 + 16);
    extra.writeUInt16LE(0x0001, 0);
    extra.writeUInt16LE(16, 2);
    extra.writeBigUInt64LE(5n * 1024n ** 3n, 4);
    extra.writeBigUInt64LE(3n, 12);
    const entry = Buffer.from(zip.subarray(directoryAt, directoryAt + 46 + 'word/document.xml'.length));
    entry.writeUInt32LE(0xffffffff, 20);
    entry.writeUInt32LE(0xffffffff, 24);
    entry.writeUInt16LE(extra.length, 30);
    const end = Buffer.from(zip.subarray(zip.length - 22));
    end.writeUInt32LE(entry.length + extra.length, 12);
    const rebuilt = Buffer.concat([zip.subarray(0, directoryAt), entry, extra, end]);
    expect(readZipDirectory(rebuilt)).toEqual([{ name: 'word/document.xml', method: 8, compressedSize: 3, size: 5 * 1024 ** 3, localHeaderOffset: 0 }]);
  });

  it('is the only size limit: with --max-inflated-size 0 the DOCX reader opens an archive declaring over 1 GB', async () => {
    const huge = writeZip([{ name: 'word/document.xml', data: '<w:document/>', declaredSize: 1.5 * 1024 ** 3 }]);
    await expect(guardZipArchive(huge, Number.POSITIVE_INFINITY)).resolves.toBeUndefined();
    const archive = new ZipArchive(huge);
    expect([...archive.entries.keys()]).toEqual(['word/document.xml']);
    expect(() => new ZipArchive(huge.subarray(0, huge.length - 30))).toThrow('damaged zip archive: no zip directory found (truncated?)');
  });
});

describe('--max-file-size and --timeout', () => {
  it('refuses a larger file with code TOO_LARGE, its sizes in units that show them; 0 is no limit', async () => {
    const run = await check('plan.md', '--max-file-size', '1k');
    expect(errorOf(run.stdout, 'plan.md')).toEqual({ code: 'TOO_LARGE', message: expect.stringMatching(/^file is \d+\.\d KB, over the limit of 1\.0 KB \(--max-file-size\)$/) });
    expect(errorOf((await check('plan.md', '--max-file-size', '100')).stdout, 'plan.md').message).toMatch(/over the limit of 100 bytes/);
    const unlimited = await check('plan.md', '--max-file-size', '0');
    expect(unlimited.code).toBe(0);
    // Standard input too, once it is in.
    const piped = await runS4s(['check', '-', '--format', 'json', '--no-config', '--max-file-size', '100', '--stdin-format', 'md'], { cwd: directory, stdin: '# Plán\n\n' + 'Město podporuje veřejnou dopravu. '.repeat(10) });
    expect(piped.code).toBe(2);
    expect(errorOf(piped.stdout, '-')).toEqual({ code: 'TOO_LARGE', message: expect.stringMatching(/^file is \d+ bytes, over the limit of 100 bytes \(--max-file-size\)$/) });
  });

  it('stops a Markdown file that makes the parser work longer than --timeout, and keeps the others', async () => {
    // 500,000 lines (25 MB) of links and emphasis: some 10 s of reading and matching here, so over
    // the limit also on a machine several times faster.
    writeFileSync(join(directory, 'slow.md'), `# Plán\n\n${'Slovo *důraz* a [odkaz](http://example.org) text.\n'.repeat(500_000)}`);
    const run = await check('slow.md', 'plan.md', '--timeout', '2', '--jobs', '2');
    expect(run.code).toBe(2);
    expect(errorOf(run.stdout, 'slow.md')).toEqual({ code: 'TIMEOUT', message: 'stopped after 2 s (--timeout)' });
    expect(errorOf(run.stdout, 'plan.md')).toBeNull();
  }, 60_000);
});
