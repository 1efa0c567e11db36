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
  path.join(__dirname, '../fixtures/documents/nordjylland-dagsorden.txt'),
  'utf8',
);
const FURNITURE = [/^Mødet den 21\.08\.2023 DAS Social$/, /^Åben$/, /^Side \d+ af \d+$/];

function item(doc: ParsedDocument, number: string): ParsedItem {
  const found = doc.items.find((i) => i.number === number);
  if (!found) throw new Error(`no item ${number}`);
  return found;
}

describe('Nordjylland (DAS Social) agenda as PDF text', () => {
  const doc = parseCommitteeDocument(fixture);

  it('is a valid agenda', () => {
    expect(doc.kind).toBe('agenda');
    expect(parsedDocumentSchema.parse(doc)).toEqual(doc);
  });

  it('reads the head with a numeric date and labels of its own', () => {
    expect(doc.committee).toBe('DAS Social');
    expect(doc.meeting).toEqual({
      date: '2023-08-21',
      start: '10:00',
      end: '13:00',
      place: 'Hotel Scheelsminde, Scheelsmindevej 35, 9100 Aalborg',
      room: 'Limfjordssalen',
    });
    expect(doc.participants[0]).toEqual({
      name: 'Anne Mette Kjær',
      organisation: 'Jammerbugt Kommune',
    });
    expect(doc.participants.map((p) => p.organisation)).toEqual([
      'Jammerbugt Kommune',
      'Aalborg Kommune',
      'Region Nordjylland',
      'Hjørring Kommune',
      'Sekretariatet for Rammeaftaler',
    ]);
    expect(doc.absent).toEqual([{ name: 'Peter Hald', organisation: 'Frederikshavn Kommune' }]);
  });

  it('reads "Punkt N." items without sections, recovering item 4 whose number line was lost', () => {
    expect(doc.items.map((i) => [i.number, i.section, i.sectionTitle, i.title])).toEqual([
      ['1', null, null, 'Godkendelse af dagsorden'],
      ['2', null, null, 'Godkendelse af referat fra mødet den 15.06.2023'],
      ['3', null, null, 'Udviklingsstrategi 2024 for det specialiserede socialområde'],
      ['4', null, null, 'Økonomisk opfølgning på takstudviklingen 2023'],
      ['5', null, null, 'Orientering fra Socialtilsyn Nord'],
      ['6', null, null, 'Eventuelt'],
    ]);
    expect(item(doc, '3').caseText).not.toContain('takstudviklingen 2023');
  });

  it('keeps page headers and footers out of every item', () => {
    for (const i of doc.items) {
      const text = [
        i.title,
        i.caseText,
        ...i.recommendation,
        ...i.attachments.map((a) => a.title),
      ].join('\n');
      expect(text).not.toMatch(/Mødet den 21\.08\.2023|^Åben$|Side \d af 6/m);
    }
  });

  it('puts the Resumé first under a bold line, then the Sagsfremstilling, joining a sentence split by a page break', () => {
    expect(item(doc, '1').caseText).toBe(
      '**Resumé**\n\nDagsordenen for mødet fremlægges til godkendelse.',
    );
    const text = item(doc, '3').caseText;
    expect(text.startsWith('**Resumé**\n\nUdviklingsstrategien beskriver')).toBe(true);
    expect(text).toContain('\n\n**Sagsfremstilling**\n\nStyregruppen har på mødet i juni');
    expect(text).toContain('med deltagelse fra både kommuner og region');
  });

  it('splits "Det indstilles, at DAS …" into intro and bullets, inline or on their own lines', () => {
    expect(item(doc, '1')).toMatchObject({
      recommendationIntro: 'Det indstilles, at DAS Social',
      recommendation: ['godkender dagsordenen.'],
    });
    expect(item(doc, '3')).toMatchObject({
      recommendationIntro: 'Det indstilles, at DAS',
      recommendation: [
        'godkender udkast til udviklingsstrategi 2024',
        'sender udviklingsstrategien i høring i kommunerne',
      ],
    });
    expect(item(doc, '4')).toMatchObject({
      recommendationIntro: 'Det indstilles, at DAS',
      recommendation: [
        'tager orienteringen om takstudviklingen til efterretning',
        'drøfter behovet for en fælles analyse af udgifterne til de mest specialiserede tilbud',
      ],
    });
  });

  it('reads "Bilag:" lists with "- " lines', () => {
    expect(item(doc, '2').attachments).toEqual([
      {
        title: 'Referat fra mødet i DAS Social den 15.06.2023',
        url: null,
        closed: false,
        later: false,
      },
    ]);
    expect(item(doc, '3').attachments).toEqual([
      { title: 'Udkast til udviklingsstrategi 2024', url: null, closed: false, later: false },
      { title: 'Høringsbrev (eftersendes)', url: null, closed: false, later: true },
    ]);
  });

  it('keeps the text of an attachment printed after the list out of the case text, and says so', () => {
    const four = item(doc, '4');
    expect(four.attachments).toEqual([
      {
        title: 'Bilag 1: Notat om takstudviklingen 2022-2023',
        url: null,
        closed: false,
        later: false,
      },
    ]);
    expect(four.caseText).not.toContain('Notatet gennemgår');
    expect(four.caseText).not.toContain('Tilbuddene har oplyst');
    expect(item(doc, '5').caseText).not.toContain('Tilbuddene har oplyst');
    expect(doc.warnings).toHaveLength(1);
    expect(doc.warnings[0]).toMatch(
      /^I punkt 4 stod teksten til bilaget «Bilag 1: Notat om takstudviklingen 2022-2023» \(3 linjer\) .*«Notatet gennemgår/,
    );
  });

  it('loses no word of the body except page furniture, heading words and the moved attachment text', () => {
    const lines = fixture.split('\n');
    const body = lines.slice(lines.indexOf('Punkt 1.'));
    const moved = new Set(
      lines.slice(
        lines.indexOf('Bilag 1: Notat om takstudviklingen 2022-2023') + 1,
        lines.indexOf('Punkt 5.'),
      ),
    );
    const kept = body.filter((l) => !FURNITURE.some((re) => re.test(l)) && !moved.has(l));
    expect(
      missingWords(kept, doc, ['Punkt', 'Resumé', 'Indstilling', 'Sagsfremstilling', 'Bilag']),
    ).toEqual([]);
  });
});

describe('Nordjylland variants', () => {
  it('reads the minutes of a decision under "Beslutning"', () => {
    const minutes = fixture.replace(
      'Indstilling\nDet indstilles, at DAS Social godkender dagsordenen.\n',
      'Indstilling\nDet indstilles, at DAS Social godkender dagsordenen.\nBeslutning\nGodkendt.\n',
    );
    expect(minutes).not.toBe(fixture);
    const doc = parseCommitteeDocument(minutes);
    expect(doc.kind).toBe('minutes');
    expect(doc.items[0]?.minutes).toBe('Godkendt.');
    expect(doc.items[1]?.minutes).toBeNull();
  });

  it('reads a title written on the "Punkt N." line itself', () => {
    const doc = parseCommitteeDocument(
      fixture.replace(
        'Punkt 5.\nOrientering fra Socialtilsyn Nord',
        'Punkt 5. Orientering fra Socialtilsyn Nord',
      ),
    );
    expect(doc.items.find((i) => i.number === '5')?.title).toBe(
      'Orientering fra Socialtilsyn Nord',
    );
    expect(doc.items.find((i) => i.number === '5')?.caseText).toBe(
      '**Resumé**\n\nSocialtilsyn Nord orienterer om årsrapporten for 2022.',
    );
  });

  it('warns when a listed item is found neither by number nor by title', () => {
    const doc = parseCommitteeDocument(
      fixture.replace('Punkt 5.\nOrientering fra Socialtilsyn Nord\n', ''),
    );
    expect(doc.items.map((i) => i.number)).toEqual(['1', '2', '3', '4', '6']);
    expect(doc.warnings).toContain(
      'Punkt 5 «Orientering fra Socialtilsyn Nord» står i indholdsfortegnelsen, men blev ikke fundet i teksten.',
    );
  });

  it('reads numbered Markdown headings as items when there is no "Punkt N." line', () => {
    const doc = parseCommitteeDocument(
      [
        '# Dagsorden DAS Social 12.02.2024',
        '',
        '## 1. Godkendelse af dagsorden',
        '',
        '**Indstilling**',
        '',
        'Det indstilles, at DAS Social godkender dagsordenen.',
        '',
        '## 2. Eventuelt',
        '',
        'Intet.',
      ].join('\n'),
    );
    expect(doc.committee).toBe('DAS Social');
    expect(doc.meeting.date).toBe('2024-02-12');
    expect(doc.items.map((i) => [i.number, i.title, i.caseText])).toEqual([
      ['1', 'Godkendelse af dagsorden', ''],
      ['2', 'Eventuelt', 'Intet.'],
    ]);
    expect(doc.items[0]?.recommendationIntro).toBe('Det indstilles, at DAS Social');
  });
});
