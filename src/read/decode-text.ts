// Decodes the bytes of a text file: UTF-8 (with or without BOM), UTF-16 (BOM, or NUL-byte pattern),
// and the legacy Central European code pages (Windows-1250, ISO-8859-2) that older Czech, Slovak,
// Polish and Hungarian files use. chardet proposes; a letter-plausibility score decides.
import chardet from 'chardet';

export interface DecodedText {
  text: string;
  encoding: string;
}

/** Legacy code pages s4s considers, Central European first. */
const LEGACY_ENCODINGS = ['windows-1250', 'iso-8859-2', 'windows-1252'] as const;
/** Letters with diacritics that cs, sk, pl and hu texts use. */
const EXPECTED_LETTERS = new Set([...'áäčďéěíĺľňóôőöŕřšťúůűüýžąćęłńśźżÁÄČĎÉĚÍĹĽŇÓÔŐÖŔŘŠŤÚŮŰÜÝŽĄĆĘŁŃŚŹŻ']);

export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: utf8(bytes.subarray(3)) ?? lossyUtf8(bytes.subarray(3)), encoding: 'utf-8' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  const utf16 = utf16WithoutBom(bytes);
  if (utf16) return { text: new TextDecoder(utf16).decode(bytes), encoding: utf16 };
  const text = utf8(bytes);
  if (text !== undefined) return { text, encoding: 'utf-8' };
  return decodeLegacy(bytes);
}

function utf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

function lossyUtf8(bytes: Uint8Array): string {
  return new TextDecoder('utf-8').decode(bytes);
}

/** UTF-16 without a BOM: in Latin-script text every other byte is NUL. */
export function utf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const sample = bytes.subarray(0, 4096 - (Math.min(bytes.length, 4096) % 2));
  if (sample.length < 4) return undefined;
  let evenNuls = 0;
  let oddNuls = 0;
  for (let index = 0; index < sample.length; index += 2) {
    if (sample[index] === 0) evenNuls++;
    if (sample[index + 1] === 0) oddNuls++;
  }
  const pairs = sample.length / 2;
  if (oddNuls > 0.4 * pairs && evenNuls < 0.05 * pairs) return 'utf-16le';
  if (evenNuls > 0.4 * pairs && oddNuls < 0.05 * pairs) return 'utf-16be';
  return undefined;
}

function decodeLegacy(bytes: Uint8Array): DecodedText {
  const proposed = chardet.analyse(bytes).map((match) => match.name.toLowerCase());
  // UTF-8 with a few damaged bytes competes too: read as a code page, all its letters would be mojibake.
  const utf8Text = lossyUtf8(bytes);
  let best: DecodedText & { score: number } = { text: utf8Text, encoding: 'utf-8', score: plausibility(utf8Text) };
  for (const encoding of LEGACY_ENCODINGS) {
    const text = new TextDecoder(encoding).decode(bytes);
    const rank = proposed.indexOf(encoding);
    const score = plausibility(text) + (rank === 0 ? 2 : rank === 1 ? 1 : 0);
    if (score > best.score) best = { text, encoding, score };
  }
  return { text: best.text, encoding: best.encoding };
}

/** Expected accented letters count for a decoding; control codes and stray symbols count against it. */
function plausibility(text: string): number {
  let score = 0;
  for (const character of text) {
    const code = character.codePointAt(0) ?? 0;
    if (code < 0x80) continue;
    if (EXPECTED_LETTERS.has(character)) score += 1;
    else if (code < 0xa0) score -= 5;
    else if (!/\p{L}/u.test(character) && !'–—„“”‚‘’…•°§€'.includes(character)) score -= 3;
  }
  return score;
}
