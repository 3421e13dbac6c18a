// Writes small PDFs for the bad-input suite: pages of text in a standard font (Czech letters through
// an encoding with glyph names), optional links that point at a server (nothing may fetch them), and
// optional RC4 encryption by the standard security handler (revision 2), written out here so that
// the encrypted cases are made by code rather than taken from somewhere.
import { createHash } from 'node:crypto';

export interface PdfSpec {
  pages: string[][];
  /** URLs placed in link annotations, an outline entry, a remote go-to action and an external stream. */
  externalUrls?: string[];
  /** Encrypt with these passwords (user password '' opens without asking). */
  encrypt?: { userPassword: string; ownerPassword: string };
  /** Name an encryption handler no reader knows. */
  unknownSecurityHandler?: boolean;
}

/** Glyph names for the letters beyond ASCII that the test texts use. */
const GLYPH_NAMES: Record<string, string> = {
  á: 'aacute', č: 'ccaron', ď: 'dcaron', é: 'eacute', ě: 'ecaron', í: 'iacute', ň: 'ncaron', ó: 'oacute', ř: 'rcaron', š: 'scaron',
  ť: 'tcaron', ú: 'uacute', ů: 'uring', ý: 'yacute', ž: 'zcaron', Č: 'Ccaron', Ř: 'Rcaron', Ú: 'Uacute', Š: 'Scaron', Ž: 'Zcaron', ö: 'odieresis',
  ő: 'ohungarumlaut', ü: 'udieresis', ű: 'uhungarumlaut', ł: 'lslash', ą: 'aogonek', ę: 'eogonek', ś: 'sacute', ż: 'zdotaccent', ź: 'zacute', ń: 'nacute', ć: 'cacute',
};

const PADDING = Buffer.from('28bf4e5e4e758a4164004e56fffa01082e2e00b6d0683e802f0ca9fe6453697a', 'hex');

export function writePdf(spec: PdfSpec): Buffer {
  const letters = [...new Set(spec.pages.flat().join('').split(''))].filter((character) => character.charCodeAt(0) > 126);
  const codes = new Map(letters.map((letter, index) => [letter, 128 + index]));
  const missing = letters.find((letter) => !GLYPH_NAMES[letter]);
  if (missing) throw new Error(`no glyph name for ${missing}`);
  const differences = letters.map((letter) => `${codes.get(letter)} /${GLYPH_NAMES[letter]}`).join(' ');

  const objects: string[] = [];
  const add = (body: string) => objects.push(body);
  const catalog = add('');
  const pagesObject = add('');
  const font = add(`<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding << /Type /Encoding /BaseEncoding /WinAnsiEncoding /Differences [${differences}] >> >>`);
  const urls = spec.externalUrls ?? [];
  const pageNumbers: number[] = [];
  const streams = new Map<number, string>();
  for (const lines of spec.pages) {
    const text = lines.map((line, index) => `BT /F1 12 Tf 72 ${760 - index * 18} Td (${encodeText(line, codes)}) Tj ET`).join('\n');
    const content = add('');
    streams.set(content, text);
    const annotations = urls.map((url) => add(`<< /Type /Annot /Subtype /Link /Rect [72 72 300 90] /A << /S /URI /URI (${url}) >> >>`));
    const remote = urls.map((url) => add(`<< /Type /Annot /Subtype /Link /Rect [72 100 300 120] /A << /S /GoToR /F << /FS /URL /F (${url}) >> /D [0 /Fit] >> >>`));
    const external = urls.map((url) => add(`<< /Length 0 /F << /FS /URL /F (${url}) >> >>`));
    for (const stream of external) streams.set(stream, '');
    const xobjects = external.map((object, index) => `/X${index} ${object} 0 R`).join(' ');
    pageNumbers.push(
      add(`<< /Type /Page /Parent ${pagesObject} 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 ${font} 0 R >> /XObject << ${xobjects} >> >> /Contents ${content} 0 R /Annots [${[...annotations, ...remote].map((n) => `${n} 0 R`).join(' ')}] >>`),
    );
  }
  let outline = '';
  if (urls.length > 0) {
    const outlines = add('');
    const item = add(`<< /Title (Odkaz) /Parent ${outlines} 0 R /A << /S /URI /URI (${urls[0]}) >> >>`);
    objects[outlines - 1] = `<< /Type /Outlines /First ${item} 0 R /Last ${item} 0 R /Count 1 >>`;
    outline = ` /Outlines ${outlines} 0 R`;
  }
  objects[catalog - 1] = `<< /Type /Catalog /Pages ${pagesObject} 0 R${outline} >>`;
  objects[pagesObject - 1] = `<< /Type /Pages /Kids [${pageNumbers.map((n) => `${n} 0 R`).join(' ')}] /Count ${pageNumbers.length} >>`;

  const fileId = createHash('md5').update(JSON.stringify(spec.pages)).digest();
  const security = spec.encrypt ? standardSecurity(spec.encrypt, fileId) : undefined;
  const encryptObject = security ? add(spec.unknownSecurityHandler ? security.dictionary.replace('/Standard', '/FooSecurity') : security.dictionary) : undefined;

  const chunks: Buffer[] = [Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  let length = chunks[0]!.length;
  const offsets: number[] = [];
  objects.forEach((body, index) => {
    const number = index + 1;
    offsets.push(length);
    const stream = streams.get(number);
    let chunk: Buffer;
    if (stream !== undefined) {
      let data = Buffer.from(stream, 'latin1');
      if (security && number !== encryptObject) data = security.encrypt(number, data);
      const plain = body || `<< /Length ${data.length} >>`;
      const dictionary = security ? encryptStrings(plain, number, security.encrypt) : plain;
      chunk = Buffer.concat([Buffer.from(`${number} 0 obj\n${dictionary.replace('/Length 0', `/Length ${data.length}`)}\nstream\n`, 'latin1'), data, Buffer.from('\nendstream\nendobj\n', 'latin1')]);
    } else {
      const text = security && number !== encryptObject ? encryptStrings(body, number, security.encrypt) : body;
      chunk = Buffer.from(`${number} 0 obj\n${text}\nendobj\n`, 'latin1');
    }
    chunks.push(chunk);
    length += chunk.length;
  });
  const xref = [`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`, ...offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`)].join('');
  const id = fileId.toString('hex');
  const trailer = `trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R${encryptObject ? ` /Encrypt ${encryptObject} 0 R` : ''} /ID [<${id}> <${id}>] >>\nstartxref\n${length}\n%%EOF\n`;
  chunks.push(Buffer.from(xref + trailer, 'latin1'));
  return Buffer.concat(chunks);
}

function encodeText(line: string, codes: Map<string, number>): string {
  return [...line]
    .map((character) => {
      const code = codes.get(character);
      if (code !== undefined) return `\\${code.toString(8)}`;
      return character === '(' || character === ')' || character === '\\' ? `\\${character}` : character;
    })
    .join('');
}

/** Literal strings `(...)` of an object (no nested parentheses in ours) become encrypted hex strings. */
function encryptStrings(body: string, number: number, encrypt: (number: number, data: Buffer) => Buffer): string {
  return body.replace(/\(([^()]*)\)/g, (_, text: string) => `<${encrypt(number, Buffer.from(text, 'latin1')).toString('hex')}>`);
}

/** The standard security handler, revision 2 (40-bit RC4): PDF 1.7 spec, algorithms 3.1 to 3.4. */
function standardSecurity(passwords: { userPassword: string; ownerPassword: string }, fileId: Buffer) {
  const pad = (password: string) => Buffer.concat([Buffer.from(password, 'latin1'), PADDING]).subarray(0, 32);
  const permissions = -4;
  const ownerKey = createHash('md5').update(pad(passwords.ownerPassword)).digest().subarray(0, 5);
  const owner = rc4(ownerKey, pad(passwords.userPassword));
  const permissionBytes = Buffer.alloc(4);
  permissionBytes.writeInt32LE(permissions);
  const key = createHash('md5').update(pad(passwords.userPassword)).update(owner).update(permissionBytes).update(fileId).digest().subarray(0, 5);
  const user = rc4(key, PADDING);
  return {
    dictionary: `<< /Filter /Standard /V 1 /R 2 /O <${owner.toString('hex')}> /U <${user.toString('hex')}> /P ${permissions} >>`,
    encrypt(number: number, data: Buffer): Buffer {
      const objectKey = createHash('md5')
        .update(key)
        .update(Buffer.from([number & 0xff, (number >> 8) & 0xff, (number >> 16) & 0xff, 0, 0]))
        .digest()
        .subarray(0, 10);
      return rc4(objectKey, data);
    },
  };
}

function rc4(key: Uint8Array, data: Uint8Array): Buffer {
  const state = Array.from({ length: 256 }, (_, index) => index);
  for (let i = 0, j = 0; i < 256; i++) {
    j = (j + state[i]! + key[i % key.length]!) & 0xff;
    [state[i], state[j]] = [state[j]!, state[i]!];
  }
  const output = Buffer.alloc(data.length);
  for (let index = 0, i = 0, j = 0; index < data.length; index++) {
    i = (i + 1) & 0xff;
    j = (j + state[i]!) & 0xff;
    [state[i], state[j]] = [state[j]!, state[i]!];
    output[index] = data[index]! ^ state[(state[i]! + state[j]!) & 0xff]!;
  }
  return output;
}
