import { DOMParser, type Element } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import { formatJunit } from '../../src/report/format-junit.js';
import { NASTY, sampleReport } from './sample-report.js';

/** Parses strictly: any well-formedness error, even a warning, fails the test. */
function parseXml(text: string) {
  return new DOMParser({
    onError: (level, message) => {
      throw new Error(`${level}: ${message}`);
    },
  }).parseFromString(text, 'text/xml');
}

const elements = (parent: { getElementsByTagName(name: string): ArrayLike<Element> }, name: string) => Array.from(parent.getElementsByTagName(name));

describe('JUnit report', () => {
  it('is well-formed XML, even with markup, quotes and control characters in the text', () => {
    const text = formatJunit(sampleReport({ thresholds: [{ type: 'fail-under', minimum: 50 }] }), { color: false });
    expect(text.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites')).toBe(true);
    expect(() => parseXml(text)).not.toThrow();
    expect(() => parseXml(text.replace('</testsuite>', ''))).toThrow();
    expect(text).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
  });

  it('has a suite per document, a case per criterion: met passes, missing fails, partial is skipped', () => {
    const document = parseXml(formatJunit(sampleReport(), { color: false }));
    const root = document.documentElement!;
    expect([root.getAttribute('tests'), root.getAttribute('failures'), root.getAttribute('errors'), root.getAttribute('skipped')]).toEqual(['9', '1', '1', '3']);
    const suites = elements(document, 'testsuite');
    expect(suites.map((suite) => suite.getAttribute('name'))).toEqual(['drafts/broken.pdf', 'drafts/plan one.md', 'drafts/plan-two.pdf']);
    const markdown = suites[1]!;
    expect([markdown.getAttribute('tests'), markdown.getAttribute('failures'), markdown.getAttribute('skipped')]).toEqual(['4', '1', '2']);
    const cases = elements(markdown, 'testcase');
    expect(cases.map((item) => item.getAttribute('name'))).toEqual(['smart/vision: Title of smart/vision', 'smart/goals: Title of smart/goals', 'egd/mobility: Title of egd/mobility', 'egd/mobility.cycling: Title of egd/mobility.cycling']);
    expect(cases.map((item) => item.getAttribute('classname'))).toEqual(['smart', 'smart', 'egd', 'egd']);
    expect(elements(cases[0]!, 'failure').length + elements(cases[0]!, 'skipped').length).toBe(0);
    expect(elements(cases[0]!, 'system-out')[0]!.textContent).toContain(NASTY.replace('\u0007', ''));
    expect(elements(cases[1]!, 'skipped')[0]!.getAttribute('message')).toBe(`partial: 2 passages in 1 section. What to add: Add dated goals ${NASTY.replace('\u0007', '')}`);
    const failure = elements(cases[2]!, 'failure')[0]!;
    expect(failure.getAttribute('type')).toBe('missing');
    expect(failure.textContent).toBe('What to add: Add egd/mobility.');
    expect(cases[1]!.getAttribute('line')).toBe('20');
    const czech = elements(suites[2]!, 'testcase')[0]!; // smart/vision, partial, in a document reported in Czech
    expect(elements(czech, 'skipped')[0]!.getAttribute('message')).toMatch(/\. Co doplnit: Add smart\/vision\.$/);
    const properties = elements(markdown, 'property').map((item) => `${item.getAttribute('name')}=${item.getAttribute('value')}`);
    expect(properties).toEqual(['format=md', 'language=en', 'score=37.5', 'score.smart=75', 'score.egd=0', `sha256=${'a'.repeat(64)}`]);
  });

  it('turns an unreadable document into an error and thresholds into one more suite', () => {
    const document = parseXml(formatJunit(sampleReport({ thresholds: [{ type: 'fail-under', minimum: 50 }, { type: 'require', criterion: 'smart/goals' }] }), { color: false }));
    const suites = elements(document, 'testsuite');
    const error = elements(suites[0]!, 'error')[0]!;
    expect([error.getAttribute('type'), error.getAttribute('message')]).toEqual(['PDF_ENCRYPTED', 'the PDF is encrypted <pw> & needs --password']);
    const thresholds = suites.at(-1)!;
    expect([thresholds.getAttribute('name'), thresholds.getAttribute('tests'), thresholds.getAttribute('failures')]).toEqual(['s4s thresholds', '2', '2']);
    const failures = elements(thresholds, 'failure');
    expect(failures[0]!.getAttribute('message')).toBe('1 document failed fail-under 50');
    expect(failures[0]!.textContent).toBe('drafts/plan one.md: overall score 37.5 is under 50');
    expect(failures[1]!.textContent).toBe('drafts/plan one.md: smart/goals is partial, required to be met');
  });
});
