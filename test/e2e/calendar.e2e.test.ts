// The committee's Outlook calendar, over HTTP as Teams sends it, with the bot configured
// for a fake Graph: the first sync links the demo meetings and adds the calendar's own,
// announcing nothing; when a meeting whose agenda is in the channel moves or is
// cancelled, the channel gets one notice and the agenda's overview is updated in place,
// and never again for the same change; "næste møde" says how old the dates are when
// Outlook has not answered for a day; "kalender" gives the .ics address, served at
// /calendar/<slug>/<token>.ics; "nyt møde" creates a meeting, in Outlook too.
import { startRecordingConnector, type RecordingConnector } from '../support/recording-connector';
import { startTestApp, type TestApp } from '../support/app';
import { ALEX, MEGAN, TEAM, executeAction, message } from '../support/activities';
import { startFakeGraph, type FakeGraph } from '../support/fake-graph';
import { MAILBOX, testCredential } from '../support/calendar-harness';
import { toLocal } from '../../src/domain/shared/zoned-time';
import { until } from '../support/until';

let app: TestApp;
let connector: RecordingConnector;
let fake: FakeGraph;
let firstMeetingId = '';
let firstEventId = '';

const two = (n: number) => String(n).padStart(2, '0');
/** Copenhagen wall-clock time of an instant, as the fake calendar takes it. */
function local(instant: Date, hoursLater = 0): string {
  const l = toLocal(new Date(instant.getTime() + hoursLater * 3_600_000), 'Europe/Copenhagen');
  return `${l.year}-${two(l.month)}-${two(l.day)}T${two(l.hour)}:${two(l.minute)}`;
}

const personal = (text: string, user = ALEX) => message(text, { serviceUrl: connector.url, scope: 'personal', user });

const channelPosts = () => connector.recorded.filter((r) => r.method === 'POST' && r.conversationId === TEAM);
const body = (r: { body: unknown }) => JSON.stringify(r.body);

async function invoke(verb: string, data: Record<string, unknown>, user = ALEX): Promise<string> {
  const res = await app.post(executeAction(verb, data, { serviceUrl: connector.url, scope: 'personal', user }));
  return JSON.stringify(((await res.json()) as { value: unknown }).value);
}

beforeAll(async () => {
  connector = await startRecordingConnector();
  fake = await startFakeGraph({ mailboxes: [MAILBOX] });
  app = await startTestApp(
    {
      GRAPH_TENANT_ID: '00000000-0000-0000-0000-0000000000001',
      GRAPH_CLIENT_ID: '11111111-2222-3333-4444-555555555555',
      GRAPH_CLIENT_SECRET: 'not-a-real-secret',
      GRAPH_BASE_URL: fake.url,
      CALENDAR_MAILBOX: MAILBOX,
      CALENDAR_MATCH: 'DASSOS',
      CALENDAR_WRITE: 'true',
      PUBLIC_URL: 'https://dagsorden.example.dk',
    },
    true,
    { graph: { credential: testCredential, retry: { sleep: async () => undefined } } },
  );
  const first = await app.db.prisma.meeting.findFirstOrThrow({ where: { startsAt: { gt: new Date('2026-11-22T12:00:00+01:00') } }, orderBy: { startsAt: 'asc' } });
  firstMeetingId = first.id;
  // The demo's first coming meeting is in Outlook too; the calendar also has one more, and an unrelated event.
  firstEventId = fake.add({ subject: 'DASSOS møde', start: local(first.startsAt), end: local(first.endsAt), location: 'Viborg Rådhus, Mødelokale M5' });
  fake.add({ subject: 'DASSOS ekstraordinært møde', start: '2027-02-03T10:00', end: '2027-02-03T12:00', location: 'Aarhus Rådhus' });
  fake.add({ subject: 'Frokost', start: '2027-02-03T12:00', end: '2027-02-03T13:00' });
  // The channel's address, for the notices.
  await app.post(message('næste møde', { serviceUrl: connector.url, scope: 'channel', user: ALEX }));
  await connector.waitFor(1);
});
afterAll(async () => {
  await app?.close();
  await connector?.close();
  await fake?.close();
});
beforeEach(() => connector.clear());

describe('meetings from Outlook', () => {
  it('the scheduled sync links the meeting Dagsorden knew and adds the calendar\'s other one, announcing nothing', async () => {
    await app.scheduler.tick();
    const meetings = await app.db.prisma.meeting.findMany({ where: { calendarEventId: { not: null } }, orderBy: { startsAt: 'asc' } });
    expect(meetings.map((m) => m.title)).toEqual(['DASSOS møde', 'DASSOS ekstraordinært møde']);
    expect(meetings[0]!.id).toBe(firstMeetingId);
    expect(await app.db.prisma.outboundDelivery.count({ where: { kind: 'meeting-change' } })).toBe(0);
    expect(app.logs.some((l) => l.msg === 'calendar synced')).toBe(true);
    // The bot's secret never reaches the log.
    expect(JSON.stringify(app.logs)).not.toContain('not-a-real-secret');
  });

  it('a move of a meeting whose agenda is in the channel: one notice, and the overview updated in place', async () => {
    await app.post(personal('udsend dagsorden'));
    // The overview starts a thread in the channel; the items follow in it.
    await until(() => channelPosts().length === 1);
    // Its message id is recorded as the outbox marks it sent, just after Teams answered.
    const overviewId = async () => (await app.db.prisma.meeting.findUniqueOrThrow({ where: { id: firstMeetingId } })).overviewActivityId;
    await until(async () => Boolean(await overviewId()));
    const posted = await overviewId();
    await until(async () => (await app.db.prisma.outboundDelivery.count({ where: { status: { in: ['pending', 'sending'] } } })) === 0);
    connector.clear();

    const before = await app.db.prisma.meeting.findUniqueOrThrow({ where: { id: firstMeetingId } });
    fake.update(firstEventId, { start: local(before.startsAt, 24 * 7), end: local(before.endsAt, 24 * 7), location: 'Horsens Rådhus' });
    const [outcome] = await app.services.calendarSync.syncNow();
    expect(outcome).toMatchObject({ status: 'synced', summary: { updated: 1, announced: 1 } });
    await until(() => channelPosts().length === 1 && connector.recorded.some((r) => r.method === 'PUT' && r.activityId === posted));
    const notice = body(channelPosts()[0]!);
    expect(notice).toContain('MØDET ER FLYTTET · DASSOS');
    expect(notice).toContain('Horsens Rådhus');
    expect(notice).toContain('Før: ');
    expect(notice).toContain('Viborg Rådhus, Mødelokale M5');
    const update = body(connector.recorded.find((r) => r.method === 'PUT' && r.activityId === posted)!);
    expect(update).toContain('Horsens Rådhus');
    expect(update).not.toContain('Viborg Rådhus');
  });

  it('announces nothing twice: not on the next round, nor when Graph forgets the deltaLink and everything is read again', async () => {
    await app.services.calendarSync.syncNow();
    fake.expireDeltaLinks();
    const [outcome] = await app.services.calendarSync.syncNow();
    expect(outcome).toMatchObject({ status: 'synced', summary: { full: true, announced: 0 } });
    await new Promise((r) => setTimeout(r, 300));
    expect(channelPosts()).toHaveLength(0);
    expect(await app.db.prisma.outboundDelivery.count({ where: { kind: 'meeting-change' } })).toBe(1);
  });

  it('a cancellation: the notice says so, and the overview shows the meeting cancelled', async () => {
    fake.update(firstEventId, { isCancelled: true });
    await app.services.calendarSync.syncNow();
    await until(() => channelPosts().length === 1 && connector.recorded.some((r) => r.method === 'PUT'));
    expect(body(channelPosts()[0]!)).toContain('MØDET ER AFLYST · DASSOS');
    expect(body(connector.recorded.find((r) => r.method === 'PUT')!)).toContain('MØDET ER AFLYST');
    expect((await app.db.prisma.meeting.findUniqueOrThrow({ where: { id: firstMeetingId } })).status).toBe('cancelled');
  });

  it('"næste møde" answers from the last sync when Outlook refuses, and says when that was once it is over a day ago', async () => {
    fake.denied.add(MAILBOX);
    const [outcome] = await app.services.calendarSync.syncNow();
    expect(outcome!.status).toBe('failed');
    await app.post(personal('næste møde', MEGAN));
    const [fresh] = await connector.waitFor(1);
    expect(body(fresh!)).not.toContain('sidst hentet fra Outlook');
    connector.clear();
    const committee = await app.db.prisma.committee.findFirstOrThrow({ where: { slug: 'dassos' } });
    await app.db.prisma.committee.update({ where: { id: committee.id }, data: { calendarSyncedAt: new Date('2026-11-20T09:15:00+01:00') } });
    await app.post(personal('næste møde', MEGAN));
    const [stale] = await connector.waitFor(1);
    expect(body(stale!)).toContain('Mødedatoerne er sidst hentet fra Outlook fredag den 20. november 2026 09.15.');
    // The cancelled meeting is not the next one: the calendar's other meeting is.
    expect(body(stale!)).toContain('Aarhus Rådhus');
    fake.denied.clear();
  });
});

describe('"kalender" and the .ics feed', () => {
  let url = '';

  it('gives members the committee\'s address to subscribe to', async () => {
    await app.post(personal('kalender', MEGAN));
    const [card] = await connector.waitFor(1);
    const text = body(card!);
    expect(text).toContain('Styregruppens møder i din kalender');
    expect(text).toContain(`Møderne kommer fra Outlook-kalenderen i ${MAILBOX}.`);
    url = /https:\/\/dagsorden\.example\.dk\/calendar\/dassos\/[\w-]+\.ics/.exec(text)![0];
    connector.clear();
    await app.post(personal('calendar', MEGAN));
    const [again] = await connector.waitFor(1);
    // The same address every time: subscriptions keep working.
    expect(body(again!)).toContain(url);
  });

  it('serves the meetings as text/calendar on that address, and 404 for any other', async () => {
    const path = new URL(url).pathname;
    const res = await fetch(`${app.url}${path}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    const ics = await res.text();
    expect(ics.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    const unfolded = ics.replace(/\r\n /g, '');
    expect(unfolded).toContain('X-WR-CALNAME:DASSOS – møder');
    expect(unfolded).toContain(`UID:${fake.iCalUIdOf(firstEventId)}`);
    expect(unfolded).toMatch(/STATUS:CANCELLED/);
    expect(unfolded).toContain('LOCATION:Aarhus Rådhus');
    // The demo's meetings that are not in Outlook have Dagsorden's own UID.
    expect(unfolded).toMatch(/UID:[0-9a-f-]{36}@dagsorden/);
    for (const wrong of [path.replace(/\/[\w-]+\.ics$/, '/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.ics'), path.replace('/dassos/', '/das-social/'), path.replace('.ics', '.txt')]) {
      expect((await fetch(`${app.url}${wrong}`)).status).toBe(404);
    }
  });
});

describe('"nyt møde"', () => {
  const committeeId = async () => (await app.db.prisma.committee.findFirstOrThrow({ where: { slug: 'dassos' } })).id;

  it('gives the secretariat the form, saying that the meeting goes to Outlook too; members are refused', async () => {
    await app.post(personal('nyt møde'));
    const [form] = await connector.waitFor(1);
    expect(body(form!)).toContain('Opret et møde');
    expect(body(form!)).toContain(`Mødet lægges også i Outlook-kalenderen i ${MAILBOX}.`);
    connector.clear();
    await app.post(personal('nyt møde', MEGAN));
    const [refusal] = await connector.waitFor(1);
    expect(refusal!.body.text).toBe('Det kan kun sekretariatet.');
  });

  it('names what is wrong (a clash with another meeting, a link that is not one), and creates nothing', async () => {
    const card = await invoke('meeting-create', { committeeId: await committeeId(), date: '2027-02-03', start: '11:00', end: '13:00', onlineUrl: 'javascript:alert(1)' });
    expect(card).toContain('Styregruppen har allerede et møde onsdag den 3. februar 2027 kl. 10.00–12.00.');
    expect(card).toContain('Linket skal begynde med «https://».');
    expect(await app.db.prisma.meeting.count({ where: { startsAt: new Date('2027-02-03T10:00:00Z') } })).toBe(0);
  });

  it('creates the meeting, in Outlook too, once however often it is clicked; the sync then knows it', async () => {
    const data = { committeeId: await committeeId(), date: '2027-04-15', start: '13:00', end: '15:00', place: 'Silkeborg Rådhus', room: 'Byrådssalen', deadline: '2027-03-04' };
    const [first, second] = await Promise.all([invoke('meeting-create', data), invoke('meeting-create', data)]);
    const said = [first, second].join('\n');
    expect(said).toContain('Mødet torsdag den 15. april 2027 kl. 13.00–15.00 er oprettet.');
    expect(said).toContain('Det står nu også i Outlook-kalenderen.');
    expect(said).toContain('findes allerede');
    const meetings = await app.db.prisma.meeting.findMany({ where: { startsAt: new Date('2027-04-15T11:00:00Z') } });
    expect(meetings).toHaveLength(1);
    expect(meetings[0]!.submissionDeadline!.toISOString()).toBe('2027-03-04T22:59:59.000Z');
    expect(fake.created()).toHaveLength(1);
    expect(meetings[0]!.calendarEventId).toBe(fake.created()[0]);
    await app.services.calendarSync.syncNow();
    expect(await app.db.prisma.meeting.count({ where: { startsAt: new Date('2027-04-15T11:00:00Z') } })).toBe(1);
  });
});
