// The parts of a DOCX as mammoth is given them: straight from s4s's own zip reader, the XML ones as
// Word shows them. Mammoth ignores hidden text (w:vanish), content controls showing their
// placeholder, and a paragraph's own outline level, and drops simple fields (w:fldSimple) with the
// text they show; visibleXml takes the first two out, turns the third into a style
// classifyParagraph knows (OWN_OUTLINE_STYLE), and unwraps the fourth.
import { escapeXmlText } from '../report/xml.js';
import { HeadingNumberer, type NumberingReference } from './docx-numbering.js';
import { inheritedStyleValues, OWN_OUTLINE_STYLE } from './docx-styles.js';
import type { ZipArchive } from './zip.js';

/** What mammoth reads of a DOCX (its `file` input): the archive's parts, XML ones through visibleXml. */
export interface MammothFile {
  exists(name: string): boolean;
  read(name: string, encoding?: string): Promise<string>;
}

/** The document's styles.xml, as readDocx read it, and the outline levels it found there. */
export interface WordStyles {
  xml: string | undefined;
  outlineLevels: Map<string, number>;
}

export function cleanedParts(archive: ZipArchive, styles: WordStyles): MammothFile {
  let numberer: HeadingNumberer | undefined;
  let hiddenStyles: Set<string> | undefined;
  return {
    exists: (name) => archive.has(name),
    read: async (name, encoding) => {
      // Binary parts (images) are only read when mammoth renders them, and s4s renders nothing.
      if (!encoding) throw new Error(`s4s does not read binary part ${name}`);
      const text = archive.readText(name);
      if (text === undefined) throw new Error(`no part ${name} in the archive`);
      const xml = text.replace(/^\uFEFF/, '');
      if (!name.endsWith('.xml')) return xml;
      // The body's numbered headings get the numbers Word shows (docx-numbering.ts).
      if (name === 'word/document.xml') numberer ??= new HeadingNumberer(archive.readText('word/numbering.xml'), styles.xml, styles.outlineLevels);
      hiddenStyles ??= hiddenCharacterStyles(styles.xml);
      return visibleXml(xml, name === 'word/document.xml' ? numberer : undefined, hiddenStyles);
    },
  };
}

interface XmlFrame {
  name: string;
  start: number;
  openEnd: number;
  parent: XmlFrame | undefined;
  /** w:r: has w:rPr/w:vanish. */
  hidden?: boolean;
  /** w:r: holds a field character; removing it would unbalance the field mammoth tracks. */
  fieldCharacter?: boolean;
  /** w:sdt: shows its placeholder (w:sdtPr/w:showingPlcHdr), not content. */
  placeholder?: boolean;
  /** w:pPr of a w:p: where its w:pStyle is and the paragraph's own outline level. */
  styleAt?: [number, number];
  outlineLevel?: number;
  /** w:p: its style, its own numbering, whether it has its own outline level, and where its w:pPr ends. */
  styleId?: string;
  numbering?: NumberingReference;
  ownOutline?: boolean;
  propertiesEnd?: number;
}

const XML_TOKEN = /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<(\/?)([A-Za-z_][\w.:-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g;

/**
 * WordprocessingML as Word shows it, for mammoth, which ignores w:vanish, placeholders and a
 * paragraph's own outline level: runs of hidden text and the runs of a content control showing its
 * placeholder ("Click here to enter text") are removed (their paragraphs stay, so paragraph numbers
 * do not move), and a paragraph with its own outline level 1-9 gets the OWN_OUTLINE_STYLE style.
 * A simple field's tags are removed and the runs of its result kept: mammoth 1.x drops w:fldSimple
 * whole, and Word writes one for caption numbers ("Tabulka 1"), cross-references ("kapitola 3")
 * and document properties. Only w:r, w:sdt, w:fldSimple and w:p/w:pPr are looked at; anything
 * else, malformed XML too, passes unchanged.
 */
export function visibleXml(xml: string, numberer?: HeadingNumberer, hiddenStyles: ReadonlySet<string> = new Set()): string {
  const edits: { start: number; end: number; text: string }[] = [];
  let current: XmlFrame | undefined;
  const isOn = (attributes: string) => !/\bw:val\s*=\s*["'](?:false|0|off)["']/.test(attributes);
  const inPlaceholder = (frame: XmlFrame) => {
    for (let at: XmlFrame | undefined = frame; at; at = at.parent) if (at.placeholder) return true;
    return false;
  };
  for (const match of xml.matchAll(XML_TOKEN)) {
    const name = match[2];
    if (!name) continue; // a comment or CDATA
    const start = match.index;
    const end = start + match[0].length;
    const attributes = match[3] ?? '';
    const parent = current;
    if (match[1] === '/') {
      let frame = current;
      while (frame && frame.name !== name) frame = frame.parent;
      if (!frame) continue;
      current = frame.parent;
      if (frame.name === 'w:fldSimple') edits.push({ start, end, text: '' });
      if (frame.name === 'w:r' && !frame.fieldCharacter && (frame.hidden || inPlaceholder(frame))) edits.push({ start: frame.start, end, text: '' });
      if (frame.name === 'w:pPr' && frame.outlineLevel !== undefined) {
        const style = `<w:pStyle w:val="${OWN_OUTLINE_STYLE}${frame.outlineLevel}"/>`;
        edits.push(frame.styleAt ? { start: frame.styleAt[0], end: frame.styleAt[1], text: style } : { start: frame.openEnd, end: frame.openEnd, text: style });
      }
      if (frame.name === 'w:pPr' && frame.parent?.name === 'w:p') {
        frame.parent.propertiesEnd = end;
        frame.parent.ownOutline = frame.outlineLevel !== undefined;
      }
      if (frame.name === 'w:p' && numberer?.numbersAnything) {
        const number = numberer.next(frame.styleId, frame.numbering ?? {}, frame.ownOutline === true);
        const at = frame.propertiesEnd ?? frame.openEnd;
        if (number) edits.push({ start: at, end: at, text: `<w:r><w:t xml:space="preserve">${escapeXmlText(number)} </w:t></w:r>` });
      }
      continue;
    }
    const grandparent = parent?.parent;
    // A run's own w:vanish wins over its character style's (w:rStyle comes first in w:rPr).
    if (name === 'w:vanish' && parent?.name === 'w:rPr' && grandparent?.name === 'w:r') grandparent.hidden = isOn(attributes);
    else if (name === 'w:rStyle' && parent?.name === 'w:rPr' && grandparent?.name === 'w:r' && hiddenStyles.has(/\bw:val\s*=\s*["']([^"']*)["']/.exec(attributes)?.[1] ?? '')) grandparent.hidden = true;
    else if (name === 'w:showingPlcHdr' && parent?.name === 'w:sdtPr' && grandparent?.name === 'w:sdt' && isOn(attributes)) grandparent.placeholder = true;
    else if (name === 'w:fldChar' && parent?.name === 'w:r') parent.fieldCharacter = true;
    else if (parent?.name === 'w:numPr' && grandparent?.name === 'w:pPr' && grandparent.parent?.name === 'w:p') {
      const paragraph = grandparent.parent;
      const value = /\bw:val\s*=\s*["']([^"']*)["']/.exec(attributes)?.[1];
      if (name === 'w:numId' && value !== undefined) paragraph.numbering = { ...paragraph.numbering, numId: value };
      if (name === 'w:ilvl' && value !== undefined) paragraph.numbering = { ...paragraph.numbering, level: Number(value) };
    } else if (parent?.name === 'w:pPr' && grandparent?.name === 'w:p') {
      if (name === 'w:pStyle') {
        parent.styleAt = [start, end];
        const styleId = /\bw:val\s*=\s*["']([^"']*)["']/.exec(attributes)?.[1];
        if (styleId) grandparent.styleId = styleId;
      }
      const level = name === 'w:outlineLvl' ? /\bw:val\s*=\s*["'](\d)["']/.exec(attributes)?.[1] : undefined;
      // Level 10 (w:val 9) is body text: the style decides then.
      if (level !== undefined && Number(level) <= 8) parent.outlineLevel = Number(level) + 1;
    }
    const selfClosing = attributes.endsWith('/');
    // The open tag goes, the runs inside stay; its close tag goes when it closes. A self-closing
    // field has no result (mammoth reads nothing of it) and is left as it is.
    if (name === 'w:fldSimple' && !selfClosing) edits.push({ start, end, text: '' });
    if (!selfClosing) current = { name, start, openEnd: end, parent };
  }
  if (edits.length === 0) return xml;
  // Inner runs close (and are recorded) before the outer ones that contain them: keep the outer.
  edits.sort((a, b) => a.start - b.start || b.end - a.end);
  let result = '';
  let at = 0;
  for (const edit of edits) {
    if (edit.start < at) continue;
    result += xml.slice(at, edit.start) + edit.text;
    at = edit.end;
  }
  return result + xml.slice(at);
}

/**
 * Character styles that hide their text (w:rPr/w:vanish, through w:basedOn): templates mark their
 * instructions so ("Zde popište vizi…"), and Word shows none of it.
 */
export function hiddenCharacterStyles(stylesXml: string | undefined): Set<string> {
  const hidden = inheritedStyleValues(stylesXml, (attributes, body) => {
    if (!/w:type="character"/.test(attributes)) return undefined;
    const vanish = /<w:rPr>[\s\S]*?<w:vanish\b([^>]*)\/?>/.exec(body);
    return vanish ? !/w:val="(?:false|0|off)"/.test(vanish[1] ?? '') : undefined;
  });
  return new Set([...hidden].filter(([, isHidden]) => isHidden).map(([id]) => id));
}
