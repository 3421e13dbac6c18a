// The phrase tables as `npm run build` ships them: written beside the compiled modules, accepted by
// them (same fingerprint), and with no effect on a report but its speed.
import { execFile } from 'node:child_process';
import { renameSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { fixture } from '../helpers.js';
import { builtCli, removeBuiltCli } from './built-cli.js';

afterAll(() => removeBuiltCli());

describe('phrase tables of the build', () => {
  it('are used by the built modules and change no report', async () => {
    const cli = await builtCli();
    const dist = join(dirname(cli), '..', 'dist');
    const { loadPhraseTable } = (await import(pathToFileURL(join(dist, 'match', 'phrase-table.js')).href)) as typeof import('../../src/match/phrase-table.js');
    for (const language of ['cs', 'sk', 'pl', 'hu', 'en'] as const) expect(loadPhraseTable(language)?.size, language).toBeGreaterThan(1000);

    const check = async () => (await promisify(execFile)(process.execPath, [cli, 'check', fixture('strategies', 'cs-horni-lhota.md'), fixture('strategies', 'en-riverton.md'), '--format', 'json'], { maxBuffer: 64 * 1024 * 1024 })).stdout;
    const withTables = await check();
    renameSync(join(dist, 'match', 'phrase-tables'), join(dist, 'match', 'phrase-tables-aside'));
    expect(loadPhraseTable('cs')).toBeUndefined();
    expect(await check()).toBe(withTables);
  }, 120_000);
});
