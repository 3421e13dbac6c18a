// JSON view of a diff: the DiffReport as is (schemas/diff.schema.json), two-space indent.
import type { DiffFormatter } from '../../diff/types.js';

export const formatDiffJson: DiffFormatter = (diff) => `${JSON.stringify(diff, null, 2)}\n`;
