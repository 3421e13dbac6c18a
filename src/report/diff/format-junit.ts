// JUnit view of a diff: one suite, a case per changed criterion; a regression is a <failure>.
import type { DiffFormatter } from '../../diff/types.js';
import { escapeXmlText, xmlAttributes } from '../xml.js';
import { stateText } from './common.js';

export const formatDiffJunit: DiffFormatter = (diff) => {
  const failures = diff.summary.regressed;
  const tests = diff.changes.length;
  const name = `s4s diff ${diff.old.path} → ${diff.new.path}`;
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites${xmlAttributes({ name, tests, failures, errors: 0, skipped: 0 })}>`,
    `  <testsuite${xmlAttributes({ name, tests, failures, errors: 0, skipped: 0 })}>`,
    '    <properties>',
    `      <property${xmlAttributes({ name: 'score.old', value: String(diff.overall.old) })}/>`,
    `      <property${xmlAttributes({ name: 'score.new', value: String(diff.overall.new) })}/>`,
    '    </properties>',
  ];
  for (const change of diff.changes) {
    const open = `    <testcase${xmlAttributes({ name: `${change.id}: ${change.title}`, classname: change.framework, file: diff.new.path, line: change.new?.evidence?.line })}>`;
    const text = `${change.change}: ${stateText(change.old)} → ${stateText(change.new)}`;
    const body =
      change.change === 'regressed'
        ? `      <failure${xmlAttributes({ type: 'regressed', message: text })}>${escapeXmlText(change.guidance ? `What to add: ${change.guidance}` : '')}</failure>`
        : `      <system-out>${escapeXmlText(text)}</system-out>`;
    lines.push(open, body, '    </testcase>');
  }
  lines.push('  </testsuite>', '</testsuites>');
  return `${lines.join('\n')}\n`;
};
