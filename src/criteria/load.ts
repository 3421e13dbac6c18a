// Loading criteria sets: bundled ones by `id` or `id@version`, the user's by path; `extends`
// resolved into one flat set with defaults applied. Criteria are data, never code.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CriteriaError, type CriteriaIssue } from './errors.js';
import type { CriteriaSet, CriteriaSetFile, Criterion, CriterionFile, TermsByLanguage, Thresholds } from './types.js';
import { checkCriteriaConsistency, validateCriteriaFile } from './validate.js';

export const BUNDLED_CRITERIA_DIR = fileURLToPath(new URL('../../criteria/', import.meta.url));
const VERSION_FILE = /^(\d+)\.(\d+)\.(\d+)\.json$/;
const DEFAULT_THRESHOLDS: Thresholds = { met: 0.5, partial: 0.2 };

export interface BundledSetRef {
  id: string;
  version: string;
  path: string;
}

/** Every released bundled set version, by id then version (oldest first). */
export function listBundledSets(): BundledSetRef[] {
  const refs: BundledSetRef[] = [];
  for (const id of readdirSync(BUNDLED_CRITERIA_DIR, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name)) {
    for (const file of readdirSync(resolve(BUNDLED_CRITERIA_DIR, id))) {
      if (VERSION_FILE.test(file)) refs.push({ id, version: file.slice(0, -'.json'.length), path: resolve(BUNDLED_CRITERIA_DIR, id, file) });
    }
  }
  return refs.sort((a, b) => a.id.localeCompare(b.id) || compareVersions(a.version, b.version));
}

/** Ids of bundled sets, each once, in the order reports list them. */
export function bundledSetIds(): string[] {
  const order = ['smart', 'egd', 'sdg'];
  const ids = [...new Set(listBundledSets().map((ref) => ref.id))];
  return ids.sort((a, b) => rank(order, a) - rank(order, b) || a.localeCompare(b));
}

function rank(order: string[], id: string): number {
  const index = order.indexOf(id);
  return index === -1 ? order.length : index;
}

export function compareVersions(a: string, b: string): number {
  const partsA = a.split(/[.-]/).map(Number);
  const partsB = b.split(/[.-]/).map(Number);
  for (let index = 0; index < 3; index++) {
    const difference = (partsA[index] ?? 0) - (partsB[index] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}

/** Is this `--criteria` value a path rather than a bundled id? */
function looksLikePath(spec: string): boolean {
  return spec.endsWith('.json') || spec.includes('/') || spec.includes('\\');
}

/** Resolves `sdg`, `sdg@1.0.0` or a path to a loaded set. */
export function loadCriteriaSet(spec: string, cwd = process.cwd()): CriteriaSet {
  if (looksLikePath(spec)) return loadCriteriaFile(resolve(cwd, spec), cwd);
  return loadCriteriaFile(findBundled(spec).path, cwd, [], { bundled: true });
}

export function findBundled(spec: string): BundledSetRef {
  const [id, version] = spec.split('@');
  const candidates = listBundledSets().filter((ref) => ref.id === id);
  if (candidates.length === 0) {
    throw new CriteriaError([{ file: spec, pointer: '', message: `no bundled criteria set "${id}" (bundled: ${bundledSetIds().join(', ')}); give a path to use your own` }]);
  }
  const match = version ? candidates.find((ref) => ref.version === version) : candidates.at(-1);
  if (!match) {
    throw new CriteriaError([{ file: spec, pointer: '', message: `no version ${version} of "${id}" (bundled: ${candidates.map((ref) => ref.version).join(', ')})` }]);
  }
  return match;
}

export interface LoadOptions {
  /**
   * A bundled set named by id: its schema validation is skipped, because the test suite validates
   * every bundled file (test/criteria/build.test.ts) and compiling the schema costs every run
   * about 0.1 s. The checks that the schema cannot express still run.
   */
  bundled?: boolean;
}

export function loadCriteriaFile(path: string, cwd = process.cwd(), seen: string[] = [], options: LoadOptions = {}): CriteriaSet {
  const file = displayPath(path, cwd);
  if (seen.includes(path)) throw new CriteriaError([{ file, pointer: '/extends', message: 'extends itself through a cycle' }]);
  const data = parseJsonFile(path, file);
  const schemaIssues = options.bundled ? [] : validateCriteriaFile(data, file);
  if (schemaIssues.length > 0) throw new CriteriaError(schemaIssues);
  const setFile = data as CriteriaSetFile;
  const base = setFile.extends ? loadBase(setFile.extends, path, cwd, [...seen, path]) : undefined;
  const merged = mergeCriteria(setFile, base, file);
  const issues = [...checkCriteriaConsistency({ ...setFile, criteria: merged }, file), ...missingFields(setFile, merged, file)];
  const enabled = withoutDisabled(merged, setFile.disable ?? []);
  // Checked after `extends` and `disable`: a set that extends another may list no criteria of its own.
  if (issues.length === 0 && enabled.length === 0) {
    issues.push({ file, pointer: '/criteria', message: 'the set has no criteria (none listed, or all disabled): it would score every document 0' });
  }
  if (issues.length > 0) throw new CriteriaError(issues);
  return {
    id: setFile.id,
    version: setFile.version,
    title: setFile.title,
    ...(setFile.description ? { description: setFile.description } : {}),
    source: setFile.source,
    languages: setFile.languages,
    changelog: setFile.changelog ?? [],
    ...(base ? { extends: `${base.id}@${base.version}` } : {}),
    origin: file,
    criteria: enabled.map((criterion) => complete(criterion, setFile)),
  };
}

/**
 * The criteria left when those disabled (by `disable` or `"enabled": false`) are taken out, each
 * with everything under it: disabling goal sdg/14 also disables its targets sdg/14.1 to sdg/14.c,
 * which would otherwise stay, reported under a parent the set no longer has.
 */
function withoutDisabled<T extends { id: string; parent?: string; enabled?: boolean }>(criteria: T[], disable: readonly string[]): T[] {
  const parentOf = new Map(criteria.map((criterion) => [criterion.id, criterion.parent]));
  const off = new Set([...disable, ...criteria.filter((criterion) => criterion.enabled === false).map((criterion) => criterion.id)]);
  const isOff = (id: string | undefined, depth = 0): boolean => id !== undefined && depth <= criteria.length && (off.has(id) || isOff(parentOf.get(id), depth + 1));
  return criteria.filter((criterion) => !isOff(criterion.id));
}

function loadBase(spec: string, fromPath: string, cwd: string, seen: string[]): CriteriaSet {
  if (looksLikePath(spec)) return loadCriteriaFile(resolve(dirname(fromPath), spec), cwd, seen);
  return loadCriteriaFile(findBundled(spec).path, cwd, seen, { bundled: true });
}

function parseJsonFile(path: string, file: string): unknown {
  if (!existsSync(path)) throw new CriteriaError([{ file, pointer: '', message: 'no such file' }]);
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new CriteriaError([{ file, pointer: '', message: `not valid JSON: ${(error as Error).message}` }]);
  }
}

/** The base set's criteria, with the extending file's entries applied in place or appended. */
function mergeCriteria(setFile: CriteriaSetFile, base: CriteriaSet | undefined, file: string): CriterionFile[] {
  const merged: CriterionFile[] = base ? base.criteria.map((criterion) => ({ ...criterion })) : [];
  const issues: CriteriaIssue[] = [];
  for (const own of setFile.criteria) {
    const index = merged.findIndex((criterion) => criterion.id === own.id);
    const existing = merged[index];
    if (existing) {
      merged[index] = {
        ...existing,
        ...own,
        terms: appendTerms(existing.terms, own.terms),
        headings: appendTerms(existing.headings, own.headings),
        exclude: appendTerms(existing.exclude, own.exclude),
      };
    } else merged.push(own);
  }
  for (const [index, id] of (setFile.disable ?? []).entries()) {
    if (!merged.some((criterion) => criterion.id === id)) issues.push({ file, pointer: `/disable/${index}`, message: `no criterion "${id}" to disable` });
  }
  if (issues.length > 0) throw new CriteriaError(issues);
  return merged;
}

/** In an extending set, terms add to the base's rather than replace them. */
function appendTerms(base: TermsByLanguage | undefined, added: TermsByLanguage | undefined): TermsByLanguage {
  const result: TermsByLanguage = { ...base };
  for (const [language, terms] of Object.entries(added ?? {}) as [keyof TermsByLanguage, TermsByLanguage[keyof TermsByLanguage]][]) {
    result[language] = [...(result[language] ?? []), ...(terms ?? [])];
  }
  return result;
}

function missingFields(setFile: CriteriaSetFile, merged: CriterionFile[], file: string): CriteriaIssue[] {
  const issues: CriteriaIssue[] = [];
  const ownIndex = new Map(setFile.criteria.map((criterion, index) => [criterion.id, index]));
  merged.forEach((criterion) => {
    const index = ownIndex.get(criterion.id);
    if (index === undefined) return;
    for (const field of ['title', 'kind', 'guidance'] as const) {
      if (criterion[field] === undefined) issues.push({ file, pointer: `/criteria/${index}`, message: `criterion "${criterion.id}" needs "${field}"` });
    }
    const hasTerms = Object.values(criterion.terms ?? {}).some((terms) => terms && terms.length > 0) || Object.values(criterion.headings ?? {}).some((terms) => terms && terms.length > 0);
    if (!hasTerms) issues.push({ file, pointer: `/criteria/${index}/terms`, message: `criterion "${criterion.id}" has no terms in any language` });
  });
  return issues;
}

function complete(criterion: CriterionFile, setFile: CriteriaSetFile): Criterion {
  const fromBase = criterion as Partial<Criterion>;
  return {
    id: criterion.id,
    setId: setFile.id,
    title: criterion.title ?? { en: criterion.id },
    ...(criterion.description ? { description: criterion.description } : {}),
    kind: criterion.kind ?? 'theme',
    ...(criterion.parent ? { parent: criterion.parent } : {}),
    weight: criterion.weight ?? fromBase.weight ?? setFile.defaults?.weight ?? 1,
    terms: criterion.terms ?? {},
    headings: criterion.headings ?? {},
    exclude: criterion.exclude ?? {},
    thresholds: criterion.thresholds ?? setFile.defaults?.thresholds ?? DEFAULT_THRESHOLDS,
    guidance: criterion.guidance ?? { en: '' },
    examples: { positive: criterion.examples?.positive ?? [], negative: criterion.examples?.negative ?? [] },
  };
}

function displayPath(path: string, cwd: string): string {
  if (path.startsWith(BUNDLED_CRITERIA_DIR)) return `criteria/${relative(BUNDLED_CRITERIA_DIR, path).split('\\').join('/')}`;
  const fromCwd = relative(cwd, path);
  return fromCwd && !fromCwd.startsWith('..') && !isAbsolute(fromCwd) ? fromCwd : path;
}
