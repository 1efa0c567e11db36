// The minutes' Word file is built in a worker thread (so a long meeting's document does
// not hold up the bot's answers): the file that comes back is the one the same builder
// makes on this thread, part for part; only what docx makes anew for every file may
// differ (the time stamps, and the random ids of the links' relationships).
import AdmZip from 'adm-zip';
import { buildMinutesDocx, minutesDocx } from '../../src/documents/minutes-docx';
import { FIXTURE, minutesFrom, parsedMinutes } from '../support/minutes-fixture';

/** Every part of a Word file by name, without the created/modified times and with the links' random ids made one. */
function parts(bytes: Uint8Array): Map<string, string> {
  const entries = new AdmZip(Buffer.from(bytes)).getEntries();
  return new Map(
    entries.map((e) => [
      e.entryName,
      e
        .getData()
        .toString('utf8')
        .replace(/<dcterms:(created|modified)[^>]*>[^<]*<\/dcterms:\1>/g, '')
        .replace(/"rId[\w-]{16,}"/g, '"rId"'),
    ]),
  );
}

describe('minutes built in the worker', () => {
  const doc = minutesFrom(parsedMinutes(FIXTURE), { draft: true });
  doc.corrections = [
    {
      at: new Date('2026-08-20T10:00:00Z'),
      note: 'Der var fejl i tallene for Favrskov Kommune.',
      itemNumber: '2.1',
    },
  ];

  it('are the document built on the bot thread, part for part', async () => {
    const [inWorker, here] = await Promise.all([minutesDocx(doc), buildMinutesDocx(doc)]);
    const worker = parts(inWorker);
    expect([...worker.keys()].sort()).toEqual([...parts(here).keys()].sort());
    expect(worker).toEqual(parts(here));
    expect(worker.get('word/document.xml')).toContain('Favrskov Kommune');
  });

  it('build several documents at once, each answered with its own', async () => {
    const other = { ...doc, committee: 'Styregruppen for Rammeaftalen' };
    const [a, b] = await Promise.all([minutesDocx(doc), minutesDocx(other)]);
    expect(parts(a).get('word/document.xml')).not.toContain('Styregruppen for Rammeaftalen');
    expect(parts(b).get('word/document.xml')).toContain('Styregruppen for Rammeaftalen');
  });
});
