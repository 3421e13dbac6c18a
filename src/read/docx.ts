// DOCX reader: mammoth parses the Word document; s4s walks mammoth's document tree itself so that
// heading styles in any language and outline levels make sections, lists, tables, footnotes and
// endnotes are kept, comments are left out, and every block knows its paragraph number.
import mammoth from 'mammoth';
import type { ReaderOutput, TextBlock } from '../document/types.js';
import { classifyParagraph, readOutlineLevels } from './docx-styles.js';
import { ReadError } from './errors.js';
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
}

interface WordDocument extends WordNode {
  notes?: { resolve(reference: WordNode): WordNode | null };
}

export async function readDocx(bytes: Uint8Array): Promise<ReaderOutput> {
  const archive = openWordArchive(bytes);
  const outlineLevels = readOutlineLevels(archive.readText('word/styles.xml'));
  let captured: WordDocument | undefined;
  try {
    await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      {
        // s4s reads the tree, not the HTML: keep it and hand mammoth an empty document to render.
        transformDocument: (document: WordDocument) => {
          captured = document;
          return { ...document, children: [] };
        },
      },
    );
  } catch (error) {
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
      if (kind.kind === 'heading') sections.open(text, kind.level, location);
      else {
        const role: TextBlock['role'] = kind.kind === 'toc' ? 'toc' : kind.kind === 'list' || node.numbering ? 'list' : 'body';
        sections.add({ text, location, role });
      }
    }
    for (const reference of references) {
      const note = document.notes?.resolve(reference);
      const noteText = note?.body ? note.body.map((part) => textOf(part, [])).filter(Boolean).join(' ') : '';
      if (noteText) sections.add({ text: noteText, location, role: 'note' });
    }
  };

  const table = (node: WordNode) => {
    for (const row of node.children ?? []) {
      const firstParagraph = paragraphIndex + 1;
      const cells = (row.children ?? []).map((cell) => cellText(cell));
      const text = cells.filter(Boolean).join(' | ');
      if (text) sections.add({ text, location: { paragraph: firstParagraph }, role: 'table' });
    }
  };

  /** A cell's paragraphs (and nested tables) as one line; each paragraph still counts. */
  const cellText = (cell: WordNode): string => {
    const parts: string[] = [];
    const collect = (nodes: WordNode[]) => {
      for (const node of nodes) {
        if (node.type === 'paragraph') {
          paragraphIndex += 1;
          const text = textOf(node, []);
          if (text) parts.push(text);
        } else if (node.children) collect(node.children);
      }
    };
    collect(cell.children ?? []);
    return parts.join(' ');
  };

  visit(document.children ?? []);
  return sections.finish();
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
  return text
    .replace(/[\u00AD\u200B-\u200D\u2060\uFEFF]/g, '')
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
