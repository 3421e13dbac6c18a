// pdf.js's optional @napi-rs/canvas missing (no build for the platform, or --omit=optional): its
// display module would fail to load and no PDF could be read. The real executable, with the
// package hidden from it, reads PDFs as it does with it, scans and checks included, and prints
// no warning about it.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { fixture } from '../helpers.js';
import { builtCli, removeBuiltCli } from './built-cli.js';

const run = promisify(execFile);
const HIDE_CANVAS = fileURLToPath(new URL('./fixtures/without-canvas.mjs', import.meta.url));

afterAll(() => removeBuiltCli());

async function s4s(args: string[], hideCanvas: boolean): Promise<{ code: number; stdout: string; stderr: string }> {
  const cli = await builtCli();
  const node = hideCanvas ? ['--import', HIDE_CANVAS, cli] : [cli];
  return run(process.execPath, [...node, ...args], { maxBuffer: 64 * 1024 * 1024 }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
  );
}

describe('without @napi-rs/canvas', () => {
  it('is really hidden by the preload', async () => {
    const { stdout } = await run(process.execPath, ['--import', HIDE_CANVAS, '-e', "try { require('@napi-rs/canvas'); console.log('found') } catch { console.log('hidden') }"]);
    expect(stdout.trim()).toBe('hidden');
  });

  it.each(['cs-strategie.pdf', 'hu-strategia-ket-hasab.pdf', 'scan-mixed.pdf', 'scan-only.pdf'])('extracts %s as with it, and says nothing more', async (name) => {
    const args = ['extract', fixture('pdf', name), '--format', 'json'];
    const [without, withCanvas] = await Promise.all([s4s(args, true), s4s(args, false)]);
    expect(without).toEqual(withCanvas);
  });

  it('checks a PDF on a worker thread as with it', async () => {
    const args = ['check', fixture('pdf', 'cs-strategie.pdf'), '--format', 'json', '--no-config'];
    const [without, withCanvas] = await Promise.all([s4s(args, true), s4s(args, false)]);
    expect(without).toEqual({ ...withCanvas, code: 0, stderr: '' });
  });
});
