// Writes DOCX fixtures straight from a JSON source (fixtures/sources/*-docx.json): the WordprocessingML
// parts Word itself writes, with localised style names, notes, comments, lists and tables.
import { deflateRawSync } from 'node:zlib';
import { crc32, escapeXml } from './fixtures-fodt.mjs';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

function runs(text) {
  return text
    .split('\t')
    .map((part) => `<w:r><w:t xml:space="preserve">${escapeXml(part)}</w:t></w:r>`)
    .join('<w:r><w:tab/></w:r>');
}

function paragraph(text, { style, numbered, extra = '' } = {}) {
  const properties = [style ? `<w:pStyle w:val="${style}"/>` : '', numbered ? '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>' : ''].join('');
  return `<w:p>${properties ? `<w:pPr>${properties}</w:pPr>` : ''}${runs(text)}${extra}</w:p>`;
}

function renderDocument(source, notes) {
  const body = [];
  for (const block of source.blocks) {
    if (block.style && block.text !== undefined) body.push(paragraph(block.text, { style: block.style }));
    else if (block.p !== undefined) {
      let extra = '';
      if (block.footnote) {
        notes.footnotes.push(block.footnote);
        extra += `<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteReference w:id="${notes.footnotes.length}"/></w:r>`;
      }
      if (block.endnote) {
        notes.endnotes.push(block.endnote);
        extra += `<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:endnoteReference w:id="${notes.endnotes.length}"/></w:r>`;
      }
      if (block.comment) {
        const id = notes.comments.length;
        notes.comments.push(block.comment);
        body.push(`<w:p><w:commentRangeStart w:id="${id}"/>${runs(block.p)}<w:commentRangeEnd w:id="${id}"/><w:r><w:commentReference w:id="${id}"/></w:r>${extra}</w:p>`);
      } else body.push(paragraph(block.p, { extra }));
    } else if (block.list) {
      for (const item of block.list) body.push(paragraph(item, { style: block.style, numbered: true }));
    } else if (block.table) {
      const columns = block.table[0].length;
      const grid = `<w:tblGrid>${'<w:gridCol w:w="3000"/>'.repeat(columns)}</w:tblGrid>`;
      const rows = block.table.map((row) => `<w:tr>${row.map((cell) => `<w:tc><w:tcPr><w:tcW w:w="3000" w:type="dxa"/></w:tcPr>${paragraph(cell)}</w:tc>`).join('')}</w:tr>`);
      body.push(`<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr>${grid}${rows.join('')}</w:tbl>`);
    } else throw new Error(`unknown block ${JSON.stringify(block)}`);
  }
  return `${XML}<w:document ${W}><w:body>${body.join('')}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>`;
}

function renderStyles(source) {
  const styles = source.styles.map((style) => {
    const outline = style.outlineLevel !== undefined ? `<w:pPr><w:outlineLvl w:val="${style.outlineLevel}"/></w:pPr>` : '';
    return `<w:style w:type="paragraph" w:customStyle="1" w:styleId="${style.id}"><w:name w:val="${escapeXml(style.name)}"/><w:basedOn w:val="${style.basedOn ?? 'Normal'}"/>${outline}</w:style>`;
  });
  return `${XML}<w:styles ${W}><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>${styles.join('')}</w:styles>`;
}

function renderNotes(kind, texts) {
  const tag = kind === 'footnotes' ? 'footnote' : 'endnote';
  const separators = `<w:${tag} w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:${tag}><w:${tag} w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:${tag}>`;
  const notes = texts.map((text, index) => `<w:${tag} w:id="${index + 1}">${paragraph(text)}</w:${tag}>`);
  return `${XML}<w:${kind} ${W}>${separators}${notes.join('')}</w:${kind}>`;
}

function renderComments(texts) {
  const comments = texts.map((text, index) => `<w:comment w:id="${index}" w:author="Tester" w:initials="T">${paragraph(text)}</w:comment>`);
  return `${XML}<w:comments ${W}>${comments.join('')}</w:comments>`;
}

const NUMBERING = `${XML}<w:numbering ${W}><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>`;

/** All parts of a .docx for the given source, as [name, content] pairs. */
export function docxParts(source) {
  const notes = { footnotes: [], endnotes: [], comments: [] };
  const document = renderDocument(source, notes);
  const parts = [
    ['word/document.xml', document],
    ['word/styles.xml', renderStyles(source)],
    ['word/numbering.xml', NUMBERING],
    ['word/footnotes.xml', renderNotes('footnotes', notes.footnotes)],
    ['word/endnotes.xml', renderNotes('endnotes', notes.endnotes)],
    ['word/comments.xml', renderComments(notes.comments)],
  ];
  const documentRels = [
    ['styles', 'styles.xml'],
    ['numbering', 'numbering.xml'],
    ['footnotes', 'footnotes.xml'],
    ['endnotes', 'endnotes.xml'],
    ['comments', 'comments.xml'],
  ].map(([type, target], index) => `<Relationship Id="rId${index + 1}" Type="${REL}/${type}" Target="${target}"/>`);
  const main = 'application/vnd.openxmlformats-officedocument.wordprocessingml';
  const overrides = [
    ['/word/document.xml', `${main}.document.main+xml`],
    ['/word/styles.xml', `${main}.styles+xml`],
    ['/word/numbering.xml', `${main}.numbering+xml`],
    ['/word/footnotes.xml', `${main}.footnotes+xml`],
    ['/word/endnotes.xml', `${main}.endnotes+xml`],
    ['/word/comments.xml', `${main}.comments+xml`],
  ].map(([name, type]) => `<Override PartName="${name}" ContentType="${type}"/>`);
  return [
    [
      '[Content_Types].xml',
      `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>${overrides.join('')}</Types>`,
    ],
    ['_rels/.rels', `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="word/document.xml"/></Relationships>`],
    ['word/_rels/document.xml.rels', `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${documentRels.join('')}</Relationships>`],
    ...parts,
  ];
}

/** A minimal deterministic zip writer (deflate, fixed timestamps). */
export function zip(entries) {
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const [name, content] of entries) {
    const data = Buffer.from(content);
    const compressed = deflateRawSync(data);
    const nameBytes = Buffer.from(name, 'utf8');
    const checksum = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt16LE(0, 10);
    local.writeUInt16LE(0x5821, 12);
    local.writeUInt32LE(checksum, 14);
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    locals.push(local, nameBytes, compressed);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt16LE(0, 12);
    central.writeUInt16LE(0x5821, 14);
    central.writeUInt32LE(checksum, 16);
    central.writeUInt32LE(compressed.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, nameBytes);
    offset += 30 + nameBytes.length + compressed.length;
  }
  const centralDirectory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralDirectory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, centralDirectory, end]);
}
