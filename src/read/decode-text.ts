// Decodes the bytes of a text file: UTF-8 (with or without BOM) and UTF-16 with BOM.
import { ReadError } from './errors.js';

export interface DecodedText {
  text: string;
  encoding: string;
}

export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes), encoding: 'utf-8' };
  } catch {
    throw new ReadError('ENCODING', 'text is not valid UTF-8 or UTF-16');
  }
}
