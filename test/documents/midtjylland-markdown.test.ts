import fs from 'node:fs';
import path from 'node:path';
import { parseCommitteeDocument } from '../../src/documents/document-parser';
import {
  parsedDocumentSchema,
  type ParsedDocument,
  type ParsedItem,
} from '../../src/domain/import/parsed-document';
import { missingWords } from './text-coverage';

const fixture = fs.readFileSync(
  path.join(__dirname, '../fixtures/documents/midtjylland-referat.md'),
  'utf8',
);

function item(doc: ParsedDocument, number: string): ParsedItem {
  const found = doc.items.find((i) => i.number === number);
  if (!found) throw new Error(`no item ${number}`);
  return found;
}

describe('Midtjylland minutes as Markdown', () => {
  const doc = parseCommitteeDocument(fixture);

  it('is minutes, valid against the schema, without warnings', () => {
    expect(doc.kind).toBe('minutes');
    expect(parsedDocumentSchema.parse(doc)).toEqual(doc);
    expect(doc.warnings).toEqual([]);
  });

  it('reads the head from bold labels, taking the year from the title', () => {
    expect(doc.committee).toBe('DASSOS');
    expect(doc.meeting).toEqual({
      date: '2026-08-11',
      start: '11:00',
      end: '13:00',
      place: 'Aarhus Rådhus, Rådhuspladsen 2, 8000 Aarhus C',
      room: 'Mødelokale 3.12',
    });
  });

  it('reads participants from a Markdown table and apologies from names followed by organisations', () => {
    expect(doc.participants).toEqual([
      { name: 'Jesper Thyrring Møller', organisation: 'Struer Kommune' },
      { name: 'Runa Steinfeldt', organisation: 'Randers Kommune' },
      { name: 'Lotte Henriksen', organisation: 'Aarhus Kommune' },
      { name: 'Christian Brincker Nordbek', organisation: 'KKR Sekretariatet i Midtjylland' },
      { name: 'Thorbjørn Aagaard', organisation: 'Fælleskommunalt sekretariat' },
    ]);
    expect(doc.absent).toEqual([
      { name: 'Mette Andreassen', organisation: 'Viborg Kommune' },
      { name: 'Ulrik Johansen', organisation: 'Favrskov Kommune' },
    ]);
  });

  it('reads items whatever their heading level or bold, and a section without items as an item', () => {
    expect(doc.items.map((i) => [i.number, i.section, i.title])).toEqual([
      ['1.1', 'decision', 'Godkendelse af endeligt udkast til Rammeaftale 2027-28'],
      ['1.2', 'decision', 'Fælles model for samdrift af botilbud'],
      ['2.1', 'information', 'Kapacitetsstyring af herbergsområdet – status'],
      ['3.1', 'upcoming', 'Punkter til næste møde i DASSOS'],
      ['3.2', 'upcoming', 'Møder 2027'],
      ['3.3', 'upcoming', 'Eventuelt'],
      ['4', 'written', 'Skriftlige orienteringer'],
    ]);
    expect(item(doc, '4').sectionTitle).toBe('Skriftlige orienteringer');
  });

  it('puts the Referat text in minutes and keeps it out of the case text', () => {
    expect(item(doc, '1.1').minutes).toBe(
      'DASSOS godkendte det endelige udkast til Rammeaftale 2027-28 med de bemærkninger, der kom frem på mødet.\n\n' +
        'Der var ønske om, at afsnittet om kapacitet skærpes, så det tydeligt fremgår, at kommunerne i fællesskab skal etablere flere pladser til de mest komplekse borgere.',
    );
    expect(item(doc, '1.1').caseText).not.toContain('DASSOS godkendte');
    expect(item(doc, '1.2').minutes).toContain(
      '\n\n- Økonomiske konsekvenser for små kommuner\n- Juridiske rammer',
    );
    expect(item(doc, '3.3').minutes).toBe('Intet at bemærke.');
    expect(item(doc, '3.2').minutes).toBeNull();
  });

  it('reads recommendations under a bold or a Markdown heading', () => {
    expect(item(doc, '1.1').recommendationIntro).toBe('At DASSOS:');
    expect(item(doc, '1.1').recommendation).toEqual([
      'Godkender endeligt udkast til Rammeaftale 2027-28',
      'Sender udkastet videre til KD-Net og KKR',
    ]);
    expect(item(doc, '1.2').recommendation).toEqual([
      'Beslutter hvilke modeller arbejdsgruppen arbejder videre med',
    ]);
  });

  it('keeps sub-headings bold, numbered lists and tables in the case text', () => {
    expect(item(doc, '1.1').caseText).toContain('**De væsentligste ændringer**\n\n- Målgrupperne');
    expect(item(doc, '1.1').caseText).toContain('Afsnittet om *fælles principper* er opdateret');
    expect(item(doc, '1.2').caseText).toContain(
      '1. et løst samarbejde baseret på hensigtserklæringer,\n2. et forpligtende',
    );
    expect(item(doc, '2.1').caseText).toContain(
      '| Fase | Tidspunkt |\n| --- | --- |\n| Kvalitetssikring af data | Juni 2026 |\n| Vurdering af behov | August 2026 |',
    );
    expect(item(doc, '3.2').caseText).toBe(
      '| DASSOS | KD-Net | KKR |\n| --- | --- | --- |\n| 20. januar, kl. 9-11 | 29. januar | 10. februar |\n| 14. april, kl. 13-15 | 23. april | 5. maj |',
    );
  });

  it('reads attachments from links, with "#" meaning no address, and closed attachments', () => {
    expect(item(doc, '1.1').attachments).toEqual([
      {
        title: 'Bilag 1 – Endeligt udkast til Rammeaftale 2027-28',
        url: 'https://www.kkr.dk/media/rammeaftale-2027-28.pdf',
        closed: false,
        later: false,
      },
      {
        title: 'Bilag 2 – Styringsaftale 2027-28 (eftersendes)',
        url: null,
        closed: false,
        later: true,
      },
    ]);
    expect(item(doc, '1.2').attachments).toEqual([
      {
        title: 'Lukket bilag – Notat om modeller for samdrift',
        url: null,
        closed: true,
        later: false,
      },
    ]);
  });

  it('keeps written briefings as bold titles with their text, links included', () => {
    expect(item(doc, '4').caseText).toBe(
      '**Faste læger på botilbud**\n\n' +
        'Ordningen med faste læger på botilbud er nu udrullet i alle 19 kommuner. Der følges op på erfaringerne i 2027.\n\n' +
        "**Nyt fra KL's Koordinationsforum**\n\n" +
        'Koordinationsforum har godkendt rapporten om lands- og landsdelsdækkende tilbud ([link](https://www.kl.dk/koordinationsforum)).',
    );
  });

  it('loses no word of the body', () => {
    const lines = fixture.split('\n');
    const body = lines.slice(lines.indexOf('# 1. Beslutningspunkter'));
    expect(
      missingWords(body, doc, ['Ved', 'Referat', 'Indstilling', 'Sagsfremstilling', 'Bilag']),
    ).toEqual([]);
  });
});

describe('Midtjylland minutes without a table of contents', () => {
  it('parse to the same document', () => {
    const lines = fixture.split('\n');
    const from = lines.indexOf('# Dagsorden til møde i DASSOS');
    const to = lines.findIndex((l) => l.includes('4. Skriftlige orienteringer</b>'));
    expect(to).toBeGreaterThan(from);
    const withoutContents = lines.filter((_, i) => i < from || i > to).join('\n');
    expect(parseCommitteeDocument(withoutContents)).toEqual(parseCommitteeDocument(fixture));
  });
});
