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
  path.join(__dirname, '../fixtures/documents/midtjylland-dagsorden.txt'),
  'utf8',
);
const FURNITURE = [/^DASSOS – dagsorden 4\. december 2025$/, /^Side \d+ af \d+$/, /^\d+$/];

function item(doc: ParsedDocument, number: string): ParsedItem {
  const found = doc.items.find((i) => i.number === number);
  if (!found) throw new Error(`no item ${number}`);
  return found;
}

function withoutLines(text: string, drop: (line: string, index: number) => boolean): string {
  return text
    .split('\n')
    .filter((l, i) => !drop(l, i))
    .join('\n');
}

describe('Midtjylland agenda as PDF text', () => {
  const doc = parseCommitteeDocument(fixture);

  it('is valid against the schema and has no warnings', () => {
    expect(parsedDocumentSchema.parse(doc)).toEqual(doc);
    expect(doc.warnings).toEqual([]);
  });

  it('reads the head: committee, date with the year from the title, times, place and room', () => {
    expect(doc.kind).toBe('agenda');
    expect(doc.committee).toBe('DASSOS');
    expect(doc.meeting).toEqual({
      date: '2025-12-04',
      start: '09:00',
      end: '11:00',
      place: 'Herning Rådhus, Torvet 5, 7400 Herning',
      room: 'Byrådssalen',
    });
  });

  it('reads participants split by tabs or runs of spaces, without the chair marker or trailing roles', () => {
    expect(doc.participants).toEqual([
      { name: 'Jesper Thyrring Møller', organisation: 'Struer Kommune' },
      { name: 'Ann-Britt Wetche', organisation: 'Region Midtjylland' },
      { name: 'Søren Liner Christensen', organisation: 'Herning Kommune' },
      { name: 'Lone Rasmussen', organisation: 'Skanderborg Kommune' },
      { name: 'Bjarne Hansen', organisation: 'Viborg Kommune' },
      { name: 'Katrine Axél', organisation: 'Syddjurs Kommune' },
      { name: 'Thorbjørn Aagaard', organisation: 'Fælleskommunalt social- og sundhedssekretariat' },
    ]);
    expect(doc.absent).toEqual([]);
  });

  it('takes items from the body, not from the table of contents, with their sections', () => {
    expect(doc.items.map((i) => [i.number, i.section, i.sectionTitle])).toEqual([
      ['1.1', 'decision', 'Beslutningspunkter'],
      ['1.2', 'decision', 'Beslutningspunkter'],
      ['1.3', 'decision', 'Beslutningspunkter'],
      ['2.1', 'information', 'Orienteringspunkter'],
      ['2.2', 'information', 'Orienteringspunkter'],
      ['3.1', 'upcoming', 'Punkter til kommende møder'],
      ['3.2', 'upcoming', 'Punkter til kommende møder'],
    ]);
    expect(item(doc, '1.1').caseText).not.toContain('Orienteringspunkter');
  });

  it('joins a title split over two lines', () => {
    expect(item(doc, '1.2').title).toBe(
      'Udpegning af repræsentanter til arbejdsgruppen for borgere med komplekse udfordringer',
    );
    expect(item(doc, '1.2').caseText).not.toMatch(/^komplekse/);
  });

  it('reads presenters, including one with a non-breaking space and one wrapped onto a second line', () => {
    expect(item(doc, '1.1').presenter).toBe('Jesper Thyrring Møller');
    expect(item(doc, '1.2').presenter).toBe(
      'Ulrik Johansen, formand for styregruppen for udviklingsområdet',
    );
    expect(item(doc, '2.1').presenter).toBe('tilsynschef Mette Skov');
    expect(item(doc, '3.2').presenter).toBeNull();
  });

  it('reads the recommendation intro and bullets, collapsing doubled spaces', () => {
    expect(item(doc, '1.1').recommendationIntro).toBe('At DASSOS:');
    expect(item(doc, '1.1').recommendation).toEqual([
      'Godkender handlingsplanen for Rammeaftale 2027-28',
      'Udpeger to medlemmer til følgegruppen for handlingsplanen',
    ]);
    expect(item(doc, '1.3').recommendationIntro).toBe('At DASSOS');
    expect(item(doc, '1.3').recommendation).toHaveLength(2);
    expect(item(doc, '2.1').recommendationIntro).toBeNull();
    expect(item(doc, '2.1').recommendation).toEqual([
      'At DASSOS tager orienteringen til efterretning',
    ]);
  });

  it('writes the case text as Markdown: paragraphs, "- " bullets, bold sub-headings', () => {
    const text = item(doc, '1.1').caseText;
    expect(text).toContain('\n\n- Fælles kompetenceforløb om udadreagerende adfærd\n- Kortlægning');
    expect(text).toContain('\n\n**Den videre proces**\n\n');
    expect(text.split('\n\n')[0]).toMatch(/^Fællessekretariatet har på baggrund/);
  });

  it('joins a sentence broken by a page footer and removes the footer', () => {
    const text = item(doc, '1.1').caseText;
    expect(text).toContain('første gang i foråret 2026.');
    for (const i of doc.items) {
      expect(i.caseText).not.toMatch(/Side \d+ af 6|dagsorden 4\. december|^\d+$/m);
    }
  });

  it('keeps the note of a heading split over two lines at the top of the case text', () => {
    expect(item(doc, '2.1').caseText).toBe(
      '(- modtaget fra Socialtilsyn Midt)\n\nSocialtilsyn Midt orienterer om årsrapporten for 2024 og om de væsentligste tendenser i tilsynet med botilbud.',
    );
  });

  it('reads attachments: closed, sent later, and URLs on their own (even wrapped) lines', () => {
    expect(item(doc, '1.1').attachments).toEqual([
      {
        title: 'Bilag 1 – Udkast til handlingsplan for Rammeaftale 2027-28',
        url: 'https://www.kkr.dk/midtjylland/dassos/bilag/handlingsplan-2027-28.pdf',
        closed: false,
        later: false,
      },
    ]);
    expect(item(doc, '1.3').attachments).toEqual([
      {
        title: 'Lukket bilag – Oversigt over takster pr. tilbud 2026',
        url: null,
        closed: true,
        later: false,
      },
      {
        title: 'Bilag 2 – Notat om udgiftsudviklingen (eftersendes)',
        url: null,
        closed: false,
        later: true,
      },
      {
        title: 'Bilag 3 – Takstoverblik 2026',
        url: 'https://www.kkr.dk/midtjylland/dassos/bilag/takstoverblik-2026.pdf',
        closed: false,
        later: false,
      },
    ]);
    expect(item(doc, '1.3').caseText).not.toContain('Bilag');
  });

  it('leaves minutes empty in an agenda', () => {
    expect(doc.items.every((i) => i.minutes === null)).toBe(true);
  });

  it('loses no word of the body except page furniture and heading words', () => {
    const lines = fixture.split('\n');
    const bodyStart = lines.findIndex(
      (l) => l.startsWith('1. Beslutningspunkter') && !l.includes('\t'),
    );
    const body = lines.slice(bodyStart).filter((l) => !FURNITURE.some((re) => re.test(l.trim())));
    expect(missingWords(body, doc, ['Ved', 'Indstilling', 'Sagsfremstilling', 'Bilag'])).toEqual(
      [],
    );
  });
});

describe('Midtjylland agenda variants', () => {
  it('reads the same items when there is no table of contents', () => {
    const lines = fixture.split('\n');
    const from = lines.indexOf('Dagsorden til møde i DASSOS');
    const to = lines.indexOf('3.2 Eventuelt\t6');
    const doc = parseCommitteeDocument(withoutLines(fixture, (_, i) => i >= from && i <= to));
    const full = parseCommitteeDocument(fixture);
    expect(doc.items.map((i) => [i.number, i.title, i.section])).toEqual(
      full.items.map((i) => [i.number, i.title, i.section]),
    );
    expect(doc.warnings).toEqual([]);
  });

  it('reads the same items under contents that list only the sections', () => {
    const lines = fixture.split('\n');
    const from = lines.indexOf('Dagsorden til møde i DASSOS');
    const to = lines.indexOf('3.2 Eventuelt\t6');
    const doc = parseCommitteeDocument(
      withoutLines(fixture, (l, i) => i > from && i <= to && !/^\d\. /.test(l)),
    );
    expect(doc.items.map((i) => [i.number, i.title, i.section])).toEqual(
      parseCommitteeDocument(fixture).items.map((i) => [i.number, i.title, i.section]),
    );
    expect(doc.warnings).toEqual([]);
  });

  it('recovers a title cut short in the body from the table of contents', () => {
    let seen = 0;
    const cut = withoutLines(fixture, (l) => l === 'komplekse udfordringer' && ++seen === 1);
    expect(cut).not.toBe(fixture);
    const doc = parseCommitteeDocument(cut);
    expect(doc.items.find((i) => i.number === '1.2')?.title).toBe(
      'Udpegning af repræsentanter til arbejdsgruppen for borgere med komplekse udfordringer',
    );
  });

  it('warns about an item in the table of contents that the body lacks', () => {
    const lines = fixture.split('\n');
    const from = lines.indexOf(
      '2.2 Status på central udmelding om borgere med svære spiseforstyrrelser',
    );
    const to = lines.indexOf(
      'Styrelsen har modtaget afrapporteringerne fra alle fem KKR-områder. Der forventes en tilbagemelding i løbet af foråret.',
    );
    expect(from).toBeGreaterThan(0);
    const doc = parseCommitteeDocument(withoutLines(fixture, (_, i) => i >= from && i <= to));
    expect(doc.items.map((i) => i.number)).not.toContain('2.2');
    expect(doc.warnings).toEqual([
      'Punkt 2.2 «Status på central udmelding om borgere med svære spiseforstyrrelser» står i indholdsfortegnelsen, men blev ikke fundet i teksten.',
    ]);
  });

  it('warns about a body item the table of contents does not list, and still reads it', () => {
    const extra = fixture.replace(
      '2. Orienteringspunkter\n\n2.1',
      '1.4 Ekstra punkt om ledige pladser\n\nVed Lone Rasmussen\n\nSagsfremstilling\n\nTekst om pladser.\n\n2. Orienteringspunkter\n\n2.1',
    );
    expect(extra).not.toBe(fixture);
    const doc = parseCommitteeDocument(extra);
    expect(doc.items.find((i) => i.number === '1.4')).toMatchObject({
      title: 'Ekstra punkt om ledige pladser',
      presenter: 'Lone Rasmussen',
      caseText: 'Tekst om pladser.',
    });
    expect(doc.warnings).toEqual([
      'Punkt 1.4 «Ekstra punkt om ledige pladser» står ikke i indholdsfortegnelsen.',
    ]);
  });

  it('keeps a page reference that is part of the text, but not a footer carrying one', () => {
    const doc = parseCommitteeDocument(
      fixture.replace(
        'Enkelte tilbud ligger over rammen.',
        'Se side 4 af 10 i takstgruppens rapport\nDASSOS – dagsorden 4. december 2025 Side 3 af 6\nEnkelte tilbud ligger over rammen.',
      ),
    );
    const text = doc.items.find((i) => i.number === '1.3')?.caseText ?? '';
    expect(text).toContain('Se side 4 af 10 i takstgruppens rapport');
    expect(text).not.toContain('Side 3 af 6');
  });

  it('does not take a numbered line inside case text for an item', () => {
    const doc = parseCommitteeDocument(
      fixture.replace(
        'Enkelte tilbud ligger over rammen.',
        '2.5 mio. kr. er afsat til analysen.\nEnkelte tilbud ligger over rammen.',
      ),
    );
    expect(doc.items.map((i) => i.number)).toEqual([
      '1.1',
      '1.2',
      '1.3',
      '2.1',
      '2.2',
      '3.1',
      '3.2',
    ]);
    expect(doc.items.find((i) => i.number === '1.3')?.caseText).toContain(
      '2.5 mio. kr. er afsat til analysen.',
    );
  });
});
