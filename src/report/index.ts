// Formatter registry: report format names to pure functions (report, options) => string.
import { formatCsv } from './format-csv.js';
import { formatJson } from './format-json.js';
import { formatMarkdown } from './format-md.js';
import { formatText } from './format-text.js';
import type { Formatter } from './types.js';

export const FORMATTERS: Record<string, Formatter> = {
  text: formatText,
  json: formatJson,
  md: formatMarkdown,
  csv: formatCsv,
};

export function formatterNames(): string[] {
  return Object.keys(FORMATTERS);
}
