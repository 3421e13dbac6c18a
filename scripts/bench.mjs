#!/usr/bin/env node
// `npm run bench`: wall time and peak memory of s4s against its physical limits, on a corpus it
// generates once (scripts/bench-corpus.mjs) plus ../shared/data/documents when present:
//   bare pdf.js text extraction of every page (the floor), `s4s extract`, `s4s check` of one PDF
//   (a generated 350-page one; with ../shared, a long one of real text and a real 47-page one), a
//   batch with --jobs 1 and --jobs 2 (and, as ceilings of two jobs here, its two halves in two
//   processes at once, and two whole batches at once), pdftotext (poppler) as the native reference,
//   start-up, and at the end where the time of `s4s check` goes, phase by phase
//   (scripts/bench-phases.mjs).
// Every figure is the median of --runs runs (default 5); peak memory is the largest of them. The
// commands compared with each other run alternately (bare pdf.js, extract, check, bare pdf.js, ...),
// so that a slow minute of a shared machine slows all of them and their ratios hold; one command
// after the other, the same build gave ratios 0.15 apart within an hour. The load average is
// printed before and after.
//   node scripts/bench.mjs [--runs 5] [--no-build]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LONG_PAGES, prepareCorpus, prepareRealLongPdf } from './bench-corpus.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const S4S = join(ROOT, 'bin', 's4s.js');
const RUNS = Number(option('--runs', '5'));
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
const work = mkdtempSync(join(tmpdir(), 's4s-bench-'));
const log = (line) => console.log(line);

function option(name, fallback) {
  const index = process.argv.indexOf(name);
  return index === -1 ? fallback : process.argv[index + 1];
}

/**
 * Runs a command once: wall milliseconds, and with /usr/bin/time peak resident memory in MB and CPU
 * seconds (user + system, all threads): CPU time hardly depends on what else the machine runs.
 */
function measureOnce(command, args) {
  const memoryFile = join(work, 'memory');
  const [program, programArgs] = TIME ? [TIME, ['-f', '%M %U %S', '-o', memoryFile, command, ...args]] : [command, args];
  const start = process.hrtime.bigint();
  const result = spawnSync(program, programArgs, { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, CI: '1' }, maxBuffer: 64 * 1024 * 1024 });
  const milliseconds = Number(process.hrtime.bigint() - start) / 1e6;
  const stderr = result.stderr?.toString() ?? '';
  const [kilobytes, user, system] = TIME ? readFileSync(memoryFile, 'utf8').trim().split('\n').at(-1).split(' ').map(Number) : [];
  return { milliseconds, memory: TIME ? kilobytes / 1024 : undefined, cpu: TIME ? user + system : undefined, status: result.status, stderr };
}

/**
 * Runs each command of a group --runs times, alternately (a, b, c, a, b, c, ...), and prints and
 * returns each one's figures under its key. Entries: [key, label, command, args].
 */
function measureGroup(entries) {
  const runs = entries.map(() => []);
  for (let round = 0; round < RUNS; round++) entries.forEach(([, , command, args], index) => runs[index].push(measureOnce(command, args)));
  return Object.fromEntries(entries.map(([key, label], index) => [key, summarize(label, runs[index])]));
}

function summarize(label, runs) {
  const times = runs.map((run) => run.milliseconds).sort((a, b) => a - b);
  const memories = runs.map((run) => run.memory).filter((memory) => memory !== undefined);
  const cpus = runs.map((run) => run.cpu).filter((cpu) => cpu !== undefined).sort((a, b) => a - b);
  // Exit 2 with documents reported is a finished run (some input was unreadable); a crash is not.
  const failed = runs.some((run) => run.status === null || run.status > 2 || run.stderr.includes('internal error'));
  const figure = { label, milliseconds: times[Math.floor(times.length / 2)], fastest: times[0], memory: memories.length ? Math.max(...memories) : undefined, cpu: cpus[Math.floor(cpus.length / 2)], failed };
  const memory = figure.memory === undefined ? 'n/a' : `${figure.memory.toFixed(0)} MB`;
  const status = runs[0].status;
  const note = status === 0 ? '' : `  (${failed ? 'FAILED, left out of the ratios' : 'exit'} ${status}: ${runs[0].stderr.trim().split('\n').slice(0, 2).join(' | ')})`;
  const cpu = figure.cpu === undefined ? '' : `  CPU ${figure.cpu.toFixed(2).padStart(6)} s`;
  log(`  ${label.padEnd(44)} ${(figure.milliseconds / 1000).toFixed(2).padStart(7)} s  (fastest ${(figure.fastest / 1000).toFixed(2)} s)${cpu}  peak ${memory.padStart(7)}${note}`);
  return failed ? undefined : figure;
}

function ratio(label, value, goal) {
  log(`  ${label.padEnd(44)} ${value}${goal ? `   goal: ${goal}` : ''}`);
}

function build() {
  if (process.argv.includes('--no-build')) return;
  const result = spawnSync(join(ROOT, 'node_modules', '.bin', 'tsc'), ['-p', 'tsconfig.json'], { cwd: ROOT, stdio: 'pipe' });
  if (result.status !== 0) log(`note: tsc reported errors (building anyway from what it emitted):\n${result.stdout.toString().split('\n').slice(0, 5).join('\n')}`);
  if (!existsSync(join(ROOT, 'dist', 'cli', 'main.js'))) {
    console.error('dist/ is missing and could not be built');
    process.exit(2);
  }
}

function hasCommand(program, args) {
  return spawnSync(program, args, { stdio: 'ignore' }).status === 0;
}

const startLoad = loadavg()[0];
build();
const corpus = prepareCorpus(ROOT, log);
log(`\ns4s benchmark: ${availableParallelism()} cores, load average ${startLoad.toFixed(2)} at the start; median of ${RUNS} runs each`);

const figures = {};
const PDFJS = join(ROOT, 'scripts', 'bench-pdfjs.mjs');
if (corpus.long) {
  log(`\nOne long PDF (${LONG_PAGES} pages, generated): ${corpus.long}`);
  const group = [['bare', 'bare pdf.js getTextContent, all pages', process.execPath, [PDFJS, corpus.long]]];
  if (hasCommand('pdftotext', ['-v'])) group.push(['pdftotext', 'pdftotext (poppler, native)', 'pdftotext', [corpus.long, join(work, 'long.txt')]]);
  else log('  pdftotext not installed: the native reference is skipped (apt-get install -y poppler-utils)');
  const helpText = spawnSync(process.execPath, [S4S, '--help'], { encoding: 'utf8' }).stdout ?? '';
  if (/^\s+extract\b/m.test(helpText)) group.push(['extract', 's4s extract --format json', process.execPath, [S4S, 'extract', corpus.long, '--format', 'json']]);
  else log('  s4s extract is not in this build yet (issue 3): skipped');
  group.push(
    ['check', 's4s check --format json (worker + page helper)', process.execPath, [S4S, 'check', corpus.long, '--format', 'json']],
    ['checkInProcess', 's4s check --jobs 1 --timeout 0 (in-process)', process.execPath, [S4S, 'check', corpus.long, '--format', 'json', '--jobs', '1', '--timeout', '0']],
  );
  Object.assign(figures, measureGroup(group));
}
const realLong = prepareRealLongPdf(ROOT, log);
if (realLong) {
  log(`\nOne long PDF of real text (the Climate City Contract of Liberec from ../shared, typeset by LibreOffice): ${realLong}`);
  Object.assign(
    figures,
    measureGroup([
      ['realLongBare', 'bare pdf.js getTextContent, all pages', process.execPath, [PDFJS, realLong]],
      ['realLongCheck', 's4s check --format json (worker + page helper)', process.execPath, [S4S, 'check', realLong, '--format', 'json']],
    ]),
  );
}
const realPdf = corpus.shared.find((path) => path.endsWith('cz_praha_ockovaci_strategie_2021.pdf'));
if (realPdf) {
  log(`\nOne real PDF (47 pages): ${realPdf}`);
  Object.assign(
    figures,
    measureGroup([
      ['realBare', 'bare pdf.js getTextContent, all pages', process.execPath, [PDFJS, realPdf]],
      ['realCheck', 's4s check --format json', process.execPath, [S4S, 'check', realPdf, '--format', 'json']],
    ]),
  );
}
const batch = [...corpus.batch, ...corpus.shared];
if (batch.length > 1) {
  log(`\nBatch: ${corpus.batch.length} generated strategies (PDF and DOCX, about 35 pages each)${corpus.shared.length ? ` and ${corpus.shared.length} from ../shared/data/documents` : ''}`);
  // The ceiling of two jobs on this machine: the batch split in two halves, each checked by its own
  // process with one job, both at once. Each process warms up its own V8 (compiling, collecting).
  const halves = [batch.filter((_path, index) => index % 2 === 0), batch.filter((_path, index) => index % 2 === 1)];
  const quote = (path) => `'${path.replaceAll("'", "'\\''")}'`;
  const script = halves.map((half) => `${quote(process.execPath)} ${quote(S4S)} check ${half.map(quote).join(' ')} --format json --jobs 1 > /dev/null &`).join(' ');
  // The machine's own ceiling for two jobs: two processes with nothing shared, each checking the
  // whole batch with one job, at once. Twice the work in this time is the most two jobs could give.
  const whole = `${quote(process.execPath)} ${quote(S4S)} check ${batch.map(quote).join(' ')} --format json --jobs 1 > /dev/null &`;
  Object.assign(
    figures,
    measureGroup([
      ['jobs1', `s4s check --jobs 1, ${batch.length} documents`, process.execPath, [S4S, 'check', ...batch, '--format', 'json', '--jobs', '1']],
      ['jobs2', `s4s check --jobs 2, ${batch.length} documents`, process.execPath, [S4S, 'check', ...batch, '--format', 'json', '--jobs', '2']],
      ['halves', 'two processes at once, half the batch each', 'sh', ['-c', `${script} wait`]],
      ['twice', 'two processes at once, each the whole batch', 'sh', ['-c', `${whole} ${whole} wait`]],
    ]),
  );
}
log('\nStart-up');
Object.assign(
  figures,
  measureGroup([
    ['node', 'node -e 0', process.execPath, ['-e', '0']],
    ['version', 's4s --version', process.execPath, [S4S, '--version']],
    ['help', 's4s --help', process.execPath, [S4S, '--help']],
  ]),
);

log('\nRatios');
const times = (a, b) => `${(a.milliseconds / b.milliseconds).toFixed(2)}x${a.cpu !== undefined && b.cpu ? ` (CPU time ${(a.cpu / b.cpu).toFixed(2)}x)` : ''}`;
if (figures.check && figures.bare) ratio('s4s check / bare pdf.js (long PDF)', times(figures.check, figures.bare), '<= 1.3x');
if (figures.checkInProcess && figures.bare) ratio('s4s check in-process / bare pdf.js', times(figures.checkInProcess, figures.bare));
if (figures.extract && figures.bare) ratio('s4s extract / bare pdf.js', times(figures.extract, figures.bare), '<= 1.25x (issue 3)');
if (figures.realLongCheck && figures.realLongBare) ratio('s4s check / bare pdf.js (real text, long PDF)', times(figures.realLongCheck, figures.realLongBare), '<= 1.3x');
if (figures.realCheck && figures.realBare) ratio('s4s check / bare pdf.js (real 47-page PDF)', times(figures.realCheck, figures.realBare), '<= 1.3x');
if (figures.bare && figures.pdftotext) ratio('bare pdf.js / pdftotext', times(figures.bare, figures.pdftotext));
if (figures.jobs1 && figures.jobs2) {
  ratio('batch speed-up, --jobs 2 over --jobs 1', `${(figures.jobs1.milliseconds / figures.jobs2.milliseconds).toFixed(2)}x`, '>= 1.7x');
  // Cores kept busy: with one job, V8's garbage collection and compiler threads already use part of the second core.
  if (figures.jobs1.cpu !== undefined) ratio('cores used by --jobs 1 / --jobs 2', `${(figures.jobs1.cpu / (figures.jobs1.milliseconds / 1000)).toFixed(2)} / ${(figures.jobs2.cpu / (figures.jobs2.milliseconds / 1000)).toFixed(2)}`);
  if (figures.halves) ratio('two processes (halves) over --jobs 1', `${(figures.jobs1.milliseconds / figures.halves.milliseconds).toFixed(2)}x`);
  if (figures.twice) ratio('ceiling: two whole batches at once, work per time', `${((2 * figures.jobs1.milliseconds) / figures.twice.milliseconds).toFixed(2)}x`);
}
if (figures.check?.memory !== undefined) ratio(`peak memory of s4s check, ${LONG_PAGES}-page PDF`, `${figures.check.memory.toFixed(0)} MB`, '< 300 MB');
if (figures.version && figures.node) ratio('s4s --version minus node -e 0', `${(figures.version.milliseconds - figures.node.milliseconds).toFixed(0)} ms`, '<= 100 ms');
for (const file of [corpus.long, realLong, realPdf].filter(Boolean)) {
  const phases = spawnSync(process.execPath, ['--expose-gc', join(ROOT, 'scripts', 'bench-phases.mjs'), file], { cwd: ROOT, encoding: 'utf8' });
  log(`\n${(phases.stdout || phases.stderr).trimEnd()}`);
}
log(`\nload average ${loadavg()[0].toFixed(2)} at the end (other processes share these cores)`);
rmSync(work, { recursive: true, force: true });
