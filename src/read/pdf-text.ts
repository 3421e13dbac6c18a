// Text clean-up for what PDFs store: ligatures, odd spaces, private-use bullets, accents drawn as
// separate glyphs (TeX), and words hyphenated across line ends.

const LIGATURES: Record<string, string> = {
  '\uFB00': 'ff',
  '\uFB01': 'fi',
  '\uFB02': 'fl',
  '\uFB03': 'ffi',
  '\uFB04': 'ffl',
  '\uFB05': 'st',
  '\uFB06': 'st',
  '\u0132': 'IJ',
  '\u0133': 'ij',
};

/** Spacing accents (as TeX draws them, before the letter) and the combining marks they stand for. */
const SPACING_ACCENTS: Record<string, string> = {
  '\u00A8': '\u0308',
  '\u00B4': '\u0301',
  '\u02C7': '\u030C',
  '\u02D8': '\u0306',
  '\u02DA': '\u030A',
  '\u02DD': '\u030B',
  '\u02C6': '\u0302',
  '\u02DC': '\u0303',
  '\u00B8': '\u0327',
  '\u02DB': '\u0328',
  '\u02D9': '\u0307',
};

const LIGATURE_PATTERN = /[\uFB00-\uFB06\u0132\u0133]/g;
const ACCENT_PATTERN = /([\u00A8\u00B4\u02C7\u02D8\u02DA\u02DD\u02C6\u02DC\u00B8\u02DB\u02D9])\s?(\p{L})/gu;
/** Symbol-font bullets land in the private use area; Word's  and  are the usual ones. */
const PRIVATE_USE_BULLETS = /[\uF0A7\uF0B7\uF076\uF0D8\uF0FC\uF0A8\uF06E\uF071\uF0E0\uF0F0]/g;
const ODD_SPACES = /[\u00A0\u2000-\u200A\u202F\u205F\u3000\t]/g;
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF]/g;
const OTHER_PRIVATE_USE = /[\uE000-\uF8FF]/g;

/** Normalises one piece of PDF text; keeps soft hyphens, which mark line-end hyphenation. */
export function normalizePdfText(text: string): string {
  let result = text;
  if (/[^\x20-\x7E]/.test(result)) {
    result = result
      .replace(LIGATURE_PATTERN, (ligature) => LIGATURES[ligature] ?? ligature)
      .replace(PRIVATE_USE_BULLETS, '•')
      .replace(OTHER_PRIVATE_USE, '')
      .replace(ODD_SPACES, ' ')
      .replace(INVISIBLE, '')
      .replace(/[\u2010\u2011]/g, '-')
      .replace(ACCENT_PATTERN, (_, accent: string, letter: string) => withAccent(letter, accent))
      .normalize('NFC');
  }
  return result;
}

function withAccent(letter: string, accent: string): string {
  const base = letter === 'ı' ? 'i' : letter === 'ȷ' ? 'j' : letter;
  return `${base}${SPACING_ACCENTS[accent] ?? ''}`.normalize('NFC');
}

const LINE_END_HYPHEN = /(\p{L})[-\u00AD]$/u;
/**
 * The hyphen belongs to the text before Czech and Slovak "-li" ("Je-" + "li to možné") and before a
 * word that goes on with a hyphen of its own ("park-" + "and-ride").
 */
const KEEPS_HYPHEN = /^(?:li(?![\p{L}])|\p{L}+-\p{L})/u;
/**
 * A hyphen left hanging before a conjunction is one word's half of a pair ("környezet- és
 * klímavédelem", "dvou- a tříleté", "dwu- i trzyletnie"): kept, with the space.
 */
const SUSPENDED_BEFORE = /^(?:a|i|és|vagy|nebo|alebo|či|ani|oraz|lub|albo|and|or)(?=\s|$)/u;
/** One letter before the hyphen ("e-" + "government", "e-" + "mail"): a prefix, kept. */
const ONE_LETTER_PREFIX = /(?:^|[^\p{L}])\p{L}-$/u;

/**
 * Joins the lines of one paragraph. A word broken with a hyphen at a line end is rejoined when
 * the next line goes on in lower case ("kon-" + "cepce" → "koncepce"); before a capital the hyphen
 * is part of a name and stays, without a space ("Frýdek-" + "Místek" → "Frýdek-Místek"), as it does
 * before "li", after a one-letter prefix ("e-government") and, with the space, before a conjunction
 * ("környezet- és"); a dash after a space stays.
 */
export function joinLines(lines: string[]): string {
  let text = '';
  for (const raw of lines) {
    const line = raw.trim();
    if (!line) continue;
    if (!text) {
      text = line;
      continue;
    }
    if (LINE_END_HYPHEN.test(text) && KEEPS_HYPHEN.test(line)) text += line;
    else if (LINE_END_HYPHEN.test(text) && SUSPENDED_BEFORE.test(line)) text = `${text} ${line}`;
    else if (LINE_END_HYPHEN.test(text) && ONE_LETTER_PREFIX.test(text)) text += line;
    else if (LINE_END_HYPHEN.test(text) && /^\p{Ll}/u.test(line)) text = text.slice(0, -1) + line;
    else if (text.endsWith('\u00AD')) text = text.slice(0, -1) + line;
    else if (LINE_END_HYPHEN.test(text) && /^\p{Lu}/u.test(line)) text += line;
    else if (/\d[-–]$/u.test(text) && /^\d/u.test(line)) text += line; // "2024–" + "2030"
    else text = `${text} ${line}`;
  }
  return text.replace(/\u00AD/g, '').replace(/ {2,}/g, ' ');
}

/** Text for comparing headings with outline and contents entries: letters and digits only. */
export function comparableText(text: string): string {
  const plain = /^[\x20-\x7E]*$/.test(text) ? text : text.normalize('NFKD');
  return plain
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
