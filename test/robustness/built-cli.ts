// Builds the CLI as it ships (tsc into dist/, the phrase tables, started by bin/s4s.js) into a
// private directory, so that tests can run the real executable in its own process (signals, exit
// codes) without touching the working tree's dist/. The build sits under node_modules/.cache so
// that packages resolve; criteria, schemas and package.json are linked in, as the compiled code
// reads them.
import { execFile } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ROOT } from '../helpers.js';

let building: Promise<string> | undefined;
let buildDirectory: string | undefined;

/** The path of bin/s4s.js in a fresh build (made once per test process). */
export function builtCli(): Promise<string> {
  building ??= build();
  return building;
}

async function build(): Promise<string> {
  const cache = join(ROOT, 'node_modules', '.cache');
  mkdirSync(cache, { recursive: true });
  const directory = mkdtempSync(join(cache, 's4s-built-cli-'));
  // Readable by all, so that a test may run the build as another user.
  chmodSync(directory, 0o755);
  buildDirectory = directory;
  // tsc reports type errors of work in progress elsewhere but still emits; the test needs only the output.
  await promisify(execFile)(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(ROOT, 'tsconfig.json'), '--outDir', join(directory, 'dist')], { cwd: ROOT }).catch(() => undefined);
  if (!existsSync(join(directory, 'dist', 'cli', 'main.js'))) throw new Error('tsc did not build dist/cli/main.js');
  for (const name of ['criteria', 'schemas', 'package.json']) symlinkSync(join(ROOT, name), join(directory, name));
  mkdirSync(join(directory, 'bin'));
  copyFileSync(join(ROOT, 'bin', 's4s.js'), join(directory, 'bin', 's4s.js'));
  // The rest of `npm run build`: the phrase tables, written by the script from the build's own modules.
  mkdirSync(join(directory, 'scripts'));
  copyFileSync(join(ROOT, 'scripts', 'build-phrase-tables.mjs'), join(directory, 'scripts', 'build-phrase-tables.mjs'));
  await promisify(execFile)(process.execPath, [join(directory, 'scripts', 'build-phrase-tables.mjs')], { cwd: directory });
  return join(directory, 'bin', 's4s.js');
}

/** Removes the build (call it once the tests that use it are done). */
export function removeBuiltCli(): void {
  if (buildDirectory) rmSync(buildDirectory, { recursive: true, force: true });
  building = undefined;
  buildDirectory = undefined;
}
