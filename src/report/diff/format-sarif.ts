// SARIF view of a diff: a result per changed criterion, with SARIF's own baselineState
// (updated / new / absent); regressions warn, everything else is a note.
import type { CriterionChange, DiffFormatter } from '../../diff/types.js';
import { fingerprint, placeProperties, sarifLocation, sarifLog, TOOL_URI, artifactUri } from '../sarif.js';
import { stateText } from './common.js';

export const formatDiffSarif: DiffFormatter = (diff) => {
  const run = {
    tool: {
      driver: {
        name: diff.tool.name,
        version: diff.tool.version,
        semanticVersion: diff.tool.version,
        informationUri: TOOL_URI,
        rules: diff.changes.map((change) => ({
          id: change.id,
          name: change.id,
          shortDescription: { text: change.title },
          ...(change.guidance ? { help: { text: change.guidance } } : {}),
          properties: { framework: change.framework, ...(change.parent ? { parent: change.parent } : {}) },
        })),
      },
    },
    artifacts: [{ location: { uri: artifactUri(diff.new.path) }, roles: ['analysisTarget'], ...(diff.new.sha256 ? { hashes: { 'sha-256': diff.new.sha256 } } : {}) }],
    results: diff.changes.map((change, index) => resultOf(diff.new.path, change, index)),
    properties: { old: diff.old, new: diff.new, overall: diff.overall, frameworks: diff.frameworks, summary: diff.summary },
  };
  return sarifLog(run);
};

function resultOf(path: string, change: CriterionChange, ruleIndex: number): object {
  const evidence = change.new?.evidence;
  const guidance = change.change === 'regressed' && change.guidance ? ` What to add: ${change.guidance}` : '';
  return {
    ruleId: change.id,
    ruleIndex,
    kind: change.new?.status === 'met' ? 'pass' : 'fail',
    level: change.change === 'regressed' ? 'warning' : 'note',
    baselineState: change.change === 'added' ? 'new' : change.change === 'removed' ? 'absent' : 'updated',
    message: { text: `${change.title}: ${change.change}, ${stateText(change.old)} → ${stateText(change.new)}.${guidance}` },
    locations: [sarifLocation({ path, artifactIndex: 0, evidence })],
    partialFingerprints: { 's4sCriterion/v1': fingerprint(path, change.id) },
    properties: { change: change.change, oldStatus: change.old?.status ?? null, newStatus: change.new?.status ?? null, scoreDelta: change.scoreDelta, ...placeProperties(evidence) },
  };
}
