// Diff formatter registry: the same format names as for reports, each a pure (diff, options) => string.
import type { DiffFormatter } from '../../diff/types.js';
import { formatDiffCsv } from './format-csv.js';
import { formatDiffGithub } from './format-github.js';
import { formatDiffHtml } from './format-html.js';
import { formatDiffJson } from './format-json.js';
import { formatDiffJunit } from './format-junit.js';
import { formatDiffMarkdown } from './format-md.js';
import { formatDiffSarif } from './format-sarif.js';
import { formatDiffText } from './format-text.js';

export const DIFF_FORMATTERS: Record<string, DiffFormatter> = {
  text: formatDiffText,
  json: formatDiffJson,
  md: formatDiffMarkdown,
  csv: formatDiffCsv,
  sarif: formatDiffSarif,
  junit: formatDiffJunit,
  github: formatDiffGithub,
  html: formatDiffHtml,
};
