import { describe, expect, it } from 'vitest';
import { compareResults } from '../../src/diff/compare.js';
import { formatDiffText } from '../../src/report/diff/format-text.js';
import type { DocumentResult } from '../../src/score/types.js';
import { sampleReport } from '../report/sample-report.js';

const tool = { name: 's4s', version: '0.1.0' };
const [, markdown, pdf] = sampleReport().documents as [DocumentResult, DocumentResult, DocumentResult];

describe('compareResults', () => {
  it('classifies every changed criterion: status down or up, score down or up, added, removed', () => {
    const before = { ...markdown, criteria: markdown.criteria.filter((criterion) => criterion.id !== 'egd/mobility.cycling') };
    const after = {
      ...pdf,
      criteria: [
        ...pdf.criteria.filter((criterion) => criterion.id !== 'smart/goals'),
        { ...markdown.criteria[1]!, id: 'smart/monitoring' },
      ],
    };
    after.criteria[1] = { ...after.criteria[1]!, status: 'missing', score: 0.3 };
    const diff = compareResults({ result: before, source: 'document', criteriaSets: ['smart@1.0.0'] }, { result: after, source: 'document', criteriaSets: ['smart@1.1.0'] }, tool);
    expect(diff.changes.map((change) => `${change.id} ${change.change} ${change.scoreDelta}`)).toEqual([
      'smart/vision regressed -0.5',
      'egd/mobility score-up 0.3',
      'egd/mobility.cycling added null',
      'smart/monitoring added null',
      'smart/goals removed null',
    ]);
    expect(diff.summary).toEqual({ regressed: 1, improved: 0, scoreUp: 1, scoreDown: 0, added: 2, removed: 1, unchanged: 0 });
    expect(diff.overall).toEqual({ old: 37.5, new: 87.5, delta: 50 });
    expect(diff.frameworks).toEqual([
      { id: 'smart', title: 'SMART framework', old: 75, new: 75, delta: 0 },
      { id: 'egd', title: 'EGD framework', old: 0, new: 100, delta: 100 },
    ]);
    expect(formatDiffText(diff, { color: false })).toContain('The versions were checked against different criteria (smart@1.0.0 and smart@1.1.0)');
  });

  it('finds nothing to report between a result and itself', () => {
    const diff = compareResults({ result: pdf, source: 'document', criteriaSets: [] }, { result: pdf, source: 'report', reportPath: 'r.json', criteriaSets: [] }, tool);
    expect(diff.changes).toEqual([]);
    expect(diff.summary.unchanged).toBe(4);
    expect(formatDiffText(diff, { color: false })).toContain('0 regressed, 0 improved, 0 with another score, 4 unchanged');
  });
});
