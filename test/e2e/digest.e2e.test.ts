// The digest before a meeting, over HTTP and the recording connector: due three days
// before at 08:00, queued by the scheduler from the database, sent once per member by the
// outbox worker (personal chat, created once) with what waits for that member, plus a
// short one in the channel; "stop opsummering" mutes it; nothing twice on the next tick.
import { startRecordingConnector, type RecordingConnector } from '../support/recording-connector';
import { startTestApp, type TestApp } from '../support/app';
import { ALEX, MEGAN, TEAM, executeAction, message } from '../support/activities';
import { until } from '../support/until';
import { text } from '../support/card';
import { read } from '../support/read';

const ADELE = { id: 'user-id-2', aadObjectId: '00000000-0000-0000-0000-0000000000022', name: 'Adele Vance' };

/** The demo meetings are seeded weeks ahead of the clock: the first coming one (with the demo agenda) is moved to Wednesday 25 November 2026, 13–15. */
async function meetingOnWednesday(app: TestApp): Promise<void> {
  const first = await app.db.prisma.meeting.findFirst({ where: { items: { some: {} }, startsAt: { gt: new Date('2026-11-01T00:00:00Z') } }, orderBy: { startsAt: 'asc' } });
  await app.db.prisma.meeting.update({
    where: { id: first!.id },
    data: { startsAt: new Date('2026-11-25T13:00:00+01:00'), endsAt: new Date('2026-11-25T15:00:00+01:00') },
  });
}

describe('digests', () => {
  let app: TestApp;
  let connector: RecordingConnector;
  const personal = (text: string, user = ALEX) => message(text, { serviceUrl: connector.url, scope: 'personal', user });
  const digests = () =>
    connector.recorded.filter((r) => r.method === 'POST' && JSON.stringify(r.body).includes('OPSUMMERING FØR MØDET'));

  beforeAll(async () => {
    connector = await startRecordingConnector();
    // Monday 23 November 2026, 09:00: the meeting of Wednesday 25 November is two days away.
    app = await startTestApp({ NOW: '2026-11-23T09:00:00+01:00', SCHEDULER_TICK_SECONDS: '0' }, true);
    await meetingOnWednesday(app);
    await app.post(personal('udsend dagsorden'));
    await until(() => connector.recorded.some((r) => /^Dagsordenen er udsendt/.test(String(r.body.text ?? ''))));
    const item = await app.db.prisma.agendaItem.findFirst({ where: { number: '1.1', status: 'published', meeting: { startsAt: { gt: new Date('2026-11-01T00:00:00Z') } } } });
    await app.post(executeAction('position', { itemId: item!.id, kind: 'can_approve' }, { serviceUrl: connector.url, scope: 'channel', user: MEGAN }));
    await app.post(personal('stop opsummering', ADELE));
    await until(() => connector.recorded.some((r) => String(r.body.text ?? '').startsWith('Du får ikke flere opsummeringer')));
    connector.clear();
  });
  afterAll(async () => {
    await app?.close();
    await connector?.close();
  });

  it('sends each member one digest with what waits for them, and the channel a short one', async () => {
    await app.scheduler.tick();
    await until(() => digests().length >= 6);
    await app.outbox.idle();
    const sent = digests();
    const personalOnes = sent.filter((r) => r.conversationId.startsWith('a:personal-'));
    // The six playground users are known to Teams; Adele muted hers.
    expect(personalOnes.map((r) => r.conversationId).sort()).toEqual(['0', '1', '3', '4', '5'].map((n) => `a:personal-user-id-${n}`));
    const channel = sent.filter((r) => r.conversationId === TEAM);
    expect(channel).toHaveLength(1);
    expect(text(channel[0]!.body)).toContain('Hvert medlem har fået sin egen opsummering');
    expect(text(channel[0]!.body)).not.toContain('Det venter på dig');

    const megan = text(personalOnes.find((r) => r.conversationId === 'a:personal-user-id-1')!.body);
    const alex = text(personalOnes.find((r) => r.conversationId === 'a:personal-user-id-0')!.body);
    expect(alex).toContain('Tag stilling til: 1.1, 1.2, 1.3');
    expect(megan).toContain('Tag stilling til: 1.2, 1.3');
    expect(megan).toContain('Onsdag den 25. november 2026');
    expect(megan).toContain('Vil du ikke have opsummeringer? Skriv «stop opsummering».');
    expect(await read(app.db).queued({ kind: 'digest', status: 'sent' })).toBe(6);
  });

  it("a member's own digest («opsummering») counts their own answers, not the other members'", async () => {
    const asked = async (user: typeof ALEX) => {
      connector.clear();
      await app.post(personal('opsummering', user));
      const replies = connector.recorded.filter((r) => JSON.stringify(r.body).includes('Tag stilling til'));
      expect(replies).toHaveLength(1);
      return text(replies[0]!.body);
    };
    // Megan answered 1.1 (in the channel, before): hers asks about the other two.
    expect(await asked(MEGAN)).toContain('Tag stilling til: 1.2, 1.3');
    expect(await asked(ALEX)).toContain('Tag stilling til: 1.1, 1.2, 1.3');
    const item = await app.db.prisma.agendaItem.findFirst({ where: { number: '1.2', status: 'published', meeting: { startsAt: { gt: new Date('2026-11-01T00:00:00Z') } } } });
    await app.post(executeAction('position', { itemId: item!.id, kind: 'cannot_approve' }, { serviceUrl: connector.url, scope: 'channel', user: ALEX }));
    // Seen at once: the answer just given, and still nobody else's.
    expect(await asked(ALEX)).toContain('Tag stilling til: 1.1, 1.3');
    expect(await asked(MEGAN)).toContain('Tag stilling til: 1.2, 1.3');
    await app.db.prisma.position.deleteMany({ where: { agendaItemId: item!.id, person: { aadObjectId: ALEX.aadObjectId } } });
    connector.clear();
  });

  it('queues nothing twice: the next tick, or a restart, finds every digest queued', async () => {
    connector.clear();
    await app.scheduler.tick();
    await app.outbox.idle();
    expect(digests()).toHaveLength(0);
    expect(await read(app.db).queued({ kind: 'digest' })).toBe(6);
    // While the digests stay due, each tick finds everyone served and builds nothing (the one muted member included).
    const { committee, meeting } = (await app.services.digests.dueMeetings())[0]!;
    const served = await app.services.deliveries.servedFor('digest', meeting.id);
    expect(await app.services.digests.digestsFor(committee, meeting, served, false)).toBeNull();
    expect((await app.services.digests.digestsFor(committee, meeting, served, true))!.personal).toEqual([]);
  });

  it("a tick that finds everyone served reads neither the outbox's keys nor builds a digest", async () => {
    const servedFor = jest.spyOn(app.services.deliveries, 'servedFor');
    const digestsFor = jest.spyOn(app.services.digests, 'digestsFor');
    try {
      await app.scheduler.tick();
      await app.scheduler.tick();
      expect(servedFor).not.toHaveBeenCalled();
      expect(digestsFor).not.toHaveBeenCalled();
    } finally {
      servedFor.mockRestore();
      digestsFor.mockRestore();
    }
  });

  it('"start opsummering" unmutes: Adele gets hers at the next tick', async () => {
    await app.post(personal('start opsummering', ADELE));
    await until(() => connector.recorded.some((r) => r.body.text === 'Du får igen en opsummering før hvert møde.'));
    connector.clear();
    await app.scheduler.tick();
    await until(() => digests().length >= 1);
    expect(digests().map((r) => r.conversationId)).toEqual(['a:personal-user-id-2']);
  });
});

describe('digests before their time', () => {
  it('queues nothing before 08:00 three days before the meeting', async () => {
    const connector = await startRecordingConnector();
    // Sunday 22 November 2026, 07:59: one minute before three days before.
    const app = await startTestApp({ NOW: '2026-11-22T07:59:00+01:00', SCHEDULER_TICK_SECONDS: '0' }, true);
    try {
      await meetingOnWednesday(app);
      await app.scheduler.tick();
      expect(await read(app.db).queued({ kind: 'digest' })).toBe(0);
    } finally {
      await app.close();
      await connector.close();
    }
  });
});

describe('deadline reminders', () => {
  it('reminds every member once of the deadline for topics, three days before it', async () => {
    const connector = await startRecordingConnector();
    // The first demo meeting is 45 days ahead, its deadline 42 days before it: in three days.
    const app = await startTestApp({ SCHEDULER_TICK_SECONDS: '0' });
    try {
      // A turn in the channel: the bot learns the tenant's address.
      await app.post(message('næste møde', { serviceUrl: connector.url, scope: 'channel' }));
      await connector.waitFor(1);
      connector.clear();
      await app.scheduler.tick();
      const reminders = () => connector.recorded.filter((r) => String(r.body.text ?? '').startsWith("**Frist for punkter til DASSOS' møde"));
      await until(() => reminders().length >= 6);
      await app.outbox.idle();
      expect(reminders().map((r) => r.conversationId).sort()).toEqual(['0', '1', '2', '3', '4', '5'].map((n) => `a:personal-user-id-${n}`));
      expect(String(reminders()[0]!.body.text)).toMatch(/kan meldes ind til sekretariatet senest \w+dag den 25\. november 2026/);
      connector.clear();
      await app.scheduler.tick();
      await app.outbox.idle();
      expect(reminders()).toHaveLength(0);
    } finally {
      await app.close();
      await connector.close();
    }
  });
});
