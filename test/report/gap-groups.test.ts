import { describe, expect, it } from 'vitest';
import { formatHtml } from '../../src/report/format-html.js';
import { formatMarkdown } from '../../src/report/format-md.js';
import { groupGaps } from '../../src/report/gap-groups.js';
import type { Report } from '../../src/report/types.js';
import type { DocumentResult } from '../../src/score/types.js';
import { sampleReport } from './sample-report.js';

/** The sample's Markdown document with two more sub-criteria of its missing egd/mobility: one missing, one partial. */
function withMissingParts(): Report {
  // A deep copy: the sample's documents are shared module constants.
  const report = structuredClone(sampleReport());
  const document = report.documents.find((item) => item.path === 'drafts/plan one.md') as DocumentResult;
  const template = document.criteria.find((criterion) => criterion.id === 'egd/mobility.cycling');
  if (!template) throw new Error('sample changed');
  const part = (id: string, status: 'missing' | 'partial') => {
    document.criteria.push({ ...template, id, status, title: `Title of ${id}` });
    document.gaps.push({ id, framework: 'egd', title: `Title of ${id}`, status, weight: 1, guidance: `Add ${id}.` });
  };
  part('egd/mobility.walking', 'missing');
  part('egd/mobility.charging', 'missing');
  return report;
}

describe('gap groups', () => {
  it('name the missing sub-criteria of a missing criterion under it and keep partly addressed ones on their own', () => {
    const document = withMissingParts().documents.find((item) => item.path === 'drafts/plan one.md') as DocumentResult;
    expect(groupGaps(document).map(({ gap, parts }) => [gap.id, parts.map((part) => part.id)])).toEqual([
      ['smart/goals', []],
      ['egd/mobility', ['egd/mobility.walking', 'egd/mobility.charging']],
      ['egd/mobility.cycling', []],
    ]);
  });

  it('show so in the Markdown and HTML reports, in the report language for Markdown', () => {
    const report = withMissingParts();
    const markdown = formatMarkdown(report, { color: false, csvLayout: 'long', bom: false });
    expect(markdown).toContain('- **`egd/mobility` Title of egd/mobility** (missing): Add egd/mobility.\n  - Parts not addressed either: `egd/mobility.walking`, `egd/mobility.charging`\n');
    expect(markdown).not.toContain('**`egd/mobility.walking`');
    expect(markdown).toContain('- **`egd/mobility.cycling` Title of egd/mobility.cycling** (partial)');
    expect(formatHtml(report, { color: false, csvLayout: 'long', bom: false })).toContain(
      'Add egd/mobility.<br><small>Parts not addressed: <code>egd/mobility.walking</code>, <code>egd/mobility.charging</code></small></li>',
    );
  });
});
