// Formatter registry: report format names to pure functions (report, options) => string.
import { formatCsv } from './format-csv.js';
import { formatGithub } from './format-github.js';
import { formatHtml } from './format-html.js';
import { formatJson } from './format-json.js';
import { formatJsonl } from './format-jsonl.js';
import { formatJunit } from './format-junit.js';
import { formatMarkdown } from './format-md.js';
import { formatSarif } from './format-sarif.js';
import { formatText } from './format-text.js';
import type { Formatter } from './types.js';

export const FORMATTERS: Record<string, Formatter> = {
  text: formatText,
  json: formatJson,
  jsonl: formatJsonl,
  md: formatMarkdown,
  csv: formatCsv,
  sarif: formatSarif,
  junit: formatJunit,
  github: formatGithub,
  html: formatHtml,
};

export function formatterNames(): string[] {
  return Object.keys(FORMATTERS);
}
