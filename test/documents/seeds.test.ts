// The two real documents in ../shared/seeds: the importer must read them as published.
import fs from 'node:fs';
import path from 'node:path';
import { parseCommitteeDocument } from '../../src/documents/document-parser';
import { parsedDocumentSchema } from '../../src/domain/import/parsed-document';
import { missingWords } from './text-coverage';

const dir = path.join(__dirname, '../../../shared/seeds');
const maybe = fs.existsSync(dir) ? describe : describe.skip;
const read = (name: string) => fs.readFileSync(path.join(dir, name), 'utf8');
const HEADING_WORDS = ['Ved', 'Referat', 'Indstilling', 'Sagsfremstilling', 'Bilag'];

maybe('real committee documents', () => {
  it('reads the DASSOS agenda of 30 October 2024 (PDF text)', () => {
    const text = read('001_8527e5144bb972e8.txt');
    const doc = parseCommitteeDocument(text);
    expect(parsedDocumentSchema.parse(doc)).toEqual(doc);
    expect(doc.kind).toBe('agenda');
    expect(doc.committee).toBe('DASSOS');
    expect(doc.meeting).toMatchObject({
      date: '2024-10-30',
      start: '12:00',
      end: '13:45',
      room: 'Mødelokale M5',
    });
    expect(doc.participants).toHaveLength(24);
    expect(doc.participants).toContainEqual({
      name: 'Bjarne Hansen',
      organisation: 'Viborg Kommune',
    });
    expect(doc.items.map((i) => [i.number, i.section, i.title])).toEqual([
      [
        '1.1',
        'decision',
        'Input til årligt dialogmøde mellem Socialtilsynet og DASSOS repræsentanter',
      ],
      ['1.2', 'decision', 'Godkendelse af endeligt udkast til Rammeaftale 2025-26'],
      ['1.3', 'decision', 'Handlingsplan for Rammeaftale 2025-26'],
      ['1.4', 'decision', 'Beslutning om den fremtidige organisering af takstgruppen'],
      [
        '1.5',
        'decision',
        'Afrapportering for den fornyede behandling af CU vedr. udviklingshæmning og dom',
      ],
      ['2.1', 'information', 'Status vedr. ny takststruktur i Region Midtjylland'],
      ['2.2', 'information', 'Status Dialogforum mellem Ankestyrelsen og kommuner'],
      ['2.3', 'information', 'Status på centrale udmeldinger'],
      ['3.1', 'upcoming', 'Punkter til næste møde i DASSOS'],
      ['3.2', 'upcoming', 'Eventuelt'],
    ]);
    expect(doc.items.find((i) => i.number === '1.5')?.attachments.every((a) => a.closed)).toBe(
      true,
    );
    expect(doc.items.find((i) => i.number === '2.2')?.attachments[0]?.later).toBe(true);
    expect(doc.warnings).toEqual([]);
    const lines = text.split('\n');
    const body = lines.slice(lines.indexOf('1. Beslutningspunkter'));
    expect(missingWords(body, doc, HEADING_WORDS)).toEqual([]);
  });

  it('reads the DASSOS minutes of 18 May 2026 (Markdown)', () => {
    const text = read('002_c16d4868cd490999.txt');
    const doc = parseCommitteeDocument(text);
    expect(parsedDocumentSchema.parse(doc)).toEqual(doc);
    expect(doc.kind).toBe('minutes');
    expect(doc.committee).toBe('DASSOS');
    expect(doc.meeting).toMatchObject({
      date: '2026-05-18',
      place: 'Silkeborg Rådhus',
      room: 'Byrådssalen',
    });
    expect(doc.participants).toHaveLength(18);
    expect(doc.participants[0]).toEqual({
      name: 'Jesper Thyrring Møller',
      organisation: 'Struer Kommune',
    });
    expect(doc.absent).toHaveLength(9);
    expect(doc.absent[8]).toEqual({ name: 'Dorthe Lykke Jensen', organisation: 'Samsø Kommune' });
    expect(doc.items.map((i) => [i.number, i.title])).toEqual([
      ['1.1', 'Drøftelse af udkast til Rammeaftale 2027-28'],
      [
        '1.2',
        'Godkendelse af fælles principper for samarbejdet på det specialiserede socialområde i Midtjylland',
      ],
      ['1.3', 'Målgrupper borgere med komplekse udfordringer i Midtjylland'],
      [
        '1.4',
        'Drøftelse af mulige modeller for samdrift af tilbud på det specialiserede socialområde',
      ],
      ['1.5', 'Beslutning om tilslutning til anmodning om ændring af rammeaftaleperioden'],
      [
        '1.6',
        'Udviklingsområdet mental sundhed og psykiatri – drøftelse af tilgang til implementering af tværsektoriel FACT',
      ],
      [
        '1.7',
        'Orientering om afrapportering lands – og landsdelsdækkende tilbud samt de sikrede afdelinger',
      ],
      ['1.8', 'Drøftelse af emner til politisk temamøde forår 2027'],
      ['2.1', 'Status på handlingsplanen for Rammeaftale 2025-2026'],
      ['2.2', 'Kapacitetsstyring af herbergsområdet'],
      ['3.1', 'Punkter til næste møde i DASSOS'],
      ['3.2', 'Møder 2026'],
      ['3.3', 'Eventuelt'],
      ['3.4', 'Skriftlige orienteringer'],
    ]);
    expect(doc.items.filter((i) => i.minutes !== null).map((i) => i.number)).toEqual([
      '1.1',
      '1.2',
      '1.3',
      '1.4',
      '1.5',
      '1.6',
      '1.7',
      '1.8',
      '2.1',
      '2.2',
      '3.1',
      '3.3',
    ]);
    expect(doc.items.find((i) => i.number === '3.4')?.section).toBe('written');
    // The contents spell 1.7 "landdelsdækkende", the heading "landsdelsdækkende": reported, heading kept.
    expect(doc.warnings).toHaveLength(1);
    expect(doc.warnings[0]).toMatch(/^Titlen på punkt 1\.7/);
    const lines = text.split('\n');
    const body = lines.slice(lines.indexOf('# 1. Beslutningspunkter'));
    expect(missingWords(body, doc, HEADING_WORDS)).toEqual([]);
  });
});
