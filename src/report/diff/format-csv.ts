// CSV view of a diff: one row per changed criterion (tidy, for spreadsheets and statistics).
import { stringify } from 'csv-stringify/sync';
import type { DiffFormatter } from '../../diff/types.js';
import { escapeFormula } from '../format-csv.js';

export const DIFF_CSV_COLUMNS = ['old_document', 'new_document', 'framework', 'criterion', 'parent', 'title', 'change', 'old_status', 'new_status', 'old_score', 'new_score', 'score_delta'];

export const formatDiffCsv: DiffFormatter = (diff, options) => {
  const rows = diff.changes.map((change) =>
    [diff.old.path, diff.new.path, change.framework, change.id, change.parent ?? '', change.title, change.change, change.old?.status ?? '', change.new?.status ?? '', change.old?.score ?? '', change.new?.score ?? '', change.scoreDelta ?? ''].map(
      (cell) => (typeof cell === 'string' ? escapeFormula(cell) : cell),
    ),
  );
  const text = stringify([DIFF_CSV_COLUMNS, ...rows], { record_delimiter: '\n' });
  return options.bom ? `\uFEFF${text}` : text;
};
