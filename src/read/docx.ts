// DOCX reader: mammoth parses the Word document; s4s walks mammoth's document tree itself so that
// heading styles in any language and outline levels make sections, lists, tables, footnotes and
// endnotes are kept, comments are left out, and every block knows its paragraph number.
import mammoth from 'mammoth';
import type { ReaderOutput, TextBlock } from '../document/types.js';
import { withoutInvisibleCharacters } from './control-characters.js';
import { classifyParagraph, readOutlineLevels } from './docx-styles.js';
import { cleanedParts } from './docx-xml.js';
import { ReadError } from './errors.js';
import { isCaptionOrItem, parseHeadingNumber } from './heading-numbering.js';
import { SectionCollector } from './section-tree.js';
import { ZipArchive } from './zip.js';

/** The parts of mammoth's document model this reader looks at. */
interface WordNode {
  type: string;
  children?: WordNode[];
  value?: string;
  styleId?: string | null;
  styleName?: string | null;
  numbering?: { level?: string; isOrdered?: boolean } | null;
  noteType?: string;
  noteId?: string;
  body?: WordNode[];
  isBold?: boolean;
  /** Points, when the run sets its own size (mammoth reads w:sz). */
  fontSize?: number | null;
}

interface WordDocument extends WordNode {
  notes?: { resolve(reference: WordNode): WordNode | null };
}

export async function readDocx(bytes: Uint8Array): Promise<ReaderOutput> {
  const archive = openWordArchive(bytes);
  const stylesXml = archive.readText('word/styles.xml');
  const outlineLevels = readOutlineLevels(stylesXml);
  let captured: WordDocument | undefined;
  try {
    await mammoth.convertToHtml(
      // mammoth's openZip (lib/unzip.js) takes { file } besides { path } and { buffer }, though its
      // typings list only those: s4s hands it the parts through visibleXml.
      { file: cleanedParts(archive, { xml: stylesXml, outlineLevels }) } as unknown as { buffer: Buffer },
      {
        // s4s reads the tree, not the HTML: keep it and hand mammoth an empty document to render.
        transformDocument: (document: WordDocument) => {
          captured = document;
          return { ...document, children: [] };
        },
      },
    );
  } catch (error) {
    if (error instanceof ReadError) throw error;
    throw new ReadError('DAMAGED', `damaged DOCX: ${describeFailure(error instanceof Error ? error.message : String(error))}`);
  }
  if (!captured) throw new ReadError('DAMAGED', 'damaged DOCX: no document body');
  return { format: 'docx', language: 'und', sections: walk(captured, outlineLevels), metadata: metadataOf(archive), warnings: [] };
}

/**
 * What went wrong in words a user can act on: JSZip's and xmldom's messages ("Bug : uncompressed
 * data size mismatch", "[xmldom error] element parse error: ...") describe their own internals.
 */
export function describeFailure(message: string): string {
  const line = message.split('\n')[0] ?? message;
  if (/uncompressed data size mismatch|crc32/i.test(line)) return 'a compressed part is corrupted (it does not unpack to what the archive declares)';
  if (/unexpected signature|corrupted zip|end of data reached/i.test(line)) return 'the zip structure is corrupted (a part is not where the archive directory says)';
  if (/xmldom|parse error|unclosed|unexpected close tag|invalid xml/i.test(line)) {
    const detail = line.replace(/^.*?(element parse error|parse error):?\s*/i, '').replace(/^(Error:\s*)+/, '').trim();
    return `its XML is malformed${detail ? ` (${detail})` : ''}`;
  }
  return line;
}

/** A zip holding word/document.xml (or the part _rels/.rels names); anything else says what it is. */
function openWordArchive(bytes: Uint8Array): ZipArchive {
  const archive = new ZipArchive(bytes);
  const main = /Type="[^"]*\/officeDocument"[^>]*Target="\/?([^"]+)"/.exec(archive.readText('_rels/.rels') ?? '')?.[1] ?? 'word/document.xml';
  if (archive.has(main) || archive.has('word/document.xml')) return archive;
  const mimetype = archive.readText('mimetype')?.trim();
  if (mimetype?.startsWith('application/vnd.oasis.opendocument')) throw new ReadError('UNSUPPORTED', 'an OpenDocument file, not DOCX: save it as DOCX or PDF');
  if (archive.has('xl/workbook.xml')) throw new ReadError('NOT_DOCX', 'an Excel workbook, not a Word document');
  if (archive.has('ppt/presentation.xml')) throw new ReadError('NOT_DOCX', 'a PowerPoint presentation, not a Word document');
  throw new ReadError('NOT_DOCX', `a zip archive with no Word document in it (no word/document.xml; ${archive.entries.size} other files)`);
}

function walk(document: WordDocument, outlineLevels: Map<string, number>): ReaderOutput['sections'] {
  const sections = new SectionCollector({ paragraph: 1 });
  let paragraphIndex = 0;
  // With no heading anywhere, headings are told by direct formatting (directHeadingLevel).
  const formattedHeadings = !hasHeading(document, outlineLevels);
  const bodySize = formattedHeadings ? bodyFontSize(document) : undefined;
  let numberedLevel = 0;

  const visit = (nodes: WordNode[]) => {
    for (const node of nodes) {
      if (node.type === 'paragraph') paragraph(node);
      else if (node.type === 'table') table(node);
      else if (node.children) visit(node.children);
    }
  };

  const paragraph = (node: WordNode) => {
    paragraphIndex += 1;
    const references: WordNode[] = [];
    const text = textOf(node, references);
    const location = { paragraph: paragraphIndex };
    const kind = classifyParagraph(node.styleId, node.styleName, outlineLevels);
    if (text) {
      const formatted = formattedHeadings && kind.kind === 'body' && !node.numbering ? directHeadingLevel(node, text, bodySize, numberedLevel) : undefined;
      if (kind.kind === 'heading') sections.open(text, kind.level, location);
      else if (formatted !== undefined) {
        if (parseHeadingNumber(text)) numberedLevel = formatted;
        sections.open(text, formatted, location);
      }
      else {
        const role: TextBlock['role'] = kind.kind === 'toc' ? 'toc' : kind.kind === 'list' || node.numbering ? 'list' : 'body';
        sections.add({ text, location, role });
      }
    }
    addNotes(references.map((reference) => ({ reference, paragraph: paragraphIndex })));
  };

  /** Footnotes and endnotes as `note` blocks, at the paragraph that refers to them. */
  const addNotes = (references: { reference: WordNode; paragraph: number }[]) => {
    for (const { reference, paragraph } of references) {
      const note = document.notes?.resolve(reference);
      const noteText = note?.body ? note.body.map((part) => textOf(part, [])).filter(Boolean).join(' ') : '';
      if (noteText) sections.add({ text: noteText, location: { paragraph }, role: 'note' });
    }
  };

  const table = (node: WordNode) => {
    for (const row of node.children ?? []) {
      const firstParagraph = paragraphIndex + 1;
      const references: { reference: WordNode; paragraph: number }[] = [];
      const cells = (row.children ?? []).map((cell) => cellText(cell, references));
      const text = cells.filter(Boolean).join(' | ');
      if (text) sections.add({ text, location: { paragraph: firstParagraph }, role: 'table' });
      addNotes(references);
    }
  };

  /** A cell's paragraphs (and nested tables) as one line; each paragraph still counts, notes are collected. */
  const cellText = (cell: WordNode, references: { reference: WordNode; paragraph: number }[]): string => {
    const parts: string[] = [];
    const collect = (nodes: WordNode[]) => {
      for (const node of nodes) {
        if (node.type === 'paragraph') {
          paragraphIndex += 1;
          const own: WordNode[] = [];
          const text = textOf(node, own);
          if (text) parts.push(text);
          for (const reference of own) references.push({ reference, paragraph: paragraphIndex });
        } else if (node.children) collect(node.children);
      }
    };
    collect(cell.children ?? []);
    return parts.join(' ');
  };

  visit(document.children ?? []);
  return sections.finish();
}

/** Whether any paragraph with text has a heading style or outline level. */
function hasHeading(document: WordDocument, outlineLevels: Map<string, number>): boolean {
  const search = (nodes: WordNode[]): boolean =>
    nodes.some((node) =>
      node.type === 'paragraph'
        ? classifyParagraph(node.styleId, node.styleName, outlineLevels).kind === 'heading' && textOf(node, []) !== ''
        : search(node.children ?? []),
    );
  return search(document.children ?? []);
}

/**
 * The level of a heading made by direct formatting, in a document without heading styles: a short
 * line, not a sentence, not a caption or list item, whose text is all bold or all set larger than
 * the body. Numbered ("1. Úvod", "2.1 Doprava", "Článek 3"; bold) it takes its numbering's depth;
 * unnumbered, larger type is a title (level 1) and bold type heads a part of the last numbered
 * heading's chapter. Undefined for anything else.
 */
function directHeadingLevel(node: WordNode, text: string, bodySize: number | undefined, numberedLevel: number): number | undefined {
  if (text.length > 100 || /[.,;:!?]$/.test(text) || isCaptionOrItem(text)) return undefined;
  const runs = textRuns(node);
  const numbering = parseHeadingNumber(text);
  if (numbering) return numbering.rest && numbering.rest.split(/\s+/).length <= 12 && allBold(runs) ? numbering.depth : undefined;
  if (!/^\p{Lu}/u.test(text) || text.split(/\s+/).length > 12) return undefined;
  if (bodySize !== undefined && runs.every((run) => (run.fontSize ?? bodySize) >= bodySize + 2)) return 1;
  return allBold(runs) ? numberedLevel + 1 : undefined;
}

/** The size most of the document's text is set in (points, from the runs' own sizes), if runs say. */
function bodyFontSize(document: WordDocument): number | undefined {
  const characters = new Map<number, number>();
  const visit = (node: WordNode) => {
    if (node.type === 'run' && typeof node.fontSize === 'number') characters.set(node.fontSize, (characters.get(node.fontSize) ?? 0) + textOf(node, []).length);
    else for (const child of node.children ?? []) visit(child);
  };
  visit(document);
  let best: number | undefined;
  for (const [size, count] of characters) if (best === undefined || count > (characters.get(best) ?? 0)) best = size;
  return best;
}

/** The paragraph's runs that hold text. */
function textRuns(node: WordNode): WordNode[] {
  const runs: WordNode[] = [];
  const collect = (current: WordNode) => {
    if (current.type === 'run') runs.push(current);
    else for (const child of current.children ?? []) collect(child);
  };
  collect(node);
  return runs.filter((run) => textOf(run, []) !== '');
}

/** Whether every run that holds text (textRuns) is bold (mammoth resolves w:b on the run). */
function allBold(runs: WordNode[]): boolean {
  return runs.length > 0 && runs.every((run) => run.isBold === true);
}

/** The visible text of a paragraph; note references are collected, comments never read. */
function textOf(node: WordNode, noteReferences: WordNode[]): string {
  let text = '';
  const collect = (current: WordNode) => {
    switch (current.type) {
      case 'text':
        text += current.value ?? '';
        return;
      case 'tab':
      case 'break':
        text += ' ';
        return;
      case 'noteReference':
        noteReferences.push(current);
        return;
      case 'commentReference':
      case 'comment':
        return;
      default:
        for (const child of current.children ?? []) collect(child);
    }
  };
  collect(node);
  return withoutInvisibleCharacters(text)
    .replace(/[\u00A0\s]+/g, ' ')
    .trim();
}

function metadataOf(archive: ZipArchive): ReaderOutput['metadata'] {
  const core = archive.readText('docProps/core.xml') ?? '';
  const field = (tag: string) => {
    const value = new RegExp(`<${tag}[^>]*>([^<]*)</${tag}>`).exec(core)?.[1]?.trim();
    return value ? decodeXml(value) : undefined;
  };
  const title = field('dc:title');
  const author = field('dc:creator');
  const language = field('dc:language');
  return { ...(title ? { title } : {}), ...(author ? { author } : {}), ...(language ? { declaredLanguage: language } : {}) };
}

function decodeXml(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}
