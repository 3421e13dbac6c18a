import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { listBundledSets } from '../../src/criteria/load.js';
import { validateCriteriaFile } from '../../src/criteria/validate.js';
import { ROOT } from '../helpers.js';

describe('bundled criteria', () => {
  it('are built from their parts (npm run build:criteria leaves nothing to change)', () => {
    expect(() => execFileSync(process.execPath, ['scripts/build-criteria.mjs', '--check'], { cwd: ROOT, stdio: 'pipe' })).not.toThrow();
  });

  // Loading a bundled set by id skips the schema (it costs every run 0.1 s); this is what makes that safe.
  it.each(listBundledSets().map((ref) => [`${ref.id}@${ref.version}`, ref.path]))('%s is valid against the criteria schema', (_name, path) => {
    expect(validateCriteriaFile(JSON.parse(readFileSync(path, 'utf8')), path)).toEqual([]);
  });
});
