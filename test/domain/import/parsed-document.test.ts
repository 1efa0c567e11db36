import { parsedDocumentSchema, type ParsedDocument } from '../../../src/domain/import/parsed-document';

const valid: ParsedDocument = {
  kind: 'agenda',
  committee: 'DASSOS',
  meeting: { date: '2024-10-30', start: '12:00', end: '13:45', place: 'Viborg Rådhus', room: null },
  participants: [{ name: 'Jesper Thyrring Møller', organisation: 'Struer Kommune' }],
  absent: [],
  items: [
    {
      number: '1.1',
      section: 'decision',
      sectionTitle: 'Beslutningspunkter',
      title: 'Input til årligt dialogmøde',
      presenter: 'Jesper Thyrring Møller',
      recommendationIntro: 'At DASSOS:',
      recommendation: ['Drøfter temaer'],
      caseText: 'Tekst.',
      minutes: null,
      attachments: [{ title: 'Lukket bilag – Opsamling', url: null, closed: true, later: false }],
      closed: false,
    },
  ],
  warnings: [],
};

describe('parsedDocumentSchema', () => {
  it('accepts a well-formed document', () => {
    expect(parsedDocumentSchema.parse(valid)).toEqual(valid);
  });

  it.each([
    ['an impossible month', { ...valid, meeting: { ...valid.meeting, date: '2024-13-01' } }],
    ['a time without minutes', { ...valid, meeting: { ...valid.meeting, start: '12' } }],
    ['an unknown section kind', { ...valid, items: [{ ...valid.items[0], section: 'other' }] }],
    ['an item number with letters', { ...valid, items: [{ ...valid.items[0], number: '1.a' }] }],
    ['an empty title', { ...valid, items: [{ ...valid.items[0], title: '' }] }],
    ['a field the shape does not have', { ...valid, extra: true }],
  ])('rejects %s', (_, doc) => {
    expect(parsedDocumentSchema.safeParse(doc).success).toBe(false);
  });
});
