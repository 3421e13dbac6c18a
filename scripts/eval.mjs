#!/usr/bin/env node
// Measures SDG tagging on labelled passages (TU Berlin sentences, Apache-2.0, read from
// ../shared/data/sdg/; the script skips cleanly without it) by running `s4s tag` (built dist/) on
// them, in this protocol: for each SDG, its labelled passages are positives and an equal number
// drawn (seeded) from the other goals' passages are negatives; a passage is predicted positive
// when `s4s tag --criteria sdg` gives it a row for that goal or one of its targets.
//
// The FIXED SPLIT into tuning and checking parts, and the folds of the tuning part, are in
// scripts/tuberlin-passages.mjs (shared with mine-terms and train-model). `--fold a|b` restricts the
// tuning part (and the translated tuning sample) to one fold: mine candidate terms, or train the
// passage model (scripts/train-model.mjs --fold), on one fold and measure on the other. --fold is
// refused with the checking part.
//
// `s4s tag` runs with its bundled passage model (models/sdg-en.json, English only) unless
// `--no-model` is given; `--model <file>` runs another (e.g. one trained on the other fold).
//
// Other languages: scripts/eval/translations/<lang>.jsonl holds our own translations of a seeded
// sample of checking passages (6 per goal), scripts/eval/translations-tuning/<lang>.jsonl of
// tuning passages; the same protocol runs restricted to the sample.
//
// `--set authored` measures instead on passages we wrote ourselves, in the style of V4 municipal
// strategies (scripts/eval/authored/<lang>.jsonl, cs, sk, pl and hu; 10 per goal and 20 about no
// goal, `sdg` 0, which are only ever negatives). They were written without looking at the criteria,
// so they test vocabulary the terms were not tuned on. Odd-numbered passages are the tuning part,
// even-numbered ones the checking part.
//
// `--set hard` measures on hard cases we wrote (scripts/eval/hard/<lang>.jsonl, all five
// languages): per goal, passages that use the goal's words but are not about it ("not": goal, the
// negatives) and passages about it that avoid its obvious words (the positives), as in labelled
// sets where each passage is judged true or false for one goal. Odd k (`-n3`, `-p1`) tunes, even k checks.
// `--set policy` is the same protocol on passages we wrote in the register of international and
// national policy text (reports, research abstracts, statistics; scripts/eval/policy/, all five languages).
// `--set policy2`: a second such set, one passage per target in order (scripts/eval/policy2/).
//
//   node scripts/eval.mjs [--set tuberlin|authored|hard|policy|policy2] [--part checking|tuning] [--lang en|cs|sk|pl|hu|all] [--errors] [--min-share x] [--no-model | --model file]
//   node scripts/eval.mjs --part tuning --fold a|b [--errors]   (one half of the tuning part)
//   node scripts/eval.mjs --sample checking|tuning   (prints the passages chosen for translation)
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { seededRandom } from './seeded-random.mjs';
import { GOALS, ROOT as root, SENTENCES_FILE as sentencesFile, haveSentences, readTuberlinPassages } from './tuberlin-passages.mjs';
const LANGUAGES = ['en', 'cs', 'sk', 'pl', 'hu'];
/** Passages per goal in the samples we translate. */
const SAMPLE_PER_GOAL = { checking: 6, tuning: 12 };

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(name);
  return at === -1 ? fallback : args[at + 1];
};
const part = option('--part', 'checking');
const passageSet = option('--set', 'tuberlin');
const language = option('--lang', 'en');
const samplePart = option('--sample', null);
const showErrors = args.includes('--errors');
const minShare = option('--min-share', null);
const fold = option('--fold', null);
const modelFile = option('--model', null);
const modelArgs = args.includes('--no-model') ? ['--no-model'] : modelFile ? ['--model', modelFile] : [];

if (!['tuberlin', 'authored', 'hard', 'policy', 'policy2'].includes(passageSet)) fail(`--set must be tuberlin, authored, hard, policy or policy2, not ${passageSet}`);
if (passageSet !== 'tuberlin' && fold !== null) fail('--fold is only for the TU Berlin passages');
if (!['checking', 'tuning'].includes(part)) fail(`--part must be checking or tuning, not ${part}`);
if (![...LANGUAGES, 'all'].includes(language)) fail(`--lang must be one of ${LANGUAGES.join(', ')} or all`);
// Looking at individual errors of the checking part would turn it into tuning material.
if (showErrors && part === 'checking') fail('--errors is only for the tuning part (add --part tuning)');
if (fold !== null && !['a', 'b'].includes(fold)) fail(`--fold must be a or b, not ${fold}`);
if (fold !== null && part !== 'tuning') fail('--fold is only for the tuning part (add --part tuning)');
if (passageSet === 'tuberlin' && !haveSentences()) {
  console.log(`eval: ${sentencesFile} not found; skipping (the labelled passages live outside the repository)`);
  process.exit(0);
}

const passages = passageSet === 'tuberlin' ? readTuberlinPassages() : [];
const foldById = new Map(passages.filter((passage) => passage.part === 'tuning').map((passage) => [passage.id, passage.fold]));
if (samplePart) {
  for (const passage of translationSample(samplePart)) console.log(JSON.stringify({ id: passage.id, sdg: passage.sdg, text: passage.text }));
  process.exit(0);
}

const distMain = join(root, 'dist', 'cli', 'main.js');
if (!existsSync(distMain)) fail('dist/ is missing: run npm run build first (npm run eval does)');
const { runCli } = await import(distMain);

const summaries = [];
for (const lang of language === 'all' ? LANGUAGES : [language]) {
  const all = passageSet !== 'tuberlin' ? readAuthored(passageSet, lang) : lang === 'en' ? passages.filter((passage) => passage.part === part) : readTranslations(lang);
  if (!all) continue;
  const set = fold === null ? all : all.filter((passage) => foldById.get(passage.id) === fold);
  const tags = await tagAll(set, lang, runCli);
  summaries.push({ lang, ...evaluate(set, tags, lang) });
}
if (summaries.length > 1) {
  console.log(`\nmacro averages, ${part} part${fold === null ? '' : `, fold ${fold}`}`);
  console.log(row(['lang', 'passages', 'accuracy', 'precision', 'recall', 'F1']));
  for (const summary of summaries) console.log(row([summary.lang, summary.count, ...summary.macro.map(fixed)]));
}

function fail(message) {
  console.error(`eval: ${message}`);
  process.exit(2);
}

/** Seeded, spread over the goals: the first passages of each goal in hash order. */
function translationSample(which) {
  const perGoal = SAMPLE_PER_GOAL[which];
  if (!perGoal) fail('--sample must be checking or tuning');
  const key = (passage) => createHash('sha256').update(`sample:${passage.text}`).digest('hex');
  return GOALS.flatMap((goal) =>
    passages
      .filter((passage) => passage.part === which && passage.sdg === goal)
      .sort((a, b) => key(a).localeCompare(key(b)))
      .slice(0, perGoal),
  );
}

function readTranslations(lang) {
  return readPassageFile(part === 'checking' ? 'translations' : 'translations-tuning', lang);
}

/**
 * Our own passages of this part: odd-numbered ids (`auth-cs-3-7`: goal 3, passage 7; `hard-cs-3-n7`:
 * a hard negative for goal 3) tune, even ones check.
 */
function readAuthored(folder, lang) {
  const wanted = part === 'tuning' ? 1 : 0;
  return readPassageFile(folder, lang)?.filter((passage) => Number(passage.id.split('-').at(-1).replace(/^[np]/, '')) % 2 === wanted) ?? null;
}

function readPassageFile(folder, lang) {
  const file = join(root, 'scripts', 'eval', folder, `${lang}.jsonl`);
  if (!existsSync(file)) {
    console.log(`eval: no ${folder}/${lang}.jsonl; skipping ${lang}`);
    return null;
  }
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line));
}

/** Runs the real CLI, `s4s tag file.jsonl --criteria sdg --lang <lang> --format json`, in-process. */
async function tagAll(set, lang, run) {
  const directory = mkdtempSync(join(tmpdir(), 's4s-eval-'));
  try {
    const input = join(directory, 'passages.jsonl');
    writeFileSync(input, set.map((passage) => JSON.stringify({ id: passage.id, text: passage.text })).join('\n'));
    let stdout = '';
    let stderr = '';
    const io = {
      stdout: { write: (chunk) => (stdout += chunk) },
      stderr: { write: (chunk) => (stderr += chunk) },
      stdin: Readable.from([]),
      cwd: root,
      env: { NO_COLOR: '1' },
    };
    const code = await run(['tag', input, '--criteria', 'sdg', '--lang', lang, '--format', 'json', ...(minShare === null ? [] : ['--min-share', minShare]), ...modelArgs], io);
    if (code !== 0) fail(`s4s tag failed (${code}): ${stderr.trim()}`);
    // passage id -> goal -> terms that tagged it (the goal's or its targets')
    const goalsById = new Map();
    for (const record of JSON.parse(stdout)) {
      const goal = Number(/^sdg\/(\d+)/.exec(record.criterion)?.[1]);
      if (!goalsById.has(record.id)) goalsById.set(record.id, new Map());
      const goals = goalsById.get(record.id);
      goals.set(goal, [...new Set([...(goals.get(goal) ?? []), ...record.terms.split('; ').filter(Boolean)])]);
    }
    return goalsById;
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}


function drawNegatives(others, count, seed) {
  const next = seededRandom(seed);
  const pool = [...others];
  for (let index = pool.length - 1; index > 0; index--) {
    const swap = Math.floor(next() * (index + 1));
    [pool[index], pool[swap]] = [pool[swap], pool[index]];
  }
  return pool.slice(0, count);
}

function evaluate(set, tags, lang) {
  const tagged = (passage, goal) => tags.get(passage.id)?.has(goal) ?? false;
  const source = passageSet.startsWith('policy') ? `${lang}: policy passages we wrote (${passageSet})` : passageSet === 'hard' ? `${lang}: hard cases we wrote` : passageSet === 'authored' ? `${lang}: passages we wrote` : lang === 'en' ? 'English TU Berlin sentences' : `${lang}: our translations of a sample`;
  console.log(`\n${source}, ${part} part${fold === null ? '' : `, fold ${fold}`} (${set.length} passages)`);
  console.log(row(['SDG', 'pos', 'neg', 'accuracy', 'precision', 'recall', 'F1']));
  const metrics = [];
  for (const goal of GOALS) {
    const positives = set.filter((passage) => passage.sdg === goal);
    // Hard cases: the passages judged not about this goal; otherwise as many drawn from the other goals.
    const negatives =
      passageSet === 'hard' || passageSet.startsWith('policy')
        ? set.filter((passage) => passage.not === goal)
        : drawNegatives(
            set.filter((passage) => passage.sdg !== goal),
            positives.length,
            goal,
          );
    const truePositives = positives.filter((passage) => tagged(passage, goal));
    const falsePositives = negatives.filter((passage) => tagged(passage, goal));
    const tp = truePositives.length;
    const fp = falsePositives.length;
    const tn = negatives.length - fp;
    const accuracy = (tp + tn) / (positives.length + negatives.length || 1);
    const precision = tp + fp ? tp / (tp + fp) : 0;
    const recall = positives.length ? tp / positives.length : 0;
    const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
    metrics.push([accuracy, precision, recall, f1]);
    console.log(row([goal, positives.length, negatives.length, ...[accuracy, precision, recall, f1].map(fixed)]));
    if (showErrors) {
      for (const passage of positives.filter((item) => !tagged(item, goal))) console.log(`    FN ${passage.id}: ${passage.text.slice(0, 160)}`);
      for (const passage of falsePositives) console.log(`    FP ${passage.id} (sdg ${passage.sdg}) [${tags.get(passage.id)?.get(goal)?.join(', ')}]: ${passage.text.slice(0, 160)}`);
    }
  }
  const macro = [0, 1, 2, 3].map((column) => metrics.reduce((sum, values) => sum + values[column], 0) / metrics.length);
  console.log(row(['macro', '', '', ...macro.map(fixed)]));
  // Our own passages include some about no goal; against all the other passages (not a balanced
  // draw), how often a goal is given to a passage that is not about it.
  if (passageSet === 'authored') {
    const pairs = GOALS.flatMap((goal) => set.filter((passage) => passage.sdg !== goal).map((passage) => tagged(passage, goal)));
    const wrong = pairs.filter(Boolean).length;
    console.log(`  goals given to passages not about them: ${wrong} of ${pairs.length} (${((100 * wrong) / pairs.length).toFixed(1)} %)`);
  }
  return { count: set.length, macro };
}

function fixed(value) {
  return value.toFixed(3);
}

function row(cells) {
  return cells.map((cell, index) => String(cell).padStart(index === 0 ? 5 : 9)).join(' ');
}
