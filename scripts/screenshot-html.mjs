#!/usr/bin/env node
// Renders an s4s HTML report in a real headless Chromium: takes a screenshot to look at, and
// checks from the rendered DOM that the charts are there. Any network access is blocked (the
// report must not need it). Skips cleanly when no Chromium is installed (Debian: apt-get install chromium).
//
//   node scripts/screenshot-html.mjs report.html [report.png]
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const [input, output = `${input?.replace(/\.html?$/i, '')}.png`] = process.argv.slice(2);
if (!input || !existsSync(input)) {
  console.error('usage: node scripts/screenshot-html.mjs <report.html> [screenshot.png]');
  process.exit(2);
}

const browser = findBrowser();
if (!browser) {
  console.log('skipped: no Chromium found (set CHROME_PATH, or apt-get install chromium)');
  process.exit(0);
}

const profile = mkdtempSync(join(tmpdir(), 's4s-chromium-'));
const flags = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--hide-scrollbars',
  // Every host name fails to resolve: a report that tried to fetch anything would render broken.
  '--host-resolver-rules=MAP * ~NOTFOUND',
  `--user-data-dir=${profile}`,
];
const url = pathToFileURL(resolve(input)).href;
try {
  const screenshot = resolve(output);
  spawnSync(browser, [...flags, `--screenshot=${screenshot}`, '--window-size=1280,2000', url], { stdio: 'pipe', timeout: 120_000 });
  if (!existsSync(screenshot) || statSync(screenshot).size < 10_000) fail(`no screenshot written to ${screenshot}`);
  const dom = execFileSync(browser, [...flags, '--dump-dom', url], { encoding: 'utf8', timeout: 120_000, stdio: ['ignore', 'pipe', 'pipe'] });
  const charts = (dom.match(/<svg class="chart"/g) ?? []).length;
  const bars = (dom.match(/<rect [^>]*fill="#/g) ?? []).length;
  const details = (dom.match(/<details>/g) ?? []).length;
  const heatCells = (dom.match(/<td class="cell /g) ?? []).length;
  if (charts === 0 || bars === 0) fail('the rendered page has no bar chart');
  console.log(`${screenshot}: ${statSync(screenshot).size} bytes; rendered DOM: ${charts} charts, ${bars} bars, ${heatCells} heat-map cells, ${details} <details>`);
} finally {
  rmSync(profile, { recursive: true, force: true });
}

function findBrowser() {
  const candidates = [process.env.CHROME_PATH, 'chromium', 'chromium-browser', 'google-chrome'].filter(Boolean);
  for (const candidate of candidates) {
    const found = spawnSync('sh', ['-c', `command -v "${candidate}"`], { encoding: 'utf8' });
    if (found.status === 0 && found.stdout.trim()) return found.stdout.trim();
  }
  return undefined;
}

function fail(message) {
  console.error(`screenshot-html: ${message}`);
  process.exit(1);
}
