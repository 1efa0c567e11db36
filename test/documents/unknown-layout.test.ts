import fs from 'node:fs';
import path from 'node:path';
import { parseCommitteeDocument } from '../../src/documents/document-parser';
import { parsedDocumentSchema } from '../../src/domain/import/parsed-document';
import { missingWords } from './text-coverage';

const fixture = fs.readFileSync(
  path.join(__dirname, '../fixtures/documents/ukendt-noter.txt'),
  'utf8',
);
const NOT_RECOGNISED = /opbygning blev ikke genkendt/;

describe('a document in an unknown layout', () => {
  const doc = parseCommitteeDocument(fixture);

  it('says the layout was not recognised', () => {
    expect(doc.warnings).toHaveLength(1);
    expect(doc.warnings[0]).toMatch(NOT_RECOGNISED);
    expect(parsedDocumentSchema.parse(doc)).toEqual(doc);
  });

  it('still reads the labelled lines at the top', () => {
    expect(doc.meeting).toEqual({
      date: '2025-03-03',
      start: '09:00',
      end: '11:00',
      place: 'Randers Rådhus',
      room: null,
    });
    expect(doc.participants).toEqual([
      { name: 'Anne Holm', organisation: 'Randers Kommune' },
      { name: 'Bo Kjeldsen', organisation: 'Norddjurs Kommune' },
      { name: 'Carina Lund', organisation: 'Syddjurs Kommune' },
    ]);
  });

  it('puts all the rest in one item titled by the first line', () => {
    expect(doc.items).toHaveLength(1);
    const only = doc.items[0];
    expect(only?.number).toBe('1');
    expect(only?.section).toBeNull();
    expect(only?.title).toBe('Noter fra netværksmøde om botilbudskapacitet');
    expect(only?.caseText).toContain('- Bo sender opgørelsen over ledige pladser');
    expect(only?.caseText.endsWith('Næste møde holdes i maj hos Norddjurs Kommune.')).toBe(true);
  });

  it('loses no word', () => {
    expect(missingWords(fixture.split('\n'), doc, ['Dato', 'kl', 'Sted', 'Til', 'stede'])).toEqual(
      [],
    );
  });
});

describe('robustness', () => {
  const inputs: [string, string][] = [
    ['empty', ''],
    ['only whitespace', ' \n\t\n\u00a0\n'],
    ['a single word', 'Dagsorden'],
    ['a lone item number', 'Punkt 1.'],
    ['a lone heading', 'Indstilling'],
    ['an empty table', '|\n| |\n|---|'],
    ['control characters and a byte order mark', '\uFEFF\u0000\u0007Referat\r\n\fSide 1 af 2\r\n'],
    ['an impossible date', 'Tidspunkt: 31. februar 2025 kl. 25.00-26.00'],
    ['repeated numbers', '1. A\n2. B\n1. A\n2. B'],
    ['a long unbroken line', 'x'.repeat(20_000)],
    [
      'binary noise',
      Buffer.from(Array.from({ length: 2000 }, (_, i) => (i * 7919) % 256)).toString('latin1'),
    ],
  ];

  it.each(inputs)('never throws and gives a valid document for %s', (_, text) => {
    const doc = parseCommitteeDocument(text);
    expect(() => parsedDocumentSchema.parse(doc)).not.toThrow();
  });

  it('reports an empty document', () => {
    expect(parseCommitteeDocument('\n \n').warnings).toEqual(['Dokumentet er tomt.']);
    expect(parseCommitteeDocument('').items).toEqual([]);
  });

  it('keeps every word of plain prose that has no structure at all', () => {
    const prose =
      'Mødet blev aflyst på grund af sygdom.\nNyt møde indkaldes senere.\n\nVenlig hilsen sekretariatet';
    const doc = parseCommitteeDocument(prose);
    expect(doc.warnings[0]).toMatch(NOT_RECOGNISED);
    expect(missingWords(prose.split('\n'), doc)).toEqual([]);
  });

  it('gives a long first line as text, not as the title', () => {
    const long = `${'Lang tekst uden overskrift '.repeat(10)}slut.`;
    const doc = parseCommitteeDocument(long);
    expect(doc.items[0]?.title).toBe('Uden titel');
    expect(doc.items[0]?.caseText).toBe(long.trim());
  });
});
