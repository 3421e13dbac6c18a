// The text of a raw HTML block in Markdown, as a browser shows it: tags removed, entities decoded,
// comments, scripts and styles left out, each row of a table a segment of its own. Pandoc writes
// any table with merged or multi-paragraph cells as a raw `<table>`, so converted strategies keep
// their most complex tables here. Used by markdown.ts.
import { unescapeAll } from 'markdown-it/lib/common/utils.mjs';
import { withoutInvisibleCharacters } from './control-characters.js';

/** A line passed between two blocks of a list item or quote (the next begins a line further down); a mark as markdown.ts's LINE_BREAK. */
export const LINE_SKIP = '\u2029';

/** A piece of an HTML block's text: one row of a table (its cells joined with ` | `), or the text between tables. */
export interface HtmlSegment {
  role: 'body' | 'table';
  /** Spaces single, a newline between block elements, a LINE_SKIP mark where a source line begins. */
  text: string;
  /** 0-based lines, within the block, of the first and the last visible character. */
  line: number;
  lineEnd: number;
}

/** Visible text as it is gathered, with the lines of its first and last words. */
interface TextRun {
  text: string;
  /** Undefined while the run has no visible text. */
  line: number | undefined;
  lineEnd: number;
  /** What goes before the next word: nothing, a space (whitespace, `<br>`) or a newline (a block element's edge). */
  gap: '' | ' ' | '\n';
}

/** A table row being read: its cells, and whether the last one is still open. */
interface HtmlRow {
  cells: TextRun[];
  open: boolean;
}

/**
 * Tags, comments (also unclosed), CDATA, declarations and processing instructions. An attribute
 * value holds no `<`: a `<` that opens no tag is then text, and no `<` is scanned past twice.
 */
const HTML_TOKEN = /<!--[\s\S]*?(?:-->|$)|<!\[CDATA\[[\s\S]*?(?:\]\]>|$)|<[!?][^<>]*>?|<(\/?)([A-Za-z][A-Za-z0-9-]*)((?:[^<>"']|"[^<"]*"|'[^<']*')*)>/g;
/** Elements whose text a browser never shows. */
const HIDDEN_ELEMENTS = new Set(['script', 'style']);
/** Elements that start a line of their own: the text on either side of their tags is apart. */
const BLOCK_ELEMENTS = new Set([
  'address', 'article', 'aside', 'blockquote', 'caption', 'center', 'dd', 'details', 'dialog', 'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure',
  'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'legend', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'summary',
  'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul',
]);
/** HTML's whitespace (a no-break space is none). */
const HTML_SPACE = /[ \t\n\f\r]+/;
const ENTITY = /&(?:#[xX][0-9a-fA-F]{1,8}|#[0-9]{1,8}|[A-Za-z][A-Za-z0-9]{1,31});/g;

/**
 * The text a browser shows of an HTML block, tags removed and entities decoded, comments, scripts
 * and styles left out: each row of an outer table a segment (role 'table'), the text between
 * tables a segment each (body). A table nested in a cell is text of that cell. End tags HTML lets
 * be left out (`</tr>`, `</td>`) are not needed. A small scanner, not an HTML parser: markdown-it
 * hands over an HTML block as written, and it is only read for its text.
 */
export function htmlSegments(content: string): HtmlSegment[] {
  const segments: HtmlSegment[] = [];
  let body = emptyRun();
  let row: HtmlRow | undefined;
  let tables = 0;
  let hiddenUntil: string | undefined;
  let line = 0;

  const endBody = () => {
    if (body.line !== undefined) segments.push({ role: 'body', text: body.text, line: body.line, lineEnd: body.lineEnd });
    body = emptyRun();
  };
  const endRow = () => {
    const segment = row && rowSegment(row.cells);
    if (segment) segments.push(segment);
    row = undefined;
  };
  const startRow = (): HtmlRow => {
    endRow();
    endBody();
    row = { cells: [], open: false };
    return row;
  };
  const openRun = (): TextRun | undefined => (row ? (row.open ? row.cells.at(-1) : undefined) : body);
  const runForText = (): TextRun => {
    if (!row) return body;
    if (!row.open) {
      row.cells.push(emptyRun());
      row.open = true;
    }
    return row.cells.at(-1) as TextRun;
  };
  const readText = (raw: string) => {
    raw.split('\n').forEach((rawLine, index) => {
      if (index > 0) line++;
      if (hiddenUntil) return;
      if (index > 0) addGap(openRun(), ' ');
      const words = withoutInvisibleCharacters(rawLine.replace(ENTITY, (entity) => unescapeAll(entity))).split(HTML_SPACE);
      words.forEach((word, wordIndex) => {
        if (wordIndex > 0) addGap(openRun(), ' ');
        if (word) addWord(runForText(), word, line);
      });
    });
  };

  let at = 0;
  for (const match of content.matchAll(HTML_TOKEN)) {
    readText(content.slice(at, match.index));
    at = match.index + match[0].length;
    const name = match[2]?.toLowerCase();
    const closing = match[1] === '/';
    const selfClosing = (match[3] ?? '').trimEnd().endsWith('/');
    if (!name) {
      // a comment, CDATA, a declaration or a processing instruction: no text
    } else if (hiddenUntil) {
      if (closing && name === hiddenUntil) hiddenUntil = undefined;
    } else if (HIDDEN_ELEMENTS.has(name)) {
      if (!closing && !selfClosing) hiddenUntil = name;
    } else if (name === 'table' && !selfClosing) {
      if (closing && tables <= 1) endRow();
      tables = closing ? Math.max(0, tables - 1) : tables + 1;
      addGap(openRun(), '\n');
    } else if (tables <= 1 && name === 'tr') {
      if (closing) endRow();
      else startRow();
    } else if (tables <= 1 && (name === 'td' || name === 'th')) {
      const current = row ?? startRow();
      if (closing) current.open = false;
      else {
        current.cells.push(emptyRun());
        current.open = !selfClosing;
      }
    } else if (tables <= 1 && (name === 'thead' || name === 'tbody' || name === 'tfoot')) {
      endRow();
    } else if (name === 'br') {
      addGap(openRun(), ' ');
    } else if (BLOCK_ELEMENTS.has(name)) {
      addGap(openRun(), '\n');
    }
    line += newlines(match[0]);
  }
  readText(content.slice(at));
  endRow();
  endBody();
  return segments;
}

function emptyRun(): TextRun {
  return { text: '', line: undefined, lineEnd: 0, gap: '' };
}

/** A newline outweighs a space; nothing goes before a run's first word. */
function addGap(run: TextRun | undefined, gap: ' ' | '\n'): void {
  if (run && run.gap !== '\n') run.gap = gap;
}

/** A word on its line: after the gap before it and a LINE_SKIP mark for every line passed since the last word. */
function addWord(run: TextRun, word: string, line: number): void {
  if (run.line === undefined) run.line = line;
  else run.text += run.gap + LINE_SKIP.repeat(line - run.lineEnd);
  run.text += word;
  run.lineEnd = line;
  run.gap = '';
}

/** A row's cells joined with ` | ` (as joinCells), the empty cells at its end left out, the lines passed between cells marked. */
function rowSegment(cells: TextRun[]): HtmlSegment | undefined {
  const lastWithText = cells.findLastIndex((cell) => cell.line !== undefined);
  let text = '';
  let line: number | undefined;
  let lineEnd = 0;
  cells.slice(0, lastWithText + 1).forEach((cell, index) => {
    if (index > 0) text += ' | ';
    if (cell.line === undefined) return;
    if (line === undefined) line = cell.line;
    else text += LINE_SKIP.repeat(cell.line - lineEnd);
    text += cell.text;
    lineEnd = cell.lineEnd;
  });
  return line === undefined ? undefined : { role: 'table', text, line, lineEnd };
}

function newlines(text: string): number {
  let count = 0;
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) count++;
  return count;
}
