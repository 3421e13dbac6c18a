// Text normalisation shared by terms and documents: Unicode compatibility forms (ligatures),
// case folding and diacritic removal, so that "Životní", "zivotni" and "ŽIVOTNÍ" compare equal.

/** Letters that carry no combining mark in Unicode and so survive NFKD. */
const UNDECOMPOSABLE: Record<string, string> = { ł: 'l', đ: 'd', ø: 'o', ß: 'ss', æ: 'ae', œ: 'oe', ı: 'i' };
const UNDECOMPOSABLE_PATTERN = /[łđøßæœı]/g;
/** "children’s" and "children's" are one word: typographic apostrophes become the plain one. */
const APOSTROPHES = /[’ʼ‘]/g;

export function normalizeWord(word: string): string {
  return word
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(UNDECOMPOSABLE_PATTERN, (letter) => UNDECOMPOSABLE[letter] ?? letter)
    .replace(APOSTROPHES, "'");
}
