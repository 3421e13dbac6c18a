// `s4s tag`: tags each passage of a CSV or JSONL file with the criteria it addresses, for
// researchers' own statistics: one row (or record) per passage and criterion, goals and targets.
import { readFileSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { BUNDLED_MODEL_FILE, loadPassageModel, type PassageModel } from '../classify/model.js';
import type { LanguageCode } from '../document/types.js';
import { createMatcher } from '../match/match.js';
import { escapeFormula } from '../report/format-csv.js';
import { DEFAULT_MIN_SHARE, tagPassage } from '../score/tag-passage.js';
import { loadSelectedSets } from './criteria-select.js';
import { EXIT_OK, UsageError, type CliIo } from './io.js';
import { writeReportFile } from './output.js';
import { readStreamBytes } from '../read/read-stream.js';

export interface TagOptions {
  textColumn: string;
  idColumn: string;
  criteria?: string[];
  lang: string;
  format: string;
  output?: string;
  minShare?: string;
  /** A passage model file; false (`--no-model`) for terms only; absent for the bundled model. */
  model?: string | false;
}

export const TAG_COLUMNS = ['id', 'criterion', 'parent', 'status', 'score', 'terms', 'language', 'source'] as const;
export type TagRecord = Record<(typeof TAG_COLUMNS)[number], string | number>;

/** The id column a user did not name may be absent: passages are then numbered from 1. */
const DEFAULT_ID_COLUMN = 'id';

interface Passage {
  id: string;
  text: string;
}

export async function runTag(file: string, options: TagOptions, io: CliIo): Promise<number> {
  if (options.format !== 'csv' && options.format !== 'json') throw new UsageError(`unknown format "${options.format}" (choose from csv, json)`);
  const minShare = options.minShare === undefined ? DEFAULT_MIN_SHARE : Number(options.minShare);
  if (!(minShare >= 0 && minShare <= 1)) throw new UsageError(`--min-share must be a number from 0 to 1, not "${options.minShare}"`);
  const sets = loadSelectedSets(options.criteria, io.cwd);
  const content = file === '-' ? Buffer.from(await readStreamBytes(io.stdin)).toString('utf8') : readInput(file, io.cwd);
  const passages = readPassages(content, inputKind(file, content), file, options);
  const matcher = createMatcher(sets);
  const model = loadModel(options.model, io.cwd);
  const language = options.lang as LanguageCode | 'auto';
  const records: TagRecord[] = [];
  for (const passage of passages) {
    const tagged = tagPassage(passage.text, language, sets, matcher, { minShare, ...(model ? { model } : {}) });
    for (const tag of tagged.tags) {
      records.push({ id: passage.id, criterion: tag.criterion, parent: tag.parent ?? '', status: tag.status, score: tag.score, terms: tag.terms.join('; '), language: tagged.language, source: tag.source });
    }
  }
  const text = options.format === 'json' ? `${JSON.stringify(records, null, 2)}\n` : toCsv(records);
  if (options.output) writeReportFile(options.output, text, io.cwd, file === '-' ? [] : [resolve(io.cwd, file)]);
  else io.stdout.write(text);
  return EXIT_OK;
}

function loadModel(option: string | false | undefined, cwd: string): PassageModel | undefined {
  if (option === false) return undefined;
  const file = option === undefined ? BUNDLED_MODEL_FILE : resolve(cwd, option);
  try {
    return loadPassageModel(file);
  } catch (error) {
    throw new UsageError(`${option ?? file}: ${(error as Error).message}`);
  }
}

function toCsv(records: TagRecord[]): string {
  const rows = records.map((record) => TAG_COLUMNS.map((column) => (typeof record[column] === 'string' ? escapeFormula(record[column] as string) : record[column])));
  return stringify([[...TAG_COLUMNS], ...rows], { record_delimiter: '\n' });
}

function readInput(file: string, cwd: string): string {
  try {
    return readFileSync(resolve(cwd, file), 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UsageError(`${file}: no such file`);
    if (code === 'EISDIR') throw new UsageError(`${file}: is a directory, expected a CSV or JSONL file`);
    throw new UsageError(`${file}: cannot be read (${code ?? 'unknown error'})`);
  }
}

type InputKind = 'csv' | 'tsv' | 'jsonl';

/** From the extension; for standard input or other names, JSONL when the first line is an object. */
function inputKind(file: string, content: string): InputKind {
  const extension = extname(file).toLowerCase();
  if (extension === '.csv') return 'csv';
  if (extension === '.tsv' || extension === '.tab') return 'tsv';
  if (extension === '.jsonl' || extension === '.ndjson') return 'jsonl';
  return content.trimStart().startsWith('{') ? 'jsonl' : 'csv';
}

function readPassages(content: string, kind: InputKind, file: string, options: TagOptions): Passage[] {
  const { rows, lines } = kind === 'jsonl' ? parseJsonLines(content, file) : { rows: parseDelimited(content, kind === 'tsv' ? '\t' : ',', file), lines: undefined };
  if (rows.length === 0) return [];
  const columns = new Set(rows.flatMap((row) => Object.keys(row)));
  const available = [...columns].filter(Boolean).join(', ');
  if (!columns.has(options.textColumn)) throw new UsageError(`${file}: no column "${options.textColumn}" for the passage text (columns: ${available}); choose one with --text-column`);
  const numbered = !columns.has(options.idColumn);
  if (numbered && options.idColumn !== DEFAULT_ID_COLUMN) throw new UsageError(`${file}: no column "${options.idColumn}" for passage ids (columns: ${available})`);
  if (lines) checkJsonFields(rows, lines, file, options.textColumn, numbered ? undefined : options.idColumn);
  return rows.map((row, index) => ({ id: numbered ? String(index + 1) : cellText(row[options.idColumn]), text: cellText(row[options.textColumn]) }));
}

/**
 * Every JSON line needs its own text (a string) and, when lines carry ids, its id: a line without
 * them would be tagged as an empty passage and, addressing nothing, leave no row behind.
 */
function checkJsonFields(rows: Record<string, unknown>[], lines: number[], file: string, textField: string, idField: string | undefined): void {
  rows.forEach((row, index) => {
    const where = `${file}: line ${lines[index]}`;
    if (!(textField in row)) throw new UsageError(`${where} has no "${textField}" field for the passage text`);
    if (typeof row[textField] !== 'string') throw new UsageError(`${where}: "${textField}" is not a string`);
    if (idField !== undefined && (row[idField] === undefined || row[idField] === null)) throw new UsageError(`${where} has no "${idField}" field, which the other lines have`);
  });
}


function cellText(value: unknown): string {
  if (value === undefined || value === null) return '';
  return typeof value === 'string' ? value : typeof value === 'object' ? JSON.stringify(value) : String(value);
}

function parseDelimited(content: string, delimiter: string, file: string): Record<string, unknown>[] {
  try {
    return parse(content, { columns: true, bom: true, delimiter, skip_empty_lines: true }) as Record<string, unknown>[];
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    const reason = error instanceof Error ? error.message.split(':')[0] : 'invalid CSV';
    throw new UsageError(`${file}: not valid CSV${line ? ` at line ${line}` : ''} (${reason})`);
  }
}

/** The objects of a JSON Lines file, and the line each came from (blank lines are skipped). */
function parseJsonLines(content: string, file: string): { rows: Record<string, unknown>[]; lines: number[] } {
  const rows: Record<string, unknown>[] = [];
  const lines: number[] = [];
  content
    .replace(/^\uFEFF/, '')
    .split('\n')
    .forEach((line, index) => {
      if (!line.trim()) return;
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch {
        throw new UsageError(`${file}: line ${index + 1} is not valid JSON`);
      }
      if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new UsageError(`${file}: line ${index + 1} is not a JSON object`);
      rows.push(value as Record<string, unknown>);
      lines.push(index + 1);
    });
  return { rows, lines };
}
