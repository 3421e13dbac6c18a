// A 50 MB text on a single line: read in bounded time and memory (the real executable, under a
// V8 heap limit it must not break), split so that every quote stays short.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fixture } from '../helpers.js';
import { builtCli, removeBuiltCli } from './built-cli.js';

const HEAP_LIMIT_MB = 1536;

let directory: string;

afterAll(() => {
  removeBuiltCli();
  rmSync(directory, { recursive: true, force: true });
});

describe('a 50 MB text with no line break', () => {
  it('is analysed under a 1.5 GB heap limit, with every quote a sentence or two long', async () => {
    directory = mkdtempSync(join(tmpdir(), 's4s-huge-text-'));
    const paragraph = `${readFileSync(fixture('text', 'cs-one-line.txt'), 'utf8').trim()} `;
    const text = paragraph.repeat(Math.ceil((50 * 1024 * 1024) / Buffer.byteLength(paragraph))).trimEnd();
    writeFileSync(join(directory, 'one-line.txt'), text);
    expect(text.includes('\n')).toBe(false);
    const cli = await builtCli();
    const child = spawn(process.execPath, [`--max-old-space-size=${HEAP_LIMIT_MB}`, cli, 'check', 'one-line.txt', '--format', 'json', '-o', 'report.json', '--jobs', '1', '--timeout', '0', '--quiet', '--no-config'], { cwd: directory });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    const [document] = JSON.parse(readFileSync(join(directory, 'report.json'), 'utf8')).documents;
    expect(document).toMatchObject({ path: 'one-line.txt', format: 'txt', language: 'cs', error: null });
    const quotes = document.criteria.flatMap((criterion: { evidence: { quote: string }[] }) => criterion.evidence.map((evidence) => evidence.quote));
    expect(quotes.length).toBeGreaterThan(10);
    expect(Math.max(...quotes.map((quote: string) => quote.length))).toBeLessThan(400);
  }, 300_000);
});
