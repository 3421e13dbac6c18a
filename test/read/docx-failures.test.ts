import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { describeFailure } from '../../src/read/docx.js';
import { readDocumentBytes } from '../../src/read/index.js';
import { fixture } from '../helpers.js';

describe('a damaged DOCX', () => {
  it('is described in words a user can act on, not in the zip and XML libraries\' own', () => {
    expect(describeFailure('Bug : uncompressed data size mismatch')).toBe('a compressed part is corrupted (it does not unpack to what the archive declares)');
    expect(describeFailure('Corrupted zip or bug: unexpected signature (\\x9F\\xDF, expected \\x50\\x4B\\x03\\x04)')).toBe('the zip structure is corrupted (a part is not where the archive directory says)');
    expect(describeFailure('error: [xmldom error]\telement parse error: Error: Hierarchy request error: Only one element can be added')).toBe(
      'its XML is malformed (Hierarchy request error: Only one element can be added)',
    );
    expect(describeFailure('something new\nat line 2')).toBe('something new');
  });

  it('whose document part is scrambled is refused with code DAMAGED and such a reason', async () => {
    const bytes = Buffer.from(readFileSync(fixture('docx', 'cs-strategie-libreoffice.docx')));
    const local = bytes.indexOf('word/document.xml');
    // Scramble the compressed bytes of word/document.xml (they follow its local header and name).
    for (let at = local + 40; at < local + 120; at++) bytes[at] = (bytes[at] ?? 0) ^ 0x5a;
    await expect(readDocumentBytes(bytes, 'scrambled.docx')).rejects.toMatchObject({ code: 'DAMAGED', message: expect.stringMatching(/^damaged (DOCX|zip archive): .*corrupted/) });
  });
});
