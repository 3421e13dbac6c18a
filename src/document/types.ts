// The document model: what every reader produces and everything after reading consumes.
// Readers are the only code that knows a file format; from here on a strategy is just sections.

/** Formats s4s can read. Decided from the file's content, not from its name. */
export type DocumentFormat = 'pdf' | 'docx' | 'md' | 'txt';

/** Languages s4s analyses natively; `und` when detection is not confident. */
export type LanguageCode = 'cs' | 'sk' | 'pl' | 'hu' | 'en';
export const LANGUAGE_CODES: readonly LanguageCode[] = ['en', 'cs', 'sk', 'pl', 'hu'];
export type DetectedLanguage = LanguageCode | 'und';

/**
 * Where a section or a paragraph stands in its source. A PDF knows pages; DOCX knows paragraph
 * indexes; Markdown and plain text know lines (1-based, inclusive).
 */
export interface SourceLocation {
  page?: number;
  pageEnd?: number;
  line?: number;
  lineEnd?: number;
  paragraph?: number;
}

/**
 * One block of running text inside a section (a paragraph, list item, table row or footnote).
 * Evidence quotes are cut from blocks, and a block's location is what a quote cites.
 */
export interface TextBlock {
  text: string;
  location: SourceLocation;
  /** What kind of block: affects weighting (a table of contents never counts as evidence). */
  role?: 'body' | 'list' | 'table' | 'note' | 'toc' | 'reference' | 'annex';
  /**
   * Where the source's further lines begin in `text` (offsets), for a paragraph wrapped over several
   * lines (Markdown): a quote then cites its own line, not the paragraph's first.
   */
  lineStarts?: number[];
}

export interface Section {
  /** Heading text as written; empty for text before the first heading. */
  heading: string;
  /** 1 for a chapter, 2 for its sub-chapters...; 0 for a document without headings. */
  level: number;
  /** Headings from the top down to this one, this one included. */
  path: string[];
  /** Where the heading (or the section's first block) stands. */
  location: SourceLocation;
  blocks: TextBlock[];
  /** Language of this section when it differs from, or refines, the document's. */
  language?: DetectedLanguage;
  /** True when the section is a table of contents, reference list or annex: weighs less. */
  role?: 'toc' | 'reference' | 'annex';
}

export interface DocumentMetadata {
  title?: string;
  author?: string;
  /** Anything else a reader wants to report (producer, outline present, encoding...). */
  [key: string]: string | number | boolean | undefined;
}

export interface Document {
  /** As the user named it (or `-` for standard input). */
  path: string;
  format: DocumentFormat;
  /** sha256 of the raw bytes, hex. */
  sha256: string;
  language: DetectedLanguage;
  /** Pages for PDF; undefined for formats without pages. */
  pageCount?: number;
  sections: Section[];
  metadata: DocumentMetadata;
  /** Reader notes worth telling the user (recovered damage, pages without text...). */
  warnings: string[];
}

/** What a format reader returns: the document before hashing and language detection. */
export type ReaderOutput = Omit<Document, 'path' | 'sha256'>;
