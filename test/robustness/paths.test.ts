// Paths as users have them: spaces and letters beyond ASCII, files no one may read (as root, the
// built executable runs as an unprivileged user to see that), and directories that loop through
// symbolic links (the walk ends, and no file is read twice).
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture, runS4s } from '../helpers.js';
import { builtCli, removeBuiltCli } from './built-cli.js';
import { CZECH_PAGES, LEGACY_TEXTS, encodeLegacy } from './make-bad-inputs.js';
import { writePdf } from './pdf-writer.js';

const STRATEGY = fixture('strategies', 'cs-horni-lhota.md');
/** Root reads files whatever their mode says, so a chmod 000 file is readable in a root container. */
const RUNNING_AS_ROOT = process.getuid?.() === 0;
const NOBODY = 65_534;

let root: string;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 's4s-paths-'));
});

afterAll(() => {
  removeBuiltCli();
  rmSync(root, { recursive: true, force: true });
});

const documentsOf = (stdout: string) => JSON.parse(stdout).documents as { path: string; error: { code: string; message: string } | null }[];

describe('paths with spaces and letters beyond ASCII', () => {
  const names = ['plán rozvoje obce.md', 'Stratégia Žilina 2030.txt', 'Łódź – strategia miasta.md', 'Győr stratégiája.md', 'měšťanský plán.pdf', 'pla\u0301n rozklad.md'];

  beforeAll(() => {
    const directory = join(root, 'Strategie obcí 2030');
    mkdirSync(directory);
    for (const name of names) {
      if (name.endsWith('.pdf')) writeFileSync(join(directory, name), writePdf({ pages: CZECH_PAGES }));
      else if (name.endsWith('.txt')) writeFileSync(join(directory, name), encodeLegacy(LEGACY_TEXTS.sk.text, 'windows-1250'));
      else copyFileSync(STRATEGY, join(directory, name));
    }
  });

  it('reads every file of a directory whose name has spaces, and reports each name as it is on disk', async () => {
    const run = await runS4s(['check', 'Strategie obcí 2030', '--format', 'json', '--no-config', '--jobs', '2'], { cwd: root });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const documents = documentsOf(run.stdout);
    expect(documents.map((document) => document.path).sort()).toEqual(names.map((name) => `Strategie obcí 2030/${name}`).sort());
    expect(documents.every((document) => document.error === null)).toBe(true);
  });

  it('takes such names one by one and in globs, and writes reports to such paths', async () => {
    const output = join(root, 'výsledky a zprávy', 'zpráva č. 1.md');
    const run = await runS4s(['check', 'Strategie obcí 2030/Łódź – strategia miasta.md', 'Strategie obcí 2030/*Žilina*', '--format', 'md', '-o', output, '--no-config'], { cwd: root });
    expect(run.code).toBe(0);
    const report = readFileSync(output, 'utf8');
    expect(report).toContain('Strategie obcí 2030/Łódź – strategia miasta.md');
    expect(report).toContain('Strategie obcí 2030/Stratégia Žilina 2030.txt');
  });

  it('names a missing file with spaces in one line', async () => {
    const run = await runS4s(['check', 'neexistující plán.md', '--format', 'json', '--no-config'], { cwd: root });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('s4s: neexistující plán.md: no such file, directory or matching glob [ENOENT]\n');
  });
});

describe('file names with control characters', () => {
  it('show them as ?, so that an error stays one line and no escape sequence reaches the terminal', async () => {
    const directory = join(root, 'control');
    mkdirSync(directory);
    copyFileSync(STRATEGY, join(directory, 'plan\n::error::injected.md'));
    writeFileSync(join(directory, 'junk\u001b[2J\u0007.md'), Buffer.from([0, 1, 2, 3, 0, 0, 255]));
    const run = await runS4s(['check', 'control', '--format', 'json', '--no-config', '--criteria', 'smart'], { cwd: root });
    expect(run.code).toBe(2);
    expect(documentsOf(run.stdout).map((document) => [document.path, document.error?.code ?? null])).toEqual([
      ['control/junk?[2J?.md', 'UNSUPPORTED'],
      ['control/plan?::error::injected.md', null],
    ]);
    expect(run.stderr).toBe('s4s: control/junk?[2J?.md: binary content that is not PDF or DOCX [UNSUPPORTED]\n');
  });
});

describe('a file no one may read', () => {
  const lockedDirectory = () => {
    const directory = join(root, 'locked');
    mkdirSync(directory, { recursive: true });
    copyFileSync(STRATEGY, join(directory, 'open.md'));
    copyFileSync(STRATEGY, join(directory, 'locked.md'));
    chmodSync(join(directory, 'locked.md'), 0o000);
    return directory;
  };
  const expectEacces = (run: { code: number | null; stdout: string; stderr: string }) => {
    expect(run.stderr).toBe('s4s: locked/locked.md: permission denied [EACCES]\n');
    expect(run.code).toBe(2);
    expect(documentsOf(run.stdout).map((document) => [document.path, document.error?.code ?? null])).toEqual([
      ['locked/locked.md', 'EACCES'],
      ['locked/open.md', null],
    ]);
  };

  it.skipIf(RUNNING_AS_ROOT)('is reported with code EACCES and the rest of the batch goes on', async () => {
    lockedDirectory();
    expectEacces(await runS4s(['check', 'locked', '--format', 'json', '--no-config'], { cwd: root }));
  });

  it.runIf(RUNNING_AS_ROOT)('is reported with code EACCES when root runs s4s as an unprivileged user', async (context) => {
    lockedDirectory();
    chmodSync(root, 0o755);
    const cli = await builtCli();
    // The unprivileged user must be able to reach the build: a checkout inside a private
    // directory (0700 /root, a private temporary directory) leaves nothing to test.
    const probe = spawnSync(process.execPath, ['-e', 'require("node:fs").accessSync(process.argv[1])', cli, root], { uid: NOBODY, gid: NOBODY, encoding: 'utf8' });
    if (probe.error || probe.status !== 0) context.skip();
    const run = spawnSync(process.execPath, [cli, 'check', 'locked', '--format', 'json', '--no-config', '--criteria', 'smart'], { cwd: root, uid: NOBODY, gid: NOBODY, encoding: 'utf8' });
    // Root without the capability to change users (some containers) cannot test this.
    if ((run.error as NodeJS.ErrnoException | undefined)?.code === 'EPERM') context.skip();
    expectEacces({ code: run.status, stdout: run.stdout, stderr: run.stderr });
  }, 60_000);
});

describe('directories that loop through symbolic links', () => {
  beforeAll(() => {
    const inner = join(root, 'loop', 'a', 'b');
    mkdirSync(inner, { recursive: true });
    copyFileSync(STRATEGY, join(inner, 'plan.md'));
    copyFileSync(STRATEGY, join(root, 'outside.md'));
    symlinkSync('..', join(inner, 'up'));
    symlinkSync('../..', join(inner, 'top'));
    symlinkSync('.', join(root, 'loop', 'self'));
    symlinkSync(join(root, 'loop'), join(root, 'loop', 'a', 'absolute'));
    symlinkSync('plan.md', join(inner, 'alias.md'));
    symlinkSync('../../../outside.md', join(inner, 'linked.md'));
  });

  it('walks to the end, follows links to files, and reads each file once under its own path', async () => {
    const run = await runS4s(['check', 'loop', '--format', 'json', '--no-config'], { cwd: root });
    expect(run.code).toBe(0);
    // plan.md is reached through self, up, top, absolute and alias.md; outside.md only through linked.md.
    expect(documentsOf(run.stdout).map((document) => document.path)).toEqual(['loop/a/b/linked.md', 'loop/a/b/plan.md']);
  });

  it('reads a file named twice on the command line, by two paths, once', async () => {
    const run = await runS4s(['check', 'loop/self/a/b/up/b/plan.md', 'loop/a/b/plan.md', 'loop/**/*.md', '--format', 'json', '--no-config'], { cwd: root });
    expect(run.code).toBe(0);
    expect(documentsOf(run.stdout).map((document) => document.path)).toEqual(['loop/a/b/linked.md', 'loop/a/b/plan.md']);
  });
});

describe('links whose targets are gone', () => {
  it('reports a dangling link inside a directory as ENOENT, with the other documents, and skips hidden folders as the walk does', async () => {
    const directory = join(root, 'drafts');
    mkdirSync(join(directory, '.git'), { recursive: true });
    copyFileSync(STRATEGY, join(directory, 'plan.md'));
    symlinkSync(join(root, 'moved-away.md'), join(directory, 'old-plan.md'));
    symlinkSync(join(root, 'moved-away.md'), join(directory, '.git', 'stale.md'));
    symlinkSync(join(root, 'nowhere'), join(directory, 'notes')); // not named as a document
    const run = await runS4s(['check', 'drafts', '--format', 'json', '--no-config'], { cwd: root });
    expect(run.code).toBe(2);
    expect(documentsOf(run.stdout).map((document) => `${document.path} ${document.error?.code ?? 'ok'}`)).toEqual(['drafts/old-plan.md ENOENT', 'drafts/plan.md ok']);
    expect(run.stderr).toBe('s4s: drafts/old-plan.md: no such file [ENOENT]\n');
    symlinkSync('looped.md', join(directory, 'looped.md'));
    const loop = await runS4s(['check', 'drafts', '--format', 'json', '--no-config'], { cwd: root });
    expect(loop.stderr).toContain('s4s: drafts/looped.md: no such file: its symbolic links go round in a loop [ENOENT]\n');
  });
});
