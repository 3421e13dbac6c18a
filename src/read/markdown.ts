// Markdown reader: builds sections from the heading hierarchy with markdown-it (CommonMark with
// GFM tables, strikethrough and footnotes). Front matter and code are dropped; tables, raw HTML
// ones too, keep one block per row; other HTML blocks are read for the text a browser shows; every
// block knows its lines.
//
// markdown-it rather than unified + remark-parse: on the 466 kB Climate City Contract of Liberec,
// micromark took 1.1 s of a 2.5 s check, markdown-it 0.1 s, with the same sections and blocks; and
// it brings 8 packages (markdown-it-footnote included) where remark and micromark brought 72.
import MarkdownIt from 'markdown-it';
import type Token from 'markdown-it/lib/token.mjs';
import footnote from 'markdown-it-footnote';
import type { ReaderOutput, Section, TextBlock } from '../document/types.js';
import { withoutInvisibleCharacters } from './control-characters.js';
import { FRONT_MATTER } from './detect-format.js';
import { htmlSegments, LINE_SKIP } from './markdown-html.js';

// HTML is recognised so that its tags can be dropped and its text read as a browser shows it (with
// `html: false` the tags would be read as text).
const parser = new MarkdownIt('default', { html: true, linkify: false, typographer: false }).use(footnote);
// Footnote definitions stay where they are written (the plugin would move them to the end, and only
// the referenced ones); `^[inline notes]` are not Markdown that GFM knows.
parser.core.ruler.disable('footnote_tail');
parser.inline.ruler.disable('footnote_inline');
// The text inside blocks is parsed one top-level block at a time (toTree), not all at once: the
// inline tokens of a whole document took 800 MB for 15 MB of Markdown. text_join only merges the
// escaped characters (`text_special`) into the text around them, which plainText does too.
parser.core.ruler.disable(['inline', 'text_join']);

/** What a table row is split again with: the source's lines, and the parse's environment. */
interface TableContext {
  lines: string[];
  env: object;
}

/** markdown-it's flat tokens as a tree: a container (`_open` … `_close`), a leaf block, or an inline token. */
interface MarkdownNode {
  type: string;
  /** HTML tag: h1-h6 tell a heading's level. */
  tag: string;
  content: string;
  /** 0-based first line and the line after the last, for blocks. */
  map: [number, number] | null;
  children: MarkdownNode[];
}

export function readMarkdown(source: string): ReaderOutput {
  const text = withoutFrontMatter(source);
  // The parse's environment holds the link references and footnotes that table cells, parsed again, refer to.
  const context: TableContext = { lines: text.split('\n'), env: {} };
  const blockTokens = parser.parse(text, context.env);
  const sections: Section[] = [];
  const headingStack: string[] = [];
  const levelStack: number[] = [];
  let current: Section = { heading: '', level: 0, path: [], location: { line: 1 }, blocks: [] };

  for (const node of topLevelBlocks(blockTokens, context.env)) {
    if (node.type === 'heading') {
      pushIfUseful(sections, current);
      const heading = plainText(node).replaceAll(LINE_BREAK, ' ').trim();
      const depth = headingDepth(node);
      while (levelStack.length > 0 && (levelStack.at(-1) ?? 0) >= depth) {
        levelStack.pop();
        headingStack.pop();
      }
      levelStack.push(depth);
      headingStack.push(heading);
      current = { heading, level: depth, path: [...headingStack], location: lines(node), blocks: [] };
      continue;
    }
    current.blocks.push(...blocksOf(node, context));
  }
  pushIfUseful(sections, current);
  extendLineRanges(sections);
  return { format: 'md', language: 'und', sections, metadata: {}, warnings: [] };
}

/**
 * The source with YAML or TOML front matter at the very start (FRONT_MATTER, the rule standard input
 * is told Markdown by too) blanked line for line, so that every later line keeps its number.
 */
function withoutFrontMatter(source: string): string {
  // Line endings as markdown-it counts lines (CR LF and a lone CR end a line too), for the table rows' lines.
  const text = source.replace(/\r\n?/g, '\n');
  const frontMatter = FRONT_MATTER.exec(text)?.[0];
  if (!frontMatter) return text;
  return frontMatter.replace(/[^\n]+/g, '') + text.slice(frontMatter.length);
}

/** The document's top-level blocks as trees, one at a time, each with the text inside it parsed. */
function* topLevelBlocks(tokens: Token[], env: object): Generator<MarkdownNode> {
  let start = 0;
  let depth = 0;
  for (let index = 0; index < tokens.length; index++) {
    depth += (tokens[index] as Token).nesting;
    if (depth !== 0) continue;
    yield* blockTree(tokens.slice(start, index + 1), env);
    start = index + 1;
  }
  // markdown-it closes every block it opens; should one stay open, its text is still read.
  if (start < tokens.length) yield* blockTree(tokens.slice(start), env);
}

/** A table's cell text is parsed from its source line by rowText, so it is not parsed here too. */
function blockTree(tokens: Token[], env: object): MarkdownNode[] {
  return toTree(tokens, tokens[0]?.type === 'table_open' ? null : env);
}

/** `env` null: inline tokens keep their text unparsed (`content`, no children). */
function toTree(tokens: Token[], env: object | null): MarkdownNode[] {
  const root: MarkdownNode[] = [];
  const stack: MarkdownNode[][] = [root];
  for (const token of tokens) {
    const siblings = stack.at(-1) as MarkdownNode[];
    if (token.nesting === -1) {
      stack.pop();
      continue;
    }
    const node: MarkdownNode = {
      type: token.nesting === 1 ? token.type.replace(/_open$/, '') : token.type,
      tag: token.tag,
      content: token.content,
      map: token.map ? [token.map[0], token.map[1]] : null,
      children: token.type === 'inline' ? (env ? toTree(inlineTokens(token.content, env), env) : []) : token.children ? toTree(token.children, env) : [],
    };
    siblings.push(node);
    if (token.nesting === 1) stack.push(node.children);
  }
  return root;
}

function inlineTokens(text: string, env: object): Token[] {
  const tokens: Token[] = [];
  parser.inline.parse(text, parser, env, tokens);
  return tokens;
}

function headingDepth(node: MarkdownNode): number {
  return Number(node.tag.slice(1)) || 1;
}

function pushIfUseful(sections: Section[], section: Section): void {
  if (section.heading || section.blocks.length > 0) sections.push(section);
}

/** A section's line range runs from its heading to the line before the next section. */
function extendLineRanges(sections: Section[]): void {
  sections.forEach((section, index) => {
    const next = sections[index + 1];
    const lastBlockLine = section.blocks.at(-1)?.location.lineEnd ?? section.location.lineEnd;
    const end = next?.location.line !== undefined ? next.location.line - 1 : lastBlockLine;
    if (end !== undefined) section.location.lineEnd = Math.max(end, section.location.line ?? end);
  });
}

const TASK_BOX = /^\[[ xX]\][ \t]+/;

function blocksOf(node: MarkdownNode, context: TableContext): TextBlock[] {
  switch (node.type) {
    case 'paragraph':
    case 'blockquote':
    case 'footnote_reference':
      return textBlock(node, 'body');
    case 'html_block':
      return htmlBlocks(node);
    case 'bullet_list':
    case 'ordered_list':
      // A GFM task list item's box is no text: `- [x] done` reads "done".
      return node.children.flatMap((item) => textBlock(item, 'list', plainText(item).replace(TASK_BOX, '')));
    case 'table':
      return node.children.flatMap((part) => part.children).flatMap((row) => textBlock(row, 'table', rowText(row, context)));
    default:
      // hr; fence and code_block: code is no strategy text, and its words are no evidence.
      return [];
  }
}

/**
 * A table row's cells as written, joined with ` | `. GFM drops the cells of a row beyond the header's
 * count, and markdown-it follows it; but converted strategies often have a one-cell header over
 * rows of three, and those cells are text too. So the row is split again from its source line; the
 * empty cells at its end (padding) are left out.
 */
function rowText(row: MarkdownNode, context: TableContext): string {
  const line = row.map ? context.lines[row.map[0]] : undefined;
  // markdown-it gives every row its line; without one, the cells markdown-it kept.
  const written = line === undefined ? row.children.map((cell) => cell.children.map((inline) => inline.content).join('')) : splitRow(line);
  return joinCells(written.map((cell) => toTree(inlineTokens(cell, context.env), context.env).map(plainText).join('')));
}

/** A row's cells joined with ` | `, the empty cells at its end (padding) left out. */
function joinCells(cells: string[]): string {
  const trimmed = cells.map((cell) => cell.trim());
  while (trimmed.at(-1) === '') trimmed.pop();
  return trimmed.join(' | ');
}

/**
 * `| a | b \| c | `x|y` |` → `a`, `b | c`, `` `x|y` ``: split at pipes that are neither escaped nor
 * in a code span (as remark read them), the outer pipes dropped.
 */
function splitRow(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  for (let index = 0; index < line.length; index++) {
    const character = line[index] as string;
    if (character === '\\' && line[index + 1] === '|') {
      cell += '|'; // GFM unescapes a cell's pipes before its text is parsed, in code spans too
      index++;
    } else if (character === '`') {
      const ticks = /^`+/.exec(line.slice(index))?.[0] ?? '`';
      const close = line.indexOf(ticks, index + ticks.length);
      const end = close === -1 ? index + ticks.length : close + ticks.length;
      cell += line.slice(index, end).replaceAll('\\|', '|');
      index = end - 1;
    } else if (character === '|') {
      cells.push(cell);
      cell = '';
    } else cell += character;
  }
  cells.push(cell);
  const trimmed = line.trim();
  if (trimmed.startsWith('|')) cells.shift();
  if (trimmed.endsWith('|') && !trimmed.endsWith('\\|')) cells.pop();
  return cells;
}

function textBlock(node: MarkdownNode, role: TextBlock['role'], text = plainText(node)): TextBlock[] {
  // Spaces and tabs collapse to one space, and blank runs to one newline. A line break becomes a
  // space and a skipped line nothing; both start a line where they stand, so that a quote cites
  // its own line (sentenceLocation in match.ts).
  const parts: string[] = [];
  const lineStarts: number[] = [];
  let length = 0;
  let last = '';
  const append = (piece: string) => {
    parts.push(piece);
    length += piece.length;
    last = piece.at(-1) ?? last;
  };
  for (const character of text) {
    if (character === LINE_SKIP) lineStarts.push(length);
    else if (character === LINE_BREAK) {
      if (length > 0 && last !== ' ' && last !== '\n') append(' ');
      lineStarts.push(length);
    } else if (character === ' ' || character === '\t') {
      if (length > 0 && last !== ' ' && last !== '\n') append(' ');
    } else if (character === '\n') {
      if (length > 0 && last !== '\n') append('\n');
    } else append(character);
  }
  const blockText = parts.join('').trimEnd();
  if (!blockText) return [];
  const block: TextBlock = { text: blockText, location: lines(node), role };
  const starts = lineStarts.filter((start) => start < blockText.length);
  return [starts.length ? { ...block, lineStarts: starts } : block];
}

function lines(node: MarkdownNode): { line?: number; lineEnd?: number } {
  const map = node.map ?? node.children.find((child) => child.map)?.map;
  if (!map) return {};
  return { line: map[0] + 1, lineEnd: lastLine(node, map) };
}

/** Blocks that hold other blocks: markdown-it's range of one runs on over the blank lines after its last child. */
const CONTAINERS = new Set(['bullet_list', 'ordered_list', 'list_item', 'blockquote', 'footnote_reference']);

/** The last line with the node's own text. */
function lastLine(node: MarkdownNode, map: [number, number]): number {
  const lastChild = CONTAINERS.has(node.type) ? node.children.findLast((child) => child.map) : undefined;
  if (lastChild) return lastLine(lastChild, lastChild.map as [number, number]);
  return Math.max(map[0] + 1, map[1]);
}

/** A line break inside a paragraph, kept as a mark until the block's text is final (textBlock). */
const LINE_BREAK = '\u2028';

/** An HTML line break: `<br>`, `<br/>`, `<br />`, in any case, maybe with attributes. */
const HTML_BREAK = /^<br(?:\s[^>]*)?\/?>$/i;

/**
 * Visible text of a node: images contribute their alt text, line breaks inside a paragraph (soft or
 * hard) become spaces (marked, so that quotes can cite their own lines), inline HTML tags nothing
 * but a `<br>` a space (the text between them is text), an HTML block the text a browser shows
 * (htmlSegments), code nothing. A soft break is only where the author's editor wrapped the line:
 * kept as a line break it ended a sentence there ("...expand public" | "transport and..."), so the
 * same strategy re-wrapped scored differently. Soft hyphens and zero-width characters (also written `&shy;`) are dropped.
 */
function plainText(node: MarkdownNode): string {
  switch (node.type) {
    case 'text':
    case 'text_special':
    case 'code_inline':
      return withoutInvisibleCharacters(node.content);
    case 'fence':
    case 'code_block':
      // Code is left out (blocksOf); in a list item or quote only its lines count, so that the text
      // after it cites its own line.
      return LINE_SKIP.repeat(node.map ? lastLine(node, node.map) - node.map[0] - 1 : 0);
    case 'softbreak':
    case 'hardbreak':
      return LINE_BREAK;
    case 'html_inline':
      // A `<br>` reads as a hard break does (a space), but without LINE_BREAK's mark: it stands
      // within a source line, and a mark would make the quotes after it cite the next line.
      return HTML_BREAK.test(node.content) ? ' ' : '';
    case 'html_block':
      return htmlBlockText(node);
    case 'footnote_ref':
      return '';
    case 'table':
      return tableText(node);
    default: {
      if (!CONTAINERS.has(node.type)) return node.children.map(plainText).join('');
      // The blocks of a list item or quote each begin a line of their own.
      return joinByLines(node.children, plainText);
    }
  }
}

/**
 * A table inside a list item or quote (top-level tables are read row by row, rowText): a line for
 * each row, its cells joined with ` | `, and a mark for every line passed (the delimiter row too).
 * The cells are those markdown-it kept, as the row's source line has the container's marks.
 */
function tableText(table: MarkdownNode): string {
  return joinByLines(
    table.children.flatMap((part) => part.children),
    (row) => joinCells(row.children.map(plainText)),
  );
}

/** The texts of nodes that each begin a line: a newline between them, and a mark for every line from the end of one to the start of the next. */
function joinByLines(nodes: MarkdownNode[], textOf: (node: MarkdownNode) => string): string {
  let text = '';
  nodes.forEach((node, index) => {
    const previous = nodes[index - 1];
    if (previous) text += `\n${LINE_SKIP.repeat(linesBetween(previous, node))}`;
    text += textOf(node);
  });
  return text;
}

/** How many lines down `next` begins from the last line of `block` (0 when either has no lines). */
function linesBetween(block: MarkdownNode, next: MarkdownNode): number {
  if (!block.map || !next.map) return 0;
  return Math.max(0, next.map[0] + 1 - lastLine(block, block.map));
}

/**
 * A top-level HTML block's text as blocks: a row of a table (Pandoc writes any table with merged or
 * multi-paragraph cells as a raw `<table>`) with role 'table', the text around tables as body text,
 * each citing the line its text starts on.
 */
function htmlBlocks(node: MarkdownNode): TextBlock[] {
  const first = node.map?.[0];
  return htmlSegments(node.content).flatMap((segment) => {
    const map: [number, number] | null = first === undefined ? null : [first + segment.line, first + segment.lineEnd + 1];
    return textBlock({ ...node, map }, segment.role, segment.text);
  });
}

/**
 * An HTML block in a list item or quote: its segments a line each (as tableText's rows), and a mark
 * for every line of the block, so that the text after it cites its own line (linesBetween).
 */
function htmlBlockText(node: MarkdownNode): string {
  let text = '';
  let lineEnd = 0;
  htmlSegments(node.content).forEach((segment, index) => {
    if (index > 0) text += '\n';
    text += LINE_SKIP.repeat(segment.line - lineEnd) + segment.text;
    lineEnd = segment.lineEnd;
  });
  const lastOwnLine = node.map ? lastLine(node, node.map) - node.map[0] - 1 : lineEnd;
  return text + LINE_SKIP.repeat(Math.max(0, lastOwnLine - lineEnd));
}
