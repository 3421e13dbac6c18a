import { describe, expect, it } from 'vitest';
import { decodeText } from '../../src/read/decode-text.js';

/** Encodes with a single-byte code page, using the platform decoder to build the table. */
function encode(text: string, encoding: string): Uint8Array {
  const decoder = new TextDecoder(encoding);
  const table = new Map<string, number>();
  for (let byte = 0; byte < 256; byte++) table.set(decoder.decode(Uint8Array.of(byte)), byte);
  return Uint8Array.from([...text].map((character) => table.get(character) ?? 0x3f));
}

const CZECH = 'Příliš žluťoučký kůň úpěl ďábelské ódy. Šťastná města a obce.';
const SLOVAK = 'Ťažké úlohy sú však pred nami: ľudia v meste chcú čistý vzduch a zeleň.';
const POLISH = 'Gmina dąży do ograniczenia emisji, poprawy jakości powietrza i rozwoju źródeł energii.';
const HUNGARIAN = 'A város hosszú távon élhető, zöld és versenyképes település legyen; őszintén, űrben.';

describe('decodeText', () => {
  it('reads UTF-8 with and without a BOM, and UTF-16 with a BOM or without', () => {
    const bytes = new TextEncoder().encode(CZECH);
    expect(decodeText(bytes)).toEqual({ text: CZECH, encoding: 'utf-8' });
    expect(decodeText(Uint8Array.from([0xef, 0xbb, 0xbf, ...bytes]))).toEqual({ text: CZECH, encoding: 'utf-8' });
    expect(decodeText(Uint8Array.from([0xff, 0xfe, ...Buffer.from(HUNGARIAN, 'utf16le')]))).toEqual({ text: HUNGARIAN, encoding: 'utf-16le' });
    expect(decodeText(Buffer.from(HUNGARIAN, 'utf16le'))).toEqual({ text: HUNGARIAN, encoding: 'utf-16le' });
    expect(decodeText(Buffer.from(HUNGARIAN, 'utf16le').swap16())).toEqual({ text: HUNGARIAN, encoding: 'utf-16be' });
  });

  it.each([
    [CZECH, 'windows-1250'],
    [SLOVAK, 'windows-1250'],
    [POLISH, 'windows-1250'],
    [CZECH, 'iso-8859-2'],
    [SLOVAK, 'iso-8859-2'],
    [POLISH, 'iso-8859-2'],
    [HUNGARIAN, 'iso-8859-2'],
  ])('tells the code page of "%s" in %s', (text, encoding) => {
    expect(decodeText(encode(text, encoding)).text).toBe(text);
  });
});
