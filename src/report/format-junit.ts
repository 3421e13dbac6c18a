// JUnit XML for CI test viewers: a testsuite per document, a testcase per criterion. Met passes,
// missing is a <failure>, partial is <skipped>: neither passed nor failed, so that a suite's
// tests/failures/skipped counters are exactly its met/missing/partial counts. Thresholds, when
// set, are one more suite; an unreadable document is a suite with one <error>.
import type { CriterionResult, DocumentResult } from '../score/types.js';
import { placeOf } from './labels.js';
import { describeRule } from './thresholds.js';
import type { Formatter, Report, ThresholdOutcome } from './types.js';
import { escapeXmlText, xmlAttributes } from './xml.js';
import { documentLabelsFor } from './document-labels.js';

interface Suite {
  xml: string[];
  tests: number;
  failures: number;
  errors: number;
  skipped: number;
}

export const formatJunit: Formatter = (report) => {
  const suites = report.documents.map(documentSuite);
  if (report.thresholds) suites.push(thresholdSuite(report.thresholds));
  const total = (key: keyof Omit<Suite, 'xml'>) => suites.reduce((sum, suite) => sum + suite[key], 0);
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites${xmlAttributes({ name: suiteTitle(report), tests: total('tests'), failures: total('failures'), errors: total('errors'), skipped: total('skipped') })}>`,
    ...suites.flatMap((suite) => suite.xml),
    '</testsuites>',
  ];
  return `${lines.join('\n')}\n`;
};

function suiteTitle(report: Report): string {
  return `s4s ${report.tool.version} (${report.criteriaSets.map((set) => `${set.id}@${set.version}`).join(', ')})`;
}

function documentSuite(document: DocumentResult): Suite {
  if (document.error) {
    const xml = [
      `  <testsuite${xmlAttributes({ name: document.path, tests: 1, failures: 0, errors: 1, skipped: 0 })}>`,
      `    <testcase${xmlAttributes({ name: 'read and analyse', classname: 's4s', file: document.path })}>`,
      `      <error${xmlAttributes({ type: document.error.code, message: document.error.message })}/>`,
      '    </testcase>',
      '  </testsuite>',
    ];
    return { xml, tests: 1, failures: 0, errors: 1, skipped: 0 };
  }
  const { met, partial, missing } = document.counts;
  const xml = [
    `  <testsuite${xmlAttributes({ name: document.path, tests: met + partial + missing, failures: missing, errors: 0, skipped: partial })}>`,
    '    <properties>',
    ...documentProperties(document).map(([name, value]) => `      <property${xmlAttributes({ name, value })}/>`),
    '    </properties>',
    ...document.criteria.flatMap((criterion) => testcase(document, criterion)),
    '  </testsuite>',
  ];
  return { xml, tests: met + partial + missing, failures: missing, errors: 0, skipped: partial };
}

function documentProperties(document: DocumentResult): [string, string][] {
  return [
    ['format', document.format ?? ''],
    ['language', document.language ?? ''],
    ['score', String(document.score)],
    ...document.frameworks.map((framework): [string, string] => [`score.${framework.id}`, String(framework.score)]),
    ...(document.sha256 ? [['sha256', document.sha256] as [string, string]] : []),
  ];
}

function testcase(document: DocumentResult, criterion: CriterionResult): string[] {
  const open = `    <testcase${xmlAttributes({ name: `${criterion.id}: ${criterion.title}`, classname: criterion.framework, file: document.path, line: criterion.evidence[0]?.line })}`;
  const evidence = criterion.evidence.map((item) => `"${item.quote}" (${placeOf(item)})`).join('\n');
  const systemOut = evidence ? [`      <system-out>${escapeXmlText(evidence)}</system-out>`] : [];
  if (criterion.status === 'met') return systemOut.length ? [`${open}>`, ...systemOut, '    </testcase>'] : [`${open}/>`];
  const guidance = criterion.guidance ? `${documentLabelsFor(document.reportLanguage).whatToAdd}: ${criterion.guidance}` : '';
  const outcome =
    criterion.status === 'missing'
      ? `      <failure${xmlAttributes({ type: 'missing', message: criterion.explanation })}>${escapeXmlText(guidance)}</failure>`
      : `      <skipped${xmlAttributes({ message: `${criterion.explanation}${guidance ? `. ${guidance}` : ''}` })}/>`;
  return [`${open}>`, outcome, ...systemOut, '    </testcase>'];
}

function thresholdSuite(outcome: ThresholdOutcome): Suite {
  const xml: string[] = [];
  let failures = 0;
  for (const rule of outcome.rules) {
    const label = describeRule(rule);
    const violations = outcome.violations.filter((violation) => describeRule(violation.rule) === label);
    const open = `    <testcase${xmlAttributes({ name: label, classname: 'thresholds' })}`;
    if (violations.length === 0) {
      xml.push(`${open}/>`);
      continue;
    }
    failures += 1;
    const message = violations.map((violation) => `${violation.document}: ${violation.message}`).join('\n');
    const summary = `${violations.length} document${violations.length === 1 ? '' : 's'} failed ${label}`;
    xml.push(`${open}>`, `      <failure${xmlAttributes({ type: 'threshold', message: summary })}>${escapeXmlText(message)}</failure>`, '    </testcase>');
  }
  const open = `  <testsuite${xmlAttributes({ name: 's4s thresholds', tests: outcome.rules.length, failures, errors: 0, skipped: 0 })}>`;
  return { xml: [open, ...xml, '  </testsuite>'], tests: outcome.rules.length, failures, errors: 0, skipped: 0 };
}
