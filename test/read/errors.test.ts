// What a user is shown of a failure: one line, a stable code.
import { describe, expect, it } from 'vitest';
import { asReadError, firstLineOf, ReadError, timedOutMessage } from '../../src/read/errors.js';

describe('read errors', () => {
  it('keeps the first line of a message, or the name of an error without one', () => {
    expect(firstLineOf(new Error('Bad XRef entry\n    at XRef.fetch (pdf.worker.mjs:1)'))).toBe('Bad XRef entry');
    expect(firstLineOf(new TypeError(''))).toBe('TypeError');
    expect(firstLineOf('plain text\nmore')).toBe('plain text');
    expect(firstLineOf(undefined)).toBe('undefined');
  });

  it('passes ReadErrors through and makes anything else READ_FAILED with its first line', () => {
    const encrypted = new ReadError('ENCRYPTED', 'encrypted PDF: a password is needed to open it');
    expect(asReadError(encrypted)).toBe(encrypted);
    expect(asReadError(new RangeError('Invalid array length\nstack'))).toMatchObject({ name: 'ReadError', code: 'READ_FAILED', message: 'Invalid array length' });
  });

  it('says how long a stopped document had, in whole or tenths of seconds, and as given under a second', () => {
    expect(timedOutMessage(300_000)).toBe('stopped after 300 s (--timeout)');
    expect(timedOutMessage(1_500)).toBe('stopped after 1.5 s (--timeout)');
    expect(timedOutMessage(10)).toBe('stopped after 0.01 s (--timeout)');
    expect(timedOutMessage(550)).toBe('stopped after 0.55 s (--timeout)');
  });
});
