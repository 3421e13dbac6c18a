// Formatter registry: report format names to pure functions (report, options) => string. Each
// formatter's module is loaded when its format is used: all of them take some 25 ms to load, on the
// main thread before a check's worker threads could start, and a run uses one or two.
import type { Formatter } from './types.js';

const LOADERS: Record<string, () => Promise<Formatter>> = {
  text: async () => (await import('./format-text.js')).formatText,
  json: async () => (await import('./format-json.js')).formatJson,
  jsonl: async () => (await import('./format-jsonl.js')).formatJsonl,
  md: async () => (await import('./format-md.js')).formatMarkdown,
  csv: async () => (await import('./format-csv.js')).formatCsv,
  sarif: async () => (await import('./format-sarif.js')).formatSarif,
  junit: async () => (await import('./format-junit.js')).formatJunit,
  github: async () => (await import('./format-github.js')).formatGithub,
  html: async () => (await import('./format-html.js')).formatHtml,
};

export const FORMAT_NAMES: readonly string[] = Object.keys(LOADERS);

/** Whether `name` is a report format. */
export function isFormatName(name: string): boolean {
  return Object.hasOwn(LOADERS, name);
}

/** The formatters of the given formats (each loaded once); every name must be a format. */
export async function loadFormatters(names: Iterable<string>): Promise<Map<string, Formatter>> {
  const unique = [...new Set(names)];
  const loaded = await Promise.all(unique.map((name) => (LOADERS[name] as () => Promise<Formatter>)()));
  return new Map(unique.map((name, index) => [name, loaded[index] as Formatter]));
}
