// The numbers Word shows before numbered headings ("2.3 Doprava"): Word computes them from
// numbering.xml as it lays the document out, and the document's text does not hold them, so mammoth
// reads "Doprava". Without the number, "Analytická část > Doprava" and "Návrhová část > Doprava"
// are hard to tell apart in evidence. docx-xml.ts asks a HeadingNumberer for each paragraph of the
// body in order and writes the number it returns before the heading's text.
import { classifyParagraph, inheritedStyleValues } from './docx-styles.js';

interface ListLevel {
  start: number;
  /** w:numFmt: decimal, upperRoman, lowerLetter, bullet, none... */
  format: string;
  /** w:lvlText: "%1.%2." */
  text: string;
}

interface ListInstance {
  abstractId: string;
  startOverrides: Map<number, number>;
}

/** A paragraph's own numbering (w:pPr/w:numPr), or its style's. */
export interface NumberingReference {
  numId?: string;
  level?: number;
}

const ROMAN: [number, string][] = [
  [1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I'],
];

export class HeadingNumberer {
  private readonly levels = new Map<string, Map<number, ListLevel>>();
  private readonly instances = new Map<string, ListInstance>();
  private readonly styleNumbering = new Map<string, NumberingReference>();
  private readonly styleNames = new Map<string, string>();
  private readonly outlineLevels: Map<string, number>;
  /** Counters per abstract list, by level: lists that share one go on counting, as in Word. */
  private readonly counters = new Map<string, (number | undefined)[]>();
  private readonly started = new Set<string>();

  /** `outlineLevels`: the styles' outline levels, as readOutlineLevels read them from `stylesXml`. */
  constructor(numberingXml: string | undefined, stylesXml: string | undefined, outlineLevels: Map<string, number>) {
    this.outlineLevels = outlineLevels;
    this.readNumbering(numberingXml ?? '');
    this.readStyles(stylesXml ?? '');
  }

  /** Whether the document numbers anything at all: if not, nothing needs counting. */
  get numbersAnything(): boolean {
    return this.instances.size > 0;
  }

  /**
   * The number to show before this paragraph ("2.3"), when it is a heading that Word numbers. Every
   * numbered paragraph, heading or not, must pass through here in document order: they all count.
   */
  next(styleId: string | undefined, own: NumberingReference, ownOutlineLevel: boolean): string | undefined {
    const inherited = styleId ? this.styleNumbering.get(styleId) : undefined;
    const numId = own.numId ?? inherited?.numId;
    if (!numId || numId === '0') return undefined;
    const instance = this.instances.get(numId);
    const levels = instance ? this.levels.get(instance.abstractId) : undefined;
    if (!instance || !levels) return undefined;
    const level = own.level ?? inherited?.level ?? 0;
    const definition = levels.get(level);
    if (!definition) return undefined;
    const counters = this.countersOf(numId, instance, levels);
    counters[level] = counters[level] === undefined ? definition.start : (counters[level] as number) + 1;
    for (let deeper = level + 1; deeper < counters.length; deeper++) counters[deeper] = undefined;
    const isHeading = ownOutlineLevel || classifyParagraph(styleId, styleId ? this.styleNames.get(styleId) : undefined, this.outlineLevels).kind === 'heading';
    if (!isHeading || definition.format === 'bullet' || definition.format === 'none') return undefined;
    const shown = definition.text.replace(/%([1-9])/g, (_, digit: string) => {
      const index = Number(digit) - 1;
      const of = levels.get(index);
      return formatNumber(counters[index] ?? of?.start ?? 1, of?.format ?? 'decimal');
    });
    return shown.trim() || undefined;
  }

  private countersOf(numId: string, instance: ListInstance, levels: Map<number, ListLevel>): (number | undefined)[] {
    let counters = this.counters.get(instance.abstractId);
    if (!counters) {
      counters = Array.from({ length: Math.max(...levels.keys()) + 1 }, () => undefined);
      this.counters.set(instance.abstractId, counters);
    }
    // A list instance that overrides a level's start restarts that level where it is first used.
    if (!this.started.has(numId)) {
      this.started.add(numId);
      for (const [level, start] of instance.startOverrides) counters[level] = start - 1;
    }
    return counters;
  }

  private readNumbering(xml: string): void {
    for (const abstract of xml.matchAll(/<w:abstractNum\b[^>]*\bw:abstractNumId="([^"]+)"[^>]*>([\s\S]*?)<\/w:abstractNum>/g)) {
      const levels = new Map<number, ListLevel>();
      for (const level of (abstract[2] ?? '').matchAll(/<w:lvl\b[^>]*\bw:ilvl="(\d)"[^>]*>([\s\S]*?)<\/w:lvl>/g)) {
        const body = level[2] ?? '';
        levels.set(Number(level[1]), {
          start: Number(valueOf(body, 'w:start') ?? 1),
          // Legal numbering shows every level's number in decimal.
          format: /<w:isLgl\b/.test(body) ? 'decimal' : (valueOf(body, 'w:numFmt') ?? 'decimal'),
          text: valueOf(body, 'w:lvlText') ?? '',
        });
      }
      this.levels.set(abstract[1] as string, levels);
    }
    for (const num of xml.matchAll(/<w:num\b[^>]*\bw:numId="([^"]+)"[^>]*>([\s\S]*?)<\/w:num>/g)) {
      const body = num[2] ?? '';
      const abstractId = valueOf(body, 'w:abstractNumId');
      if (abstractId === undefined) continue;
      const startOverrides = new Map<number, number>();
      for (const override of body.matchAll(/<w:lvlOverride\b[^>]*\bw:ilvl="(\d)"[^>]*>([\s\S]*?)<\/w:lvlOverride>/g)) {
        const start = valueOf(override[2] ?? '', 'w:startOverride');
        if (start !== undefined) startOverrides.set(Number(override[1]), Number(start));
      }
      this.instances.set(num[1] as string, { abstractId, startOverrides });
    }
  }

  /** Each style's numbering, through w:basedOn, and its name (for classifyParagraph). */
  private readStyles(xml: string): void {
    for (const style of xml.matchAll(/<w:style\b([^>]*)>([\s\S]*?)<\/w:style>/g)) {
      const id = /w:styleId="([^"]+)"/.exec(style[1] ?? '')?.[1];
      const name = valueOf(style[2] ?? '', 'w:name');
      if (id && name) this.styleNames.set(id, name);
    }
    const numbering = inheritedStyleValues(xml, (_attributes, body): NumberingReference | undefined => {
      const numPr = /<w:numPr>([\s\S]*?)<\/w:numPr>/.exec(body)?.[1] ?? '';
      const numId = valueOf(numPr, 'w:numId');
      const level = valueOf(numPr, 'w:ilvl');
      return numId === undefined ? undefined : { numId, ...(level !== undefined ? { level: Number(level) } : {}) };
    });
    for (const [id, reference] of numbering) this.styleNumbering.set(id, reference);
  }
}

const valuePatterns = new Map<string, RegExp>();

/** The w:val of the first element with this name in a piece of XML. */
function valueOf(xml: string, element: string): string | undefined {
  let pattern = valuePatterns.get(element);
  if (!pattern) {
    pattern = new RegExp(`<${element}\\b[^>]*\\bw:val="([^"]*)"`);
    valuePatterns.set(element, pattern);
  }
  return pattern.exec(xml)?.[1];
}

export function formatNumber(value: number, format: string): string {
  switch (format) {
    case 'upperRoman':
      return roman(value);
    case 'lowerRoman':
      return roman(value).toLowerCase();
    case 'upperLetter':
      return letters(value);
    case 'lowerLetter':
      return letters(value).toLowerCase();
    case 'decimalZero':
      return value < 10 ? `0${value}` : String(value);
    default:
      return String(value); // decimal, and formats s4s does not spell out (ordinal words...)
  }
}

function roman(value: number): string {
  if (value <= 0 || value >= 4000) return String(value);
  let rest = value;
  let text = '';
  for (const [amount, numeral] of ROMAN) {
    while (rest >= amount) {
      text += numeral;
      rest -= amount;
    }
  }
  return text;
}

/** Word's letters: A..Z, then AA..ZZ, AAA.. (the letter repeated). */
function letters(value: number): string {
  if (value <= 0) return String(value);
  const letter = String.fromCharCode(65 + ((value - 1) % 26));
  return letter.repeat(Math.floor((value - 1) / 26) + 1);
}
