import { describe, expect, it } from 'vitest';
import { describeRule, evaluateThresholds } from '../../src/report/thresholds.js';
import { reportSchemaErrors } from '../report-schema.js';
import { sampleReport } from './sample-report.js';

describe('thresholds', () => {
  const documents = sampleReport().documents;

  it('fail a document whose overall or framework score is under the minimum', () => {
    const outcome = evaluateThresholds(documents, [{ type: 'fail-under', minimum: 40 }, { type: 'fail-under', framework: 'smart', minimum: 75 }]);
    expect(outcome.passed).toBe(false);
    expect(outcome.violations).toEqual([{ document: 'drafts/plan one.md', rule: { type: 'fail-under', minimum: 40 }, actual: 37.5, message: 'overall score 37.5 is under 40' }]);
    expect(evaluateThresholds(documents, [{ type: 'fail-under', minimum: 37.5 }]).passed).toBe(true);
    expect(evaluateThresholds(documents, [{ type: 'fail-under', framework: 'smart', minimum: 75.1 }]).violations.map((item) => item.message)).toEqual(['smart score 75 is under 75.1', 'smart score 75 is under 75.1']);
  });

  it('fail a document where a required criterion is not met (partial is not enough)', () => {
    const outcome = evaluateThresholds(documents, [{ type: 'require', criterion: 'smart/vision' }, { type: 'require', criterion: 'egd/mobility' }]);
    expect(outcome.violations.map((item) => `${item.document}: ${item.message}`)).toEqual([
      'drafts/plan one.md: egd/mobility is missing, required to be met',
      'drafts/plan-two.pdf: smart/vision is partial, required to be met',
    ]);
  });

  it('skip unreadable documents (they fail the run with exit 2 anyway)', () => {
    expect(evaluateThresholds(documents.filter((item) => item.error), [{ type: 'fail-under', minimum: 100 }]).passed).toBe(true);
  });

  it('read as they were given', () => {
    expect([describeRule({ type: 'fail-under', minimum: 60 }), describeRule({ type: 'fail-under', framework: 'egd', minimum: 60 }), describeRule({ type: 'require', criterion: 'smart/vision' })]).toEqual([
      'fail-under 60',
      'fail-under egd=60',
      'require smart/vision',
    ]);
  });

  it('are recorded in the JSON report only when set, following the schema', () => {
    const report = sampleReport({ thresholds: [{ type: 'fail-under', framework: 'egd', minimum: 60 }, { type: 'require', criterion: 'smart/goals' }] });
    expect(report.thresholds?.violations).toHaveLength(2);
    expect(reportSchemaErrors(JSON.parse(JSON.stringify(report)))).toEqual([]);
    expect(sampleReport().thresholds).toBeUndefined();
    expect(reportSchemaErrors({ ...report, thresholds: { rules: [{ type: 'fail-under', minimum: 101 }], violations: [], passed: true } })).not.toEqual([]);
  });
});
