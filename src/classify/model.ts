// The learned passage model: a second opinion for `s4s tag` beside the terms. One logistic
// regression per label (one-vs-rest) over passageFeatures, trained by scripts/train-model.mjs on
// labelled passages; a label whose probability reaches the model's threshold tags the passage even
// when no term matched (a passage on living wages and supplier audits that names no SDG 8 term).
// The file is plain JSON so that a researcher can read, diff and retrain it.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { compareText } from '../document/compare-text.js';
import { LANGUAGE_CODES, type LanguageCode } from '../document/types.js';
import { passageFeatures } from './features.js';

export const MODEL_FORMAT = 's4s-passage-model/1';

/** The model that ships with s4s: English passages, SDG goals (retrain: scripts/train-model.mjs). */
export const BUNDLED_MODEL_FILE = fileURLToPath(new URL('../../models/sdg-en.json', import.meta.url));

export interface PassageModel {
  format: typeof MODEL_FORMAT;
  /** Criteria set whose criteria the labels are, e.g. `sdg`. */
  set: string;
  language: LanguageCode;
  /** What it was trained on and how, for people (not read by s4s). */
  training: Record<string, unknown>;
  /** Probability from which a label tags a passage. */
  threshold: number;
  /** Criterion ids, e.g. `sdg/8`. */
  labels: string[];
  /** Per label. */
  bias: number[];
  /** Feature -> [label index, weight] pairs; features absent here weigh nothing. */
  weights: Record<string, [number, number][]>;
}

export interface ModelTag {
  criterion: string;
  probability: number;
  /** The passage's own words that weighed most for the label, strongest first (at most three). */
  words: string[];
}

/**
 * Labels the model gives the passage, in label order. A passage's weights are divided by the square
 * root of its number of distinct features, so long and short passages are judged alike.
 */
export function predictLabels(model: PassageModel, text: string): ModelTag[] {
  const { features, surface } = passageFeatures(text, model.language);
  const scale = 1 / Math.sqrt(features.length || 1);
  const sums = [...model.bias];
  const contributions = model.labels.map(() => [] as [string, number][]);
  for (const feature of features) {
    // Own properties only: a passage may well contain the word "constructor".
    for (const [label, weight] of Object.hasOwn(model.weights, feature) ? (model.weights[feature] ?? []) : []) {
      sums[label] = (sums[label] ?? 0) + weight * scale;
      if (weight > 0) contributions[label]?.push([feature, weight]);
    }
  }
  const tags: ModelTag[] = [];
  model.labels.forEach((criterion, label) => {
    const probability = 1 / (1 + Math.exp(-(sums[label] ?? 0)));
    if (probability < model.threshold) return;
    const strongest = (contributions[label] ?? []).sort((a, b) => b[1] - a[1] || compareText(a[0], b[0])).slice(0, 3);
    tags.push({ criterion, probability, words: strongest.map(([feature]) => surface.get(feature) ?? feature) });
  });
  return tags;
}

/** Reads and checks a model file; throws an Error with a one-line reason. */
export function loadPassageModel(path: string): PassageModel {
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new Error(code === 'ENOENT' ? 'no such file' : code ? `cannot be read (${code})` : 'not valid JSON');
  }
  const problem = modelProblem(value);
  if (problem) throw new Error(`not an s4s passage model: ${problem}`);
  return value as PassageModel;
}

function modelProblem(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return 'not a JSON object';
  const model = value as Partial<PassageModel>;
  if (model.format !== MODEL_FORMAT) return `format must be "${MODEL_FORMAT}"`;
  if (typeof model.set !== 'string' || !model.set) return 'set must name a criteria set';
  if (!LANGUAGE_CODES.includes(model.language as LanguageCode)) return `language must be one of ${LANGUAGE_CODES.join(', ')}`;
  if (typeof model.threshold !== 'number' || !(model.threshold > 0 && model.threshold < 1)) return 'threshold must be a number between 0 and 1';
  if (!Array.isArray(model.labels) || !model.labels.every((label) => typeof label === 'string')) return 'labels must be a list of criterion ids';
  if (!Array.isArray(model.bias) || model.bias.length !== model.labels.length || !model.bias.every(Number.isFinite)) return 'bias must have one number per label';
  if (typeof model.weights !== 'object' || model.weights === null) return 'weights must be an object';
  const labelCount = model.labels.length;
  for (const [feature, pairs] of Object.entries(model.weights)) {
    const valid = Array.isArray(pairs) && pairs.every((pair) => Array.isArray(pair) && Number.isInteger(pair[0]) && pair[0] >= 0 && pair[0] < labelCount && Number.isFinite(pair[1]));
    if (!valid) return `weights of "${feature}" must be [label index, number] pairs`;
  }
  return undefined;
}
