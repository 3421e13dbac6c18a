// Shared test helpers: run the CLI in-process and capture what it prints.
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { runCli } from '../src/cli/main.js';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const fixture = (...parts: string[]) => fileURLToPath(new URL(`../${['fixtures', ...parts].join('/')}`, import.meta.url));
export const testFixture = (...parts: string[]) => fileURLToPath(new URL(`./fixtures/${parts.join('/')}`, import.meta.url));

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runS4s(argv: string[], options: { cwd?: string; stdin?: string | Buffer; env?: Record<string, string> } = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    stdout: { write: (chunk: string) => (stdout += chunk) },
    stderr: { write: (chunk: string) => (stderr += chunk) },
    stdin: Readable.from(options.stdin === undefined ? [] : [Buffer.from(options.stdin)]),
    cwd: options.cwd ?? ROOT,
    env: { NO_COLOR: '1', ...options.env },
  });
  return { code, stdout, stderr };
}
