// `s4s criteria list | show <id> | validate <file> | schema`: what the bundled sets hold, and
// checking a user's own set.
import { bundledSetIds, listBundledSets, loadCriteriaFile, loadCriteriaSet } from '../criteria/load.js';
import { localize, type CriteriaSet } from '../criteria/types.js';
import { criteriaSchema } from '../criteria/validate.js';
import { resolve } from 'node:path';
import { EXIT_FAILURE, EXIT_OK, UsageError, type CliIo } from './io.js';
import { CriteriaError, formatCriteriaIssue } from '../criteria/errors.js';

interface FormatOption {
  format: string;
}

export function runCriteriaList(options: FormatOption, io: CliIo): number {
  const refs = listBundledSets();
  const sets = bundledSetIds().map((id) => loadCriteriaSet(id, io.cwd));
  const summaries = sets.map((set) => ({
    id: set.id,
    version: set.version,
    versions: refs.filter((ref) => ref.id === set.id).map((ref) => ref.version),
    title: localize(set.title, 'en'),
    languages: set.languages,
    criteria: set.criteria.length,
    topLevel: set.criteria.filter((criterion) => !criterion.parent).length,
    children: set.criteria.filter((criterion) => criterion.parent).length,
  }));
  if (options.format === 'json') {
    io.stdout.write(`${JSON.stringify(summaries.map((summary, index) => ({ ...summary, criteriaIds: sets[index]?.criteria.map((criterion) => criterion.id) })), null, 2)}\n`);
    return EXIT_OK;
  }
  for (const summary of summaries) {
    io.stdout.write(`${`${summary.id}@${summary.version}`.padEnd(14)} ${summary.title}\n  ${summary.topLevel} criteria, ${summary.children} sub-criteria; languages ${summary.languages.join(', ')}; versions ${summary.versions.join(', ')}\n`);
  }
  return EXIT_OK;
}

export function runCriteriaShow(spec: string, options: FormatOption & { lang?: string }, io: CliIo): number {
  const set = findSetOrCriterion(spec, io.cwd);
  const criteria = set.criterionId ? set.set.criteria.filter((criterion) => criterion.id === set.criterionId || criterion.parent === set.criterionId) : set.set.criteria;
  if (options.format === 'json') {
    const { criteria: _all, ...header } = set.set;
    io.stdout.write(`${JSON.stringify({ ...header, criteria }, null, 2)}\n`);
    return EXIT_OK;
  }
  const language = options.lang && options.lang !== 'auto' ? options.lang : 'en';
  io.stdout.write(`${set.set.id}@${set.set.version}  ${localize(set.set.title, language)}\n${set.set.source}\n\n`);
  for (const criterion of criteria) {
    const indent = criterion.parent ? '    ' : '  ';
    io.stdout.write(`${indent}${criterion.id.padEnd(32)} ${criterion.kind.padEnd(17)} w${criterion.weight}  ${localize(criterion.title, language)}\n`);
    if (set.criterionId) {
      const terms = criterion.terms[language as 'en'] ?? criterion.terms.en ?? [];
      io.stdout.write(`${indent}  terms: ${terms.map((term) => (typeof term === 'string' ? term : term.near.join(' ~ '))).join(', ')}\n`);
      io.stdout.write(`${indent}  guidance: ${localize(criterion.guidance, language)}\n`);
    }
  }
  return EXIT_OK;
}

/** `sdg`, `sdg@1.0.0`, a path, or a criterion id such as `sdg/11` or `smart/vision`. */
function findSetOrCriterion(spec: string, cwd: string): { set: CriteriaSet; criterionId?: string } {
  const criterionMatch = /^([a-z][a-z0-9-]*)\/([a-z0-9][a-z0-9.-]*)$/.exec(spec);
  if (criterionMatch && !spec.endsWith('.json')) {
    const set = loadCriteriaSet(criterionMatch[1] ?? '', cwd);
    if (!set.criteria.some((criterion) => criterion.id === spec)) {
      throw new UsageError(`no criterion "${spec}" in ${set.id}@${set.version} (s4s criteria show ${set.id} lists its criteria)`);
    }
    return { set, criterionId: spec };
  }
  // `smart/` or `sdg/`: the set itself, not a file or folder of that name.
  const setId = /^([a-z][a-z0-9-]*)\/$/.exec(spec)?.[1];
  return { set: loadCriteriaSet(setId ?? spec, cwd) };
}

export function runCriteriaValidate(file: string, options: FormatOption, io: CliIo): number {
  let set: CriteriaSet;
  try {
    set = loadCriteriaFile(resolve(io.cwd, file), io.cwd);
  } catch (error) {
    if (!(error instanceof CriteriaError)) throw error;
    if (options.format === 'json') io.stdout.write(`${JSON.stringify({ valid: false, file, issues: error.issues }, null, 2)}\n`);
    for (const issue of error.issues) io.stderr.write(`s4s: ${formatCriteriaIssue(issue)}\n`);
    return EXIT_FAILURE;
  }
  if (options.format === 'json') {
    io.stdout.write(`${JSON.stringify({ valid: true, file, id: set.id, version: set.version, criteria: set.criteria.length, ...(set.extends ? { extends: set.extends } : {}) }, null, 2)}\n`);
  } else {
    io.stdout.write(`${file}: valid criteria set ${set.id}@${set.version} with ${set.criteria.length} criteria${set.extends ? ` (extends ${set.extends})` : ''}\n`);
  }
  return EXIT_OK;
}

export function runCriteriaSchema(io: CliIo): number {
  io.stdout.write(`${JSON.stringify(criteriaSchema(), null, 2)}\n`);
  return EXIT_OK;
}
