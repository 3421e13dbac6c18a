// Recognises how headings are numbered in V4 and English strategies and laws: "1.", "2.3.1",
// "IV.", "Kapitola 2", "Článek 5", "Čl. II.", "Rozdział 3", "3. fejezet", "§ 4"... and the depth
// each form implies. Used by the PDF and plain-text readers.

export interface HeadingNumber {
  /** The numbering as written ("2.3", "Čl. II.", "3. fejezet"). */
  label: string;
  /** 1 for chapters, 2 for their parts... */
  depth: number;
  kind: 'decimal' | 'roman' | 'keyword';
  /** The rest of the line after the numbering. */
  rest: string;
}

const ROMAN = '(?:X{0,3})(?:IX|IV|V?I{0,3})';
const NUMBER = `(?:\\d{1,3}|${ROMAN})`;

/** Words that open a chapter-level division, by language (cs, sk, pl, hu, en). */
const CHAPTER_WORDS = ['část', 'hlava', 'kapitola', 'díl', 'časť', 'rozdział', 'dział', 'część', 'part', 'chapter', 'příloha', 'príloha', 'załącznik', 'annex', 'appendix'];
/** Words that open an article-level division. */
const ARTICLE_WORDS = ['článek', 'článok', 'čl\\.', 'oddíl', 'oddiel', 'artykuł', 'art\\.', 'article', 'section', '§'];
/** Hungarian puts the number first: "3. fejezet", "II. rész", "5. cikk". */
const HUNGARIAN_CHAPTER = ['fejezet', 'rész', 'melléklet'];
const HUNGARIAN_ARTICLE = ['cikk', 'szakasz', 'alfejezet'];

const KEYWORD_FIRST = new RegExp(`^(?<word>${[...CHAPTER_WORDS, ...ARTICLE_WORDS].join('|')})\\s*(?:č\\.|nr\\.?|no\\.|sz\\.)?\\s*(?<number>${NUMBER}|[A-Z])(?:\\.(?!\\d))?(?=[\\s:–—.-]|$)`, 'iu');
const NUMBER_FIRST = new RegExp(`^(?<number>${NUMBER})\\.?\\s+(?<word>${[...HUNGARIAN_CHAPTER, ...HUNGARIAN_ARTICLE].join('|')})(?=[\\s:–—.-]|$)`, 'iu');
const ARTICLE_WORD = new RegExp(`^(?:${[...ARTICLE_WORDS, ...HUNGARIAN_ARTICLE].join('|')})$`, 'iu');
const DECIMAL = /^(?<number>\d{1,2}(?:\.\d{1,2}){0,5})(?<dot>\.)?(?=\s)/u;
const ROMAN_ONLY = new RegExp(`^(?<number>${ROMAN})\\.(?=\\s)`, 'u');
/** "A.1", "B.2.3": a lettered part's numbered sections (a letter alone, "A.", may be an initial). */
const LETTERED_DECIMAL = /^(?<number>[A-Z](?:\.\d{1,2}){1,4})(?<dot>\.)?(?=\s)/u;

/** First words that may open a keyword heading, for a quick test before the full patterns. */
const KEYWORD_STARTS = new Set([...CHAPTER_WORDS, ...ARTICLE_WORDS].map((word) => word.replace('\\.', '')));

/** Reads the numbering at the start of a heading-like line, or undefined when it has none. */
export function parseHeadingNumber(line: string): HeadingNumber | undefined {
  const text = line.trim();
  // Most lines start with none of these: decide that cheaply (this runs on every line of a PDF).
  const startsWithNumber = /^[\dIVX]/.test(text) || /^[A-Z]\.\d/.test(text);
  if (!startsWithNumber && !KEYWORD_STARTS.has((/^[^\s\d.]+/u.exec(text)?.[0] ?? '').toLowerCase())) return undefined;
  const keyword = (startsWithNumber ? undefined : KEYWORD_FIRST.exec(text)) ?? (startsWithNumber ? NUMBER_FIRST.exec(text) : null);
  if (keyword?.groups?.number) {
    const isArticle = ARTICLE_WORD.test(keyword.groups.word ?? '');
    return { label: keyword[0], depth: isArticle ? 2 : 1, kind: 'keyword', rest: cleanRest(text.slice(keyword[0].length)) };
  }
  const decimal = DECIMAL.exec(text);
  if (decimal?.groups?.number) {
    const rest = text.slice(decimal[0].length).trim();
    // "1 840 obyvatel", "2024 年": a number followed by a number or lower case is no heading.
    if (!/^\p{Lu}/u.test(rest)) return undefined;
    return { label: decimal[0], depth: decimal.groups.number.split('.').length, kind: 'decimal', rest: cleanRest(rest) };
  }
  const lettered = LETTERED_DECIMAL.exec(text);
  if (lettered?.groups?.number) {
    const rest = text.slice(lettered[0].length).trim();
    if (!/^\p{Lu}/u.test(rest)) return undefined;
    return { label: lettered[0], depth: lettered.groups.number.split('.').length, kind: 'decimal', rest: cleanRest(rest) };
  }
  const roman = ROMAN_ONLY.exec(text);
  if (roman?.groups?.number) {
    const rest = text.slice(roman[0].length).trim();
    if (!/^\p{Lu}/u.test(rest)) return undefined;
    return { label: roman[0], depth: 1, kind: 'roman', rest: cleanRest(rest) };
  }
  return undefined;
}

function cleanRest(rest: string): string {
  return rest.replace(/^[\s:–—.-]+/u, '').trim();
}

/** Captions, sources and list items are often set apart like titles (bold, own line), but head nothing. */
const CAPTION_OR_ITEM = /^(?:obrázek|obr\.|tabulka|tab\.|graf|schéma|obrázok|tabuľka|rysunek|rys\.|tabela|wykres|ábra|táblázat|diagram|figure|fig\.|table|chart|zdroj|source|źródło|forrás|poznámka|pozn\.|note)\b|^[•▪◦●■□►‣⁃∙·*–—-]\s|^\(?[a-z][.)]\s/iu;

export function isCaptionOrItem(text: string): boolean {
  return CAPTION_OR_ITEM.test(text);
}
