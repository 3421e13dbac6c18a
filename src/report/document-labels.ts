// Labels of a document's own part of the Markdown report, in the report language, so that a
// Czech strategy's report reads in Czech around its Czech guidance. English is the fallback.

export interface DocumentLabels {
  format: string;
  language: string;
  pages: string;
  sections: string;
  overallScore: string;
  framework: string;
  score: string;
  met: string;
  partial: string;
  missing: string;
  criterion: string;
  title: string;
  status: string;
  evidence: string;
  whatToAdd: string;
  /** Before the sub-criteria of a missing criterion, named under it (gap-groups.ts). */
  partsNotAddressed: string;
  couldNotBeAnalysed: string;
  warning: string;
}

const LABELS: Record<string, DocumentLabels> = {
  en: {
    format: 'Format', language: 'language', pages: 'pages', sections: 'sections', overallScore: 'overall score',
    framework: 'Framework', score: 'Score', met: 'Met', partial: 'Partial', missing: 'Missing',
    criterion: 'Criterion', title: 'Title', status: 'Status', evidence: 'Evidence', whatToAdd: 'What to add', partsNotAddressed: 'Parts not addressed either',
    couldNotBeAnalysed: 'Could not be analysed', warning: 'Warning',
  },
  cs: {
    format: 'Formát', language: 'jazyk', pages: 'stran', sections: 'oddílů', overallScore: 'celkové skóre',
    framework: 'Rámec', score: 'Skóre', met: 'Splněno', partial: 'Částečně', missing: 'Chybí',
    criterion: 'Kritérium', title: 'Název', status: 'Stav', evidence: 'Doklady v textu', whatToAdd: 'Co doplnit', partsNotAddressed: 'Nepokryté jsou ani jeho části',
    couldNotBeAnalysed: 'Nelze analyzovat', warning: 'Upozornění',
  },
  sk: {
    format: 'Formát', language: 'jazyk', pages: 'strán', sections: 'oddielov', overallScore: 'celkové skóre',
    framework: 'Rámec', score: 'Skóre', met: 'Splnené', partial: 'Čiastočne', missing: 'Chýba',
    criterion: 'Kritérium', title: 'Názov', status: 'Stav', evidence: 'Doklady v texte', whatToAdd: 'Čo doplniť', partsNotAddressed: 'Nepokryté sú ani jeho časti',
    couldNotBeAnalysed: 'Nedá sa analyzovať', warning: 'Upozornenie',
  },
  pl: {
    format: 'Format', language: 'język', pages: 'stron', sections: 'sekcji', overallScore: 'wynik ogólny',
    framework: 'Ramy', score: 'Wynik', met: 'Spełnione', partial: 'Częściowo', missing: 'Brak',
    criterion: 'Kryterium', title: 'Nazwa', status: 'Stan', evidence: 'Dowody w tekście', whatToAdd: 'Co dodać', partsNotAddressed: 'Nieuwzględnione są też jego części',
    couldNotBeAnalysed: 'Nie można przeanalizować', warning: 'Ostrzeżenie',
  },
  hu: {
    format: 'Formátum', language: 'nyelv', pages: 'oldal', sections: 'szakasz', overallScore: 'összpontszám',
    framework: 'Keretrendszer', score: 'Pontszám', met: 'Teljesül', partial: 'Részben', missing: 'Hiányzik',
    criterion: 'Kritérium', title: 'Megnevezés', status: 'Állapot', evidence: 'Bizonyítékok a szövegben', whatToAdd: 'Mit kell kiegészíteni', partsNotAddressed: 'A részei sem szerepelnek',
    couldNotBeAnalysed: 'Nem elemezhető', warning: 'Figyelmeztetés',
  },
};

export function documentLabelsFor(language: string): DocumentLabels {
  return LABELS[language] ?? (LABELS.en as DocumentLabels);
}
