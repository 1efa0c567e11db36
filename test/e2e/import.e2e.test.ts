// Importing the secretariat's agenda over HTTP, as Teams sends it: pasted text or a file
// in the personal chat, a preview card, "Gem" as Action.Execute (twice), re-import.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { startRecordingConnector, type RecordingConnector } from '../support/recording-connector';
import { startTestApp, type TestApp } from '../support/app';
import { ALEX, MEGAN, executeAction, message, submitAction } from '../support/activities';
import { AGENDA } from '../support/documents';
import { agendaPdf, dassosAgenda, imageOnlyPdf } from '../support/pdf-fixture';
import { read } from '../support/read';


let app: TestApp;
let connector: RecordingConnector;
let files: http.Server;
let filesUrl: string;
let pdf: Buffer;
let scan: Buffer;

beforeAll(async () => {
  pdf = (await agendaPdf(dassosAgenda(6))).pdf;
  scan = await imageOnlyPdf(2);
  connector = await startRecordingConnector();
  // Stands in for the short-lived download URL Teams gives a bot for an uploaded file.
  files = http.createServer((req, res) => {
    if (req.url === '/dagsorden.pdf' || req.url === '/scannet.pdf') {
      res.writeHead(200, { 'content-type': 'application/pdf' });
      res.end(req.url === '/dagsorden.pdf' ? pdf : scan);
    } else if (req.url === '/dagsorden.md') {
      res.writeHead(200, { 'content-type': 'text/markdown' });
      res.end(AGENDA.replace('Rammeaftale 2027-28', 'Rammeaftale 2027-28 (revideret)'));
    } else {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise<void>((r) => files.listen(0, '127.0.0.1', r));
  filesUrl = `http://127.0.0.1:${(files.address() as AddressInfo).port}`;
  // Files come from Microsoft's hosts only; this local one stands in for SharePoint.
  app = await startTestApp({ FILE_DOWNLOAD_HOSTS: filesUrl });
});
afterAll(async () => {
  await app?.close();
  await connector?.close();
  await new Promise((r) => files?.close(r));
});
beforeEach(() => connector.clear());

type Card = { body: unknown[]; actions?: Array<{ verb?: string; title?: string; data?: Record<string, unknown> }> };

function cardAt(i: number): Card {
  const body = connector.recorded[i]?.body as { attachments?: Array<{ contentType: string; content: Card }> };
  const card = body?.attachments?.find((a) => a.contentType === 'application/vnd.microsoft.card.adaptive');
  if (!card) throw new Error(`no card at ${i}: ${JSON.stringify(connector.recorded[i]?.body)}`);
  return card.content;
}

function choiceSet(card: Card): { value: string; choices: Array<{ title: string; value: string }> } {
  const found = JSON.stringify(card.body).match(/"type":"Input\.ChoiceSet"/);
  if (!found) throw new Error('no meeting choice on the card');
  const input = (card.body as Array<Record<string, unknown>>).find((e) => e.type === 'Input.ChoiceSet')!;
  return input as unknown as { value: string; choices: Array<{ title: string; value: string }> };
}

const personal = (text: string, user = ALEX) => message(text, { serviceUrl: connector.url, scope: 'personal', user });

async function invoke(verb: string, data: Record<string, unknown>): Promise<{ status: number; body: { value: unknown } }> {
  const res = await app.post(executeAction(verb, data, { serviceUrl: connector.url, scope: 'personal' }));
  return { status: res.status, body: (await res.json()) as { value: unknown } };
}

async function itemsOfMeeting(meetingId: string) {
  return app.db.prisma.agendaItem.findMany({
    where: { meetingId },
    orderBy: { position: 'asc' },
    include: { attachments: true },
  });
}

describe('importing an agenda', () => {
  let importId = '';
  let meetingId = '';

  it('previews pasted text: header, items by section, and the meeting of that date', async () => {
    await app.post(personal(`importer dagsorden\n${AGENDA}`));
    await connector.waitFor(1);
    const card = cardAt(0);
    const text = JSON.stringify(card);
    expect(text).toContain('DAGSORDEN · FORHÅNDSVISNING');
    expect(text).toContain('Dagsorden for DASSOS onsdag den 6. januar 2027');
    expect(text).toContain('3 punkter: 1 beslutningspunkt, 2 orienteringspunkter');
    expect(text).toContain('Godkendelse af handlingsplan for Rammeaftale 2027-28');
    expect(text).toContain('Viborg Rådhus');
    const save = card.actions!.find((a) => a.verb === 'import-save')!;
    expect(save.title).toBe('Gem som dagsorden for mødet 6. januar 2027');
    importId = String(save.data!.importId);
    // The demo committee already has a meeting that day: it is the one proposed.
    const choice = choiceSet(card);
    meetingId = choice.value;
    expect(choice.choices[0]!.title).toBe('onsdag den 6. januar 2027 kl. 13.00–15.00');
    expect(await itemsOfMeeting(meetingId)).toHaveLength(0);
  });

  it('saves on "Gem" (Action.Execute), and a second click saves nothing more', async () => {
    const first = await invoke('import-save', { importId, meetingId });
    expect(first.status).toBe(200);
    expect(JSON.stringify(first.body.value)).toContain('Gemt som dagsorden for mødet onsdag den 6. januar 2027: 3 nye punkter, 0 opdateret.');
    const items = await itemsOfMeeting(meetingId);
    expect(items.map((i) => [i.number, i.sectionKind, i.title])).toEqual([
      ['1.1', 'decision', 'Godkendelse af handlingsplan for Rammeaftale 2027-28'],
      ['2.1', 'information', 'Nyt fra Socialtilsyn Midt'],
      ['2.2', 'information', 'Status på central udmelding'],
    ]);
    expect(items[0]!.presenter).toBe('Jesper Thyrring Møller');
    expect(items[0]!.recommendations).toEqual(['Godkender handlingsplanen', 'Drøfter de næste skridt']);
    expect(items[0]!.attachments).toEqual([
      expect.objectContaining({ title: expect.stringContaining('Opsamling af kommunernes input'), access: 'closed', availability: 'to_follow' }),
    ]);

    const again = await invoke('import-save', { importId, meetingId });
    expect(JSON.stringify(again.body.value)).toContain('Allerede gemt som dagsorden for mødet onsdag den 6. januar 2027.');
    // The Action.Submit fallback of an old client, too.
    await app.post(submitAction('import-save', { importId, meetingId }, { serviceUrl: connector.url, scope: 'personal' }));
    await connector.waitFor(1);
    expect(await itemsOfMeeting(meetingId)).toHaveLength(3);
    const audits = await read(app.db).audited('agenda.imported', meetingId);
    expect(audits).toBe(1);
  });

  it('re-importing a file updates the items in place and never duplicates them', async () => {
    await app.post({
      ...personal(''),
      text: '',
      attachments: [
        {
          contentType: 'application/vnd.microsoft.teams.file.download.info',
          name: 'dagsorden.md',
          content: { downloadUrl: `${filesUrl}/dagsorden.md`, uniqueId: 'x', fileType: 'md' },
        },
      ],
    });
    await connector.waitFor(1);
    const card = cardAt(0);
    expect(JSON.stringify(card)).toContain('dagsorden.md');
    const save = card.actions!.find((a) => a.verb === 'import-save')!;
    const res = await invoke('import-save', { importId: save.data!.importId, meetingId: choiceSet(card).value });
    expect(JSON.stringify(res.body.value)).toContain('0 nye punkter, 3 opdateret.');
    const items = await itemsOfMeeting(meetingId);
    expect(items).toHaveLength(3);
    expect(items[0]!.title).toBe('Godkendelse af handlingsplan for Rammeaftale 2027-28 (revideret)');
    expect(items[0]!.attachments).toHaveLength(1);
  });

  it('reads a PDF the secretariat sends: the preview, then the items saved on the meeting of its date', async () => {
    const sendPdf = (name: string) =>
      app.post({
        ...personal(''),
        text: '',
        attachments: [{ contentType: 'application/vnd.microsoft.teams.file.download.info', name, content: { downloadUrl: `${filesUrl}/${name}`, uniqueId: name, fileType: 'pdf' } }],
      });
    await sendPdf('dagsorden.pdf');
    await connector.waitFor(1);
    const card = cardAt(0);
    const shown = JSON.stringify(card);
    expect(shown).toContain('dagsorden.pdf');
    expect(shown).toContain('30. oktober 2024');
    const save = card.actions!.find((a) => a.verb === 'import-save')!;
    const res = await invoke('import-save', { importId: save.data!.importId, meetingId: 'new' });
    expect(JSON.stringify(res.body.value)).toContain('6 nye punkter');
    const record = await app.db.prisma.documentImport.findUniqueOrThrow({ where: { id: String(save.data!.importId) } });
    const items = await itemsOfMeeting(record.meetingId!);
    expect(items.map((i) => i.number)).toEqual(['1.1', '1.2', '1.3', '2.1', '2.2', '3.1']);
    expect(items.every((i) => i.title.length > 5)).toBe(true);

    connector.clear();
    await sendPdf('scannet.pdf');
    await connector.waitFor(1);
    expect(connector.recorded[0]!.body.text).toMatch(/^Jeg kunne ikke læse «scannet\.pdf»: PDF'en har ingen tekst – er den scannet\?.*Intet er gemt\.$/);
  });

  it('cancels a preview without saving anything', async () => {
    await app.post(personal(`importer dagsorden\n${AGENDA.replace('6. januar', '7. april')}`));
    await connector.waitFor(1);
    const card = cardAt(0);
    const cancel = card.actions!.find((a) => a.verb === 'import-cancel')!;
    const res = await invoke('import-cancel', { importId: cancel.data!.importId });
    expect(JSON.stringify(res.body.value)).toContain('Annulleret – intet er gemt.');
    const status = await app.db.prisma.documentImport.findUnique({ where: { id: String(cancel.data!.importId) } });
    expect(status?.status).toBe('cancelled');
    connector.clear();
    await invoke('import-save', { importId: cancel.data!.importId, meetingId: 'new' });
    await connector.waitFor(1);
    expect(connector.recorded[0]!.body.text).toMatch(/En anden har netop ændret det samme/);
    expect(await app.db.prisma.meeting.count({ where: { startsAt: { gte: new Date('2027-04-07'), lt: new Date('2027-04-08') } } })).toBe(0);
  });
});

describe('import refusals', () => {
  it('takes documents only from the secretariat', async () => {
    await app.post(personal(`importer dagsorden\n${AGENDA}`, MEGAN));
    await connector.waitFor(1);
    expect(connector.recorded[0]!.body.text).toBe('Det kan kun sekretariatet.');
  });

  it('takes documents only in the personal chat', async () => {
    await app.post(message(`importer dagsorden\n${AGENDA}`, { serviceUrl: connector.url }));
    await connector.waitFor(1);
    expect(connector.recorded[0]!.body.text).toMatch(/personlige chat/);
  });

  it('explains how when there is no document, and what it reads when the file is of another kind', async () => {
    await app.post(personal('importer dagsorden'));
    await connector.waitFor(1);
    expect(connector.recorded[0]!.body.text).toMatch(/Send mig dokumentet som fil/);
    connector.clear();
    await app.post({
      ...personal(''),
      attachments: [
        {
          contentType: 'application/vnd.microsoft.teams.file.download.info',
          name: 'dagsorden.doc',
          content: { downloadUrl: `${filesUrl}/dagsorden.doc`, fileType: 'doc' },
        },
      ],
    });
    await connector.waitFor(1);
    expect(connector.recorded[0]!.body.text).toBe('Jeg kunne ikke læse «dagsorden.doc»: jeg læser .docx, .pdf, .md og .txt.');
  });

  it('refuses a text without numbered items, saving nothing', async () => {
    const before = await app.db.prisma.documentImport.count();
    await app.post(personal('importer dagsorden\nBare nogle løse noter uden punkter.'));
    await connector.waitFor(1);
    expect(connector.recorded[0]!.body.text).toMatch(/^Jeg fandt ingen nummererede punkter i dokumentet.*Intet er gemt\.$/);
    expect(await app.db.prisma.documentImport.count()).toBe(before);
  });

  it('refuses a document in another language, saving nothing', async () => {
    const before = await app.db.prisma.documentImport.count();
    await app.post(
      personal(
        'importer dagsorden\nMinutes of the board\n\n1. Budget\nDecision\nThe board approved the budget and the plan that was presented by the chair of the committee.\n\n2. Any other business\nDecision\nThere was no other business and the meeting was closed.',
      ),
    );
    await connector.waitFor(1);
    expect(connector.recorded[0]!.body.text).toMatch(/ikke ud til at være på dansk/);
    expect(await app.db.prisma.documentImport.count()).toBe(before);
  });

  it('proposes a new meeting today for minutes without a date, and offers the coming meetings', async () => {
    await app.post(personal('importer referat\n1. Beslutningspunkter\n\n1.1 Godkendelse af takstaftale\n\nReferat\n\nGodkendt.\n\nSagsfremstilling\n\nTaksterne er beregnet efter styringsaftalen.'));
    await connector.waitFor(1);
    const card = cardAt(0);
    const text = JSON.stringify(card);
    expect(text).toContain('REFERAT · FORHÅNDSVISNING');
    expect(text).toContain('Dokumentet nævner ingen mødedato');
    const choice = choiceSet(card);
    expect(choice.value).toBe('new');
    // The tests' clock says 22 November 2026.
    expect(choice.choices[0]!.title).toMatch(/^Nyt møde: søndag den 22\. november 2026/);
    expect(choice.choices.length).toBeGreaterThan(1);
  });

  it('says so when a file cannot be fetched', async () => {
    await app.post({
      ...personal(''),
      attachments: [
        {
          contentType: 'application/vnd.microsoft.teams.file.download.info',
          name: 'væk.docx',
          content: { downloadUrl: `${filesUrl}/missing.docx`, fileType: 'docx' },
        },
      ],
    });
    await connector.waitFor(1);
    expect(connector.recorded[0]!.body.text).toMatch(/kunne ikke hente filen fra Teams/);
  });
});
