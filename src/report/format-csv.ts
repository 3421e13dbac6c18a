// CSV report, tidy long form: one row per document and criterion (csv-stringify does the quoting).
import { stringify } from 'csv-stringify/sync';
import type { Formatter } from './types.js';

export const CSV_COLUMNS = [
  'document',
  'language',
  'framework',
  'criterion',
  'parent',
  'title',
  'status',
  'score',
  'weight',
  'evidence_count',
  'first_page',
  'first_line',
  'first_section',
  'first_quote',
  'terms',
  'error',
] as const;

/** Cells starting with these can run as formulas in spreadsheets; a leading quote defuses them. */
const FORMULA_START = /^[=+\-@\t\r]/;

export function escapeFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

export const formatCsv: Formatter = (report) => {
  const rows: (string | number)[][] = [];
  for (const document of report.documents) {
    if (document.error) {
      rows.push(CSV_COLUMNS.map((column) => (column === 'document' ? document.path : column === 'error' ? `${document.error?.code}: ${document.error?.message}` : '')));
      continue;
    }
    for (const criterion of document.criteria) {
      const first = criterion.evidence[0];
      const terms = [...new Set(criterion.evidence.flatMap((item) => item.terms))];
      rows.push([
        document.path,
        document.language ?? '',
        criterion.framework,
        criterion.id,
        criterion.parent ?? '',
        criterion.title,
        criterion.status,
        criterion.score,
        criterion.weight,
        criterion.evidenceCount,
        first?.page ?? '',
        first?.line ?? '',
        first?.section ?? '',
        first?.quote ?? '',
        terms.join('; '),
        '',
      ]);
    }
  }
  const escaped = rows.map((row) => row.map((cell) => (typeof cell === 'string' ? escapeFormula(cell) : cell)));
  return stringify(escaped, { header: true, columns: [...CSV_COLUMNS], record_delimiter: '\n' });
};
