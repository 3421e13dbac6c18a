// Schema validation of criteria files with ajv (JSON Schema draft 2020-12), plus the checks a
// schema cannot express: unique ids, parents that exist, thresholds in order.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Ajv2020 as Ajv2020Class } from 'ajv/dist/2020.js';
import type { ErrorObject, ValidateFunction } from 'ajv';
import type { CriteriaIssue } from './errors.js';
import type { CriteriaSetFile } from './types.js';

export const CRITERIA_SCHEMA_URL = new URL('../../schemas/criteria.schema.json', import.meta.url);

let compiled: ValidateFunction | undefined;

export function criteriaSchema(): object {
  return JSON.parse(readFileSync(CRITERIA_SCHEMA_URL, 'utf8')) as object;
}

function validator(): ValidateFunction {
  if (!compiled) {
    // Loaded on first use: runs with bundled sets only never need ajv.
    const { Ajv2020 } = createRequire(import.meta.url)('ajv/dist/2020.js') as { Ajv2020: typeof Ajv2020Class };
    compiled = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true }).compile(criteriaSchema());
  }
  return compiled;
}

/** Returns the schema issues of a parsed criteria file (empty when valid). */
export function validateCriteriaFile(data: unknown, file: string): CriteriaIssue[] {
  const validate = validator();
  if (validate(data)) return [];
  return dedupe(withoutBranchNoise((validate.errors ?? []).filter(isUseful)).map((error) => ({ file, pointer: error.instancePath, message: describe(error) })));
}

/** Checks of the resolved criteria that JSON Schema cannot state. */
export function checkCriteriaConsistency(set: CriteriaSetFile, file: string): CriteriaIssue[] {
  const issues: CriteriaIssue[] = [];
  const seen = new Set<string>();
  set.criteria.forEach((criterion, index) => {
    const pointer = `/criteria/${index}`;
    if (seen.has(criterion.id)) issues.push({ file, pointer: `${pointer}/id`, message: `duplicate criterion id "${criterion.id}"` });
    seen.add(criterion.id);
    if (criterion.thresholds && criterion.thresholds.partial > criterion.thresholds.met) {
      issues.push({ file, pointer: `${pointer}/thresholds`, message: 'partial threshold is above the met threshold' });
    }
  });
  set.criteria.forEach((criterion, index) => {
    if (criterion.parent && !seen.has(criterion.parent)) {
      issues.push({ file, pointer: `/criteria/${index}/parent`, message: `parent "${criterion.parent}" is not a criterion of this set` });
    }
  });
  return issues;
}

/** `oneOf` failures repeat each branch's complaint; keep the ones that say something. */
function isUseful(error: ErrorObject): boolean {
  return error.keyword !== 'oneOf' && error.keyword !== 'if';
}

/**
 * A term is a string or a `near` object: a bad string also fails the object branch with "must be
 * object". When a place has a more specific complaint, the bare type mismatch is left out.
 */
function withoutBranchNoise(errors: ErrorObject[]): ErrorObject[] {
  const specific = new Set(errors.filter((error) => error.keyword !== 'type').map((error) => error.instancePath));
  return errors.filter((error) => error.keyword !== 'type' || !specific.has(error.instancePath));
}

function describe(error: ErrorObject): string {
  if (error.keyword === 'pattern' && String(error.params.pattern).includes('[^?]')) return 'a term cannot contain "?": terms have no wildcards except a trailing "*"';
  if (error.keyword === 'additionalProperties') return `unknown property "${String(error.params.additionalProperty)}"`;
  if (error.keyword === 'enum') return `${error.message}: ${(error.params.allowedValues as unknown[]).map((value) => JSON.stringify(value)).join(', ')}`;
  return error.message ?? error.keyword;
}

function dedupe(issues: CriteriaIssue[]): CriteriaIssue[] {
  const keys = new Set<string>();
  return issues.filter((issue) => {
    const key = `${issue.pointer}\u0000${issue.message}`;
    if (keys.has(key)) return false;
    keys.add(key);
    return true;
  });
}
