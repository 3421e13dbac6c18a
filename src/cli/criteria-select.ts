// Loads the criteria sets the user selected with --criteria, or every bundled set.
import type { CriteriaSet } from '../criteria/types.js';
import { bundledSetIds, loadCriteriaSet } from '../criteria/load.js';

export function loadSelectedSets(specs: string[] | undefined, cwd: string): CriteriaSet[] {
  const chosen = specs && specs.length > 0 ? specs : bundledSetIds();
  return chosen.map((spec) => loadCriteriaSet(spec, cwd));
}
