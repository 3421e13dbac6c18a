// Compliance thresholds: checks every analysed document against minimum scores and required
// criteria. Pure: the CLI turns a failed check into exit code 1.
import type { DocumentResult } from '../score/types.js';
import type { ThresholdOutcome, ThresholdRule, ThresholdViolation } from './types.js';

export function evaluateThresholds(documents: DocumentResult[], rules: ThresholdRule[]): ThresholdOutcome {
  const violations: ThresholdViolation[] = [];
  for (const document of documents) {
    if (document.error) continue;
    for (const rule of rules) {
      const violation = checkRule(document, rule);
      if (violation) violations.push(violation);
    }
  }
  return { rules, violations, passed: violations.length === 0 };
}

function checkRule(document: DocumentResult, rule: ThresholdRule): ThresholdViolation | undefined {
  if (rule.type === 'require') {
    const criterion = document.criteria.find((item) => item.id === rule.criterion);
    const status = criterion?.status ?? 'missing';
    if (status === 'met') return undefined;
    return { document: document.path, rule, actual: status, message: `${rule.criterion} is ${status}, required to be met` };
  }
  const score = rule.framework === undefined ? document.score : document.frameworks.find((framework) => framework.id === rule.framework)?.score;
  const actual = score ?? 0;
  if (actual >= rule.minimum) return undefined;
  const what = rule.framework === undefined ? 'overall score' : `${rule.framework} score`;
  return { document: document.path, rule, actual, message: `${what} ${actual} is under ${rule.minimum}` };
}

/** The stderr line of a failed threshold (check, merge), without the `s4s: ` prefix. */
export function describeViolation(violation: ThresholdViolation): string {
  return `threshold failed: ${violation.document}: ${violation.message} (${describeRule(violation.rule)})`;
}

/** How a rule reads in messages and reports: `fail-under 60`, `fail-under egd=60`, `require smart/vision`. */
export function describeRule(rule: ThresholdRule): string {
  if (rule.type === 'require') return `require ${rule.criterion}`;
  return rule.framework === undefined ? `fail-under ${rule.minimum}` : `fail-under ${rule.framework}=${rule.minimum}`;
}
