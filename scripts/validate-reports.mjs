#!/usr/bin/env node
// Checks report files the way CI consumers will read them: JSON against schemas/report.schema.json
// (or diff.schema.json), SARIF against the SARIF 2.1.0 schema, JUnit as strict XML, CSV as
// parseable with equal rows, GitHub annotations as workflow commands. Prints one line per file.
//
//   node scripts/validate-reports.mjs out/report.json out/report.sarif out/report.xml ...
import { readFileSync } from 'node:fs';
import { DOMParser } from '@xmldom/xmldom';
import { Ajv } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse } from 'csv-parse/sync';

const root = new URL('../', import.meta.url);
const readJson = (path) => JSON.parse(readFileSync(new URL(path, root), 'utf8'));
const strict = { allErrors: true, strict: true, allowUnionTypes: true, validateFormats: false };
const validateReport = new Ajv2020(strict).compile(readJson('schemas/report.schema.json'));
const validateDiff = new Ajv2020(strict).compile(readJson('schemas/diff.schema.json'));
const { $schema: _draft, id: _id, ...sarifSchema } = readJson('test/report/fixtures/sarif-schema-2.1.0-rtm.5.json');
const validateSarif = new Ajv({ allErrors: true, strict: false, validateFormats: false, unicodeRegExp: false }).compile(sarifSchema);

let failures = 0;
for (const file of process.argv.slice(2)) {
  try {
    console.log(`ok   ${file}: ${check(file, readFileSync(file, 'utf8'))}`);
  } catch (error) {
    failures += 1;
    console.log(`FAIL ${file}: ${error.message}`);
  }
}
process.exit(failures ? 1 : 0);

function check(file, text) {
  if (file.endsWith('.sarif')) {
    const log = JSON.parse(text);
    expectValid(validateSarif, log);
    return `SARIF ${log.version}, ${log.runs[0].tool.driver.rules.length} rules, ${log.runs[0].results.length} results`;
  }
  if (file.endsWith('.json')) {
    const data = JSON.parse(text);
    if (data.kind === 's4s-diff') {
      expectValid(validateDiff, data);
      return `diff, ${data.changes.length} changes`;
    }
    expectValid(validateReport, data);
    return `report ${data.version}, ${data.documents.length} documents`;
  }
  if (file.endsWith('.xml')) {
    const document = new DOMParser({ onError: (level, message) => { throw new Error(`${level}: ${message}`); } }).parseFromString(text, 'text/xml');
    const root = document.documentElement;
    return `XML <${root.tagName}> tests=${root.getAttribute('tests')} failures=${root.getAttribute('failures')} skipped=${root.getAttribute('skipped')} errors=${root.getAttribute('errors')}, ${document.getElementsByTagName('testsuite').length} suites`;
  }
  if (file.endsWith('.csv')) {
    const rows = parse(text.replace(/^\uFEFF/, ''));
    if (new Set(rows.map((row) => row.length)).size !== 1) throw new Error('rows of different lengths');
    return `CSV ${rows.length - 1} rows x ${rows[0].length} columns`;
  }
  if (file.endsWith('.github') || file.endsWith('.txt')) {
    const lines = text.split('\n').filter(Boolean);
    const bad = lines.find((line) => !/^::(error|warning|notice)( [a-zA-Z]+=[^,:]*(,[a-zA-Z]+=[^,:]*)*)?::/.test(line));
    if (bad) throw new Error(`not a workflow command: ${bad.slice(0, 80)}`);
    return `${lines.length} workflow commands`;
  }
  if (file.endsWith('.md')) return `Markdown, ${text.split('\n').length} lines`;
  if (file.endsWith('.html')) {
    if (/<script|<link|\ssrc=|\shref=/i.test(text)) throw new Error('refers to outside resources or scripts');
    return `HTML, ${(text.match(/<svg class="chart"/g) ?? []).length} charts, self-contained`;
  }
  throw new Error('unknown extension');
}

function expectValid(validate, data) {
  if (!validate(data)) throw new Error(validate.errors.slice(0, 3).map((error) => `${error.instancePath || '/'} ${error.message}`).join('; '));
}
