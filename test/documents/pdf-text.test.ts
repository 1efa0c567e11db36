import fs from 'node:fs';
import { parseCommitteeDocument } from '../../src/documents/document-parser';
import type { ParsedItem } from '../../src/domain/import/parsed-document';
import { PDF_PAGE_BREAK, PdfRefusal, pdfText, type PdfLimits } from '../../src/documents/pdf-text';
import {
  agendaPdf,
  dassosAgenda,
  imageOnlyPdf,
  turnedPdf,
  type AgendaPdf,
} from '../support/pdf-fixture';

async function refusal(bytes: Uint8Array, limits?: Partial<PdfLimits>): Promise<PdfRefusal> {
  try {
    await pdfText(bytes, limits);
  } catch (error) {
    if (error instanceof PdfRefusal) return error;
    throw error;
  }
  throw new Error('the PDF was read');
}

// Word embeds subsets of its fonts: DejaVu Sans stands in for them where the machine has it.
const DEJAVU = '/usr/share/fonts/truetype/dejavu';
const fonts = { regular: `${DEJAVU}/DejaVuSans.ttf`, bold: `${DEJAVU}/DejaVuSans-Bold.ttf` };
const withFonts = fs.existsSync(fonts.regular) && fs.existsSync(fonts.bold) ? it : it.skip;

/** The case text's line breaks follow the page width, not the secretariat's text. */
function comparable(item: ParsedItem) {
  return { ...item, caseText: item.caseText.replace(/\s+/g, ' ') };
}

describe('pdfText', () => {
  let agenda: AgendaPdf;
  let text: string;
  beforeAll(async () => {
    agenda = await agendaPdf(dassosAgenda(6));
    text = await pdfText(agenda.pdf);
  });

  it('gives back the lines of every page in order, the pages apart by a form feed', () => {
    expect(agenda.pages.length).toBeGreaterThanOrEqual(3);
    expect(text.split(PDF_PAGE_BREAK)).toEqual(agenda.pages.map((lines) => lines.join('\n')));
  });

  it('keeps the running header and the footer on every page, for the parser to remove', () => {
    const pages = text.split(PDF_PAGE_BREAK).map((p) => p.split('\n'));
    pages.forEach((lines, i) => {
      expect(lines[0]).toBe('DASSOS · Dagsorden · 30. oktober 2024');
      expect(lines[lines.length - 1]).toBe(`Side ${i + 1} af ${pages.length}`);
    });
  });

  it('keeps æøå, column gaps as tabs, bullets and paragraph gaps', () => {
    expect(text).toContain('\nJesper Thyrring Møller (formand)\tStruer Kommune\n');
    expect(text).toContain('\nAnnette Ørbæk Andersen\tRingkøbing-Skjern Kommune\n');
    expect(text).toMatch(
      /\n1\.1 Status på kapacitet på botilbud til borgere med komplekse behov\t1\n/,
    );
    expect(text).toContain(
      '\n\n1.1\tStatus på kapacitet på botilbud til borgere med komplekse behov\n\n',
    );
    expect(text).toContain('\nAt DASSOS:\n\n• Tager status på');
    expect(text).toContain('Bilag 2 – Notat om');
  });

  it('gives the parser the same items as the text the agenda was written from', () => {
    const fromPdf = parseCommitteeDocument(text);
    const fromSource = parseCommitteeDocument(agenda.source);
    expect(fromPdf.warnings).toEqual([]);
    expect(fromPdf.items.map((i) => i.number)).toEqual(['1.1', '1.2', '1.3', '2.1', '2.2', '3.1']);
    expect(fromPdf.items.map(comparable)).toEqual(fromSource.items.map(comparable));
    expect({ ...fromPdf, items: [] }).toEqual({ ...fromSource, items: [] });
    expect(fromPdf.meeting).toMatchObject({ date: '2024-10-30', start: '12:00', end: '13:45' });
    expect(fromPdf.participants).toHaveLength(5);
  });

  withFonts(
    'reads embedded subset fonts the same way, headings in a larger size included',
    async () => {
      const embedded = await agendaPdf(dassosAgenda(6), { fonts });
      expect(await pdfText(embedded.pdf)).toBe(
        embedded.pages.map((p) => p.join('\n')).join(PDF_PAGE_BREAK),
      );
    },
  );

  it('reads a page set turned a quarter either way, and leaves a slanted stamp out', async () => {
    const lines = [
      'Møder 2025\tSted',
      '30. januar kl. 9-12\tViborg Rådhus',
      '24. april kl. 9-12\tAarhus Rådhus, Rådhuspladsen 2',
    ];
    const columns = lines.map((l) => l.replace('\t', '                    '));
    for (const angle of [90, -90] as const) {
      const text = await pdfText(await turnedPdf(columns, angle));
      expect(text).toBe(lines.join('\n'));
    }
  });

  it('reads a Node Buffer that is a slice of a larger one', async () => {
    const padded = Buffer.concat([Buffer.from('xxxx'), agenda.pdf]).subarray(4);
    expect(await pdfText(padded)).toBe(text);
  });

  it('reads a PDF that has a password against editing only', async () => {
    const locked = await agendaPdf(dassosAgenda(2), { ownerPassword: 'sekretariatet' });
    expect(await pdfText(locked.pdf)).toBe(
      locked.pages.map((p) => p.join('\n')).join(PDF_PAGE_BREAK),
    );
  });

  it('refuses a scan: pages without text', async () => {
    expect((await refusal(await imageOnlyPdf(3))).reason).toBe('no_text');
  });

  it('refuses a PDF that needs a password to open', async () => {
    const secret = await agendaPdf(dassosAgenda(2), {
      userPassword: 'hemmelig',
      ownerPassword: 'ejer',
    });
    expect((await refusal(secret.pdf)).reason).toBe('encrypted');
  });

  it('refuses cut-off bytes, random bytes and a PDF header with nothing behind it as broken', async () => {
    const half = agenda.pdf.subarray(0, Math.floor(agenda.pdf.length / 2));
    expect((await refusal(half)).reason).toBe('broken');
    const random = Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 251);
    expect((await refusal(random)).reason).toBe('broken');
    expect((await refusal(Buffer.from('%PDF-1.7\n1 0 obj\n<<>>\n%%EOF\n'))).reason).toBe('broken');
    expect((await refusal(Buffer.from(''))).reason).toBe('broken');
  });

  it('refuses too many bytes, too many pages and a read that takes too long', async () => {
    expect((await refusal(agenda.pdf, { maxBytes: 1000 })).reason).toBe('too_large');
    expect((await refusal(agenda.pdf, { maxPages: 2 })).reason).toBe('too_many_pages');
    const long = await agendaPdf(dassosAgenda(40, true));
    expect((await refusal(long.pdf, { timeoutMs: 1 })).reason).toBe('timeout');
  });
});
