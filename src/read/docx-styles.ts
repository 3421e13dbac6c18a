// What a Word paragraph style means for s4s: a heading of some level (by name in several languages,
// by style id, or by the outline level the style or its parents set), a contents entry, a list.

/** Heading style names as Word and LibreOffice write them in cs, sk, pl, hu, en, de, fr. */
const HEADING_NAME = /^(?:heading|nadpis|nagłówek|naglowek|címsor|cimsor|überschrift|titre|título|titolo|kop)\s*(\d)$/iu;
/** Style ids are names without spaces or accents: Nadpis1, Nagwek1 (Nagłówek), Cmsor1 (Címsor). */
const HEADING_ID = /^(?:heading|nadpis|nagwek|naglowek|nagowek|cmsor|cimsor|berschrift|titre)(\d)$/iu;
const TITLE = /^(?:title|název|nazev|názov|nazov|tytuł|tytul|cím|cim|nzev|nzov|tytu|cm)$/iu;
/** The title above a table of contents: a heading, so that the contents form their own section. */
const CONTENTS_HEADING = /^(?:contents heading|toc heading|nadpis obsahu|obsah nadpis|nagłówek spisu treści|tartalomjegyzék-címsor|tartalomjegyzék címsora)$/iu;
const CONTENTS = /^(?:toc|obsah|spis treści|spistreci|tartalomjegyzék|tj|verzeichnis)\s*\d$/iu;
const LIST = /^(?:list paragraph|odstavec se seznamem|odsek zoznamu|akapit z listą|listaszerű bekezdés|list bullet|list number)/iu;

/**
 * A paragraph's own outline level (w:pPr/w:outlineLvl) is lost by mammoth, so docx.ts rewrites such a
 * paragraph's style to this marker plus the level (1-based) before mammoth reads it. Word lets the
 * paragraph's own level override its style's.
 */
export const OWN_OUTLINE_STYLE = 's4s-outline-level-';

export type ParagraphKind = { kind: 'heading'; level: number } | { kind: 'toc' } | { kind: 'list' } | { kind: 'body' };

/**
 * A value of each style in styles.xml, set by the style or inherited through w:basedOn: `own` reads
 * it from a style's XML (its attributes and its body), undefined where the style does not set it.
 * The nearest style that sets it decides.
 */
export function inheritedStyleValues<T>(stylesXml: string | undefined, own: (attributes: string, body: string) => T | undefined): Map<string, T> {
  const styles = new Map<string, { value?: T; basedOn?: string }>();
  for (const match of (stylesXml ?? '').matchAll(/<w:style\b([^>]*)>([\s\S]*?)<\/w:style>/g)) {
    const attributes = match[1] ?? '';
    const id = /w:styleId="([^"]+)"/.exec(attributes)?.[1];
    if (!id) continue;
    const body = match[2] ?? '';
    const value = own(attributes, body);
    const basedOn = /<w:basedOn\s+w:val="([^"]+)"/.exec(body)?.[1];
    styles.set(id, { ...(value !== undefined ? { value } : {}), ...(basedOn ? { basedOn } : {}) });
  }
  const values = new Map<string, T>();
  for (const id of styles.keys()) {
    let current: string | undefined = id;
    for (let depth = 0; current && depth < 10; depth++) {
      const style = styles.get(current);
      if (style?.value !== undefined) {
        values.set(id, style.value);
        break;
      }
      current = style?.basedOn;
    }
  }
  return values;
}

/** Outline levels (1-based) of paragraph styles, with inheritance through w:basedOn, from styles.xml. */
export function readOutlineLevels(stylesXml: string | undefined): Map<string, number> {
  const levels = inheritedStyleValues(stylesXml, (_attributes, body) => {
    const outline = /<w:outlineLvl\s+w:val="(\d)"/.exec(body)?.[1];
    return outline === undefined ? undefined : Number(outline) + 1;
  });
  // Outline level 10 (w:val 9) is "body text".
  for (const [id, level] of levels) if (level > 9) levels.delete(id);
  return levels;
}

export function classifyParagraph(styleId: string | null | undefined, styleName: string | null | undefined, outlineLevels: Map<string, number>): ParagraphKind {
  const name = (styleName ?? '').trim();
  const id = (styleId ?? '').trim();
  if (id.startsWith(OWN_OUTLINE_STYLE)) return { kind: 'heading', level: Number(id.slice(OWN_OUTLINE_STYLE.length)) || 1 };
  const numbered = HEADING_NAME.exec(name) ?? HEADING_ID.exec(id);
  if (numbered) return { kind: 'heading', level: Number(numbered[1]) || 1 };
  if (TITLE.test(name) || TITLE.test(id) || CONTENTS_HEADING.test(name)) return { kind: 'heading', level: 1 };
  if (CONTENTS.test(name) || CONTENTS.test(id)) return { kind: 'toc' };
  const outline = id ? outlineLevels.get(id) : undefined;
  if (outline !== undefined) return { kind: 'heading', level: outline };
  if (LIST.test(name)) return { kind: 'list' };
  return { kind: 'body' };
}
