// The calendar's state on both databases: instances take turns through the lease (a
// round whose lease another took writes nothing), a failure waits an interval, a changed
// mailbox starts the calendar over, the feed's token is made once and compared whole,
// and two clicks on "Opret mødet" at once make one meeting.
import { createClock } from '../../src/domain/shared/clock';
import type { Database } from '../../src/store/database';
import { PLAYGROUND, seedDemoCommittee } from '../../src/store/demo-seed';
import { createStore, type Store } from '../../src/store';
import { databaseKinds, freshDatabase } from '../support/db';

describe.each(databaseKinds)('calendar state on %s', (kind) => {
  let db: Database;
  let store: Store;
  let committeeId = '';
  const now = new Date('2026-11-22T11:00:00Z');
  const minutes = (n: number) => new Date(now.getTime() + n * 60_000);

  beforeAll(async () => {
    db = await freshDatabase(kind);
    await seedDemoCommittee(db, createClock(now.toISOString()), { agenda: false });
    store = createStore(db);
    committeeId = (await store.committees.findByChannel(PLAYGROUND.channelId))!.id;
  });
  afterAll(async () => db?.close());

  const write = (lease: Date) => ({
    committeeId,
    lease,
    creates: [],
    updates: [],
    deltaLink: 'https://graph.microsoft.com/v1.0/users/x/calendarView/delta?$deltatoken=abc',
    windowStart: new Date('2026-10-22T22:00:00Z'),
    syncedAt: now,
    messages: [],
    cards: [],
  });

  it('sets the demo committee\'s calendar once; a change starts it over', async () => {
    expect(await store.calendars.listWithMailbox()).toEqual([]);
    expect(await store.calendars.claim({ now, dueBefore: null, leaseUntil: minutes(10) })).toEqual([]);
    expect(await store.calendars.setDemoCalendar('kalender@dassos.dk', 'DASSOS')).toBe(true);
    expect(await store.calendars.setDemoCalendar('kalender@dassos.dk', 'DASSOS')).toBe(false);
    expect(await store.calendars.calendarOf(committeeId)).toMatchObject({ mailbox: 'kalender@dassos.dk', match: 'DASSOS', deltaLink: null, syncedAt: null });
  });

  it('hands a due calendar to one claimer at a time, and writes a round only under its own lease', async () => {
    const lease = minutes(10);
    const [a, b] = await Promise.all([
      store.calendars.claim({ now, dueBefore: minutes(-15), leaseUntil: lease }),
      store.calendars.claim({ now, dueBefore: minutes(-15), leaseUntil: lease }),
    ]);
    expect([...a, ...b]).toEqual([committeeId]);
    // Another instance takes over after the lease ran out: the first round's write is refused.
    const later = minutes(11);
    const taken = minutes(21);
    expect(await store.calendars.claim({ now: later, dueBefore: null, leaseUntil: taken, committeeId })).toEqual([committeeId]);
    expect(await store.calendars.applySync(write(lease))).toBe(false);
    expect((await store.calendars.calendarOf(committeeId))!.deltaLink).toBeNull();
    expect(await store.calendars.applySync(write(taken))).toBe(true);
    expect(await store.calendars.calendarOf(committeeId)).toMatchObject({ syncedAt: now, deltaLink: write(taken).deltaLink });
    // Synced just now: not due for another interval.
    expect(await store.calendars.claim({ now: minutes(5), dueBefore: minutes(-10), leaseUntil: minutes(15) })).toEqual([]);
    expect(await store.calendars.claim({ now: minutes(16), dueBefore: minutes(1), leaseUntil: minutes(26) })).toEqual([committeeId]);
  });

  it('records a failure under the lease, and a failed calendar waits an interval before it is tried again', async () => {
    const lease = minutes(26);
    await store.calendars.recordFailure(committeeId, lease, minutes(16), 'Graph 503: down');
    expect(await store.calendars.calendarOf(committeeId)).toMatchObject({ failedAt: minutes(16), error: 'Graph 503: down', syncedAt: now });
    expect(await store.calendars.claim({ now: minutes(20), dueBefore: minutes(5), leaseUntil: minutes(30) })).toEqual([]);
    expect(await store.calendars.claim({ now: minutes(32), dueBefore: minutes(17), leaseUntil: minutes(42) })).toEqual([committeeId]);
  });

  it('makes the feed token once, and finds the committee only by its slug with the whole token', async () => {
    let made = 0;
    const token = await store.calendars.feedToken(committeeId, () => `token-${++made}-abcdefghijklmnop`);
    expect(await store.calendars.feedToken(committeeId, () => `token-${++made}-abcdefghijklmnop`)).toBe(token);
    expect(made).toBe(1);
    expect(await store.calendars.committeeByFeed('dassos', token)).toBe(committeeId);
    expect(await store.calendars.committeeByFeed('dassos', token.slice(0, -1))).toBeNull();
    expect(await store.calendars.committeeByFeed('das-social', token)).toBeNull();
  });

  it('reaches the channel by its own serviceUrl, else by one its members were reached by in the tenant', async () => {
    expect(await store.calendars.channelServiceUrl(committeeId)).toBeNull();
    await db.prisma.person.update({ where: { aadObjectId: PLAYGROUND.users[1].aadObjectId }, data: { serviceUrl: 'https://smba.trafficmanager.net/emea/' } });
    expect(await store.calendars.channelServiceUrl(committeeId)).toBe('https://smba.trafficmanager.net/emea/');
    await db.prisma.committee.update({ where: { id: committeeId }, data: { serviceUrl: 'https://smba.trafficmanager.net/de/' } });
    expect(await store.calendars.channelServiceUrl(committeeId)).toBe('https://smba.trafficmanager.net/de/');
  });

  it('creates one meeting for two clicks at once', async () => {
    const input = {
      committeeId,
      startsAt: new Date('2027-04-15T11:00:00Z'),
      endsAt: new Date('2027-04-15T13:00:00Z'),
      place: 'Silkeborg Rådhus',
      room: null,
      onlineUrl: null,
      submissionDeadline: null,
    };
    const results = await Promise.all([store.calendars.createMeeting(input), store.calendars.createMeeting(input)]);
    expect(results.map((r) => r.created).sort()).toEqual([false, true]);
    expect(results[0]!.meeting.id).toBe(results[1]!.meeting.id);
    expect(await db.prisma.meeting.count({ where: { committeeId, startsAt: input.startsAt } })).toBe(1);
    const feed = await store.calendars.feedMeetings(committeeId, now);
    expect(feed.find((m) => m.id === results[0]!.meeting.id)).toMatchObject({ iCalUId: null, sequence: 0 });
  });
});
