import { DocumentRefusal } from '../../src/documents/document-refusal';
import { DOCX_LIMITS, checkDocx, xmlDepth } from '../../src/documents/docx-guard';
import { docxToMarkdown } from '../../src/documents/docx-text';
import { documentText } from '../../src/documents/read-document';
import { NOT_A_ZIP, deepDocx, docxWithBody, lyingDocx, longDocx, manyPartsDocx, repeatedXmlDocx } from '../support/docx-bombs';
import { blocksFromMarkdown, buildDocx } from './docx-fixture';

function refusal(fn: () => unknown): DocumentRefusal {
  try {
    fn();
  } catch (error) {
    if (error instanceof DocumentRefusal) return error;
    throw error;
  }
  throw new Error('not refused');
}

describe('checkDocx: what a .docx may unpack to', () => {
  it('lets a Word document through, and a long honest one', () => {
    expect(() => checkDocx(buildDocx(blocksFromMarkdown('# Dagsorden\n\n1.1 Punkt\n\n- a\n- b')))).not.toThrow();
    expect(() => checkDocx(longDocx(2))).not.toThrow();
  });

  it('refuses 180 KB that unpack to 60 MB, by what its directory declares, before unpacking', () => {
    const bomb = repeatedXmlDocx(60);
    expect(bomb.length).toBeLessThan(200 * 1024);
    const before = process.memoryUsage().arrayBuffers;
    const r = refusal(() => checkDocx(bomb));
    expect([r.code, r.limit]).toEqual(['too_large', 20]);
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(10 * 1024 * 1024);
  });

  it('refuses 16 KB that unpack to 5 MB: it packs some 300:1', () => {
    const bomb = repeatedXmlDocx(5);
    expect(bomb.length).toBeLessThan(20 * 1024);
    const r = refusal(() => checkDocx(bomb));
    expect(r.code).toBe('too_large');
    expect(r.detail).toMatch(/word\/document\.xml packs \d+:1/);
  });

  it('refuses a document.xml over 10 MB even when the whole is under 20 MB', () => {
    const r = refusal(() => checkDocx(repeatedXmlDocx(11), { ...DOCX_LIMITS, ratio: 10_000 }));
    expect([r.code, r.limit]).toEqual(['too_large', 10]);
  });

  it('refuses a zip whose declared sizes lie, stopping the unpacking at the declared size', () => {
    const r = refusal(() => checkDocx(lyingDocx(30)));
    expect(r.code).toBe('too_large');
    expect(r.detail).toMatch(/unpacks past its declared 1000 bytes/);
  });

  it('refuses 10,000 parts', () => {
    const r = refusal(() => checkDocx(manyPartsDocx(10_000)));
    expect([r.code, r.limit]).toEqual(['too_many_parts', 2000]);
  });

  it('refuses XML nested thousands deep', () => {
    const r = refusal(() => checkDocx(deepDocx(2000)));
    expect([r.code, r.limit]).toEqual(['too_deep', 200]);
    expect(() => checkDocx(deepDocx(20))).not.toThrow();
  });

  it('refuses a file that is not a zip, and a zip without a Word document in it', () => {
    expect(refusal(() => checkDocx(NOT_A_ZIP)).code).toBe('damaged');
    expect(refusal(() => checkDocx(Buffer.alloc(0))).code).toBe('damaged');
    const cut = docxWithBody('<w:p/>');
    expect(refusal(() => checkDocx(cut.subarray(0, cut.length - 30))).code).toBe('damaged');
  });

  it('refuses XML that declares a document type (entities that expand)', () => {
    const zip = docxWithBody('<w:p/>', [['word/styles.xml', Buffer.from('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><x>&a;</x>')]]);
    expect(refusal(() => checkDocx(zip)).code).toBe('damaged');
  });

  it('is what docxToMarkdown and documentText apply before mammoth', async () => {
    await expect(docxToMarkdown(repeatedXmlDocx(60))).rejects.toMatchObject({ code: 'too_large' });
    await expect(documentText('dagsorden.docx', NOT_A_ZIP)).rejects.toThrow(/^Filen kunne ikke læses som et Word-dokument/);
    await expect(documentText('dagsorden.odt', Buffer.from('PK'))).rejects.toMatchObject({ code: 'unsupported' });
    // A PDF that is only its header is read as a PDF and refused as broken.
    await expect(documentText('dagsorden.pdf', Buffer.from('%PDF-1.7'))).rejects.toMatchObject({ code: 'damaged' });
  });
});

describe('xmlDepth', () => {
  it('counts elements, not self-closing ones, comments, CDATA, declarations or > in attributes', () => {
    const xml = Buffer.from('<?xml version="1.0"?><!-- <a><b> --><a x="1>2" y=\'<\'><b/><c><![CDATA[<d><e>]]><d>t</d></c></a>');
    expect(xmlDepth(xml, 100)).toBe(3);
    expect(xmlDepth(Buffer.from('<a><b></b><b><c/></b></a>'), 100)).toBe(2);
  });

  it('stops as soon as it passes the limit', () => {
    expect(xmlDepth(Buffer.from('<a>'.repeat(1_000_000)), 10)).toBe(11);
  });
});
