// The TU Berlin labelled SDG sentences (Apache-2.0, read from ../shared/data/sdg/, never committed)
// and the FIXED SPLIT that every script shares (eval, mine-terms, train-model), decided before any
// tuning and never to change: a passage belongs to the checking part when the first 32 bits of
// sha256(its trimmed text), as an unsigned integer, modulo 100 are 60 or more (about 40 %);
// otherwise to the tuning part. Terms and the passage model are tuned on the tuning part only.
//
// FOLDS of the tuning part, for held-out tuning: a tuning passage is in fold a when the lowest bit
// of byte 4 of the same sha256 (bits the split does not use) is 0, otherwise in fold b.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const SHARED = process.env.S4S_SHARED ?? join(ROOT, '..', 'shared');
export const SENTENCES_FILE = join(SHARED, 'data', 'sdg', 'tuberlin-sentences.csv');
export const TARGETS_FILE = join(SHARED, 'data', 'sdg', 'tuberlin-targets.csv');
export const GOALS = Array.from({ length: 17 }, (_, index) => index + 1);

/** True when the labelled passages are here (they live outside the repository). */
export function haveSentences() {
  return existsSync(SENTENCES_FILE);
}

/** Every labelled sentence: `{ id: 'tub-<data row>', sdg, text, part: 'tuning'|'checking', fold: 'a'|'b' }`. */
export function readTuberlinPassages() {
  const rows = parse(readFileSync(SENTENCES_FILE, 'utf8'), { columns: true, bom: true, skip_empty_lines: true, relax_column_count: true });
  return rows
    .map((record, index) => ({ id: `tub-${index + 1}`, sdg: Number(record.SDG), text: String(record.Text ?? '').trim() }))
    .filter((passage) => passage.text && GOALS.includes(passage.sdg))
    .map((passage) => ({ ...passage, part: splitOf(passage.text), fold: foldOf(passage.text) }));
}

/** The official SDG target texts with their goal (`{ sdg, text }`), or [] when the file is absent. */
export function readTargetTexts() {
  if (!existsSync(TARGETS_FILE)) return [];
  return parse(readFileSync(TARGETS_FILE, 'utf8'), { columns: true, bom: true, skip_empty_lines: true })
    .map((record) => ({ sdg: Number(record.sdg), text: String(record.text ?? '').trim() }))
    .filter((target) => target.text && GOALS.includes(target.sdg));
}

function digest(text) {
  return createHash('sha256').update(text.trim()).digest();
}

export function splitOf(text) {
  return digest(text).readUInt32BE(0) % 100 >= 60 ? 'checking' : 'tuning';
}

export function foldOf(text) {
  return digest(text)[4] & 1 ? 'b' : 'a';
}
