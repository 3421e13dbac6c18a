// CSV report: tidy long form (one row per document and criterion) or wide (one row per document,
// one column per criterion); csv-stringify does the quoting, formula cells are defused.
import { stringify } from 'csv-stringify/sync';
import type { DocumentResult } from '../score/types.js';
import { criteriaOf, frameworksOf } from './labels.js';
import type { Formatter, Report } from './types.js';

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

type Cell = string | number;

/** Excel reads UTF-8 only when the file starts with a byte order mark. */
const BOM = '\uFEFF';

export const formatCsv: Formatter = (report, options) => {
  const { header, rows } = options.csvLayout === 'wide' ? wideTable(report) : longTable(report);
  const escaped = rows.map((row) => row.map((cell) => (typeof cell === 'string' ? escapeFormula(cell) : cell)));
  const text = stringify([header.map(escapeFormula), ...escaped], { record_delimiter: '\n' });
  return options.bom ? `${BOM}${text}` : text;
};

function longTable(report: Report): { header: string[]; rows: Cell[][] } {
  const rows: Cell[][] = [];
  for (const document of report.documents) {
    if (document.error) {
      rows.push(CSV_COLUMNS.map((column) => (column === 'document' ? document.path : column === 'error' ? errorText(document) : '')));
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
  return { header: [...CSV_COLUMNS], rows };
}

/** Columns: the document, its overall and framework scores, then each criterion's status. */
function wideTable(report: Report): { header: string[]; rows: Cell[][] } {
  const frameworks = frameworksOf(report.documents);
  const criteria = criteriaOf(report.documents);
  const header = ['document', 'language', 'format', 'score', ...frameworks.map((framework) => `score_${framework.id}`), ...criteria.map((criterion) => criterion.id), 'error'];
  const rows = report.documents.map((document): Cell[] => {
    if (document.error) return [document.path, '', '', '', ...frameworks.map(() => ''), ...criteria.map(() => ''), errorText(document)];
    const scores = new Map(document.frameworks.map((framework) => [framework.id, framework.score]));
    const statuses = new Map(document.criteria.map((criterion) => [criterion.id, criterion.status]));
    return [
      document.path,
      document.language ?? '',
      document.format ?? '',
      document.score ?? '',
      ...frameworks.map((framework) => scores.get(framework.id) ?? ''),
      ...criteria.map((criterion) => statuses.get(criterion.id) ?? ''),
      '',
    ];
  });
  return { header, rows };
}

function errorText(document: DocumentResult): string {
  return document.error ? `${document.error.code}: ${document.error.message}` : '';
}
