import { describe, expect, it } from 'vitest';
import { formatMarkdown } from '../../src/report/format-md.js';
import { formatStepSummary } from '../../src/report/format-step-summary.js';
import { sampleReport, singleDocumentReport } from './sample-report.js';

const options = { color: false };

/** Pipes that separate cells (not escaped ones). */
const cellCount = (line: string) => line.replace(/\\\|/g, '').split('|').length - 2;

describe('Markdown report', () => {
  it('gives one document its scores, criteria, evidence with places and what to add, without a comparison', () => {
    const text = formatMarkdown(singleDocumentReport(), options);
    expect(text).not.toContain('## Comparison');
    expect(text).toContain('| SMART framework (`smart`) | 75 | 1 | 1 | 0 |');
    expect(text).toContain('| `smart/goals` | Title of smart/goals | partial | 0.30 | Plan > 3. Goals, line 20 (1) |');
    expect(text).toContain('  - > We aim higher. — *Plan > 3. Goals, line 20*');
    expect(text).toContain('### What to add');

    expect(text).toContain('- **`egd/mobility` Title of egd/mobility** (missing): Add egd/mobility.');
  });

  it('compares several documents: documents x frameworks and criteria x documents, ready to paste', () => {
    const text = formatMarkdown(sampleReport(), options);
    const lines = text.split('\n');
    const scores = lines.indexOf('### Scores by framework');
    expect(lines.slice(scores + 2, scores + 7)).toEqual([
      '| Document | Language | Overall | SMART framework (`smart`) | EGD framework (`egd`) |',
      '|---|---|---:|---:|---:|',
      '| broken.pdf |  | error PDF_ENCRYPTED |  |  |',
      '| plan one.md | en | 37.5 | 75 | 0 |',
      '| plan-two.pdf | cs | 87.5 | 75 | 100 |',
    ]);
    const criteria = lines.indexOf('### Criteria by document');
    expect(lines.slice(criteria + 2, criteria + 7)).toEqual([
      '| Criterion | Title | broken.pdf | plan one.md | plan-two.pdf |',
      '|---|---|---|---|---|',
      '| `smart/vision` | Title of smart/vision | error | met | partial |',
      '| `smart/goals` | Title of smart/goals | error | partial | met |',
      '| `egd/mobility` | Title of egd/mobility | error | missing | met |',
    ]);
    expect(text).toContain('**Could not be analysed** (PDF_ENCRYPTED): the PDF is encrypted \\<pw> & needs --password');
    expect(text).toContain('Vize, p. 7');
  });

  it('keeps every table row on one line with its own number of cells, whatever the text holds', () => {
    const text = formatMarkdown(sampleReport(), options);
    const tables = text.split('\n\n').filter((block) => block.startsWith('|'));
    expect(tables.length).toBeGreaterThanOrEqual(6);
    for (const table of tables) {
      const rows = table.split('\n');
      expect(rows.every((row) => row.startsWith('| ') && row.endsWith(' |') || /^\|(-+:?\|)+$/.test(row))).toBe(true);
      expect(new Set(rows.map(cellCount)).size).toBe(1);
    }
    expect(text).toContain('Vision quote a \\<b>&"quoted"\\</b> 100% value, with: colons and a second line =1+1 \\| pipe \\*star\\*');
    expect(text).not.toMatch(/(?<!\\)<b>/);
  });

  it('lists failed thresholds', () => {
    const text = formatMarkdown(sampleReport({ thresholds: [{ type: 'fail-under', framework: 'egd', minimum: 50 }] }), options);
    expect(text).toContain('## Thresholds\n\nChecked: fail-under egd=50. Failed:\n\n- drafts/plan one.md: egd score 0 is under 50 (fail-under egd=50)\n');
    const passed = formatMarkdown(sampleReport({ thresholds: [{ type: 'fail-under', minimum: 10 }] }), options);
    expect(passed).toContain('All thresholds passed (fail-under 10).');
  });
});

describe('GitHub step summary', () => {
  it('tabulates the scores, says whether thresholds passed and folds the gaps', () => {
    const text = formatStepSummary(sampleReport({ thresholds: [{ type: 'require', criterion: 'smart/vision' }] }), options);
    expect(text).toContain('| Document | Overall | `smart` | `egd` | Met | Partial | Missing |');
    expect(text).toContain('| drafts/plan one.md | 37.5 | 75 | 0 | 1 | 2 | 1 |');
    expect(text).toContain('| drafts/broken.pdf | error PDF_ENCRYPTED |  |  |  |  |  |');
    expect(text).toContain(':x: Thresholds failed (require smart/vision):\n\n- drafts/plan-two.pdf: smart/vision is partial, required to be met');
    expect(text).toContain('<summary>What to add to drafts/plan one.md (2)</summary>');
    expect(text).not.toContain('egd/mobility.cycling');
    expect(text.endsWith('\n\n')).toBe(true);
  });
});
