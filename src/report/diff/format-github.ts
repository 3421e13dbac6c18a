// GitHub annotations for a diff: a warning per regression (at its new evidence), a notice per
// improvement, and one notice with the score change.
import type { DiffFormatter } from '../../diff/types.js';
import { workflowCommand } from '../github-command.js';
import { signed, stateText, summaryLine } from './common.js';

export const formatDiffGithub: DiffFormatter = (diff) => {
  const file = diff.new.path;
  const frameworks = diff.frameworks.map((framework) => `${framework.id} ${signed(framework.delta)}`).join(', ');
  const lines = [workflowCommand('notice', { file, title: `s4s score ${diff.overall.old} → ${diff.overall.new} (${signed(diff.overall.delta)})` }, `${frameworks}${frameworks ? '; ' : ''}${summaryLine(diff)}`)];
  for (const change of diff.changes) {
    if (change.parent || (change.change !== 'regressed' && change.change !== 'improved')) continue;
    const guidance = change.change === 'regressed' && change.guidance ? `\nWhat to add: ${change.guidance}` : '';
    lines.push(
      workflowCommand(
        change.change === 'regressed' ? 'warning' : 'notice',
        { file, line: change.new?.evidence?.line ?? 1, title: `${change.id} ${change.change}: ${change.title}` },
        `${stateText(change.old)} → ${stateText(change.new)}${guidance}`,
      ),
    );
  }
  return `${lines.join('\n')}\n`;
};
