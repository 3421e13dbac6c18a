// Configuration files: s4s.config.json, .s4src.json or package.json#s4s, found upwards from the
// working directory (lilconfig does the search). The command line beats the file, the file beats
// the defaults. Relative paths in a file are relative to that file.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { createRequire } from 'node:module';
import type { ErrorObject, ValidateFunction } from 'ajv';
import type { Ajv2020 as Ajv2020Class } from 'ajv/dist/2020.js';
import { lilconfig } from 'lilconfig';
import { UsageError } from './io.js';

export interface ConfigFile {
  criteria?: string | string[];
  lang?: string;
  reportLang?: string;
  maxFileSize?: string;
  maxPages?: number;
  maxInflatedSize?: string;
  quiet?: boolean;
  color?: boolean;
  bom?: boolean;
  stepSummary?: boolean;
  format?: string;
  output?: string;
  reports?: Record<string, string>;
  csvLayout?: 'long' | 'wide';
  timestamp?: boolean;
  failUnder?: number | Record<string, number>;
  require?: string | string[];
  jobs?: number | 'auto';
  timeout?: number;
  cache?: boolean;
  cacheDir?: string;
  diff?: { format?: string; output?: string; reports?: Record<string, string>; failOnRegression?: boolean };
}

export interface LoadedConfig {
  /** The file the configuration came from; null when none was found or --no-config was given. */
  path: string | null;
  config: ConfigFile;
}

export const CONFIG_FILES = ['s4s.config.json', '.s4src.json', 'package.json'];

let compiledValidator: ValidateFunction<ConfigFile> | undefined;

/** Compiled when a configuration file is found: most runs have none and never pay for ajv. */
function configValidator(): ValidateFunction<ConfigFile> {
  if (!compiledValidator) {
    const { Ajv2020 } = createRequire(import.meta.url)('ajv/dist/2020.js') as { Ajv2020: typeof Ajv2020Class };
    const schema = JSON.parse(readFileSync(new URL('../../schemas/config.schema.json', import.meta.url), 'utf8')) as object;
    compiledValidator = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true }).compile<ConfigFile>(schema);
  }
  return compiledValidator;
}

/** `choice`: a path from --config, false for --no-config, undefined to search upwards from cwd. */
export async function loadConfig(cwd: string, choice: string | false | undefined): Promise<LoadedConfig> {
  if (choice === false) return { path: null, config: {} };
  const searcher = lilconfig('s4s', { searchPlaces: CONFIG_FILES, packageProp: 's4s', loaders: { '.json': parseJsonFile }, cache: false });
  let found: { filepath: string; config: unknown } | null;
  if (choice !== undefined) {
    const path = resolve(cwd, choice);
    if (!existsSync(path)) throw new UsageError(`${choice}: configuration file not found`);
    found = await searcher.load(path);
  } else {
    found = await searcher.search(cwd);
  }
  if (!found) return { path: null, config: {} };
  const config = found.config ?? {};
  const validateConfig = configValidator();
  if (!validateConfig(config)) throw new UsageError(`${found.filepath}: ${describeConfigErrors(validateConfig.errors ?? [])}`);
  return { path: found.filepath, config };
}

/** One line: the deepest place that failed, with what each alternative wanted there. */
function describeConfigErrors(errors: ErrorObject[]): string {
  const depth = (error: ErrorObject) => error.instancePath.split('/').length;
  const deepest = Math.max(...errors.map(depth));
  const here = errors.filter((error) => depth(error) === deepest && error.keyword !== 'oneOf');
  // A bad key under "reports" gives two errors: its enum (naming the key) and propertyNames; the first says it.
  const messages = [...new Set(here.filter((error) => error.keyword !== 'propertyNames').map(describeConfigError))];
  return `${here[0]?.instancePath || '/'}: ${messages.join(' or ') || 'invalid'}`;
}

function describeConfigError(error: ErrorObject): string {
  if (error.keyword === 'additionalProperties') return `unknown option "${(error.params as { additionalProperty: string }).additionalProperty}"`;
  if (error.keyword === 'enum') {
    const allowed = (error.params as { allowedValues: unknown[] }).allowedValues.map((value) => JSON.stringify(value)).join(', ');
    return error.propertyName === undefined ? `must be one of ${allowed}` : `"${error.propertyName}" is not one of ${allowed}`;
  }
  return error.message ?? 'invalid';
}

function parseJsonFile(filepath: string, content: string): unknown {
  try {
    return JSON.parse(content.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new UsageError(`${filepath}: not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
}

/** The options a configuration gives one command, named as commander names them, paths made absolute. */
export function configOptions(loaded: LoadedConfig, command: 'check' | 'diff'): Record<string, unknown> {
  const { config, path } = loaded;
  if (!path) return {};
  const base = dirname(path);
  const options: Record<string, unknown> = {};
  const set = (key: string, value: unknown) => {
    if (value !== undefined) options[key] = value;
  };
  set('criteria', listOf(config.criteria)?.map((spec) => (looksLikePath(spec) ? resolve(base, spec) : spec)));
  set('lang', config.lang);
  set('reportLang', config.reportLang);
  set('maxFileSize', config.maxFileSize);
  set('maxPages', config.maxPages === undefined ? undefined : String(config.maxPages));
  set('maxInflatedSize', config.maxInflatedSize);
  set('quiet', config.quiet);
  set('color', config.color);
  set('bom', config.bom);
  set('stepSummary', config.stepSummary);
  set('jobs', config.jobs === undefined ? undefined : String(config.jobs));
  set('timeout', config.timeout === undefined ? undefined : String(config.timeout));
  const own = command === 'check' ? config : (config.diff ?? {});
  set('format', own.format);
  set('output', own.output === undefined ? undefined : resolve(base, own.output));
  set('report', own.reports === undefined ? undefined : Object.entries(own.reports).map(([format, file]) => `${format}=${resolve(base, file)}`));
  if (command === 'check') {
    set('csvLayout', config.csvLayout);
    set('timestamp', config.timestamp);
    set('failUnder', failUnderList(config.failUnder));
    set('require', listOf(config.require));
    set('cache', config.cache);
    set('cacheDir', config.cacheDir === undefined ? undefined : resolve(base, config.cacheDir));
  } else {
    set('failOnRegression', config.diff?.failOnRegression);
  }
  return options;
}

/**
 * Merges file options under command-line ones: an option given on the command line replaces the
 * file's, except --fail-under, where the command line overrides per framework.
 */
export function mergeOptions<T extends object>(cli: T, explicit: Set<string>, fromFile: Record<string, unknown>): T {
  const merged = { ...cli } as Record<string, unknown>;
  for (const [key, value] of Object.entries(fromFile)) {
    if (!explicit.has(key)) merged[key] = value;
    else if (key === 'failUnder' && Array.isArray(value)) merged[key] = [...value, ...((merged[key] as string[] | undefined) ?? [])];
  }
  return merged as T;
}

function listOf(value: string | string[] | undefined): string[] | undefined {
  return value === undefined ? undefined : Array.isArray(value) ? value : [value];
}

function failUnderList(value: ConfigFile['failUnder']): string[] | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'number') return [String(value)];
  return Object.entries(value).map(([framework, score]) => (framework === 'overall' ? String(score) : `${framework}=${score}`));
}

function looksLikePath(spec: string): boolean {
  return spec.endsWith('.json') || spec.includes('/') || spec.includes('\\');
}
