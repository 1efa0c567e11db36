// Word files built to hurt a reader (issue 22), made in the test rather than kept as
// files: a few KB that unpack to 60 MB or 5 MB of XML, 10,000 parts, XML nested
// thousands deep, a zip that lies about its sizes, and a long but honest document.
import AdmZip from 'adm-zip';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const MB = 1024 * 1024;

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
  '<Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
  '</Types>';
const RELS =
  '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  `<Relationship Id="rId1" Type="${R}/officeDocument" Target="word/document.xml"/></Relationships>`;

/** A .docx whose word/document.xml body is `body`, with `extra` parts beside it. */
export function docxWithBody(body: string | Buffer, extra: Array<[string, Buffer]> = []): Buffer {
  const zip = new AdmZip();
  zip.addFile('[Content_Types].xml', Buffer.from(CONTENT_TYPES));
  zip.addFile('_rels/.rels', Buffer.from(RELS));
  const head = Buffer.from(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="${W}" xmlns:r="${R}"><w:body>`);
  const tail = Buffer.from('</w:body></w:document>');
  zip.addFile('word/document.xml', Buffer.concat([head, Buffer.isBuffer(body) ? body : Buffer.from(body), tail]));
  for (const [name, data] of extra) zip.addFile(name, data);
  return zip.toBuffer();
}

/** `mb` MB of one tiny paragraph repeated: packs about 300:1 (and 1000:1 at 60 MB). */
export function repeatedXmlDocx(mb: number): Buffer {
  const unit = Buffer.from('<w:p><w:r><w:t>x</w:t></w:r></w:p>');
  return docxWithBody(Buffer.alloc(Math.ceil((mb * MB) / unit.length) * unit.length, unit));
}

/** A document of `parts` parts (a Word document has tens). */
export function manyPartsDocx(parts: number): Buffer {
  const extra: Array<[string, Buffer]> = [];
  for (let i = 0; i < parts; i++) extra.push([`word/media/p${i}.xml`, Buffer.from('<a/>')]);
  return docxWithBody('<w:p><w:r><w:t>Dagsorden</w:t></w:r></w:p>', extra);
}

/** Tables inside tables, `depth` deep (three elements a level). */
export function deepDocx(depth: number): Buffer {
  const open = '<w:tbl><w:tr><w:tc>'.repeat(depth);
  const close = '<w:p/></w:tc></w:tr></w:tbl>'.repeat(depth);
  return docxWithBody(`${open}<w:p><w:r><w:t>Dybt</w:t></w:r></w:p>${close}`);
}

/**
 * A document that says its document.xml is 1,000 bytes and unpacks to `mb` MB: the
 * declared size in the central directory and the local header is rewritten.
 */
export function lyingDocx(mb: number): Buffer {
  const buf = Buffer.from(repeatedXmlDocx(mb));
  const name = Buffer.from('word/document.xml');
  for (let at = buf.indexOf(name); at !== -1; at = buf.indexOf(name, at + 1)) {
    if (buf.readUInt32LE(at - 46) === 0x02014b50) buf.writeUInt32LE(1000, at - 46 + 24);
    else if (buf.readUInt32LE(at - 30) === 0x04034b50) buf.writeUInt32LE(1000, at - 30 + 22);
  }
  return buf;
}

/**
 * An honest document of about `mb` MB of XML in varied paragraphs (packing about 50:1,
 * like a long agenda): within every limit, and slow for mammoth to read (seconds).
 */
export function longDocx(mb: number): Buffer {
  const words = ['rammeaftale', 'kommunerne', 'socialtilsyn', 'handleplan', 'styregruppe', 'borgere', 'tilbud', 'udmelding', 'sekretariatet', 'drøfter'];
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < mb * MB; i++) {
    const text = `Afsnit ${i}: ${words[i % 10]} ${words[(i * 7) % 10]} ${words[(i * 3) % 10]} og ${i * 31} ${words[(i * 13) % 10]}.`;
    const p = `<w:p><w:pPr><w:pStyle w:val="Normal"/></w:pPr><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
    parts.push(p);
    size += p.length;
  }
  return docxWithBody(`<w:p><w:r><w:t>1.1 Godkendelse af dagsorden</w:t></w:r></w:p>${parts.join('')}`);
}

/**
 * An honest document of more than `chars` characters of text in long paragraphs: little
 * markup around the text, so it crosses a text limit with about a quarter of longDocx's
 * XML (and of mammoth's reading time).
 */
export function longTextDocx(chars: number): Buffer {
  const words = ['rammeaftale', 'kommunerne', 'socialtilsyn', 'handleplan', 'styregruppe', 'borgere', 'tilbud', 'udmelding', 'sekretariatet', 'drøfter'];
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size <= chars; i++) {
    const sentences: string[] = [];
    for (let j = 0; j < 30; j++) {
      const k = i * 30 + j;
      sentences.push(`Afsnit ${k}: ${words[k % 10]} ${words[(k * 7) % 10]} ${words[(k * 3) % 10]} og ${k * 31} ${words[(k * 13) % 10]}.`);
    }
    const text = sentences.join(' ');
    parts.push(`<w:p><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`);
    size += text.length;
  }
  return docxWithBody(`<w:p><w:r><w:t>1.1 Godkendelse af dagsorden</w:t></w:r></w:p>${parts.join('')}`);
}

/** A file named .docx that is not a zip. */
export const NOT_A_ZIP = Buffer.from('Dette er ikke en zip-fil, selv om den hedder .docx.\n');
