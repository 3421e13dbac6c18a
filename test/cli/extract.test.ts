import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fixture, runS4s } from '../helpers.js';

describe('s4s extract', () => {
  it('gives JSON with path, format, language, pages and sections with page and text', async () => {
    const run = await runS4s(['extract', 'fixtures/pdf/cs-strategie.pdf', '--format', 'json']);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    const output = JSON.parse(run.stdout);
    expect(output).toMatchObject({ path: 'fixtures/pdf/cs-strategie.pdf', format: 'pdf', language: 'cs', pages: 5 });
    const vision = output.sections.find((section: { heading: string }) => section.heading === '3.1 Vize');
    expect(vision).toMatchObject({ level: 2, path: ['3 Strategická část', '3.1 Vize'], page: 4, language: 'cs' });
    expect(vision.text).toMatch(/^V roce 2030 je Dolní Ves zelená/);
    expect(vision.blocks[0]).toMatchObject({ role: 'body', page: 4 });
  });

  it('gives a Markdown outline with pages, and a text outline by default', async () => {
    const markdown = await runS4s(['extract', 'fixtures/pdf/cs-strategie.pdf', '--format', 'md']);
    expect(markdown.stdout).toContain('PDF · 5 pages · language cs · 12 sections');
    expect(markdown.stdout).toContain('\n- 1 Úvod — p. 2\n  - 1.1 Účel dokumentu — p. 2\n');
    expect(markdown.stdout).toContain('- Obsah (contents) — p. 1');
    const text = await runS4s(['extract', 'fixtures/docx/pl-strategia.docx']);
    expect(text.stdout).toBe(
      'fixtures/docx/pl-strategia.docx: DOCX · language pl · 3 sections\n  ¶ 1          Diagnoza sytuacji gminy\n  ¶ 3            Transport publiczny\n  ¶ 5          Cele strategiczne\n',
    );
  });

  it('gives paragraph numbers for DOCX and lines for text read from standard input', async () => {
    const docx = JSON.parse((await runS4s(['extract', 'fixtures/docx/hu-strategia.docx', '--format', 'json'])).stdout);
    expect(docx.sections.map((section: { heading: string; paragraph: number }) => [section.heading, section.paragraph])).toEqual([
      ['Helyzetelemzés', 1],
      ['Környezeti állapot', 3],
      ['Jövőkép', 5],
    ]);
    const stdin = await runS4s(['extract', '-', '--stdin-format', 'txt', '--format', 'json'], { stdin: readFileSync(fixture('text', 'cs-windows-1250.txt')) });
    const output = JSON.parse(stdin.stdout);
    expect(output).toMatchObject({ path: '-', format: 'txt', language: 'cs', pages: null });
    expect(output.sections[1]).toMatchObject({ heading: '2. Vize', line: 6 });
  });

  it('says in one line why a file cannot be read, with its code in JSON, and exits 2', async () => {
    const locked = await runS4s(['extract', 'fixtures/pdf/encrypted.pdf', '--format', 'json']);
    expect(locked.code).toBe(2);
    expect(locked.stderr).toBe('s4s: fixtures/pdf/encrypted.pdf: encrypted PDF: a password is needed to open it (give it with --password) [ENCRYPTED]\n');
    expect(JSON.parse(locked.stdout)).toEqual({
      path: 'fixtures/pdf/encrypted.pdf',
      error: { code: 'ENCRYPTED', message: 'encrypted PDF: a password is needed to open it (give it with --password)' },
    });
    const opened = await runS4s(['extract', 'fixtures/pdf/encrypted.pdf', '--password', 'heslo-s4s']);
    expect(opened.code).toBe(0);
    const scanned = await runS4s(['extract', 'fixtures/pdf/scan-only.pdf']);
    expect([scanned.code, scanned.stdout]).toEqual([2, '']);
    expect(scanned.stderr).toMatch(/^s4s: fixtures\/pdf\/scan-only\.pdf: no text layer: pages 1–2 .*OCR.* \[NO_TEXT\]\n$/);
    const missing = await runS4s(['extract', 'nowhere.pdf']);
    expect([missing.code, missing.stderr]).toEqual([2, 's4s: nowhere.pdf: no such file [ENOENT]\n']);
    const tooLarge = await runS4s(['extract', 'fixtures/pdf/cs-strategie.pdf', '--max-file-size', '10k']);
    expect(tooLarge.stderr).toMatch(/\[TOO_LARGE\]\n$/);
  });
});
