// A date poll from proposal to meetings, over HTTP as Teams sends it: the secretariat
// proposes candidate dates for two meetings on the form (what is wrong is named, nothing
// stored); the poll is one card in the channel; members answer each candidate "Passer",
// "Passer helst" or "Passer ikke" and the card shows the tallies (the same answers twice
// change nothing); each viewer's refresh shows their own answers, the secretariat's the
// close form with the best dates chosen; two in the secretariat close it at once and one
// wins; the chosen dates become meetings, the channel hears the result in the poll's
// thread, and the meetings are written into Outlook after the answer.
import type { OutlookEventWriter } from '../../src/domain/calendar/outlook-events';
import type { Meeting } from '../../src/domain/shared/types';
import { startRecordingConnector, type RecordingConnector } from '../support/recording-connector';
import { startTestApp, type TestApp } from '../support/app';
import { invokeInPersonalChat } from '../support/personal-invoke';
import { ALEX, MEGAN, TEAM, executeAction, message } from '../support/activities';
import { until } from '../support/until';
import { read } from '../support/read';
import { inputs, text } from '../support/card';

let app: TestApp;
let connector: RecordingConnector;
type User = typeof ALEX;
const ADELE = { id: 'user-id-2', aadObjectId: '00000000-0000-0000-0000-0000000000022', name: 'Adele Vance' };
const ISAIAH = { id: 'user-id-3', aadObjectId: '00000000-0000-0000-0000-0000000000023', name: 'Isaiah Langer' };
const PATTI = { id: 'user-id-4', aadObjectId: '00000000-0000-0000-0000-0000000000024', name: 'Patti Fernandez' };
const LYNNE = { id: 'user-id-5', aadObjectId: '00000000-0000-0000-0000-0000000000025', name: 'Lynne Robbins' };
const TITLE = 'DASSOS-møder i første halvår 2027';
let committeeId = '';
let pollId = '';
/** What the fake Graph was asked to create, in order. */
const written: Meeting[] = [];
const outlook: OutlookEventWriter = {
  async createEvent(_committee, meeting) {
    written.push(meeting);
    return { eventId: `AAMk-${written.length}`, iCalUId: `040000008200E00074C5B7101A82E008-${meeting.id}` };
  },
};

const invoke = (verb: string, data: Record<string, unknown>, user: User) => invokeInPersonalChat(app, connector, verb, data, user);

/** The poll card's messages in the channel: posted (POST) and updated (PUT). */
const inChannel = (method: 'POST' | 'PUT') => connector.recorded.filter((r) => r.method === method && r.conversationId === TEAM).map((r) => JSON.stringify(r.body));

/** Two meetings: "Første møde" on Thursday 21 or Monday 25 January, "Andet møde" on 4, 9 or 11 March 2027. */
const proposal = (extra: Record<string, string> = {}) => ({
  committeeId,
  title: TITLE,
  place: 'Viborg Rådhus',
  deadlineDate: '2026-12-15',
  deadlineTime: '12:00',
  g1c1d: '2027-01-21', g1c1s: '09:00', g1c1e: '11:00',
  g1c2d: '2027-01-25', g1c2s: '09:00', g1c2e: '11:00',
  g1c3d: '', g1c3s: '09:00', g1c3e: '11:00',
  g2c1d: '2027-03-04', g2c1s: '13:00', g2c1e: '15:00',
  g2c2d: '2027-03-09', g2c2s: '13:00', g2c2e: '15:00',
  g2c3d: '2027-03-11', g2c3s: '09:00', g2c3e: '11:00',
  ...extra,
});

beforeAll(async () => {
  connector = await startRecordingConnector();
  app = await startTestApp({}, false, { outlookWriter: outlook });
  // The channel's address, for what is posted there.
  await app.post(message('næste møde', { serviceUrl: connector.url, scope: 'channel', user: ALEX }));
  committeeId = (await app.db.prisma.committee.findFirstOrThrow({ where: { slug: 'dassos' } })).id;
  // A second member of the secretariat, to close at the same moment as Alex.
  const isaiah = await read(app.db).person(ISAIAH.aadObjectId);
  await app.db.prisma.membership.updateMany({ where: { personId: isaiah.id }, data: { role: 'secretariat' } });
});
afterAll(async () => {
  await app?.close();
  await connector?.close();
});
beforeEach(() => connector.clear());

describe('proposing dates', () => {
  it('"datoafstemning" gives the secretariat the form, and refuses it to members', async () => {
    await app.post(message('datoafstemning', { serviceUrl: connector.url, scope: 'personal', user: ALEX }));
    const [form] = await connector.waitFor(1);
    expect(text(form!.body)).toContain('Foreslå datoer til møderne');
    expect(inputs(form!.body).map((i) => i.id)).toContain('g6c4d');
    connector.clear();
    await app.post(message('date poll', { serviceUrl: connector.url, scope: 'personal', user: MEGAN }));
    const [refusal] = await connector.waitFor(1);
    expect(refusal!.body.text).toBe('Det kan kun sekretariatet.');
  });

  it('names what is wrong, with the meeting it is about, keeps what was typed, and stores nothing', async () => {
    const card = await invoke('date-poll-create', proposal({ title: ' ', g1c2d: '', g2c2e: '12:00' }), ALEX);
    expect(card).toContain('Skriv en titel.');
    expect(card).toContain('Første møde: foreslå mindst 2 datoer.');
    expect(card).toContain('Andet møde: et møde skal slutte efter, det begynder.');
    expect(card).toContain('"value":"2027-03-09"');
    expect(await app.db.prisma.datePoll.count()).toBe(0);
  });

  it('needs the channel: the service refuses a committee without one, and the bot says so in its words (the tab the same: one rule)', async () => {
    const { prisma } = app.db;
    const { conversationId } = await prisma.committee.findUniqueOrThrow({ where: { id: committeeId } });
    await prisma.committee.update({ where: { id: committeeId }, data: { conversationId: null } });
    try {
      expect(await invoke('date-poll-create', proposal(), ALEX)).toContain('Styregruppen er ikke knyttet til en kanal endnu');
      const alex = { aadObjectId: ALEX.aadObjectId, teamsUserId: ALEX.id, name: ALEX.name, tenantId: null };
      const draft = { title: TITLE, place: null, deadline: null, groups: [] };
      await expect(app.services.datePolls.create(alex, committeeId, draft)).rejects.toMatchObject({ code: 'channel_not_linked' });
      expect(await app.db.prisma.datePoll.count()).toBe(0);
    } finally {
      await prisma.committee.update({ where: { id: committeeId }, data: { conversationId } });
    }
  });

  it('posts the poll as one card in the channel, with the tallies, for each member to refresh to their own', async () => {
    const card = await invoke('date-poll-create', proposal(), ALEX);
    expect(card).toContain('Afstemningen er på vej til kanalen');
    expect(card).toContain('Luk og vælg datoer');
    await until(() => inChannel('POST').length >= 1);
    const posted = inChannel('POST')[0]!;
    expect(posted).toContain('DATOAFSTEMNING · DASSOS');
    expect(posted).toContain(TITLE);
    expect(posted).toContain('Første møde');
    expect(posted).toContain('Torsdag den 21. januar 2027 kl. 09.00–11.00');
    expect(posted).toContain('Mandag den 25. januar 2027 kl. 09.00–11.00');
    expect(posted).toContain('Torsdag den 11. marts 2027 kl. 09.00–11.00');
    expect(posted).toContain('0 passer · 0 passer helst · 0 passer ikke');
    expect(posted).toContain('Svar senest tirsdag den 15. december 2026 12.00.');
    expect(posted).toContain('"verb":"date-poll-answer"');
    expect(posted).not.toContain('date-poll-close');
    expect(posted).toMatch(/"userIds":\["user-id-/);
    const poll = await app.db.prisma.datePoll.findFirstOrThrow();
    pollId = poll.id;
    // The outbox stores the posted card's id just after the connector answered.
    const cardId = async () => (await app.db.prisma.datePoll.findUniqueOrThrow({ where: { id: pollId } })).cardActivityId;
    await until(async () => Boolean(await cardId()), 10_000, "the poll card's activity id");
    expect(await cardId()).toMatch(/^sent-/);
  });
});

describe('answering', () => {
  it('records a member\'s answers, shows them to the member and the tallies to everyone; the same answers twice change nothing', async () => {
    const mine = await invoke('date-poll-answer', { pollId, c1: 'yes', c2: 'no', c3: '' }, MEGAN);
    expect(mine).toContain('Tak – dine svar er gemt.');
    expect(mine).toMatch(/"id":"c1"[^}]*"value":"yes"/);
    expect(mine).toContain('1 passer · 0 passer helst · 0 passer ikke');
    await until(() => inChannel('PUT').some((c) => c.includes('1 passer · 0 passer helst · 0 passer ikke')));
    // The card everyone sees holds no one's answers.
    expect(inChannel('PUT').at(-1)).toMatch(/"id":"c1","style":"compact","placeholder":"Vælg …","value":""/);
    connector.clear();
    expect(await invoke('date-poll-answer', { pollId, c1: 'yes', c2: 'no' }, MEGAN)).toContain('Dine svar er de samme som før');
    // The card would be updated a moment later (answers are gathered): nothing waits for it either.
    await app.outbox.idle();
    expect(inChannel('PUT')).toHaveLength(0);
    expect(await read(app.db).queued({ kind: 'date-poll', status: 'pending' })).toBe(0);
  });

  it('takes answers arriving together, and gathers them into an update of the card', async () => {
    await Promise.all([
      // The inputs count the candidates through the poll: c1–c2 in January, c3–c5 in March.
      invoke('date-poll-answer', { pollId, c1: 'preferred', c2: 'yes', c3: 'no', c4: 'yes' }, ADELE),
      invoke('date-poll-answer', { pollId, c1: 'yes', c2: 'no', c3: 'yes', c4: 'preferred', c5: 'no' }, PATTI),
      invoke('date-poll-answer', { pollId, c1: 'no', c2: 'yes', c4: 'yes' }, LYNNE),
    ]);
    await until(() => inChannel('PUT').some((c) => c.includes('2 passer · 1 passer helst · 1 passer ikke')));
    // Few updates for many answers: the card is rendered when it is sent, with all of them.
    expect(inChannel('PUT').length).toBeLessThanOrEqual(3);
    expect(await app.db.prisma.datePollAnswer.count()).toBe(2 + 4 + 5 + 3);
  });

  it('refuses the secretariat\'s answers and a candidate the poll does not have', async () => {
    expect(await invoke('date-poll-answer', { pollId, c1: 'yes' }, ALEX)).toContain('Det er medlemmerne, der svarer på datoerne');
    expect(await invoke('date-poll-answer', { pollId, c6: 'yes' }, MEGAN)).toContain('ikke gyldigt');
    expect(await invoke('date-poll-answer', { pollId, c1: 'maybe' }, MEGAN)).toContain('ikke gyldigt');
    // A poll that is not there (a card of one deleted, or made up): said as the tab's API says it (404).
    const gone = '0b6c9a52-1f1e-4c57-9d1f-3f0c5b0d7e11';
    expect(await invoke('date-poll-answer', { pollId: gone, c1: 'yes' }, MEGAN)).toContain('Jeg kan ikke finde det');
    expect(await invoke('date-poll-close', { pollId: gone }, ALEX)).toContain('Jeg kan ikke finde det');
  });

  it('refreshes each viewer to their own: a member\'s answers, the secretariat\'s close form with the best dates chosen', async () => {
    const view = async (user: User) => JSON.stringify(((await (await app.post(executeAction('date-poll-view', { pollId }, { serviceUrl: connector.url, scope: 'channel', user }))).json()) as { value: unknown }).value);
    const megan = await view(MEGAN);
    expect(megan).toMatch(/"id":"c2"[^}]*"value":"no"/);
    const alex = await view(ALEX);
    expect(alex).toContain('Luk og vælg datoer');
    expect(alex).not.toContain('"verb":"date-poll-answer"');
    const poll = await app.db.prisma.datePoll.findUniqueOrThrow({ where: { id: pollId }, include: { groups: { orderBy: { position: 'asc' }, include: { candidates: { orderBy: { position: 'asc' } } } } } });
    // 21 January: 3 can (2 passer, 1 helst), 1 cannot; 25 January: 2 can, 2 cannot. 9 March: 3 can, none cannot.
    expect(alex).toContain(`"id":"pick_${poll.groups[0]!.id}"`);
    expect(alex).toMatch(new RegExp(`"id":"pick_${poll.groups[0]!.id}"[^\\]]*"value":"${poll.groups[0]!.candidates[0]!.id}"`));
    expect(alex).toMatch(new RegExp(`"id":"pick_${poll.groups[1]!.id}"[^\\]]*"value":"${poll.groups[1]!.candidates[1]!.id}"`));
  });
});

describe('closing', () => {
  it('two in the secretariat closing at once: one wins, the meetings are created once, the channel hears the result', async () => {
    const poll = await app.db.prisma.datePoll.findUniqueOrThrow({ where: { id: pollId }, include: { groups: { orderBy: { position: 'asc' }, include: { candidates: { orderBy: { position: 'asc' } } } } } });
    const [first, second] = poll.groups;
    const meetingsBefore = await app.db.prisma.meeting.count();
    const [a, b] = await Promise.all([
      invoke('date-poll-close', { pollId, [`pick_${first!.id}`]: first!.candidates[0]!.id, [`pick_${second!.id}`]: second!.candidates[1]!.id }, ALEX),
      invoke('date-poll-close', { pollId, [`pick_${first!.id}`]: first!.candidates[1]!.id, [`pick_${second!.id}`]: second!.candidates[2]!.id }, ISAIAH),
    ]);
    const won = [a, b].filter((c) => c.includes('Afstemningen er lukket, og 2 møder er oprettet.'));
    const lost = [a, b].filter((c) => c.includes('har allerede lukket afstemningen. Intet er ændret.'));
    expect([won.length, lost.length]).toEqual([1, 1]);
    const alexWon = won[0] === a;
    expect(lost[0]).toContain(alexWon ? 'Alex Wilber har allerede lukket afstemningen' : 'Isaiah Langer har allerede lukket afstemningen');
    const created = await app.db.prisma.meeting.findMany({ where: { datePollGroup: { pollId } }, orderBy: { startsAt: 'asc' } });
    expect(await app.db.prisma.meeting.count()).toBe(meetingsBefore + 2);
    const expected = alexWon ? ['2027-01-21T08:00:00.000Z', '2027-03-09T12:00:00.000Z'] : ['2027-01-25T08:00:00.000Z', '2027-03-11T08:00:00.000Z'];
    expect(created.map((m) => [m.startsAt.toISOString(), m.place, m.status])).toEqual(expected.map((iso) => [iso, 'Viborg Rådhus', 'planned']));
    // The card says what was chosen, for everyone; the result follows in the poll's thread.
    await until(() => inChannel('PUT').some((c) => c.includes('Afgjort:')));
    expect(inChannel('PUT').at(-1)).toContain(alexWon ? 'Afgjort: Torsdag den 21. januar 2027 kl. 09.00–11.00' : 'Afgjort: Mandag den 25. januar 2027 kl. 09.00–11.00');
    expect(inChannel('PUT').at(-1)).not.toContain('"verb":"date-poll-answer"');
    const cardId = (await app.db.prisma.datePoll.findUniqueOrThrow({ where: { id: pollId } })).cardActivityId!;
    await until(() => connector.recorded.some((r) => r.conversationId === `${TEAM};messageid=${cardId}`));
    const result = connector.recorded.find((r) => r.conversationId === `${TEAM};messageid=${cardId}`)!;
    expect(String(result.body.text)).toContain(`**Datoerne er valgt: ${TITLE}**`);
    expect(String(result.body.text)).toMatch(/- Første møde: \w+dag den 2\d\. januar 2027 kl\. 09\.00–11\.00/);
  });

  it('writes the meetings into Outlook after the answer and keeps the events\' ids on them', async () => {
    await until(() => written.length >= 2);
    const created = await app.db.prisma.meeting.findMany({ where: { datePollGroup: { pollId } }, orderBy: { startsAt: 'asc' } });
    expect(written.map((w) => w.id).sort()).toEqual(created.map((m) => m.id).sort());
    await until(async () => (await app.db.prisma.meeting.count({ where: { datePollGroup: { pollId }, calendarEventId: null } })) === 0, 20_000, "the events' ids on the meetings");
    const after = await app.db.prisma.meeting.findMany({ where: { datePollGroup: { pollId } }, orderBy: { startsAt: 'asc' } });
    expect(after.map((m) => [m.calendarEventId?.startsWith('AAMk-'), m.iCalUId?.endsWith(m.id)])).toEqual([[true, true], [true, true]]);
    // A scheduler tick writes nothing twice.
    await app.scheduler.tick();
    expect(written).toHaveLength(2);
  });

  it('takes no answers and no second close after closing', async () => {
    expect(await invoke('date-poll-answer', { pollId, c1: 'no' }, MEGAN)).toContain('Afstemningen er lukket, eller svarfristen er overskredet');
    const again = await invoke('date-poll-close', { pollId }, ALEX);
    expect(again).toContain('har allerede lukket afstemningen. Intet er ændret.');
    expect(await read(app.db).audited('date_poll.closed', pollId)).toBe(1);
  });
});
