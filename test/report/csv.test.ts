import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { formatCsv } from '../../src/report/format-csv.js';
import { sampleReport } from './sample-report.js';

describe('CSV report', () => {
  it('is tidy long form by default: one row per document and criterion, an error row for an unreadable one', () => {
    const rows = parse(formatCsv(sampleReport(), { color: false }), { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(9);
    expect(rows[0]).toMatchObject({ document: 'drafts/broken.pdf', criterion: '', error: 'PDF_ENCRYPTED: the PDF is encrypted <pw> & needs --password' });
    expect(rows[5]).toMatchObject({ document: 'drafts/plan-two.pdf', criterion: 'smart/vision', status: 'partial', first_page: '7', first_line: '' });
    expect(rows.find((row) => row.criterion === 'egd/mobility.cycling' && row.document === 'drafts/plan one.md')).toMatchObject({ parent: 'egd/mobility', status: 'partial', first_line: '30' });
  });

  it('is wide on request: one row per document, its framework scores, one column per criterion', () => {
    const text = formatCsv(sampleReport(), { color: false, csvLayout: 'wide' });
    expect(text.split('\n')).toEqual([
      'document,language,format,score,score_smart,score_egd,smart/vision,smart/goals,egd/mobility,egd/mobility.cycling,error',
      'drafts/broken.pdf,,,,,,,,,,PDF_ENCRYPTED: the PDF is encrypted <pw> & needs --password',
      'drafts/plan one.md,en,md,37.5,75,0,met,partial,missing,partial,',
      'drafts/plan-two.pdf,cs,pdf,87.5,75,100,partial,met,met,met,',
      '',
    ]);
  });

  it('starts with a byte order mark only when asked, in either layout', () => {
    expect(formatCsv(sampleReport(), { color: false }).startsWith('document,')).toBe(true);
    for (const csvLayout of ['long', 'wide'] as const) {
      const text = formatCsv(sampleReport(), { color: false, csvLayout, bom: true });
      expect(text.charCodeAt(0)).toBe(0xfeff);
      expect(text.slice(1).startsWith('document,')).toBe(true);
    }
  });

  it('defuses cells that a spreadsheet would run as a formula, in both layouts', () => {
    const report = sampleReport();
    report.documents[0] = { ...report.documents[0]!, path: '=HYPERLINK("http://x","y")' };
    report.documents[1]!.criteria[0]!.evidence[0]!.quote = '+1 in the quote';
    const long = parse(formatCsv(report, { color: false }), { columns: true }) as Record<string, string>[];
    expect(long[0]!.document).toBe('\'=HYPERLINK("http://x","y")');
    expect(long.find((row) => row.criterion === 'smart/vision' && row.document === 'drafts/plan one.md')!.first_quote).toBe("'+1 in the quote");
    const wide = parse(formatCsv(report, { color: false, csvLayout: 'wide' }), { columns: true }) as Record<string, string>[];
    expect(wide[0]!.document).toBe('\'=HYPERLINK("http://x","y")');
  });
});
