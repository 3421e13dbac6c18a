import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';

describe('bundled criteria', () => {
  it('are built from their parts (npm run build:criteria leaves nothing to change)', () => {
    expect(() => execFileSync(process.execPath, ['scripts/build-criteria.mjs', '--check'], { cwd: ROOT, stdio: 'pipe' })).not.toThrow();
  });
});
