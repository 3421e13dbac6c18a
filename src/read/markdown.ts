// Markdown reader: builds sections from the heading hierarchy with unified + remark-parse.
// Front matter is dropped; tables (GFM) keep one block per row; every block knows its lines.
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkFrontmatter from 'remark-frontmatter';
import type { Nodes, Root, RootContent } from 'mdast';
import type { ReaderOutput, Section, TextBlock } from '../document/types.js';

const parser = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml', 'toml']);

export function readMarkdown(source: string): ReaderOutput {
  const tree = parser.parse(source) as Root;
  const sections: Section[] = [];
  const headingStack: string[] = [];
  const levelStack: number[] = [];
  let current: Section = { heading: '', level: 0, path: [], location: { line: 1 }, blocks: [] };

  for (const node of tree.children) {
    if (node.type === 'heading') {
      pushIfUseful(sections, current);
      const heading = plainText(node).trim();
      while (levelStack.length > 0 && (levelStack.at(-1) ?? 0) >= node.depth) {
        levelStack.pop();
        headingStack.pop();
      }
      levelStack.push(node.depth);
      headingStack.push(heading);
      current = { heading, level: node.depth, path: [...headingStack], location: lines(node), blocks: [] };
      continue;
    }
    current.blocks.push(...blocksOf(node));
  }
  pushIfUseful(sections, current);
  extendLineRanges(sections);
  return { format: 'md', language: 'und', sections, metadata: {}, warnings: [] };
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

function blocksOf(node: RootContent): TextBlock[] {
  switch (node.type) {
    case 'paragraph':
    case 'blockquote':
    case 'code':
      return textBlock(node, 'body');
    case 'list':
      return node.children.flatMap((item) => textBlock(item, 'list'));
    case 'table':
      return node.children.flatMap((row) =>
        textBlock({ ...row, children: row.children }, 'table', row.children.map((cell) => plainText(cell).trim()).join(' | ')),
      );
    case 'html':
    case 'yaml':
    case 'thematicBreak':
    case 'definition':
      return [];
    default:
      return 'children' in node || 'value' in node ? textBlock(node, 'body') : [];
  }
}

function textBlock(node: Nodes, role: TextBlock['role'], text = plainText(node)): TextBlock[] {
  const cleaned = text.replace(/[ \t]+/g, ' ').replace(/\n{2,}/g, '\n').trim();
  return cleaned ? [{ text: cleaned, location: lines(node), role }] : [];
}

function lines(node: Nodes): { line?: number; lineEnd?: number } {
  const start = node.position?.start.line;
  const end = node.position?.end.line;
  return start === undefined ? {} : { line: start, lineEnd: end ?? start };
}

/** Visible text of a node: images contribute their alt text, breaks become spaces. */
function plainText(node: Nodes): string {
  if (node.type === 'text' || node.type === 'inlineCode' || node.type === 'code') return node.value;
  if (node.type === 'image') return node.alt ?? '';
  if (node.type === 'break') return ' ';
  if (node.type === 'html' || node.type === 'yaml') return '';
  if ('children' in node) {
    const separator = node.type === 'list' || node.type === 'listItem' || node.type === 'blockquote' ? '\n' : '';
    return (node.children as Nodes[]).map(plainText).join(separator);
  }
  return '';
}
