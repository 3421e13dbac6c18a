// A hand-made report for the formatter tests: two analysed documents (Markdown with lines, PDF with
// pages), one unreadable, sub-criteria, and text full of characters every format must escape.
import { buildReport } from '../../src/report/build.js';
import type { Report, ThresholdRule } from '../../src/report/types.js';
import type { CriterionResult, DocumentResult, Status } from '../../src/score/types.js';

export const NASTY = 'a <b>&"quoted"</b> 100% value, with: colons\nand a second line =1+1 | pipe *star* \u0007bell';

function criterion(id: string, status: Status, score: number, extra: Partial<CriterionResult> = {}): CriterionResult {
  return {
    id,
    framework: id.split('/')[0]!,
    title: `Title of ${id}`,
    kind: 'theme',
    weight: 1,
    status,
    score,
    explanation: status === 'missing' ? `${status}: no passage matches its terms` : `${status}: 2 passages in 1 section`,
    evidence: [],
    evidenceCount: 0,
    ...(status === 'met' ? {} : { guidance: `Add ${id}.` }),
    ...extra,
  };
}

function document(path: string, criteria: CriterionResult[], extra: Partial<DocumentResult> = {}): DocumentResult {
  const count = (status: Status) => criteria.filter((item) => item.status === status).length;
  const frameworks = [...new Set(criteria.map((item) => item.framework))].map((id) => {
    const own = criteria.filter((item) => item.framework === id && !item.parent);
    const score = Math.round((own.reduce((sum, item) => sum + (item.status === 'met' ? 1 : item.status === 'partial' ? 0.5 : 0), 0) / own.length) * 1000) / 10;
    return { id, version: '1.0.0', title: `${id.toUpperCase()} framework`, score, counts: { met: own.filter((item) => item.status === 'met').length, partial: own.filter((item) => item.status === 'partial').length, missing: own.filter((item) => item.status === 'missing').length } };
  });
  return {
    path,
    format: 'md',
    language: 'en',
    reportLanguage: 'en',
    sha256: 'a'.repeat(64),
    sectionCount: 4,
    error: null,
    score: Math.round((frameworks.reduce((sum, item) => sum + item.score, 0) / frameworks.length) * 10) / 10,
    frameworks,
    criteria,
    gaps: criteria.filter((item) => item.status !== 'met').map((item) => ({ id: item.id, framework: item.framework, title: item.title, status: item.status as 'partial' | 'missing', weight: item.weight, guidance: item.guidance ?? '' })),
    warnings: [],
    counts: { met: count('met'), partial: count('partial'), missing: count('missing') },
    ...extra,
  };
}

const markdownDocument = document('drafts/plan one.md', [
  criterion('smart/vision', 'met', 0.9, {
    evidence: [{ quote: `Vision quote ${NASTY}`, section: 'Plan > 2. Vision', sectionPath: ['Plan', '2. Vision'], line: 12, terms: ['vision'] }],
    evidenceCount: 3,
  }),
  criterion('smart/goals', 'partial', 0.3, {
    evidence: [{ quote: 'We aim higher.', section: 'Plan > 3. Goals', sectionPath: ['Plan', '3. Goals'], line: 20, terms: ['aim*'] }],
    evidenceCount: 1,
    guidance: `Add dated goals ${NASTY}`,
  }),
  criterion('egd/mobility', 'missing', 0),
  criterion('egd/mobility.cycling', 'partial', 0.25, { parent: 'egd/mobility', evidence: [{ quote: 'Bikes.', section: 'Plan', sectionPath: ['Plan'], line: 30, terms: ['bike*'] }], evidenceCount: 1 }),
]);

const pdfDocument = document(
  'drafts/plan-two.pdf',
  [
    criterion('smart/vision', 'partial', 0.4, { evidence: [{ quote: 'A vision of sorts.', section: 'Úvod > Vize', sectionPath: ['Úvod', 'Vize'], page: 7, terms: ['vize'] }], evidenceCount: 2 }),
    criterion('smart/goals', 'met', 0.8, { evidence: [{ quote: 'Cíl 1: snížit emise o 40 % do roku 2030.', section: 'Cíle', sectionPath: ['Cíle'], page: 9, terms: ['cíl*'] }], evidenceCount: 4 }),
    criterion('egd/mobility', 'met', 0.7, { evidence: [{ quote: 'Tramvaje a cyklostezky.', section: 'Doprava', sectionPath: ['Doprava'], page: 12, terms: ['tramvaj*'] }], evidenceCount: 2 }),
    criterion('egd/mobility.cycling', 'met', 0.6, { parent: 'egd/mobility', evidence: [{ quote: 'Cyklostezky.', section: 'Doprava', sectionPath: ['Doprava'], page: 12, terms: ['cyklostezk*'] }], evidenceCount: 1 }),
  ],
  { format: 'pdf', language: 'cs', reportLanguage: 'cs', pageCount: 40 },
);

const brokenDocument: DocumentResult = {
  ...document('drafts/broken.pdf', []),
  format: null,
  language: null,
  sha256: null,
  sectionCount: 0,
  error: { code: 'PDF_ENCRYPTED', message: 'the PDF is encrypted <pw> & needs --password' },
  score: null,
  frameworks: [],
  gaps: [],
  counts: { met: 0, partial: 0, missing: 0 },
};

export function sampleReport(options: { thresholds?: ThresholdRule[]; withBroken?: boolean } = {}): Report {
  const documents = options.withBroken === false ? [pdfDocument, markdownDocument] : [pdfDocument, brokenDocument, markdownDocument];
  return buildReport(
    documents,
    [
      { id: 'smart', version: '1.0.0', title: { en: 'SMART' }, source: '', languages: ['en'], changelog: [], origin: 'criteria/smart/1.0.0.json', criteria: [] },
      { id: 'egd', version: '1.0.0', title: { en: 'EGD' }, source: '', languages: ['en'], changelog: [], origin: 'criteria/egd/1.0.0.json', criteria: [] },
    ],
    { tool: { name: 's4s', version: '0.1.0' }, ...(options.thresholds ? { thresholds: options.thresholds } : {}) },
  );
}

export const singleDocumentReport = (): Report => ({ ...sampleReport({ withBroken: false }), documents: [markdownDocument], summary: { documents: 1, analysed: 1, failed: 0 } });
