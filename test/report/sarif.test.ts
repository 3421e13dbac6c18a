import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { formatSarif } from '../../src/report/format-sarif.js';
import { sampleReport } from './sample-report.js';

// The schema is draft-04; its keywords here are the draft-07 ones bar the `id`, so Ajv's default
// draft-07 mode checks it once the draft-04 header is taken off.
const { $schema: _draft, id: _id, ...sarifSchema } = JSON.parse(readFileSync(new URL('./fixtures/sarif-schema-2.1.0-rtm.5.json', import.meta.url), 'utf8'));
const validateSarif = new Ajv({ allErrors: true, strict: false, validateFormats: false, unicodeRegExp: false }).compile(sarifSchema);

interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: string;
  message: { text: string };
  locations: { physicalLocation: { artifactLocation: { uri: string; index: number }; region: { startLine: number } }; logicalLocations?: { name: string; kind: string; fullyQualifiedName?: string }[] }[];
  partialFingerprints: Record<string, string>;
  properties: Record<string, unknown>;
}

function sarifOf(report = sampleReport()) {
  return JSON.parse(formatSarif(report, { color: false }));
}

describe('SARIF report', () => {
  it('validates against the SARIF 2.1.0 schema', () => {
    const log = sarifOf();
    expect(validateSarif(log), JSON.stringify(validateSarif.errors, null, 1)).toBe(true);
    expect(log.version).toBe('2.1.0');
    const withThresholds = sarifOf(sampleReport({ thresholds: [{ type: 'fail-under', minimum: 90 }] }));
    expect(validateSarif(withThresholds)).toBe(true);
    expect(withThresholds.runs[0].properties.thresholds.passed).toBe(false);
    // The validator is not vacuous: a result without a message, or a level SARIF does not know, fails.
    const broken = sarifOf();
    broken.runs[0].results[0].level = 'fatal';
    delete broken.runs[0].results[1].message;
    expect(validateSarif(broken)).toBe(false);
  });

  it('makes every criterion a rule, with its guidance as help text', () => {
    const rules = sarifOf().runs[0].tool.driver.rules;
    expect(rules.map((rule: { id: string }) => rule.id)).toEqual(['smart/vision', 'smart/goals', 'egd/mobility', 'egd/mobility.cycling']);
    expect(rules[2]).toMatchObject({ shortDescription: { text: 'Title of egd/mobility' }, help: { text: 'Add egd/mobility.' }, properties: { framework: 'egd' } });
    expect(rules[0].help.text).toBe('Add smart/vision.');
    expect(rules[3].properties.parent).toBe('egd/mobility');
  });

  it('reports the partial and missing criteria of each document, placed at their strongest evidence', () => {
    const run = sarifOf().runs[0];
    const results = run.results as SarifResult[];
    expect(results.map((result) => `${result.locations[0]!.physicalLocation.artifactLocation.uri} ${result.ruleId} ${result.level}`)).toEqual([
      'drafts/plan%20one.md smart/goals note',
      'drafts/plan%20one.md egd/mobility warning',
      'drafts/plan%20one.md egd/mobility.cycling note',
      'drafts/plan-two.pdf smart/vision note',
    ]);
    for (const result of results) expect(result.locations[0]!.physicalLocation.region.startLine).toBeGreaterThanOrEqual(1);
    const goals = results[0]!;
    expect(goals.locations[0]!.physicalLocation.region.startLine).toBe(20);
    expect(goals.locations[0]!.logicalLocations).toEqual([{ name: '3. Goals', fullyQualifiedName: 'Plan > 3. Goals', kind: 'section' }]);
    expect(goals.message.text).toContain('What to add: Add dated goals');
    expect(results[1]!.locations[0]!.physicalLocation.region.startLine).toBe(1);
    const pdf = results[3]!;
    expect(pdf.message.text).toContain('Co doplnit: Add smart/vision.'); // the Czech document's report language
    expect(pdf.locations[0]!.physicalLocation.region.startLine).toBe(1);
    expect(pdf.locations[0]!.logicalLocations).toContainEqual({ name: 'page 7', kind: 'page' });
    expect(pdf.properties).toMatchObject({ status: 'partial', page: 7, section: 'Úvod > Vize' });
    expect(run.artifacts[pdf.locations[0]!.physicalLocation.artifactLocation.index].location.uri).toBe('drafts/plan-two.pdf');
    expect(run.tool.driver.rules[pdf.ruleIndex].id).toBe('smart/vision');
  });

  it('gives fingerprints that depend on the document and criterion, not on where the evidence moved', () => {
    const first = sarifOf().runs[0].results as SarifResult[];
    const report = sampleReport();
    report.documents[1]!.criteria[1]!.evidence[0]!.line = 99;
    const moved = sarifOf(report).runs[0].results as SarifResult[];
    expect(moved[0]!.locations[0]!.physicalLocation.region.startLine).toBe(99);
    expect(moved.map((result) => result.partialFingerprints)).toEqual(first.map((result) => result.partialFingerprints));
    expect(new Set(first.map((result) => result.partialFingerprints['s4sCriterion/v1'])).size).toBe(first.length);
    expect(formatSarif(sampleReport(), { color: false })).toBe(formatSarif(sampleReport(), { color: false }));
  });

  it('records an unreadable document as a failed execution, not as a result', () => {
    const invocation = sarifOf().runs[0].invocations[0];
    expect(invocation.executionSuccessful).toBe(false);
    expect(invocation.toolExecutionNotifications).toHaveLength(1);
    expect(invocation.toolExecutionNotifications[0].message.text).toBe('drafts/broken.pdf: the PDF is encrypted <pw> & needs --password [PDF_ENCRYPTED]');
    expect(sarifOf(sampleReport({ withBroken: false })).runs[0].invocations[0].executionSuccessful).toBe(true);
  });
});
