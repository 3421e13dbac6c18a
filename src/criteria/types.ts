// Types of criteria sets, mirroring schemas/criteria.schema.json (the schema is the contract;
// keep the two in step). `CriteriaSetFile` is what a file holds, `CriteriaSet` what the loader
// returns after `extends` and defaults are resolved.
import type { LanguageCode } from '../document/types.js';

export type Localized = { en: string } & Partial<Record<Exclude<LanguageCode, 'en'>, string>>;
export type TermsByLanguage = Partial<Record<LanguageCode, Term[]>>;
export type Term = string | { near: string[]; within: number };
export type CriterionKind = 'theme' | 'structure' | 'quantified-target';

export interface Thresholds {
  met: number;
  partial: number;
}

export interface Example {
  lang: LanguageCode;
  text: string;
}

export interface CriterionFile {
  id: string;
  title?: Localized;
  description?: Localized;
  kind?: CriterionKind;
  parent?: string;
  weight?: number;
  enabled?: boolean;
  terms?: TermsByLanguage;
  headings?: TermsByLanguage;
  exclude?: TermsByLanguage;
  thresholds?: Thresholds;
  guidance?: Localized;
  examples?: { positive?: Example[]; negative?: Example[] };
}

export interface ChangelogEntry {
  version: string;
  date: string;
  changes: string[];
}

export interface CriteriaSetFile {
  $schema?: string;
  id: string;
  version: string;
  title: Localized;
  description?: Localized;
  source: string;
  languages: LanguageCode[];
  extends?: string;
  disable?: string[];
  changelog?: ChangelogEntry[];
  defaults?: { weight?: number; thresholds?: Thresholds };
  criteria: CriterionFile[];
}

export interface Criterion {
  id: string;
  /** Id of the set the criterion belongs to: the framework it is reported under. */
  setId: string;
  title: Localized;
  description?: Localized;
  kind: CriterionKind;
  parent?: string;
  weight: number;
  terms: TermsByLanguage;
  headings: TermsByLanguage;
  exclude: TermsByLanguage;
  thresholds: Thresholds;
  guidance: Localized;
  examples: { positive: Example[]; negative: Example[] };
}

export interface CriteriaSet {
  id: string;
  version: string;
  title: Localized;
  description?: Localized;
  source: string;
  languages: LanguageCode[];
  changelog: ChangelogEntry[];
  /** `id@version` of the set this one extends, if any. */
  extends?: string;
  /** Where the set was loaded from: a bundled file or the user's path. */
  origin: string;
  /** Enabled criteria only, in file order. */
  criteria: Criterion[];
}

/** Picks the text for a language, falling back to English. */
export function localize(text: Localized, language: string): string {
  return (text as Record<string, string | undefined>)[language] ?? text.en;
}
