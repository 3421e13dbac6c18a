// Loads the criteria sets the user selected with --criteria, or every bundled set.
import { realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import type { CriteriaSet } from '../criteria/types.js';
import { bundledSetIds, loadCriteriaSet } from '../criteria/load.js';
import { UsageError } from './io.js';

/**
 * A set named twice (`-c sdg -c sdg@1.0.0`) is loaded once: counted twice, it would weigh double in
 * the overall score. Two different sets under one id (two versions, or a copy) are refused, since a
 * report and `--fail-under egd=60` name sets by id.
 */
export function loadSelectedSets(specs: string[] | undefined, cwd: string): CriteriaSet[] {
  const chosen = specs && specs.length > 0 ? specs : bundledSetIds();
  const sets: CriteriaSet[] = [];
  for (const spec of chosen) {
    const set = loadCriteriaSet(spec, cwd);
    const earlier = sets.find((other) => other.id === set.id);
    if (!earlier) sets.push(set);
    else if (earlier.version !== set.version || sameFile(earlier.origin, cwd) !== sameFile(set.origin, cwd)) {
      throw new UsageError(`--criteria names two sets with the id "${set.id}": ${describe(earlier)} and ${describe(set)}; choose one`);
    }
  }
  return sets;
}

/** The file a set came from, links resolved: `my.json` and a link to it are one set. */
function sameFile(origin: string, cwd: string): string {
  const path = resolve(cwd, origin);
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

function describe(set: CriteriaSet): string {
  return `${set.id}@${set.version} (${set.origin})`;
}
