// Written input over HTTP as Teams sends it: the secretariat sends a request, each
// member gets the questions in their personal chat and answers (and changes the answers);
// "status input" shows which organisations have answered; the reminder goes to
// non-responders only, once; after the deadline the card is closed and the note is
// compiled, downloadable as Word (read back with mammoth) and Markdown, and can be put on
// an agenda item as a closed attachment.
import mammoth from 'mammoth';
import { startRecordingConnector, type RecordingConnector } from '../support/recording-connector';
import { until } from '../support/until';
import { startTestApp, type TestApp } from '../support/app';
import { invokeInPersonalChat } from '../support/personal-invoke';
import { ALEX, MEGAN, message } from '../support/activities';
import { text, texts } from '../support/card';

let app: TestApp;
let connector: RecordingConnector;
const ADELE = { id: 'user-id-2', aadObjectId: '00000000-0000-0000-0000-0000000000022', name: 'Adele Vance' };
type User = typeof ALEX;
const TITLE = 'Temaer til dialogmødet med Socialtilsynet';
let meetingId = '';
let requestId = '';

beforeAll(async () => {
  connector = await startRecordingConnector();
  app = await startTestApp({}, true);
  // The channel's address, for the personal messages.
  await app.post(message('næste møde', { serviceUrl: connector.url, scope: 'channel', user: ALEX }));
  meetingId = (await app.db.prisma.meeting.findFirstOrThrow({ where: { startsAt: { gt: new Date('2026-11-22T12:00:00+01:00') } }, orderBy: { startsAt: 'asc' } })).id;
});
afterAll(async () => {
  await app?.close();
  await connector?.close();
});
beforeEach(() => connector.clear());

const where = (user: User) => ({ serviceUrl: connector.url, scope: 'personal' as const, user });

const invoke = (verb: string, data: Record<string, unknown>, user: User) => invokeInPersonalChat(app, connector, verb, data, user);

/** What the outbox sent to each personal chat about the request (other jobs tick too), once it has sent `count` in all. */
async function personalMessages(count: number): Promise<Map<string, string[]>> {
  const mine = () =>
    connector.recorded.filter((r) => r.method === 'POST' && r.conversationId.startsWith('a:personal-') && JSON.stringify(r.body).includes(TITLE));
  await until(() => mine().length >= count, 20_000, `${count} personal messages`);
  const out = new Map<string, string[]>();
  for (const r of mine()) out.set(r.conversationId.replace('a:personal-', ''), [...(out.get(r.conversationId.replace('a:personal-', '')) ?? []), JSON.stringify(r.body)]);
  return out;
}

const committeeId = async () => (await app.db.prisma.committee.findFirstOrThrow({ where: { slug: 'dassos' } })).id;

describe('input requests', () => {
  it('"indhent input" gives the secretariat the form, and refuses it to members', async () => {
    await app.post(message('indhent input', where(ALEX)));
    const [form] = await connector.waitFor(1);
    expect(text(form!.body)).toContain('Bed medlemmerne om skriftligt input');
    connector.clear();
    await app.post(message('indhent input', where(MEGAN)));
    const [refusal] = await connector.waitFor(1);
    expect(refusal!.body.text).toBe('Det kan kun sekretariatet.');
  });

  it('names what is wrong with a request, and sends nothing', async () => {
    const card = await invoke('input-create', { committeeId: await committeeId(), title: '', q1: '', deadlineDate: '2026-11-01', deadlineTime: '12:00' }, ALEX);
    expect(card).toContain('Skriv en titel.');
    expect(card).toContain('Skriv mindst ét spørgsmål.');
    expect(card).toContain('Fristen skal ligge ude i fremtiden.');
    expect(await app.db.prisma.inputRequest.count()).toBe(0);
  });

  it('sends the questions to each member in their personal chat', async () => {
    const card = await invoke(
      'input-create',
      {
        committeeId: await committeeId(),
        title: TITLE,
        context: 'Socialtilsyn Midt og DASSOS mødes årligt. Kommunernes input samles i et lukket bilag.',
        q1: 'Hvilke temaer ønsker jeres kommune drøftet?',
        q2: 'Hvilke erfaringer har I med tilsynet det seneste år?',
        deadlineDate: '2026-12-04',
        deadlineTime: '12:00',
        audience: 'one_per_organisation',
        confidential: 'true',
        reminderDays: '2',
        meetingId,
      },
      ALEX,
    );
    expect(card).toContain('Sendt til 5 medlemmer i deres chat med mig. Svarfrist fredag den 4. december 2026 12.00.');
    requestId = (await app.db.prisma.inputRequest.findFirstOrThrow({ where: { title: TITLE } })).id;
    const sent = await personalMessages(5);
    expect([...sent.keys()].sort()).toEqual(['user-id-1', 'user-id-2', 'user-id-3', 'user-id-4', 'user-id-5']);
    const megan = sent.get('user-id-1')![0]!;
    expect(megan).toContain('INPUT TIL DASSOS');
    expect(megan).toContain('Hvilke temaer ønsker jeres kommune drøftet?');
    expect(megan).toContain('Fortroligt: svarene samles i et lukket bilag.');
    expect(megan).toContain('"userIds":["user-id-1"]');
  });

  it('keeps a member\'s answers, lets them change them, and refuses an answer over the limit without losing it', async () => {
    const first = await invoke('input-answer', { requestId, a1: 'Overgangen fra barn til voksen.', a2: '' }, MEGAN);
    expect(first).toContain('Tak – dine svar er gemt.');
    const changed = await invoke('input-answer', { requestId, a1: 'Overgangen fra barn til voksen og [brug af magt](https://evil.example).', a2: 'Gode dialogmøder.' }, MEGAN);
    expect(changed).toContain('Gem ændringerne');
    const long = await invoke('input-answer', { requestId, a1: 'x'.repeat(10_001), a2: '' }, ADELE);
    expect(long).toContain('Et svar må højst være 10.000 tegn.');
    expect(long).toContain('x'.repeat(200));
    const rows = await app.db.prisma.inputResponse.findMany({ where: { requestId } });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.answers).toEqual(['Overgangen fra barn til voksen og [brug af magt](https://evil.example).', 'Gode dialogmøder.']);
  });

  it('"status input" shows per organisation who has answered', async () => {
    await app.post(message('status input temaer', where(ALEX)));
    const [card] = await connector.waitFor(1);
    const shown = texts(card!.body);
    expect(shown.join('\n')).toContain('1 af 20 organisationer har svaret');
    expect(shown.join('\n')).toContain('✓ Megan Bowen');
    // Randers Kommune's line says it has not answered.
    expect(shown[shown.indexOf('Randers Kommune') + 1]).toBe('Mangler');
    connector.clear();
    await app.post(message('status input findes ikke', where(ALEX)));
    const [unknown] = await connector.waitFor(1);
    expect(unknown!.body.text).toContain('Jeg kan ikke finde en forespørgsel med den titel');
  });

  it('lists the open request in the digest of those who still owe an answer (not of those whose organisation has answered)', async () => {
    const committee = (await app.services.committees.byId(await committeeId()))!;
    const meeting = (await app.services.meetings.byId(meetingId))!;
    const digests = (await app.services.digests.digestsFor(committee, meeting, new Set()))!;
    const of = (name: string) => digests.personal.find((p) => p.recipient.name === name)!;
    expect(of('Adele Vance').openInputs).toEqual([{ id: expect.any(String), title: TITLE, deadline: new Date('2026-12-04T11:00:00Z') }]);
    expect(of('Megan Bowen').openInputs).toEqual([]);
    // The secretariat is not asked.
    expect(of('Alex Wilber').openInputs).toEqual([]);
  });

  it('reminds those who have not answered, once, when the reminder day has come', async () => {
    await app.scheduler.tick();
    expect((await personalMessages(0)).size).toBe(0);
    // Two days before the deadline: the reminder is due.
    await app.db.prisma.inputRequest.update({ where: { id: requestId }, data: { deadline: new Date('2026-11-23T12:00:00+01:00') } });
    await app.scheduler.tick();
    const reminded = await personalMessages(4);
    expect([...reminded.keys()].sort()).toEqual(['user-id-2', 'user-id-3', 'user-id-4', 'user-id-5']);
    expect(reminded.get('user-id-2')![0]).toContain(`Påmindelse: ${TITLE}`);
    connector.clear();
    await app.scheduler.tick();
    await app.outbox.idle();
    expect((await personalMessages(0)).size).toBe(0);
  });

  it('after the deadline: the note goes to the secretariat, the card is closed, answers are refused', async () => {
    await app.db.prisma.inputRequest.update({ where: { id: requestId }, data: { deadline: new Date('2026-11-22T11:00:00+01:00') } });
    await app.scheduler.tick();
    const sent = await personalMessages(1);
    const note = sent.get('user-id-0')![0]!;
    expect(note).toContain(`Opsamling af input: ${TITLE}`);
    expect(note).toContain('1 af 20 organisationer har svaret.');
    expect(note).toContain('Lukket bilag: kun til styregruppens medlemmer.');
    expect((await app.db.prisma.inputRequest.findUniqueOrThrow({ where: { id: requestId } })).status).toBe('compiled');

    const view = await invoke('input-view', { requestId }, MEGAN);
    expect(view).toContain('Fristen var');
    expect(view).toContain('Forespørgslen er lukket.');
    expect(view).not.toContain('input-answer');
    const late = await invoke('input-answer', { requestId, a1: 'For sent' }, ADELE);
    expect(late).toContain('Fristen for at svare er overskredet');
    expect(await app.db.prisma.inputResponse.count({ where: { requestId } })).toBe(1);
  });

  it('serves the note as Word with its headings and as Markdown, only with the link\'s token', async () => {
    const { noteToken } = await app.db.prisma.inputRequest.findUniqueOrThrow({ where: { id: requestId } });
    const docx = await fetch(`${app.url}/files/input-notes/${requestId}/${noteToken}.docx`);
    expect(docx.status).toBe(200);
    expect(docx.headers.get('content-type')).toContain('wordprocessingml');
    const html = (await mammoth.convertToHtml({ buffer: Buffer.from(await docx.arrayBuffer()) })).value;
    expect(html).toContain(`<h1>Opsamling af input: ${TITLE}</h1>`);
    expect(html).toContain('<h2>1. Hvilke temaer ønsker jeres kommune drøftet?</h2>');
    expect(html).toContain('<h3>Aarhus Kommune</h3>');
    expect(html).toContain('<strong>Lukket bilag</strong>');
    const md = await (await fetch(`${app.url}/files/input-notes/${requestId}/${noteToken}.md`)).text();
    // The member's link is text, escaped as Markdown: it reads as typed and is no link.
    expect(md).toContain('**Megan Bowen:** Overgangen fra barn til voksen og \\[brug af magt\\](https://evil.example).');
    expect(md).toContain('## Ikke besvaret');
    expect((await fetch(`${app.url}/files/input-notes/${requestId}/${'x'.repeat(32)}.docx`)).status).toBe(404);
    expect((await fetch(`${app.url}/files/input-notes/${requestId}/${noteToken}.pdf`)).status).toBe(404);
  });

  it('puts the note on an item of the meeting as a closed attachment, once', async () => {
    const item = await app.db.prisma.agendaItem.findFirstOrThrow({ where: { meetingId, number: '1.1' } });
    const card = await invoke('input-attach', { requestId, itemId: item.id }, ALEX);
    expect(card).toContain('Notatet er lagt på punkt 1.1 som bilag.');
    expect(await invoke('input-attach', { requestId, itemId: item.id }, ALEX)).toContain('Notatet ligger allerede på punkt 1.1.');
    const attachments = await app.db.prisma.attachment.findMany({ where: { agendaItemId: item.id, title: { startsWith: 'Opsamling af input' } } });
    expect(attachments).toHaveLength(1);
    expect(attachments[0]).toMatchObject({ access: 'closed' });
    expect(await invoke('input-attach', { requestId, itemId: item.id }, MEGAN)).toContain('Det kan kun sekretariatet.');
  });
});
