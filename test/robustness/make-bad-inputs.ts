// Makes the bad-input suite's files at test time, from the project's own fixtures and from code:
// damaged and hostile PDFs, zip bombs and other broken DOCX, binary and empty files, and text in
// every encoding s4s must decode. Nothing large is committed; everything is rebuilt in a temp dir.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { ReadErrorCode } from '../../src/read/errors.js';
import { fixture } from '../helpers.js';
import { writePdf } from './pdf-writer.js';
import { deflatedZeros, writeZip, type ZipInput } from './zip-writer.js';

/** What reading a case must end in: one of these error codes, or text holding these words. */
export type Expected = { codes: ReadErrorCode[]; orWords?: string[] } | { words: string[] };

export interface BadInput {
  /** Relative to the directory the cases are written to. */
  file: string;
  what: string;
  expect: Expected;
}

/** A small, seeded generator (mulberry32): the same cases on every run and machine. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

export function randomBytes(length: number, random: () => number): Buffer {
  const bytes = Buffer.alloc(length);
  for (let index = 0; index < length; index++) bytes[index] = Math.floor(random() * 256);
  return bytes;
}

/** A short Czech strategy on several pages, the source of the generated PDFs. */
export const CZECH_PAGES = [
  ['Strategie rozvoje města Příbor 2030', '1. Úvod', 'Město chce být zelené, bezpečné a otevřené všem generacím.'],
  ['2. Vize', 'V roce 2030 Příbor šetří energií, vodou i krajinou.', 'Lidé se podílejí na rozhodování o rozpočtu.'],
  ['3. Cíle', 'Snížit spotřebu energie veřejných budov o třetinu do roku 2030.', 'Rozšířit síť cyklostezek o 12 km.'],
  ['4. Indikátory', 'Podíl tříděného odpadu vzroste na 65 % do roku 2028.', 'Veřejná doprava pojede každých 15 minut.'],
];

/** Texts in the four Central European languages, with the letters their legacy code pages differ in. */
export const LEGACY_TEXTS = {
  cs: { text: 'Strategie rozvoje obce: žluťoučký kůň úpěl ďábelské ódy. Šetříme energií a vodou, řešíme dopravu.', words: ['žluťoučký', 'kůň', 'úpěl', 'ďábelské', 'Šetříme', 'řešíme'] },
  sk: { text: 'Stratégia rozvoja mesta: ďateľ ľúbi kôň, šťastný život v Žiline. Zníženie emisií a ochrana prírody.', words: ['ďateľ', 'ľúbi', 'kôň', 'šťastný', 'Žiline', 'Zníženie', 'prírody'] },
  pl: { text: 'Strategia rozwoju gminy: zażółć gęślą jaźń. Środowisko, ścieżki rowerowe i źródła energii w Łodzi.', words: ['zażółć', 'gęślą', 'jaźń', 'Środowisko', 'ścieżki', 'źródła', 'Łodzi'] },
  hu: { text: 'Fejlesztési stratégia: árvíztűrő tükörfúrógép. Őszi ünnep, hűség és környezetvédelem Győrben.', words: ['árvíztűrő', 'tükörfúrógép', 'Őszi', 'ünnep', 'hűség', 'környezetvédelem', 'Győrben'] },
} as const;

/** Bytes of a text in a single-byte code page, built from the decoder's own table. */
export function encodeLegacy(text: string, encoding: 'windows-1250' | 'iso-8859-2'): Buffer {
  const table = new Map<string, number>();
  const decoder = new TextDecoder(encoding);
  for (let byte = 0; byte < 256; byte++) table.set(decoder.decode(Uint8Array.of(byte)), byte);
  return Buffer.from(
    [...text].map((character) => {
      const byte = table.get(character);
      if (byte === undefined) throw new Error(`${character} is not in ${encoding}`);
      return byte;
    }),
  );
}

export function encodeUtf16(text: string, order: 'le' | 'be', bom: boolean): Buffer {
  const little = Buffer.from(text, 'utf16le');
  const bytes = order === 'le' ? little : Buffer.from(little).swap16();
  return Buffer.concat([bom ? Buffer.from(order === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]) : Buffer.alloc(0), bytes]);
}

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const RELATIONSHIPS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** The parts of a minimal Word document; `body` is WordprocessingML inside <w:body>. */
export function docxParts(body: string, documentRelationships = '', prolog = ''): ZipInput[] {
  return [
    {
      name: '[Content_Types].xml',
      data: '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    },
    {
      name: '_rels/.rels',
      data: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${RELATIONSHIPS}/officeDocument" Target="word/document.xml"/></Relationships>`,
    },
    {
      name: 'word/_rels/document.xml.rels',
      data: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${documentRelationships}</Relationships>`,
    },
    { name: 'word/document.xml', data: `<?xml version="1.0" encoding="UTF-8"?>${prolog}<w:document ${W}><w:body>${body}</w:body></w:document>` },
  ];
}

export const paragraph = (text: string) => `<w:p><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;

/** A DOCX that points outside itself in every way Word allows; `url` is where a fetch would land. */
export function docxWithExternalReferences(url: string, secretFile: string): Buffer {
  const relationships = [
    `<Relationship Id="rImg" Type="${RELATIONSHIPS}/image" Target="${url}/image.png" TargetMode="External"/>`,
    `<Relationship Id="rFile" Type="${RELATIONSHIPS}/image" Target="file://${secretFile}" TargetMode="External"/>`,
    `<Relationship Id="rLink" Type="${RELATIONSHIPS}/hyperlink" Target="${url}/link" TargetMode="External"/>`,
    `<Relationship Id="rChunk" Type="${RELATIONSHIPS}/aFChunk" Target="${url}/chunk.html" TargetMode="External"/>`,
    `<Relationship Id="rSub" Type="${RELATIONSHIPS}/subDocument" Target="${url}/sub.docx" TargetMode="External"/>`,
  ].join('');
  const image = (id: string) =>
    `<w:p><w:r><w:drawing><wp:inline xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"><wp:extent cx="100" cy="100"/><wp:docPr id="1" name="obrázek"/><a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:blipFill><a:blip r:link="${id}"/></pic:blipFill></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>`;
  const body = [
    paragraph('Strategie obce Dolní Ves: vize a cíle do roku 2030.'),
    image('rImg'),
    image('rFile'),
    `<w:p><w:hyperlink r:id="rLink"><w:r><w:t>Odkaz na akční plán</w:t></w:r></w:hyperlink></w:p>`,
    `<w:altChunk r:id="rChunk"/>`,
    `<w:p><w:subDoc r:id="rSub"/></w:p>`,
    `<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> INCLUDETEXT "${url}/include.txt" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>`,
  ].join('');
  return writeZip(docxParts(body, relationships));
}

/** A DOCX whose XML declares an external entity (XXE) naming a local file. */
export function docxWithExternalEntity(secretFile: string): Buffer {
  const prolog = `<!DOCTYPE w:document [<!ENTITY secret SYSTEM "file://${secretFile}">]>`;
  return writeZip(docxParts(`${paragraph('Strategie obce: &secret; konec.')}${paragraph('Cíle a opatření obce.')}`, '', prolog));
}

/** Nested entities ("billion laughs"): ten levels of ten copies each. */
function docxWithEntityExpansion(): Buffer {
  const entities = ['<!ENTITY lol0 "lol">', ...Array.from({ length: 9 }, (_, index) => `<!ENTITY lol${index + 1} "${`&lol${index};`.repeat(10)}">`)].join('');
  return writeZip(docxParts(`${paragraph('Strategie obce: &lol9;')}${paragraph('Cíle a opatření obce.')}`, '', `<!DOCTYPE w:document [${entities}]>`));
}

/** Every case but the ones that need a server, a special file system or 50 MB; written under `root`. */
export function makeBadInputs(root: string): BadInput[] {
  const random = seededRandom(0x5_4_5);
  const cases: BadInput[] = [];
  const write = (file: string, bytes: Uint8Array | string, what: string, expect: Expected) => {
    const path = join(root, file);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, bytes);
    cases.push({ file, what, expect });
  };
  const czechWords = ['Příbor', 'cyklostezek'];

  // PDF: made here, then damaged in every way a download or a careless tool damages it.
  const pdf = writePdf({ pages: CZECH_PAGES });
  const xrefAt = pdf.lastIndexOf('xref\n');
  write('pdf/generated.pdf', pdf, 'a sound PDF (the source of the damaged ones)', { words: czechWords });
  for (const share of [0.1, 0.5, 0.9]) {
    write(`pdf/truncated-${share * 100}.pdf`, pdf.subarray(0, Math.floor(pdf.length * share)), `truncated to ${share * 100} %`, { codes: ['DAMAGED', 'EMPTY', 'NO_TEXT'], orWords: ['Příbor'] });
  }
  write('pdf/header-only.pdf', '%PDF-1.7\n', 'a PDF header and nothing else', { codes: ['DAMAGED', 'EMPTY'] });
  write('pdf/random-after-header.pdf', Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(65_536, random)]), 'a PDF header followed by 64 KiB of random bytes', { codes: ['DAMAGED', 'EMPTY', 'NO_TEXT'] });
  write('pdf/random-bytes.pdf', randomBytes(65_536, random), '64 KiB of random bytes named .pdf', { codes: ['DAMAGED', 'UNSUPPORTED'] });
  const shifted = pdf.toString('latin1').replace(/^(\d{10}) 00000 n $/gm, (_, offset: string) => `${String(Number(offset) + 37).padStart(10, '0')} 00000 n `);
  write('pdf/xref-offsets-wrong.pdf', Buffer.from(shifted, 'latin1'), 'every cross-reference offset wrong', { words: czechWords });
  write('pdf/xref-missing.pdf', Buffer.concat([pdf.subarray(0, xrefAt), Buffer.from('startxref\n999999\n%%EOF\n')]), 'no cross-reference table, startxref past the end', { words: czechWords });
  write('pdf/xref-garbage.pdf', Buffer.concat([pdf.subarray(0, xrefAt), Buffer.from('xref\n0 9\nthis is not a table\ntrailer\n<< /Size 9 >>\nstartxref\n'), Buffer.from(String(xrefAt)), Buffer.from('\n%%EOF\n')]), 'a cross-reference table of garbage and a trailer without /Root', { codes: ['DAMAGED'], orWords: czechWords });
  write('pdf/encrypted.pdf', writePdf({ pages: CZECH_PAGES, encrypt: { userPassword: 'heslo-s4s', ownerPassword: 'vlastnik' } }), 'RC4-encrypted, a user password is needed', { codes: ['ENCRYPTED'] });
  write('pdf/encrypted-owner-only.pdf', writePdf({ pages: CZECH_PAGES, encrypt: { userPassword: '', ownerPassword: 'vlastnik' } }), 'encrypted with an empty user password (opens without asking)', { words: czechWords });
  write('pdf/encrypted-unknown-handler.pdf', writePdf({ pages: CZECH_PAGES, encrypt: { userPassword: 'a', ownerPassword: 'b' }, unknownSecurityHandler: true }), 'encrypted by a security handler no reader knows', { codes: ['ENCRYPTED'] });
  const text = pdf.toString('latin1');
  write('pdf/pages-loop.pdf', Buffer.from(text.replace(/\/Kids \[[^\]]*\]/, '/Kids [2 0 R]'), 'latin1'), 'a page tree whose only kid is itself', { codes: ['DAMAGED', 'EMPTY', 'NO_TEXT'] });
  write('pdf/page-count-lies.pdf', Buffer.from(text.replace(/\/Count \d+/, '/Count 2000000000'), 'latin1'), 'a page tree that claims two billion pages', { codes: ['TOO_MANY_PAGES', 'DAMAGED'], orWords: czechWords });
  write('pdf/deep-nesting.pdf', Buffer.from(text.replace('/MediaBox', `/Deep ${'['.repeat(100_000)}${']'.repeat(100_000)} /MediaBox`), 'latin1'), 'an array nested 100 000 deep', { codes: ['DAMAGED', 'EMPTY', 'NO_TEXT'], orWords: czechWords });
  write('pdf/fixture-truncated.pdf', readFileSync(fixture('pdf', 'cs-strategie.pdf')).subarray(0, 20_000), "the project's Czech PDF fixture cut short", { codes: ['DAMAGED', 'EMPTY', 'NO_TEXT'], orWords: ['Strategie'] });

  // Empty and binary files under document names.
  for (const name of ['zero.pdf', 'zero.docx', 'zero.md', 'zero.txt']) write(`empty/${name}`, '', 'zero bytes', { codes: ['EMPTY'] });
  write('empty/whitespace.md', ' \n\n\t\n   \n', 'only white space', { codes: ['EMPTY'] });
  write('binary/random.md', randomBytes(32_768, random), 'random bytes named .md', { codes: ['UNSUPPORTED'] });
  write('binary/png.md', Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), randomBytes(4096, random)]), 'a PNG image named .md', { codes: ['UNSUPPORTED'] });
  write('binary/elf.txt', Buffer.concat([Buffer.from('7f454c46020101000000000000000000', 'hex'), randomBytes(4096, random)]), 'an executable named .txt', { codes: ['UNSUPPORTED'] });

  // DOCX: zip bombs, broken archives, zips that are something else, and hostile XML.
  const sound = docxParts(paragraph('Strategie obce Dolní Ves: vize, cíle a indikátory do roku 2030.'));
  write('docx/generated.docx', writeZip(sound), 'a sound minimal DOCX', { words: ['Dolní', 'indikátory'] });
  write('docx/zip-bomb-declared.docx', writeZip([...sound.filter((part) => part.name !== 'word/document.xml'), { name: 'word/document.xml', deflated: deflatedZeros(4095) }]), 'a 4 MB zip whose document unpacks to 4 GB (declared)', { codes: ['ZIP_BOMB'] });
  write('docx/zip-bomb-lying.docx', writeZip([...sound.filter((part) => part.name !== 'word/document.xml'), { name: 'word/document.xml', deflated: deflatedZeros(1024), declaredSize: 3000 }]), 'a zip that declares 3 KB and unpacks to 1 GB', { codes: ['ZIP_BOMB'] });
  write('docx/zip-bomb-lying-media.docx', writeZip([...sound, { name: 'word/media/image1.png', deflated: deflatedZeros(1024), declaredSize: 3000 }]), 'an image part that declares 3 KB and unpacks to 1 GB', { codes: ['ZIP_BOMB'] });
  write('docx/zip-bomb-many-parts.docx', writeZip([...sound, ...Array.from({ length: 600 }, (_, index) => ({ name: `word/media/part${index}.bin`, deflated: deflatedZeros(1) }))]), '600 parts of 1 MB zeros each (600 MB in all)', { codes: ['ZIP_BOMB'] });
  write('docx/truncated.docx', readFileSync(fixture('docx', 'cs-strategie.docx')).subarray(0, 5000), "the project's DOCX fixture cut short", { codes: ['DAMAGED'], orWords: ['Strategie'] });
  write('docx/random-after-zip-magic.docx', Buffer.concat([Buffer.from('504b0304', 'hex'), randomBytes(16_384, random)]), 'a zip signature followed by random bytes', { codes: ['DAMAGED'] });
  write('docx/plain-zip.docx', writeZip([{ name: 'hello.txt', data: 'Hello' }]), 'a zip with no Word document in it', { codes: ['NOT_DOCX'] });
  write('docx/broken-xml.docx', writeZip(docxParts('<w:p><w:r><w:t>Neuzavřený odstavec')), 'a document.xml that is not well-formed', { codes: ['DAMAGED', 'EMPTY'], orWords: ['Neuzavřený'] });
  write('docx/entity-expansion.docx', docxWithEntityExpansion(), 'nested XML entities ("billion laughs")', { codes: ['DAMAGED', 'EMPTY'], orWords: ['Cíle'] });
  write('docx/pdf-inside.docx', pdf, 'a PDF named .docx', { words: czechWords });

  // Text in every encoding s4s decodes, and text that is not text.
  const czech = LEGACY_TEXTS.cs.text;
  for (const [language, sample] of Object.entries(LEGACY_TEXTS)) {
    write(`text/${language}-windows-1250.txt`, encodeLegacy(sample.text, 'windows-1250'), `${language} in Windows-1250`, { words: [...sample.words] });
    write(`text/${language}-iso-8859-2.txt`, encodeLegacy(sample.text, 'iso-8859-2'), `${language} in ISO-8859-2`, { words: [...sample.words] });
  }
  write('text/utf16le-bom.txt', encodeUtf16(`${czech}\n\n${LEGACY_TEXTS.hu.text}`, 'le', true), 'UTF-16 LE with a byte order mark', { words: ['žluťoučký', 'árvíztűrő'] });
  write('text/utf16be-bom.md', encodeUtf16(`# Strategie\n\n${czech}`, 'be', true), 'UTF-16 BE Markdown with a byte order mark', { words: ['žluťoučký', 'ďábelské'] });
  write('text/utf8-bom.md', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`# Strategie\n\n${czech}`)]), 'UTF-8 with a byte order mark', { words: ['Strategie', 'žluťoučký'] });
  const damagedUtf8 = Buffer.concat([Buffer.from(`Strategie města. ${czech} `), Buffer.from([0xc3, 0x28, 0xff]), Buffer.from(` ${LEGACY_TEXTS.sk.text} `), Buffer.from([0xe2, 0x82]), Buffer.from(' Cíle do roku 2030 a cyklostezky.')]);
  write('text/invalid-utf8.txt', damagedUtf8, 'UTF-8 with a few invalid sequences', { words: ['města', 'žluťoučký', 'šťastný', 'Cíle', 'cyklostezky'] });
  const controls = `# Plán\u200b\n\n${'Text\u0007 s\u000b řídicími\u000c znaky\u202e a\u00ad měkkým dělením. '.repeat(3)}${czech.repeat(3)} cyklostezky.\r\rKonec.`;
  write('text/control-characters.md', controls, 'stray control characters, a bidi override, soft hyphens, lone CRs', { words: ['Plán', 'cyklostezky'] });
  write('text/one-long-word.txt', `Strategie ${'a'.repeat(2 * 1024 * 1024)} cyklostezky`, 'one word of 2 MB', { words: ['Strategie', 'cyklostezky'] });
  write('text/deep-nesting.md', `# Strategie\n\n${'> '.repeat(10_000)}cyklostezky\n\n${'- '.repeat(5_000)}doprava\n`, 'block quotes nested 10 000 deep and lists 5 000 deep', { words: ['Strategie', 'cyklostezky', 'doprava'] });
  return cases;
}

/** The sound documents a mixed batch starts from (copied beside the bad ones). */
export const GOOD_DOCUMENTS = [fixture('strategies', 'cs-horni-lhota.md'), fixture('docx', 'cs-strategie.docx'), fixture('pdf', 'cs-strategie.pdf')];
