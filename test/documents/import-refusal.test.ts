import fs from 'node:fs';
import path from 'node:path';
import { generateCorpus } from '../../bench/corpus/generate';
import { parseCommitteeDocument } from '../../src/documents/document-parser';
import { importRefusal } from '../../src/documents/import-refusal';
import { messages } from '../../src/i18n/messages';

const refusalOf = (text: string) => importRefusal(parseCommitteeDocument(text), text);
const fixtures = path.join(__dirname, '../fixtures/documents');

describe('documents the import refuses', () => {
  it('refuses minutes in English, with their numbered items', () => {
    const text = [
      'Minutes of the Social Affairs Committee, 4 December 2024',
      '',
      '1. Approval of the agenda',
      'Decision',
      'The committee approved the agenda without changes.',
      '',
      '2. Budget follow-up',
      'Recommendation',
      'That the committee takes the report on the budget to note and asks the administration to return with the figures in the spring.',
      'Decision',
      'The committee took the report to note. It was agreed that the figures are sent to the members.',
    ].join('\n');
    expect(refusalOf(text)).toBe('language');
  });

  it('refuses a German agenda', () => {
    const text =
      'Tagesordnung\n\n1. Haushalt\nIndstilling\nDer Ausschuss nimmt den Bericht zur Kenntnis und die Verwaltung ist nicht beauftragt, das ist eine Frage mit und ohne Antwort. Die Sitzung ist geschlossen und das Protokoll wird mit der Einladung versandt.\n';
    expect(refusalOf(text)).toBe('language');
  });

  it('refuses Danish notes without a numbered item', () => {
    expect(refusalOf(fs.readFileSync(path.join(fixtures, 'ukendt-noter.txt'), 'utf8'))).toBe(
      'no_items',
    );
    expect(refusalOf('Mødet blev aflyst på grund af sygdom.\nNyt møde indkaldes senere.')).toBe(
      'no_items',
    );
  });

  it('refuses an empty document', () => {
    expect(refusalOf('')).toBe('empty');
    expect(refusalOf(' \n\f\n')).toBe('empty');
  });

  it('takes every document of the corpus and the fixtures in a known layout', () => {
    for (const doc of generateCorpus(5))
      expect([doc.layout, refusalOf(doc.text)]).toEqual([doc.layout, null]);
    for (const name of [
      'midtjylland-dagsorden.txt',
      'midtjylland-referat.md',
      'nordjylland-dagsorden.txt',
    ]) {
      expect(refusalOf(fs.readFileSync(path.join(fixtures, name), 'utf8'))).toBeNull();
    }
  });

  it('says why in Danish and in English', () => {
    for (const lang of ['da', 'en'] as const) {
      const t = messages(lang).importRefused;
      expect(Object.keys(t).sort()).toEqual(['empty', 'language', 'no_items']);
      expect(Object.values(t).every((m) => m.length > 20)).toBe(true);
    }
  });
});
