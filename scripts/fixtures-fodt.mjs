// Renders a fixture source (fixtures/sources/*.json) as a flat OpenDocument text (.fodt) and
// converts it with LibreOffice headless; shared by make-fixtures.mjs and bench-extract.mjs.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { deflateSync } from 'node:zlib';

const NAMESPACES = [
  'office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"',
  'style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"',
  'text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"',
  'table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"',
  'draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"',
  'fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"',
  'xlink="http://www.w3.org/1999/xlink"',
  'svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"',
]
  .map((namespace) => `xmlns:${namespace}`)
  .join(' ');

export function escapeXml(text) {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const VOWELS = 'aeiouyáéíóúůýěöőüűäô';

/** Puts soft hyphens into long words (after a vowel followed by consonant + vowel) so that LibreOffice breaks them. */
export function insertSoftHyphens(text) {
  return text.replace(/\p{L}{9,}/gu, (word) => {
    let result = '';
    for (let index = 0; index < word.length; index++) {
      result += word[index];
      const lower = word.toLowerCase();
      const breakHere =
        index >= 2 && index <= word.length - 4 && VOWELS.includes(lower[index]) && !VOWELS.includes(lower[index + 1]) && VOWELS.includes(lower[index + 2]);
      if (breakHere) result += '\u00ad';
    }
    return result;
  });
}

function paragraph(style, content) {
  return `<text:p text:style-name="${style}">${content}</text:p>`;
}

function renderBlock(block, context) {
  const pageBreak = block.pageBreak ? '_PB' : '';
  if (block.title) return paragraph('Title', escapeXml(block.title));
  if (block.h) return `<text:h text:style-name="Heading_20_${block.h}${pageBreak}" text:outline-level="${block.h}">${escapeXml(block.text)}</text:h>`;
  if (block.bold) return paragraph('BoldHeading', escapeXml(block.bold));
  if (block.p !== undefined) {
    const text = block.hyphenate ? insertSoftHyphens(block.p) : block.p;
    return paragraph(block.narrow ? 'Narrow' : 'Text_20_body', escapeXml(text));
  }
  if (block.list) {
    return `<text:list text:style-name="Bullets">${block.list.map((item) => `<text:list-item>${paragraph('Text_20_body', escapeXml(item))}</text:list-item>`).join('')}</text:list>`;
  }
  if (block.table) {
    const columns = block.table[0].length;
    context.tables += 1;
    const rows = block.table.map((row) => `<table:table-row>${row.map((cell) => `<table:table-cell office:value-type="string">${paragraph('Table_20_Contents', escapeXml(cell))}</table:table-cell>`).join('')}</table:table-row>`);
    return `<table:table table:name="Table${context.tables}"><table:table-column table:number-columns-repeated="${columns}"/>${rows.join('')}</table:table>`;
  }
  if (block.toc) {
    const entries = block.entries.map(([level, title, page]) => paragraph(`Contents_20_${level}`, `${escapeXml(title)}<text:tab/>${page}`));
    return `<text:table-of-content text:name="Obsah1" text:protected="true"><text:table-of-content-source text:outline-level="2"><text:index-title-template text:style-name="Contents_20_Heading">${escapeXml(block.toc)}</text:index-title-template></text:table-of-content-source><text:index-body><text:index-title text:name="Obsah1_Head">${paragraph('Contents_20_Heading', escapeXml(block.toc))}</text:index-title>${entries.join('')}</text:index-body></text:table-of-content>`;
  }
  if (block.image) {
    context.images += 1;
    const data = scanImagePng().toString('base64');
    return paragraph(
      block.pageBreak ? 'Image_PB' : 'Text_20_body',
      `<draw:frame draw:name="Scan${context.images}" text:anchor-type="as-char" svg:width="15cm" svg:height="20cm"><draw:image><office:binary-data>${data}</office:binary-data></draw:image></draw:frame>`,
    );
  }
  if (block.columns) {
    return `<text:section text:style-name="Columns${block.columns}" text:name="Columns${++context.sections}">${block.blocks.map((inner) => renderBlock(inner, context)).join('\n')}</text:section>`;
  }
  throw new Error(`unknown block ${JSON.stringify(block)}`);
}

function headerFooter(text) {
  if (!text) return '';
  const parts = text.split('{page}').map(escapeXml);
  return parts.join('<text:page-number text:select-page="current">1</text:page-number>');
}

export function renderFodt(source) {
  const language = `fo:language="${source.language ?? 'cs'}" fo:country="${source.country ?? 'CZ'}"`;
  const context = { tables: 0, images: 0, sections: 0 };
  const body = (source.blocks ?? []).map((block) => renderBlock(block, context)).join('\n');
  const heading = (level, size, pageBreak) =>
    `<style:style style:name="Heading_20_${level}${pageBreak ? '_PB' : ''}" style:display-name="Heading ${level}${pageBreak ? ' PB' : ''}" style:family="paragraph" style:parent-style-name="Standard" style:default-outline-level="${level}" style:class="text"><style:paragraph-properties fo:margin-top="0.5cm" fo:margin-bottom="0.25cm" fo:keep-with-next="always"${pageBreak ? ' fo:break-before="page"' : ''}/><style:text-properties style:font-name="DejaVu Sans" fo:font-size="${size}pt" fo:font-weight="bold"/></style:style>`;
  const contents = (level) =>
    `<style:style style:name="Contents_20_${level}" style:display-name="Contents ${level}" style:family="paragraph" style:parent-style-name="Standard" style:class="index"><style:paragraph-properties fo:margin-left="${(level - 1) * 0.5}cm"><style:tab-stops><style:tab-stop style:position="${16 - (level - 1) * 0.5}cm" style:type="right" style:leader-style="dotted" style:leader-text="."/></style:tab-stops></style:paragraph-properties></style:style>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<office:document ${NAMESPACES} office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:font-face-decls><style:font-face style:name="DejaVu Sans" svg:font-family="'DejaVu Sans'"/><style:font-face style:name="DejaVu Serif" svg:font-family="'DejaVu Serif'"/></office:font-face-decls>
<office:styles>
<style:default-style style:family="paragraph"><style:paragraph-properties fo:hyphenation-ladder-count="no-limit"/><style:text-properties style:font-name="DejaVu Serif" fo:font-size="10.5pt" ${language} fo:hyphenate="false"/></style:default-style>
<style:style style:name="Standard" style:family="paragraph" style:class="text"/>
<style:style style:name="Text_20_body" style:display-name="Text body" style:family="paragraph" style:parent-style-name="Standard" style:class="text"><style:paragraph-properties fo:margin-top="0cm" fo:margin-bottom="0.25cm" fo:text-align="justify"/></style:style>
<style:style style:name="Narrow" style:family="paragraph" style:parent-style-name="Text_20_body"><style:paragraph-properties fo:margin-left="5cm" fo:margin-right="5cm"/></style:style>
<style:style style:name="Title" style:family="paragraph" style:parent-style-name="Standard" style:class="chapter"><style:paragraph-properties fo:margin-bottom="0.6cm"/><style:text-properties style:font-name="DejaVu Sans" fo:font-size="20pt" fo:font-weight="bold"/></style:style>
<style:style style:name="BoldHeading" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:margin-top="0.35cm" fo:margin-bottom="0.2cm" fo:text-align="center" fo:keep-with-next="always"/><style:text-properties fo:font-weight="bold"/></style:style>
<style:style style:name="Image_PB" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:break-before="page"/></style:style>
<style:style style:name="Table_20_Contents" style:display-name="Table Contents" style:family="paragraph" style:parent-style-name="Standard" style:class="extra"/>
<style:style style:name="Header" style:family="paragraph" style:parent-style-name="Standard" style:class="extra"><style:paragraph-properties fo:text-align="center"/><style:text-properties fo:font-size="8.5pt" fo:font-style="italic"/></style:style>
<style:style style:name="Footer" style:family="paragraph" style:parent-style-name="Standard" style:class="extra"><style:paragraph-properties fo:text-align="center"/><style:text-properties fo:font-size="8.5pt"/></style:style>
<style:style style:name="Contents_20_Heading" style:display-name="Contents Heading" style:family="paragraph" style:parent-style-name="Standard" style:class="index"><style:paragraph-properties fo:margin-top="0.4cm" fo:margin-bottom="0.3cm"/><style:text-properties style:font-name="DejaVu Sans" fo:font-size="14pt" fo:font-weight="bold"/></style:style>
${contents(1)}
${contents(2)}
${heading(1, 16, false)}
${heading(1, 16, true)}
${heading(2, 13, false)}
${heading(3, 11.5, false)}
<text:list-style style:name="Bullets"><text:list-level-style-bullet text:level="1" text:bullet-char="•"><style:list-level-properties text:list-level-position-and-space-mode="label-alignment"><style:list-level-label-alignment text:label-followed-by="listtab" text:list-tab-stop-position="1.27cm" fo:text-indent="-0.635cm" fo:margin-left="1.27cm"/></style:list-level-properties></text:list-level-style-bullet></text:list-style>
</office:styles>
<office:automatic-styles>
<style:page-layout style:name="PageLayout"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" fo:margin-top="1.2cm" fo:margin-bottom="1.2cm" fo:margin-left="2.5cm" fo:margin-right="2.5cm"/><style:header-style><style:header-footer-properties fo:min-height="0.5cm" fo:margin-bottom="0.6cm"/></style:header-style><style:footer-style><style:header-footer-properties fo:min-height="0.5cm" fo:margin-top="0.6cm"/></style:footer-style></style:page-layout>
<style:style style:name="Columns2" style:family="section"><style:section-properties><style:columns fo:column-count="2" fo:column-gap="0.9cm"><style:column style:rel-width="1*" fo:start-indent="0cm" fo:end-indent="0.45cm"/><style:column style:rel-width="1*" fo:start-indent="0.45cm" fo:end-indent="0cm"/></style:columns></style:section-properties></style:style>
</office:automatic-styles>
<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="PageLayout">${source.header ? `<style:header>${paragraph('Header', headerFooter(source.header))}</style:header>` : ''}${source.footer ? `<style:footer>${paragraph('Footer', headerFooter(source.footer))}</style:footer>` : ''}</style:master-page></office:master-styles>
<office:body><office:text>
${body || paragraph('Standard', '')}
</office:text></office:body>
</office:document>
`;
}

/** A grey "scanned page": dark bars where lines of text would be, with a little noise. */
export function scanImagePng(width = 300, height = 400) {
  const rows = [];
  let seed = 7;
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(width + 1);
    const inLine = y > 30 && y < height - 30 && y % 18 < 8;
    for (let x = 1; x <= width; x++) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      const ink = inLine && x > 25 && x < width - 25 && seed % 7 !== 0;
      row[x] = ink ? 40 + (seed % 40) : 235 + (seed % 20);
    }
    rows.push(row);
  }
  const chunk = (type, data) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 0; // greyscale
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(Buffer.concat(rows))), chunk('IEND', Buffer.alloc(0))]);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, index) => {
  let value = index;
  for (let bit = 0; bit < 8; bit++) value = value & 1 ? 0xedb88320 ^ (value >>> 1) : value >>> 1;
  return value >>> 0;
});

export function crc32(bytes) {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

export function hasLibreOffice() {
  try {
    execFileSync('soffice', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/**
 * Converts a .fodt with LibreOffice headless. `target` is "pdf" or "docx"; PDF export options
 * (bookmarks, password) go in `pdfOptions`. Returns the path of the converted file.
 */
export function convertWithLibreOffice(fodtPath, outputPath, target, pdfOptions = {}) {
  const work = mkdtempSync(join(tmpdir(), 's4s-lo-'));
  try {
    const options = {
      ExportBookmarks: { type: 'boolean', value: String(pdfOptions.bookmarks ?? true) },
      ...(pdfOptions.password
        ? { EncryptFile: { type: 'boolean', value: 'true' }, DocumentOpenPassword: { type: 'string', value: pdfOptions.password } }
        : {}),
    };
    const filter = target === 'pdf' ? `pdf:writer_pdf_Export:${JSON.stringify(options)}` : 'docx:MS Word 2007 XML';
    execFileSync('soffice', ['--headless', '--norestore', `-env:UserInstallation=file://${join(work, 'profile')}`, '--convert-to', filter, '--outdir', work, fodtPath], {
      stdio: 'ignore',
      timeout: 300_000,
    });
    const converted = join(work, basename(fodtPath).replace(/\.fodt$/, `.${target}`));
    mkdirSync(join(outputPath, '..'), { recursive: true });
    copyFileSync(converted, outputPath);
    return outputPath;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

export function writeFodt(source, path) {
  writeFileSync(path, renderFodt(source));
  return path;
}
