// Escaping for the Markdown formatters: text that stays text in GitHub-flavoured Markdown.

/**
 * Collapses white space, drops control characters, and escapes what would start emphasis, code,
 * links, HTML, entities or a table cell (never at a line start, so `>` and `#` are safe).
 */
export function escapeInline(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/[\u0000-\u001F\u007F]/g, '')
    .replace(/([\\`*[\]<|])/g, '\\$1')
    // An underscore inside a word (file_name) never starts emphasis in GFM: only escape the others.
    .replace(/(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])/gu, '\\_')
    .replace(/&(?=#?\w+;)/g, '\\&')
    .trim();
}

/** A GFM table from a header row, alignments (`l` or `r`) and body rows of already escaped cells. */
export function markdownTable(header: string[], align: ('l' | 'r')[], rows: string[][]): string[] {
  const rule = `|${align.map((side) => (side === 'r' ? '---:' : '---')).join('|')}|`;
  return [`| ${header.join(' | ')} |`, rule, ...rows.map((cells) => `| ${cells.join(' | ')} |`)];
}
