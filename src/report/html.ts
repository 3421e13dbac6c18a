// Building blocks of the self-contained HTML reports (check and diff): escaping, colours, the
// inline SVG bar chart and the stylesheet. No scripts, fonts or anything fetched from a network.
import type { Status } from '../score/types.js';

/** Escapes markup and drops the control characters HTML does not allow in text. */
export function escapeHtml(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** A file name that may wrap after `_`, `-` and `.` (long names would otherwise widen a table column). */
export function breakableName(name: string): string {
  return escapeHtml(name).replace(/([_.-])/g, '$1<wbr>');
}

/** Red below 40, amber below 70, green from 70: the same bands as the terminal summary. */
export function scoreBand(score: number): 'low' | 'mid' | 'high' {
  return score >= 70 ? 'high' : score >= 40 ? 'mid' : 'low';
}

const BAND_FILL = { low: '#c62828', mid: '#ef8f00', high: '#2e7d32' } as const;

/** A light background from red (0) through yellow to green (100), for heat-map cells that must stay readable. */
export function heatColour(score: number): string {
  const clamped = Math.max(0, Math.min(100, score));
  return `hsl(${Math.round(clamped * 1.2)}, 70%, ${Math.round(82 - clamped * 0.04)}%)`;
}

export const STATUS_SYMBOL: Record<Status, string> = { met: '✔', partial: '◐', missing: '✘' };

export interface Bar {
  label: string;
  score: number;
  /** A second, paler bar drawn under this one (the old score in a diff). */
  previous?: number;
}

const ROW_HEIGHT = 30;

/** Horizontal bars, 0-100, one row each, with the value written after the bar; `compact` for small multiples. */
export function barChart(bars: Bar[], caption: string, compact = false): string {
  const LABEL_WIDTH = compact ? 64 : 170;
  const BAR_AREA = compact ? 220 : 420;
  const height = bars.length * ROW_HEIGHT + 28;
  const width = LABEL_WIDTH + BAR_AREA + 50;
  const parts = [
    `<svg class="chart" xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeHtml(caption)}">`,
    `<title>${escapeHtml(caption)}</title>`,
  ];
  for (const tick of [0, 25, 50, 75, 100]) {
    const x = LABEL_WIDTH + (tick / 100) * BAR_AREA;
    parts.push(`<line x1="${x}" y1="4" x2="${x}" y2="${height - 22}" class="grid"/>`, `<text x="${x}" y="${height - 8}" class="tick">${tick}</text>`);
  }
  bars.forEach((bar, index) => {
    const y = 6 + index * ROW_HEIGHT;
    const length = (Math.max(0, Math.min(100, bar.score)) / 100) * BAR_AREA;
    parts.push(`<text x="${LABEL_WIDTH - 8}" y="${y + 15}" class="label">${escapeHtml(bar.label)}</text>`);
    if (bar.previous !== undefined) {
      const before = (Math.max(0, Math.min(100, bar.previous)) / 100) * BAR_AREA;
      parts.push(`<rect x="${LABEL_WIDTH}" y="${y}" width="${before.toFixed(1)}" height="20" rx="3" class="previous"/>`);
    }
    const barHeight = bar.previous !== undefined ? 12 : 20;
    const barY = bar.previous !== undefined ? y + 4 : y;
    parts.push(
      `<rect x="${LABEL_WIDTH}" y="${barY}" width="${length.toFixed(1)}" height="${barHeight}" rx="3" fill="${BAND_FILL[scoreBand(bar.score)]}"/>`,
      `<text x="${(LABEL_WIDTH + length + 6).toFixed(1)}" y="${y + 15}" class="value">${formatScore(bar.score)}</text>`,
    );
  });
  parts.push('</svg>');
  return parts.join('');
}

export function formatScore(score: number): string {
  return Number.isInteger(score) ? String(score) : score.toFixed(1);
}

export function htmlPage(title: string, body: string[]): string {
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    // The report must never reach out: no scripts, no fetches, only its own inline styles.
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${STYLESHEET}</style>`,
    '</head>',
    '<body>',
    ...body,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

const STYLESHEET = `
:root { color-scheme: light; --met: #2e7d32; --partial: #ef8f00; --missing: #c62828; --line: #d0d7de; --muted: #57606a; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 1180px; padding: 24px 32px 64px; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Liberation Sans", sans-serif; color: #1f2328; background: #fff; }
h1 { font-size: 26px; margin: 0 0 4px; }
h2 { font-size: 21px; margin: 40px 0 8px; padding-top: 16px; border-top: 2px solid var(--line); word-break: break-all; }
h3 { font-size: 17px; margin: 24px 0 8px; }
.meta { color: var(--muted); margin: 0 0 12px; }
table { border-collapse: collapse; margin: 8px 0 16px; width: 100%; }
th, td { border: 1px solid var(--line); padding: 4px 8px; text-align: left; vertical-align: top; }
th { background: #f6f8fa; font-weight: 600; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
.heat td.cell { text-align: center; vertical-align: middle; font-variant-numeric: tabular-nums; white-space: nowrap; }
.heat tr > th:first-child { min-width: 320px; }
.charts { display: flex; flex-wrap: wrap; gap: 8px 32px; } .charts figure { margin: 0; } .charts figcaption { font-weight: 600; font-size: 14px; overflow-wrap: anywhere; max-width: 330px; }
.status { display: inline-block; white-space: nowrap; min-width: 74px; padding: 0 6px; border-radius: 10px; font-size: 13px; font-weight: 600; color: #fff; text-align: center; }
.status.met { background: var(--met); } .status.partial { background: var(--partial); } .status.missing { background: var(--missing); }
.cell.met { background: #c8e6c9; } .cell.partial { background: #ffe0a3; } .cell.missing { background: #ffcdd2; } .cell.error { background: #eceff1; }
svg.chart { display: block; margin: 8px 0 16px; max-width: 100%; height: auto; }
svg .grid { stroke: #e1e4e8; stroke-width: 1; } svg .tick { font-size: 11px; fill: var(--muted); text-anchor: middle; }
svg .label { font-size: 13px; fill: #1f2328; text-anchor: end; } svg .value { font-size: 13px; font-weight: 600; fill: #1f2328; }
svg .previous { fill: #d0d7de; }
details { margin: 2px 0; } summary { cursor: pointer; color: #0b5cad; }
blockquote { margin: 6px 0 2px; padding: 2px 10px; border-left: 3px solid var(--line); color: #24292f; }
cite { display: block; color: var(--muted); font-size: 13px; font-style: normal; margin-bottom: 6px; }
.terms { color: var(--muted); font-size: 12px; }
.gaps li { margin-bottom: 4px; }
.error { color: var(--missing); font-weight: 600; }
.violations li { color: var(--missing); }
.passed { color: var(--met); font-weight: 600; }
code { font: 13px ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace; background: #f6f8fa; padding: 0 3px; border-radius: 3px; }
`;
