import { describe, expect, it } from 'vitest';
import { formatGithub } from '../../src/report/format-github.js';
import { escapeData, escapeProperty, workflowCommand } from '../../src/report/github-command.js';
import { sampleReport } from './sample-report.js';

describe('GitHub workflow commands', () => {
  it('escape data and properties as the Actions toolkit does', () => {
    expect(escapeData('100% done\r\nnext: a, b')).toBe('100%25 done%0D%0Anext: a, b');
    expect(escapeProperty('100% done\r\nnext: a, b')).toBe('100%25 done%0D%0Anext%3A a%2C b');
    expect(workflowCommand('warning', { file: 'a,b.md', line: 3, title: 'x: y' }, 'm%\n')).toBe('::warning file=a%2Cb.md,line=3,title=x%3A y::m%25%0A');
    expect(workflowCommand('notice', {}, 'plain')).toBe('::notice::plain');
    expect(workflowCommand('error', { file: 'f.md', title: '' }, 'e')).toBe('::error file=f.md::e');
  });
});

describe('GitHub annotations report', () => {
  it('annotates unreadable documents, scores and unmet top-level criteria, one command per line', () => {
    const lines = formatGithub(sampleReport(), { color: false }).trimEnd().split('\n');
    expect(lines).toEqual([
      '::error file=drafts/broken.pdf,title=s4s could not analyse the document (PDF_ENCRYPTED)::the PDF is encrypted <pw> & needs --password',
      '::notice file=drafts/plan one.md,title=s4s score 37.5/100::overall 37.5/100 (smart 75, egd 0)',
      `::notice file=drafts/plan one.md,line=20,title=smart/goals partial%3A Title of smart/goals::partial: 2 passages in 1 section%0AWhat to add: Add dated goals a <b>&"quoted"</b> 100%25 value, with: colons%0Aand a second line =1+1 | pipe *star* \u0007bell`,
      '::warning file=drafts/plan one.md,line=1,title=egd/mobility missing%3A Title of egd/mobility::missing: no passage matches its terms%0AWhat to add: Add egd/mobility.',
      '::notice file=drafts/plan-two.pdf,title=s4s score 87.5/100::overall 87.5/100 (smart 75, egd 100)',
      // Guidance is labelled in the document's report language (Czech here), like the guidance itself.
      '::notice file=drafts/plan-two.pdf,line=1,title=smart/vision partial%3A Title of smart/vision::partial: 2 passages in 1 section (p. 7)%0ACo doplnit: Add smart/vision.',
    ]);
  });

  it('adds an error per failed threshold', () => {
    const lines = formatGithub(sampleReport({ thresholds: [{ type: 'fail-under', framework: 'egd', minimum: 50 }] }), { color: false }).trimEnd().split('\n');
    expect(lines.at(-1)).toBe('::error file=drafts/plan one.md,title=s4s threshold failed%3A fail-under egd=50::egd score 0 is under 50');
  });
});
