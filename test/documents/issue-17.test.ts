// The kinds of failure issue 17 reports, each in a short document of our own in the shape
// it was found in (PDF text: running headers, page numbers, form feeds, odd spacing).
import { parseCommitteeDocument } from '../../src/documents/document-parser';
import { parsedDocumentSchema } from '../../src/domain/import/parsed-document';

const parse = (text: string) => {
  const doc = parseCommitteeDocument(text);
  expect(parsedDocumentSchema.parse(doc)).toEqual(doc);
  return doc;
};
const row = (i: {
  number: string;
  title: string;
  section: string | null;
  presenter: string | null;
  minutes: string | null;
}) => [i.number, i.title, i.section, i.presenter, i.minutes];

describe('issue 17: minutes as extracted from PDF', () => {
  // No head at all: the text starts with the first section line.
  const text = [
    ' 1.     Beslutningspunkter',
    '',
    '1.1 Godkendelse af takstaftale 2026',
    '',
    'Ved Lone Rasmussen',
    '',
    'Referat:   ',
    '',
    'DASSOS godkendte takstaftalen.',
    '',
    'Indstilling',
    '',
    'At DASSOS:',
    '- Godkender takstaftalen',
    '',
    'Sagsfremstilling',
    '',
    'Takstgruppen har beregnet taksterne efter styringsaftalen.',
    '',
    '1.2 Kapacitet på botilbud',
    '',
    'Ved Ulrik Johansen',
    '',
    'Indstilling',
    '',
    'At DASSOS:',
    '- Drøfter kapaciteten',
    '',
    'Sagsfremstilling',
    'Der mangler pladser til borgere med komplekse behov.',
    'DASSOS – referat 16. marts 2023',
    'Side 1 af 2',
    '\f',
    'Referat',
    '',
    'DASSOS drøftede kapaciteten og bad sekretariatet om en opgørelse.',
    '',
    ' 2.     Orienteringspunkter',
    '',
    '2.1 Nyt fra Socialtilsyn Midt',
    '',
    'Referat',
    'Taget til efterretning.',
    'DASSOS – referat 16. marts 2023',
    'Side 2 af 2',
  ].join('\n');
  const doc = parse(text);

  it('is minutes with its decisions, before Indstilling or after Sagsfremstilling, out of the case text', () => {
    expect(doc.kind).toBe('minutes');
    expect(doc.meeting.date).toBe('2023-03-16');
    expect(doc.items.map(row)).toEqual([
      [
        '1.1',
        'Godkendelse af takstaftale 2026',
        'decision',
        'Lone Rasmussen',
        'DASSOS godkendte takstaftalen.',
      ],
      [
        '1.2',
        'Kapacitet på botilbud',
        'decision',
        'Ulrik Johansen',
        'DASSOS drøftede kapaciteten og bad sekretariatet om en opgørelse.',
      ],
      ['2.1', 'Nyt fra Socialtilsyn Midt', 'information', null, 'Taget til efterretning.'],
    ]);
    expect(doc.items[1]?.caseText).toBe('Der mangler pladser til borgere med komplekse behov.');
  });
});

describe('issue 17: no false table of contents', () => {
  const text = [
    '1. Beslutningspunkter',
    '1.1 Udpegning af medlem til arbejdsgruppe om FACT',
    'Ved Jesper Thyrring Møller',
    'Indstilling',
    'At DASSOS:',
    '- Udpeger et medlem',
    'Sagsfremstilling',
    'Arbejdsgruppen mangler en repræsentant fra en mindre kommune.',
    'Referat',
    'Skive Kommune deltager.',
    '1.2 Handlingsplan for Rammeaftale 2027-28',
    'Ved Jesper Thyrring Møller',
    'Indstilling',
    'At DASSOS:',
    '- Godkender handlingsplanen',
    'Referat',
    'Godkendt.',
  ].join('\n');
  const doc = parse(text);

  it('reads the section heading and the first item at the top as what they are', () => {
    expect(doc.items.map((i) => [i.number, i.section, i.minutes])).toEqual([
      ['1.1', 'decision', 'Skive Kommune deltager.'],
      ['1.2', 'decision', 'Godkendt.'],
    ]);
    expect(doc.warnings).toEqual([]);
  });
});

describe("issue 17: other bodies' layouts", () => {
  it('reads "Punkt 7: Title" with the case number and status under it, and a closed item', () => {
    const doc = parse(
      [
        'Referat',
        'Byrådet',
        'Mødedato: 04.12.2025 kl. 17:00',
        '',
        'Punkt 7: Takstaftale for botilbud 2026',
        'EMN-2025-003383',
        'Åbent punkt',
        'Sagsansvarlig: Mette Andreassen',
        'Indstilling',
        'Direktionen indstiller, at takstaftalen godkendes.',
        'Beslutning i Byrådet den 04.12.2025',
        'Godkendt.',
        '',
        'Punkt 8: Personalesag',
        'EMN-2025-004100',
        'Lukket punkt',
        'Sagsfremstilling',
        'Sagen behandles for lukkede døre.',
        'Beslutning i Byrådet den 04.12.2025',
        'Godkendt.',
      ].join('\n'),
    );
    expect(doc.kind).toBe('minutes');
    expect(doc.meeting.date).toBe('2025-12-04');
    expect(doc.items.map((i) => [i.number, i.title, i.presenter, i.minutes, i.closed])).toEqual([
      ['7', 'Takstaftale for botilbud 2026', 'Mette Andreassen', 'Godkendt.', false],
      ['8', 'Personalesag', null, 'Godkendt.', true],
    ]);
    expect(doc.items[0]?.caseText).not.toContain('EMN-2025');
  });

  it('reads "7. Title" items under a five-line running header that falls between a title and its body', () => {
    const header = (page: number) => [
      'Socialudvalget',
      'Referat',
      'Åbent referat',
      'Dato: 04.12.2012',
      `Side ${page}`,
    ];
    const doc = parse(
      [
        ...header(1),
        '',
        '1. Budgetopfølgning pr. 31. oktober',
        'Sagsnr.: 2012-01234',
        'Sagsfremstilling',
        'Forbruget følger budgettet.',
        'Indstilling',
        'Forvaltningen indstiller, at opfølgningen tages til efterretning.',
        'Udvalgets beslutning den 04.12.2012 Punkt 1',
        'Taget til efterretning.',
        '',
        '2. Kvalitetsstandard for § 85',
        '\f',
        ...header(2),
        'Tidligere behandling',
        'Socialudvalget 06.11.2012',
        'Punktnummer: 7',
        'Sagen blev udsat.',
        'Sagsfremstilling',
        'Standarden er revideret efter høringen.',
        'Udvalgets beslutning den 04.12.2012 Punkt 2',
        'Godkendt.',
        '\f',
        ...header(3),
        'Beslutninger',
        'Udvalget godkendte standarden med en redaktionel rettelse.',
      ].join('\n'),
    );
    expect(doc.kind).toBe('minutes');
    expect(doc.meeting.date).toBe('2012-12-04');
    expect(doc.items.map((i) => [i.number, i.title, i.minutes])).toEqual([
      ['1', 'Budgetopfølgning pr. 31. oktober', 'Taget til efterretning.'],
      [
        '2',
        'Kvalitetsstandard for § 85',
        'Godkendt.\n\nUdvalget godkendte standarden med en redaktionel rettelse.',
      ],
    ]);
    expect(doc.items[1]?.caseText).toContain('Punktnummer: 7');
    expect(JSON.stringify(doc.items)).not.toContain('Åbent referat');
  });

  it('reads two-level topics with "Oplæg:" and "Referat:" fields', () => {
    const doc = parse(
      [
        'Referat af møde i arbejdsgruppen om specialundervisning',
        'Dato: 14.03.2016 kl. 9.00-11.00',
        '',
        '1   Første punkter',
        '1.1   Status siden sidst',
        'Oplæg: Henrik Bach',
        'Kort status fra hver kommune.',
        'Referat: Alle kommuner har sendt tal.',
        '1.2   Visitation til specialklasser',
        'Oplæg: Susanne Lund',
        'Referat:',
        'Der udarbejdes en fælles vejledning.',
      ].join('\n'),
    );
    expect(doc.kind).toBe('minutes');
    expect(doc.items.map((i) => [i.number, i.title, i.presenter, i.minutes])).toEqual([
      ['1.1', 'Status siden sidst', 'Henrik Bach', 'Alle kommuner har sendt tal.'],
      [
        '1.2',
        'Visitation til specialklasser',
        'Susanne Lund',
        'Der udarbejdes en fælles vejledning.',
      ],
    ]);
  });

  it('reads contents with dot leaders and page numbers but no item numbers, and "3) Title" items', () => {
    const doc = parse(
      [
        'Dagsorden',
        'Social- og Sundhedsudvalget',
        'Mødedato: 3. juni 2024',
        '',
        'Indholdsfortegnelse',
        'Godkendelse af dagsorden ........................ 2',
        'Høring om serviceniveau på handicapområdet ........ 3',
        '',
        '1) Godkendelse af dagsorden',
        'Sagsfremstilling',
        'Dagsordenen fremlægges til godkendelse.',
        '2) Høring om serviceniveau på handicapområdet',
        'Sagsfremstilling',
        'Handicaprådet er hørt.',
        'Indstilling',
        'Administrationen indstiller, at serviceniveauet godkendes.',
      ].join('\n'),
    );
    expect(doc.kind).toBe('agenda');
    expect(doc.meeting.date).toBe('2024-06-03');
    expect(doc.items.map((i) => [i.number, i.title])).toEqual([
      ['1', 'Godkendelse af dagsorden'],
      ['2', 'Høring om serviceniveau på handicapområdet'],
    ]);
  });
});

describe('issue 17: shapes seen in published minutes of other committees', () => {
  it('reads "1 Title" with a single space and "Beslutning i … den 17-01-2019"', () => {
    const doc = parse(
      [
        'Social- og Sundhedsudvalget - Referat fra mødet den 17-01-2019',
        '',
        '1 Præsentation af veteranindsatsen',
        'Resume',
        'Indsatsen præsenteres.',
        'Indstilling',
        'Direktøren indstiller',
        '1. at orienteringen tages til efterretning.',
        'Beslutning i Social- og Sundhedsudvalget den 17-01-2019',
        'Taget til efterretning.',
        'Sagsfremstilling',
        '2 borgere har fået hjælp i 2018.',
        '',
        '2 Budgetopfølgning',
        'Resume',
        'Forbruget følger budgettet.',
        'Beslutning i Social- og Sundhedsudvalget den 17-01-2019',
        'Godkendt.',
      ].join('\n'),
    );
    expect(doc.meeting.date).toBe('2019-01-17');
    expect(doc.committee).toBe('Social- og Sundhedsudvalget');
    expect(doc.items.map((i) => [i.number, i.title, i.minutes])).toEqual([
      ['1', 'Præsentation af veteranindsatsen', 'Taget til efterretning.'],
      ['2', 'Budgetopfølgning', 'Godkendt.'],
    ]);
    expect(doc.items[0]?.caseText).toContain('2 borgere har fået hjælp i 2018.');
  });

  it('reads a case-number line that ends in the status, and "Kompetence:"', () => {
    const doc = parse(
      [
        'Økonomiudvalget – Referat – 1. oktober 2018',
        '',
        '1.     Godkendelse af dagsorden (B)',
        'Sagsnr.: 330-2018-3619       Dok.nr.: 330-2018-500301          Åbent',
        'Kompetence: Økonomiudvalget',
        'Indstilling',
        'Borgmesteren indstiller,',
        '1.    at dagsordenen godkendes',
        'Beslutning i Økonomiudvalget den 1. oktober 2018:',
        'Fraværende:',
        'Godkendt.',
        '',
        '2.     Personalesag (B)',
        'Sagsnr.: 330-2018-3620       Dok.nr.: 330-2018-500302          Lukket',
        'Beslutning i Økonomiudvalget den 1. oktober 2018:',
        'Godkendt.',
      ].join('\n'),
    );
    expect(doc.committee).toBe('Økonomiudvalget');
    expect(doc.meeting.date).toBe('2018-10-01');
    expect(doc.items.map((i) => [i.number, i.title, i.closed, i.minutes !== null])).toEqual([
      ['1', 'Godkendelse af dagsorden (B)', false, true],
      ['2', 'Personalesag (B)', true, true],
    ]);
    expect(doc.items[0]?.caseText).not.toContain('Sagsnr');
  });

  it('reads the title printed above "Sag nr. 24"', () => {
    const doc = parse(
      [
        'Social- og Sundhedsudvalget',
        '',
        '05-04-2022',
        '',
        'Meddelelser',
        'Sag nr. 24',
        '',
        'Beslutningskompetence: SOSU',
        '',
        'Sagens kerne',
        'Oversigten fremlægges til orientering.',
        '',
        'Beslutning',
        'Taget til efterretning.',
        '',
        'Visitation til plejeboliger',
        'Sag nr. 25',
        '',
        'Beslutningskompetence: SOSU',
        '',
        'Sagens kerne',
        'Forvaltningen forelægger oversigten.',
        '',
        'Beslutning',
        'Taget til efterretning.',
      ].join('\n'),
    );
    expect(doc.kind).toBe('minutes');
    expect(doc.meeting.date).toBe('2022-04-05');
    expect(doc.items.map((i) => [i.number, i.title, i.minutes])).toEqual([
      ['24', 'Meddelelser', 'Taget til efterretning.'],
      ['25', 'Visitation til plejeboliger', 'Taget til efterretning.'],
    ]);
    expect(doc.warnings).toEqual([]);
  });

  it("takes the decision of a working group's notes without headings from the item's last paragraph", () => {
    const doc = parse(
      [
        'Referat af møde i netværket for myndighedsledere 12.05.2016',
        '',
        '1. Status på ventelister',
        '',
        'Oplæg: Bo Kjeldsen',
        '',
        'Ventelisterne er faldet i tre af fem kommuner.',
        '',
        'Netværket tog orienteringen til efterretning.',
        '',
        '2. Fælles vejledning om aflastning',
        '',
        'Oplæg: Carina Lund',
        '',
        'Udkastet blev gennemgået afsnit for afsnit.',
        '',
        'Netværket godkendte vejledningen med to rettelser.',
      ].join('\n'),
    );
    expect(doc.kind).toBe('minutes');
    expect(doc.items.map((i) => [i.number, i.presenter, i.caseText, i.minutes])).toEqual([
      [
        '1',
        'Bo Kjeldsen',
        'Ventelisterne er faldet i tre af fem kommuner.',
        'Netværket tog orienteringen til efterretning.',
      ],
      [
        '2',
        'Carina Lund',
        'Udkastet blev gennemgået afsnit for afsnit.',
        'Netværket godkendte vejledningen med to rettelser.',
      ],
    ]);
  });
});
