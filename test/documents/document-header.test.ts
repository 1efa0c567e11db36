import { parseCommitteeDocument } from '../../src/documents/document-parser';

/** A minimal Midtjylland body, so the head is read as the head of a known layout. */
const BODY = [
  '1. Beslutningspunkter',
  '',
  '1.1 Godkendelse af dagsorden',
  '',
  'Ved Formanden',
  '',
  'Sagsfremstilling',
  '',
  'Tekst.',
];

function withHead(...head: string[]) {
  return parseCommitteeDocument([...head, '', ...BODY].join('\n'));
}

describe('the document head', () => {
  it('warns when the meeting date has no year anywhere in the head', () => {
    const doc = withHead('Dagsorden', 'Tidspunkt: Den 30. oktober kl. 12.00-13.45');
    expect(doc.meeting).toMatchObject({ date: null, start: '12:00', end: '13:45' });
    expect(doc.warnings).toEqual([
      'Mødets dato «Den 30. oktober kl. 12.00-13.45» har intet årstal, og dokumentets hoved nævner heller ikke et.',
    ]);
  });

  it('takes the year from another line of the head', () => {
    expect(withHead('Tidspunkt: 2. februar kl. 9', 'Rammeaftale 2026').meeting).toMatchObject({
      date: '2026-02-02',
      start: '09:00',
      end: null,
    });
  });

  it('reports head lines it cannot place, quoting them', () => {
    const doc = withHead(
      'DASSOS den 4. december 2025',
      'Referent: Thorbjørn Aagaard',
      'Husk at medbringe bilagene fra sidste møde.',
    );
    expect(doc.warnings).toEqual([
      'Oplysningen «Referent: Thorbjørn Aagaard» i dokumentets hoved har ingen plads i importen.',
      'Linjen «Husk at medbringe bilagene fra sidste møde.» i dokumentets hoved blev ikke forstået.',
    ]);
  });

  it.each([
    ['Referat fra mødet i DAS Social den 21.08.2023', 'DAS Social', 'minutes', '2023-08-21'],
    ['Referat DASSOS den 18. maj 2026', 'DASSOS', 'minutes', '2026-05-18'],
    ['Dagsorden til møde i KOSU den 3. marts 2025', 'KOSU', 'agenda', '2025-03-03'],
    ['DASSOS den 30. oktober 2024', 'DASSOS', 'agenda', '2024-10-30'],
  ])('reads committee, kind and date from the title %s', (title, committee, kind, date) => {
    const doc = withHead(title);
    expect([doc.committee, doc.kind, doc.meeting.date]).toEqual([committee, kind, date]);
  });

  it('takes committee and date from a running page header when the head lacks them', () => {
    const doc = parseCommitteeDocument(
      ['Dagsorden', '', ...BODY.flatMap((l) => [l, 'Mødet den 12.02.2024 DAS Social'])].join('\n'),
    );
    expect(doc.committee).toBe('DAS Social');
    expect(doc.meeting.date).toBe('2024-02-12');
    expect(doc.items[0]?.caseText).toBe('Tekst.');
  });
});

describe('participant lists', () => {
  it.each([
    [
      'one per line with comma and chair marker',
      ['Anne Mette Kjær, Jammerbugt Kommune (formand)', 'Henrik Bach, Aalborg Kommune'],
    ],
    [
      'organisation in parentheses',
      ['Anne Mette Kjær (formand) (Jammerbugt Kommune)', 'Henrik Bach (Aalborg Kommune)'],
    ],
    [
      'a dash between',
      ['Anne Mette Kjær (formand) – Jammerbugt Kommune', 'Henrik Bach – Aalborg Kommune'],
    ],
    [
      'names and organisations alternating',
      ['Anne Mette Kjær (formand)', 'Jammerbugt Kommune', 'Henrik Bach', 'Aalborg Kommune'],
    ],
    [
      'all names, then all organisations',
      ['Anne Mette Kjær (formand)', 'Henrik Bach', 'Jammerbugt Kommune', 'Aalborg Kommune'],
    ],
    [
      'a Markdown table',
      [
        '| Navn | Organisation |',
        '|---|---|',
        '| Anne Mette Kjær (formand) | Jammerbugt Kommune |',
        '| Henrik Bach | Aalborg Kommune |',
      ],
    ],
  ])('reads %s', (_, list) => {
    const doc = withHead('Deltagere:', ...list);
    expect(doc.participants).toEqual([
      { name: 'Anne Mette Kjær', organisation: 'Jammerbugt Kommune' },
      { name: 'Henrik Bach', organisation: 'Aalborg Kommune' },
    ]);
    expect(doc.warnings).toEqual([]);
  });

  it('reads several people on the label line and names without organisation', () => {
    const doc = withHead(
      'Til stede: Anne Holm (Randers Kommune); Bo Kjeldsen',
      'Afbud: Carina Lund',
    );
    expect(doc.participants).toEqual([
      { name: 'Anne Holm', organisation: 'Randers Kommune' },
      { name: 'Bo Kjeldsen', organisation: null },
    ]);
    expect(doc.absent).toEqual([{ name: 'Carina Lund', organisation: null }]);
  });
});
