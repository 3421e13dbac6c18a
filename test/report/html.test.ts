import { describe, expect, it } from 'vitest';
import { formatHtml } from '../../src/report/format-html.js';
import { sampleReport, singleDocumentReport } from './sample-report.js';

const count = (text: string, pattern: RegExp) => (text.match(pattern) ?? []).length;

describe('HTML report', () => {
  const html = formatHtml(sampleReport({ thresholds: [{ type: 'fail-under', minimum: 50 }] }), { color: false });

  it('is one self-contained file: no scripts, no external resources, a policy that forbids fetching', () => {
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="en">')).toBe(true);
    expect(html).not.toMatch(/<script|<link|<img|<iframe|@import|url\(|\ssrc=|\shref=/i);
    const urls = html.match(/https?:\/\/[^\s"'<]+/g) ?? [];
    expect(urls).toHaveLength(count(html, /<svg /g));
    expect(new Set(urls)).toEqual(new Set(['http://www.w3.org/2000/svg']));
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"`);
  });

  it('draws an SVG bar chart of framework scores per analysed document, and small multiples of them to compare', () => {
    const comparison = html.slice(html.indexOf('<h2>Comparison</h2>'), html.indexOf('<table class="heat">'));
    expect(count(comparison, /<svg class="chart"/g)).toBe(2);
    expect(comparison).toContain('<figcaption title="drafts/plan one.md">plan one.<wbr>md</figcaption>');
    expect(count(html, /<svg class="chart"/g)).toBe(4);
    expect(count(formatHtml(singleDocumentReport(), { color: false }), /<svg class="chart"/g)).toBe(1);
    const chart = html.slice(html.indexOf('<svg class="chart"', html.indexOf('plan-two.pdf</h2>')));
    const bars = chart.slice(0, chart.indexOf('</svg>'));
    expect(bars).toContain('<title>Framework scores of drafts/plan-two.pdf (0-100)</title>');
    expect([...bars.matchAll(/class="label">([^<]+)</g)].map((match) => match[1])).toEqual(['overall', 'smart', 'egd']);
    expect([...bars.matchAll(/class="value">([^<]+)</g)].map((match) => match[1])).toEqual(['87.5', '75', '100']);
    expect([...bars.matchAll(/<rect [^>]*width="([\d.]+)"/g)].map((match) => Number(match[1]))).toEqual([367.5, 315, 420]);
    expect(chart.slice(0, 200)).toContain('width="640"');
  });

  it('shows a heat-map for several documents, and none for one', () => {
    expect(html).toContain('<h2>Comparison</h2>');
    expect(html).toContain('<td class="cell error" colspan="3">error PDF_ENCRYPTED</td>');
    expect(html).toContain('<td class="cell" style="background:hsl(45, 70%, 81%)">37.5</td>');
    expect(html).toMatch(/<tr><th><code>egd\/mobility<\/code> Title of egd\/mobility<\/th><td class="cell error">error<\/td><td class="cell missing" [^>]*>✘ missing 0.00<\/td><td class="cell met" [^>]*>✔ met 0.70<\/td><\/tr>/);
    expect(formatHtml(singleDocumentReport(), { color: false })).not.toContain('Comparison');
  });

  it('puts the evidence behind <details>, escaped, with section and place', () => {
    expect(count(html, /<details>/g)).toBe(count(html, /<\/details>/g));
    expect(count(html, /<table/g)).toBe(count(html, /<\/table>/g));
    expect(count(html, /<section/g)).toBe(count(html, /<\/section>/g));
    expect(html).toContain('<details><summary>1 passage · line 20</summary>');
    expect(html).toContain('<blockquote>Vision quote a &lt;b&gt;&amp;&quot;quoted&quot;&lt;/b&gt; 100% value, with: colons\nand a second line =1+1 | pipe *star* bell</blockquote>');
    expect(html).toContain('<cite>Úvod &gt; Vize, p. 7 <span class="terms">vize</span></cite>');
    expect(html).toContain('<details><summary>1 of 1 sub-criteria addressed</summary>');
    expect(html).not.toContain('<b>');
  });

  it('lists what to add and the failed thresholds', () => {
    expect(html).toContain('<li><code>egd/mobility</code> <strong>Title of egd/mobility</strong> (missing): Add egd/mobility.</li>');
    expect(html).toContain('<li>drafts/plan one.md: overall score 37.5 is under 50 (fail-under 50)</li>');
    expect(html).toContain('<p class="error">Could not be analysed (PDF_ENCRYPTED): the PDF is encrypted &lt;pw&gt; &amp; needs --password</p>');
  });
});
