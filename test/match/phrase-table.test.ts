import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { listBundledSets, loadCriteriaSet } from '../../src/criteria/load.js';
import { LANGUAGE_CODES } from '../../src/document/types.js';
import { compilePhraseAnew, criteriaPhrases, type WordPattern } from '../../src/match/compile.js';
import { COMPILING_MODULES, compilerFingerprint, loadPhraseTable, writePhraseTable } from '../../src/match/phrase-table.js';

const directory = mkdtempSync(join(tmpdir(), 's4s-phrase-tables-'));
const tableDirectory = pathToFileURL(`${directory}/`);
afterAll(() => rmSync(directory, { recursive: true, force: true }));

const bundledCriteria = listBundledSets().flatMap((ref) => loadCriteriaSet(`${ref.id}@${ref.version}`).criteria);

function compiledPhrases(language: (typeof LANGUAGE_CODES)[number]): Map<string, readonly WordPattern[]> {
  return new Map([...criteriaPhrases(bundledCriteria, language)].map((phrase) => [phrase, compilePhraseAnew(phrase, language)]));
}

describe('phrase tables', () => {
  it('give back exactly the patterns compiled, for every phrase of the bundled sets in every language', () => {
    for (const language of LANGUAGE_CODES) {
      const compiled = compiledPhrases(language);
      expect(compiled.size).toBeGreaterThan(1000);
      writePhraseTable(language, compiled, tableDirectory);
      const table = loadPhraseTable(language, tableDirectory);
      expect(table, language).toBeDefined();
      expect(new Map([...(table ?? [])].sort(([a], [b]) => (a < b ? -1 : 1))), language).toEqual(new Map([...compiled].sort(([a], [b]) => (a < b ? -1 : 1))));
    }
  });

  it('lists phrases of terms, headings, exclusions and near parts', () => {
    const criterion = bundledCriteria.find((candidate) => candidate.terms.en?.some((term) => typeof term !== 'string'));
    const near = criterion?.terms.en?.find((term) => typeof term !== 'string');
    expect(near).toBeDefined();
    const phrases = criteriaPhrases(bundledCriteria, 'en');
    for (const part of typeof near === 'object' ? near.near : []) expect(phrases.has(part)).toBe(true);
  });

  it('are ignored when written by other code, for another language, damaged, or missing', () => {
    writePhraseTable('sk', new Map([['mesto', [{ type: 'stem', language: 'sk', value: 'mest' }]]]), tableDirectory);
    const file = join(directory, 'sk.json');
    const written = JSON.parse(readFileSync(file, 'utf8')) as { fingerprint: string };
    expect(written.fingerprint).toBe(compilerFingerprint());

    writeFileSync(file, JSON.stringify({ ...written, fingerprint: 'an older build' }));
    expect(loadPhraseTable('sk', tableDirectory)).toBeUndefined();
    writeFileSync(file, JSON.stringify({ ...written, language: 'cs' }));
    expect(loadPhraseTable('sk', tableDirectory)).toBeUndefined();
    writeFileSync(file, '{"fingerprint": ');
    expect(loadPhraseTable('sk', tableDirectory)).toBeUndefined();
    rmSync(file);
    expect(loadPhraseTable('sk', tableDirectory)).toBeUndefined();
  });

  it('are fingerprinted by every module the compiler imports', () => {
    const imported = new Set<string>();
    const visit = (name: string) => {
      if (imported.has(name)) return;
      imported.add(name);
      const source = readFileSync(new URL(`../../src/match/${name}.ts`, import.meta.url), 'utf8');
      // Value imports of sibling modules; `import type` brings no code.
      for (const [, sibling] of source.matchAll(/^import (?!type )[^;]*? from '\.\/([\w-]+)\.js';/gm)) visit(sibling as string);
      expect(source, `${name}.ts imports code from outside src/match`).not.toMatch(/^import (?!type )[^;]*? from '\.\.\//m);
    };
    visit('compile');
    expect([...imported].sort()).toEqual([...COMPILING_MODULES].sort());
  });
});
