// Parses --fail-under and --require into threshold rules, and checks that they name frameworks
// and criteria of the loaded sets (a typo must not pass silently).
import type { CriteriaSet } from '../criteria/types.js';
import type { ThresholdRule } from '../report/types.js';
import { UsageError } from './io.js';

const FAIL_UNDER = /^(?:([^=\s]+)=)?\s*(\d+(?:\.\d+)?)$/;

/** `60` is the overall score, `egd=60` a framework's; a later value for the same target replaces an earlier one. */
export function parseThresholds(failUnder: string[] = [], require: string[] = []): ThresholdRule[] {
  const scores = new Map<string, ThresholdRule>();
  for (const value of failUnder) {
    const match = FAIL_UNDER.exec(value.trim());
    const minimum = Number(match?.[2]);
    if (!match || minimum > 100) throw new UsageError(`invalid --fail-under "${value}" (use a score 0-100, e.g. 60, or FRAMEWORK=SCORE, e.g. egd=60)`);
    const framework = match[1] === undefined || match[1] === 'overall' ? undefined : match[1];
    scores.set(framework ?? '', framework === undefined ? { type: 'fail-under', minimum } : { type: 'fail-under', framework, minimum });
  }
  const required = [...new Set(require.map((id) => id.trim()))].map((criterion): ThresholdRule => ({ type: 'require', criterion }));
  return [...scores.values(), ...required];
}

export function checkThresholdTargets(rules: ThresholdRule[], sets: CriteriaSet[]): void {
  const frameworks = sets.map((set) => set.id);
  for (const rule of rules) {
    if (rule.type === 'fail-under' && rule.framework !== undefined && !frameworks.includes(rule.framework)) {
      throw new UsageError(`--fail-under ${rule.framework}=${rule.minimum}: no criteria set "${rule.framework}" is loaded (loaded: ${frameworks.join(', ')})`);
    }
    if (rule.type === 'require' && !sets.some((set) => set.criteria.some((criterion) => criterion.id === rule.criterion))) {
      throw new UsageError(`--require ${rule.criterion}: no such criterion in the loaded sets (${frameworks.join(', ')}); see s4s criteria show <set>`);
    }
  }
}
