// Renders what `s4s extract` read from a document: JSON (every section with its text, blocks and
// place), a Markdown outline with pages, or a short text outline. Pure functions of the Document.
import type { Document, Section, SourceLocation } from '../document/types.js';

export interface ExtractedSection {
  heading: string;
  level: number;
  path: string[];
  page?: number;
  pageEnd?: number;
  line?: number;
  paragraph?: number;
  language?: string;
  role?: string;
  text: string;
  blocks: { text: string; role?: string; page?: number; pageEnd?: number; line?: number; lineEnd?: number; paragraph?: number }[];
}

export function extractJson(document: Document): string {
  const output = {
    path: document.path,
    format: document.format,
    language: document.language,
    pages: document.pageCount ?? null,
    sha256: document.sha256,
    metadata: document.metadata,
    warnings: document.warnings,
    sections: document.sections.map(toExtractedSection),
  };
  return `${JSON.stringify(output, null, 2)}\n`;
}

export function extractErrorJson(path: string, code: string, message: string): string {
  return `${JSON.stringify({ path, error: { code, message } }, null, 2)}\n`;
}

function toExtractedSection(section: Section): ExtractedSection {
  return {
    heading: section.heading,
    level: section.level,
    path: section.path,
    ...place(section.location),
    ...(section.language ? { language: section.language } : {}),
    ...(section.role ? { role: section.role } : {}),
    text: section.blocks.map((block) => block.text).join('\n\n'),
    blocks: section.blocks.map((block) => ({ text: block.text, ...(block.role ? { role: block.role } : {}), ...place(block.location) })),
  };
}

function place(location: SourceLocation): Pick<ExtractedSection['blocks'][number], 'page' | 'pageEnd' | 'line' | 'lineEnd' | 'paragraph'> {
  const { page, pageEnd, line, lineEnd, paragraph } = location;
  return {
    ...(page !== undefined ? { page } : {}),
    ...(pageEnd !== undefined ? { pageEnd } : {}),
    ...(line !== undefined ? { line } : {}),
    ...(lineEnd !== undefined ? { lineEnd } : {}),
    ...(paragraph !== undefined ? { paragraph } : {}),
  };
}

/** "p. 4", "pp. 5–7", "line 12", "¶ 8". */
export function describePlace(location: SourceLocation): string {
  if (location.page !== undefined) return location.pageEnd !== undefined && location.pageEnd > location.page ? `pp. ${location.page}–${location.pageEnd}` : `p. ${location.page}`;
  if (location.line !== undefined) return `line ${location.line}`;
  if (location.paragraph !== undefined) return `¶ ${location.paragraph}`;
  return '';
}

function summaryLine(document: Document): string {
  const parts = [document.format.toUpperCase(), ...(document.pageCount !== undefined ? [`${document.pageCount} ${document.pageCount === 1 ? 'page' : 'pages'}`] : [])];
  parts.push(`language ${document.language}`, `${document.sections.length} sections`);
  return parts.join(' · ');
}

function headingLabel(section: Section): string {
  const heading = section.heading || '(text before the first heading)';
  return section.role === 'toc' ? `${heading} (contents)` : heading;
}

export function extractMarkdown(document: Document): string {
  const lines = [`# ${document.path}`, '', summaryLine(document), ''];
  for (const warning of document.warnings) lines.push(`> ${warning}`, '');
  for (const section of document.sections) {
    const indent = '  '.repeat(Math.max(0, section.level - 1));
    const language = section.language && section.language !== document.language ? ` (${section.language})` : '';
    lines.push(`${indent}- ${escapeMarkdown(headingLabel(section))} — ${describePlace(section.location)}${language}`);
  }
  return `${lines.join('\n')}\n`;
}

export function extractText(document: Document): string {
  const lines = [`${document.path}: ${summaryLine(document)}`];
  for (const warning of document.warnings) lines.push(`  warning: ${warning}`);
  for (const section of document.sections) {
    lines.push(`  ${describePlace(section.location).padEnd(12)} ${'  '.repeat(Math.max(0, section.level - 1))}${headingLabel(section)}`);
  }
  return `${lines.join('\n')}\n`;
}

function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_[\]<>#|])/g, '\\$1');
}
