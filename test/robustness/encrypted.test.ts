// Encrypted PDFs, made here with the standard security handler: a user password is asked for, a
// wrong one is named, an owner password alone never stands in the way (not even when a batch's
// --password is meant for another file), and an unknown method is said to be encryption.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { readDocumentBytes } from '../../src/read/index.js';
import { runS4s } from '../helpers.js';
import { CZECH_PAGES } from './make-bad-inputs.js';
import { writePdf } from './pdf-writer.js';

const userPassword = writePdf({ pages: CZECH_PAGES, encrypt: { userPassword: 'heslo-s4s', ownerPassword: 'vlastnik' } });
const ownerOnly = writePdf({ pages: CZECH_PAGES, encrypt: { userPassword: '', ownerPassword: 'vlastnik' } });
const unknownMethod = writePdf({ pages: CZECH_PAGES, encrypt: { userPassword: 'a', ownerPassword: 'b' }, unknownSecurityHandler: true });
const textOf = async (bytes: Buffer, password?: string) => JSON.stringify((await readDocumentBytes(bytes, 'plan.pdf', password === undefined ? {} : { password })).sections);

describe('encrypted PDFs', () => {
  it('ask for a user password, name a wrong one, and open with the right one', async () => {
    await expect(readDocumentBytes(userPassword, 'plan.pdf')).rejects.toMatchObject({ code: 'ENCRYPTED', message: 'encrypted PDF: a password is needed to open it (give it with --password)' });
    await expect(readDocumentBytes(userPassword, 'plan.pdf', { password: 'spatne' })).rejects.toMatchObject({ code: 'ENCRYPTED', message: 'encrypted PDF: the password given is wrong' });
    expect(await textOf(userPassword, 'heslo-s4s')).toContain('Příbor');
  });

  it('open with an owner password only, with or without a password given for other files', async () => {
    expect(await textOf(ownerOnly)).toContain('cyklostezek');
    expect(await textOf(ownerOnly, 'heslo-s4s')).toContain('cyklostezek');
  });

  it('say that a method no reader knows is encryption, not damage', async () => {
    await expect(readDocumentBytes(unknownMethod, 'plan.pdf')).rejects.toMatchObject({ code: 'ENCRYPTED', message: 'encrypted PDF: by a method s4s cannot open (unknown encryption method)' });
  });

  it('all open in one batch with the one password that one of them needs', async () => {
    const directory = mkdtempSync(join(tmpdir(), 's4s-encrypted-'));
    onTestFinished(() => rmSync(directory, { recursive: true, force: true }));
    writeFileSync(join(directory, 'user-password.pdf'), userPassword);
    writeFileSync(join(directory, 'owner-only.pdf'), ownerOnly);
    writeFileSync(join(directory, 'plain.pdf'), writePdf({ pages: CZECH_PAGES }));
    const run = await runS4s(['check', '.', '--password', 'heslo-s4s', '--format', 'json', '--no-config', '--criteria', 'smart'], { cwd: directory });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).documents.map((document: { path: string; error: unknown }) => [document.path, document.error])).toEqual([
      ['owner-only.pdf', null],
      ['plain.pdf', null],
      ['user-password.pdf', null],
    ]);
  });
});
