// A .docx is a zip, and a zip may say 180 KB and unpack to 60 MB of XML that takes a
// reader gigabytes (issue 22). Before mammoth sees the bytes, the zip's central directory
// is read here and every part is unpacked once, counting what comes out and stopping at
// the limit: what the directory declares is checked against what the data holds, so a
// zip that lies about its sizes is refused too. XML nesting is bounded on the way.
import zlib from 'node:zlib';
import { DocumentRefusal } from './document-refusal';

export interface DocxLimits {
  /** Parts inside the zip; a Word document has tens, with images a few hundred. */
  entries: number;
  /** All parts together, unpacked. */
  totalBytes: number;
  /** word/document.xml unpacked: a 100-page agenda is a few MB. */
  documentXmlBytes: number;
  /** Unpacked size over packed size for a part over `ratioFromBytes`; Word's XML packs about 10:1. */
  ratio: number;
  ratioFromBytes: number;
  /** Nesting of XML elements; a Word document nests tables in tables some 30 deep. */
  xmlDepth: number;
}

const MB = 1024 * 1024;

export const DOCX_LIMITS: DocxLimits = {
  entries: 2000,
  totalBytes: 20 * MB,
  documentXmlBytes: 10 * MB,
  ratio: 100,
  ratioFromBytes: 1 * MB,
  xmlDepth: 200,
};

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

interface Entry {
  name: string;
  method: number;
  packed: number;
  unpacked: number;
  localOffset: number;
}

function damaged(detail: string): DocumentRefusal {
  return new DocumentRefusal('damaged', null, detail);
}

function tooLarge(limits: DocxLimits, detail: string): DocumentRefusal {
  return new DocumentRefusal('too_large', Math.round(limits.totalBytes / MB), detail);
}

/** The end-of-central-directory record: the last one, before a comment of at most 64 KB. */
function endOfDirectory(buf: Buffer): number {
  const lowest = Math.max(0, buf.length - 22 - 0xffff);
  for (let at = buf.length - 22; at >= lowest; at--) {
    if (buf.readUInt32LE(at) === EOCD && at + 22 + buf.readUInt16LE(at + 20) <= buf.length) return at;
  }
  throw damaged('no zip directory');
}

function entries(buf: Buffer, limits: DocxLimits): Entry[] {
  const end = endOfDirectory(buf);
  const count = buf.readUInt16LE(end + 10);
  const size = buf.readUInt32LE(end + 12);
  const offset = buf.readUInt32LE(end + 16);
  // Zip64 is for parts over 4 GB or 65,535 parts: never a document.
  if (count === 0xffff || offset === 0xffffffff) throw new DocumentRefusal('too_many_parts', limits.entries, 'zip64');
  if (count > limits.entries) throw new DocumentRefusal('too_many_parts', limits.entries, `${count} parts`);
  if (offset + size > end) throw damaged('directory outside the file');
  const list: Entry[] = [];
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > end || buf.readUInt32LE(at) !== CENTRAL) throw damaged('broken directory');
    const nameLength = buf.readUInt16LE(at + 28);
    const next = at + 46 + nameLength + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
    if (next > end) throw damaged('broken directory');
    list.push({
      method: buf.readUInt16LE(at + 10),
      packed: buf.readUInt32LE(at + 20),
      unpacked: buf.readUInt32LE(at + 24),
      localOffset: buf.readUInt32LE(at + 42),
      name: buf.toString('utf8', at + 46, at + 46 + nameLength),
    });
    at = next;
  }
  return list;
}

/** The packed bytes of a part, where its local header (as readers find it) says they start. */
function packedData(buf: Buffer, entry: Entry): Buffer {
  const at = entry.localOffset;
  if (at + 30 > buf.length || buf.readUInt32LE(at) !== LOCAL) throw damaged(`no local header for ${entry.name}`);
  const start = at + 30 + buf.readUInt16LE(at + 26) + buf.readUInt16LE(at + 28);
  if (start + entry.packed > buf.length) throw damaged(`${entry.name} runs past the end`);
  return buf.subarray(start, start + entry.packed);
}

/** Unpacks one part, never past what its directory entry declares. */
function unpack(buf: Buffer, entry: Entry, limits: DocxLimits): Buffer {
  const packed = packedData(buf, entry);
  let data: Buffer;
  if (entry.method === 0) {
    data = packed;
  } else if (entry.method === 8) {
    try {
      data = zlib.inflateRawSync(packed, { maxOutputLength: Math.max(1, entry.unpacked + 1) });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE')
        throw tooLarge(limits, `${entry.name} unpacks past its declared ${entry.unpacked} bytes`);
      throw damaged(`${entry.name}: ${(error as Error).message}`);
    }
  } else {
    throw damaged(`${entry.name}: compression method ${entry.method}`);
  }
  if (data.length !== entry.unpacked) throw damaged(`${entry.name} is ${data.length} bytes, declared ${entry.unpacked}`);
  return data;
}

/** The deepest nesting of elements in XML, stopping as soon as it passes `limit`. */
export function xmlDepth(xml: Buffer, limit: number): number {
  let depth = 0;
  let deepest = 0;
  const n = xml.length;
  let i = xml.indexOf(0x3c); // '<'
  while (i !== -1 && i < n) {
    const next = xml[i + 1];
    if (next === 0x2f) {
      depth--; // '</'
      i = xml.indexOf(0x3e, i); // '>'
    } else if (next === 0x21 || next === 0x3f) {
      // Comments, CDATA, declarations and processing instructions open nothing; their
      // text may hold '<' and '>', so they end at their own terminator.
      const terminator = xml.subarray(i, i + 9).toString('latin1').startsWith('<![CDATA[')
        ? ']]>'
        : xml[i + 2] === 0x2d && xml[i + 3] === 0x2d
          ? '-->'
          : next === 0x3f
            ? '?>'
            : '>';
      const end = xml.indexOf(terminator, i + 2, 'latin1');
      i = end === -1 ? -1 : end + terminator.length - 1;
    } else {
      // An opening tag: its end is the first '>' outside quoted attribute values.
      let j = i + 1;
      let quote = 0;
      for (; j < n; j++) {
        const c = xml[j];
        if (quote) {
          if (c === quote) quote = 0;
        } else if (c === 0x22 || c === 0x27) quote = c;
        else if (c === 0x3e) break;
      }
      if (xml[j - 1] !== 0x2f) {
        depth++;
        if (depth > deepest) {
          deepest = depth;
          if (deepest > limit) return deepest;
        }
      }
      i = j;
    }
    if (i === -1) break;
    i = xml.indexOf(0x3c, i + 1);
  }
  return deepest;
}

/**
 * Refuses (throws DocumentRefusal) a .docx that is not a zip, has too many parts, unpacks
 * past the limits or past what it declares, or nests its XML too deep.
 */
export function checkDocx(bytes: Uint8Array, limits: DocxLimits = DOCX_LIMITS): void {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf.length < 22 || buf.readUInt32LE(0) !== LOCAL) throw damaged('not a zip');
  const list = entries(buf, limits);
  let total = 0;
  for (const entry of list) {
    total += entry.unpacked;
    if (total > limits.totalBytes) throw tooLarge(limits, `declared ${total} bytes and more`);
    if (entry.name === 'word/document.xml' && entry.unpacked > limits.documentXmlBytes)
      throw new DocumentRefusal('too_large', Math.round(limits.documentXmlBytes / MB), `document.xml declared ${entry.unpacked} bytes`);
    if (entry.unpacked > limits.ratioFromBytes && entry.unpacked > limits.ratio * Math.max(1, entry.packed))
      throw tooLarge(limits, `${entry.name} packs ${Math.round(entry.unpacked / Math.max(1, entry.packed))}:1`);
  }
  if (!list.some((e) => e.name === 'word/document.xml')) throw damaged('no word/document.xml');
  // Every part is unpacked, not only the XML: mammoth (through JSZip) trusts the same
  // packed bytes, and what it may unpack must be what was counted here.
  for (const entry of list) {
    const data = unpack(buf, entry, limits);
    if (/\.(xml|rels)$/i.test(entry.name)) {
      // Word writes no document type declarations; one could define entities that expand.
      if (data.includes('<!DOCTYPE', 0, 'latin1')) throw damaged(`${entry.name} declares a document type`);
      const depth = xmlDepth(data, limits.xmlDepth);
      if (depth > limits.xmlDepth) throw new DocumentRefusal('too_deep', limits.xmlDepth, `${entry.name} nests ${depth} deep`);
    }
  }
}
