#!/usr/bin/env node
// npm run fuzz -- [--runs N] [--seed S]: the fuzzing of test/robustness/fuzz.test.ts, longer than in
// npm test (2000 runs per property by default) and with a seed of your choice; without one, a new
// seed is drawn and printed, so that any failure can be run again exactly.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '2000' }, seed: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
if (values.help) {
  console.log('usage: npm run fuzz -- [--runs N] [--seed S]');
  process.exit(0);
}
const runs = Number(values.runs);
const seed = values.seed === undefined ? Math.floor(Math.random() * 2 ** 31) : Number(values.seed);
if (!Number.isInteger(runs) || runs < 1 || !Number.isInteger(seed)) {
  console.error('fuzz: --runs needs a whole number of at least 1, --seed a whole number');
  process.exit(2);
}
console.log(`fuzz: ${runs} runs per property, seed ${seed} (again: npm run fuzz -- --runs ${runs} --seed ${seed})`);
const root = fileURLToPath(new URL('..', import.meta.url));
const result = spawnSync(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', 'test/robustness/fuzz.test.ts'], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, S4S_FUZZ_RUNS: String(runs), S4S_FUZZ_SEED: String(seed), S4S_FUZZ_TEST_TIMEOUT: String(60_000 + runs * 200) },
});
process.exit(result.status ?? 1);
