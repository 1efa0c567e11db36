// The read cache: fresh values only, never a value loaded while a write happened, and
// every write of this process — through Prisma, in a transaction, or through the raw
// SQL seam — seen at once, on both databases.
import { createClock } from '../../src/domain/shared/clock';
import type { Database } from '../../src/store/database';
import { PLAYGROUND, seedDemoCommittee } from '../../src/store/demo-seed';
import { createStore, type Store } from '../../src/store';
import { ReadCache } from '../../src/store/read-cache';
import { changesCachedData, contactOf, contactScopes, DUE_LATER, isWriteStatement, queuesMessages, writeReach } from '../../src/store/write-watch';
import { databaseKinds, freshDatabase } from '../support/db';

describe('ReadCache', () => {
  let now = 0;
  const cache = () => new ReadCache({ ttlMs: 1000, now: () => now });

  it('serves a value until it expires, then loads it again', async () => {
    const c = cache();
    let loads = 0;
    const load = async () => ({ n: ++loads });
    expect(await c.get('k', load)).toEqual({ n: 1 });
    now += 999;
    expect(await c.get('k', load)).toEqual({ n: 1 });
    now += 1;
    expect(await c.get('k', load)).toEqual({ n: 2 });
  });

  it('does not keep a value that was being loaded while a write happened', async () => {
    const c = cache();
    let release!: () => void;
    const slow = c.get('k', () => new Promise<string>((r) => (release = () => r('old'))));
    c.invalidate();
    release();
    expect(await slow).toBe('old'); // the caller that asked before the write gets what it read
    expect(await c.get('k', async () => 'new')).toBe('new');
  });

  it('loads once for everyone who asks while the value is being loaded', async () => {
    const c = cache();
    let loads = 0;
    let release!: () => void;
    const load = () => new Promise<number>((r) => (release = () => r(++loads)));
    const asked = Array.from({ length: 50 }, () => c.get('k', load));
    release();
    expect(await Promise.all(asked)).toEqual(Array(50).fill(1));
    expect(loads).toBe(1);
  });

  it('does not share a load that began before a write with those who ask after it', async () => {
    const c = cache();
    let releaseOld!: () => void;
    const before = c.get('k', () => new Promise<string>((r) => (releaseOld = () => r('old'))));
    c.invalidate();
    const after = c.get('k', async () => 'new');
    releaseOld();
    expect(await before).toBe('old');
    expect(await after).toBe('new');
    expect(await c.get('k', async () => 'again')).toBe('new');
  });

  it('a failed load is not kept: the next one tries again', async () => {
    const c = cache();
    await expect(c.get('k', async () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    expect(await c.get('k', async () => 'up')).toBe('up');
  });

  it('loads again when the cached value cannot answer', async () => {
    const c = cache();
    await c.get('k', async () => [1, 2]);
    expect(await c.get('k', async () => [1, 2, 3], (v) => v.length > 2)).toEqual([1, 2, 3]);
  });

  it('freezes what it hands out, so no caller can change it for the others', async () => {
    const value = await cache().get('k', async () => ({ list: [{ name: 'DASSOS' }] }));
    expect(() => {
      (value.list[0] as { name: string }).name = 'x';
    }).toThrow(TypeError);
  });

  it('with a scope, drops only the entries under it, and does not keep their loads under way', async () => {
    const c = cache();
    await c.get('people:by-aad', async () => 'people');
    await c.get('committee:members', async () => 'roster');
    let release!: () => void;
    const slow = c.get('people:slow', () => new Promise<string>((r) => (release = () => r('old'))));
    c.invalidate('people:');
    release();
    expect(await slow).toBe('old');
    expect(await c.get('people:slow', async () => 'new')).toBe('new');
    expect(await c.get('people:by-aad', async () => 'people again')).toBe('people again');
    expect(await c.get('committee:members', async () => 'roster again')).toBe('roster');
  });

  it('keeps nothing with a TTL of 0', async () => {
    const c = new ReadCache({ ttlMs: 0 });
    await c.get('k', async () => 1);
    expect(c.size).toBe(0);
  });

  it('keeps at most maxEntries, dropping the oldest', async () => {
    const c = new ReadCache({ ttlMs: 1000, maxEntries: 2, now: () => now });
    for (const k of ['a', 'b', 'c']) await c.get(k, async () => k);
    expect(c.size).toBe(2);
    expect(await c.get('a', async () => 'reloaded')).toBe('reloaded');
  });
});

describe('isWriteStatement', () => {
  it.each([
    ['SELECT "id" FROM "Committee"', false],
    ['  select 1', false],
    ['INSERT INTO "Committee" ("id") VALUES ($1)', true],
    ['UPDATE "Meeting" SET "place" = $1', true],
    ['DELETE FROM "Meeting"', true],
    ['WITH x AS (DELETE FROM "Meeting" RETURNING *) SELECT * FROM x', true],
    ['CREATE TABLE t (x int)', true],
  ])('%s → %s', (sql, writes) => {
    expect(isWriteStatement(sql)).toBe(writes);
  });
});

describe('changesCachedData', () => {
  it.each([
    ['SELECT "id" FROM "Committee"', false],
    ['INSERT INTO "public"."Position" ("id") VALUES ($1)', false],
    ['INSERT INTO "Position" ("id") VALUES (gen_random_uuid()) ON CONFLICT DO NOTHING', false],
    ['UPDATE "public"."OutboundDelivery" SET "status" = $1', false],
    ['INSERT INTO "public"."AuditEvent" ("id") VALUES ($1)', false],
    ['UPDATE "public"."Committee" SET "serviceUrl" = $1', true],
    ['INSERT INTO "public"."AgendaItem" ("id") VALUES ($1)', true],
    ['WITH x AS (DELETE FROM "Position" RETURNING *) DELETE FROM "Meeting"', true],
    // An answer and its audit record in one statement: neither table is cached.
    [
      'WITH a AS (INSERT INTO "Position" ("id") VALUES ($1) ON CONFLICT ("agendaItemId", "personId") DO UPDATE SET "kind" = EXCLUDED."kind", "updatedAt" = now() RETURNING "id"), b AS (INSERT INTO "AuditEvent" ("id") SELECT "id" FROM a) SELECT "id" FROM a',
      false,
    ],
    ['WITH a AS (UPDATE "OutboundDelivery" SET "status" = $1 RETURNING *) UPDATE "Meeting" SET "title" = $2', true],
    ['WITH a AS (SELECT "id" FROM "Position" FOR UPDATE) UPDATE "Position" SET "kind" = $1', false],
    // No table it writes to can be named: it may still write (a function call), so yes.
    ['WITH a AS (SELECT 1) SELECT set_config($1, $2, false)', true],
    ['CREATE TABLE t (x int)', true],
  ])('%s → %s', (sql, changes) => {
    expect(changesCachedData(sql)).toBe(changes);
  });
});

describe('writeReach', () => {
  // The outbox worker claims deliveries every second, idle or not: that must not empty the
  // live cache of answers and attendance, while an answer must.
  it.each([
    ['WITH due AS (SELECT "id" FROM "OutboundDelivery" FOR UPDATE SKIP LOCKED) UPDATE "OutboundDelivery" SET "status" = $1', 'bookkeeping'],
    ['INSERT INTO "public"."AuditEvent" ("id") VALUES ($1)', 'bookkeeping'],
    ['INSERT INTO "public"."Position" ("id") VALUES ($1)', 'live'],
    ['UPDATE "public"."MeetingAttendance" SET "attendance" = $1', 'live'],
    ['UPDATE "public"."Committee" SET "serviceUrl" = $1', 'cached'],
    ['CREATE TABLE t (x int)', 'cached'],
    // The minutes as built and their corrections: only the entries made from the minutes
    // (which meetings' minutes are out) hold them (a "referat" must not empty the cache).
    ['UPDATE "public"."Minutes" SET "markdown" = $1, "docx" = $2, "version" = ("public"."Minutes"."version" + $3) WHERE "meetingId" = $4', 'minutes'],
    ['INSERT INTO "public"."Minutes" ("id","meetingId","markdown","docx") VALUES ($1,$2,$3,$4) ON CONFLICT DO NOTHING', 'minutes'],
    ['INSERT INTO "public"."MinutesCorrection" ("id","minutesId","note") VALUES ($1,$2,$3)', 'bookkeeping'],
    ['WITH c AS (INSERT INTO "MinutesCorrection" ("id") VALUES ($1) RETURNING 1) UPDATE "Minutes" SET "version" = $2', 'minutes'],
    ['WITH a AS (INSERT INTO "Position" ("id") VALUES ($1) RETURNING 1) UPDATE "Minutes" SET "version" = $2', 'cached'],
    // …but the meeting's status or the next agenda's item written with them still clears it.
    ['WITH m AS (UPDATE "Minutes" SET "status" = $1 RETURNING 1) UPDATE "Meeting" SET "status" = $2', 'cached'],
    ['UPDATE "public"."Attachment" SET "url" = $1 WHERE "url" = $2', 'cached'],
    // A personal chat recorded (Prisma's statement for it): only the people's contacts change.
    [
      'UPDATE "public"."Person" SET "personalConversationId" = $1, "serviceUrl" = $2, "updatedAt" = $3 WHERE ("public"."Person"."id" = $4 AND 1=1) RETURNING "public"."Person"."id", "public"."Person"."displayName"',
      'contacts',
    ],
    ['UPDATE "Person" SET "serviceUrl" = $1 WHERE "id" = $2', 'contacts'],
    // Anything more about the person, or another table, or a value that is not a parameter: everything.
    ['UPDATE "public"."Person" SET "personalConversationId" = $1, "digestMuted" = $2 WHERE "id" = $3', 'cached'],
    ['UPDATE "public"."Person" SET "displayName" = $1 WHERE "id" = $2', 'cached'],
    ['UPDATE "Person" SET "serviceUrl" = (SELECT "serviceUrl" FROM "Committee" LIMIT 1) WHERE "id" = $1', 'cached'],
    ['UPDATE "Person" SET "serviceUrl" = $1 WHERE "id" = $2; DELETE FROM "Membership"', 'cached'],
    ['WITH x AS (DELETE FROM "Membership" RETURNING 1) UPDATE "Person" SET "serviceUrl" = $1 WHERE "id" = $2', 'cached'],
    ['UPDATE "public"."Membership" SET "serviceUrl" = $1 WHERE "id" = $2', 'cached'],
    // The answers' statement, marked as queueing its cards for later (at its end: a statement
    // that began with the marker would no longer be read as a data change, and clear everything).
    [`WITH a AS (INSERT INTO "Position" ("id") VALUES ($1) RETURNING 1) INSERT INTO "OutboundDelivery" ("id") VALUES ($2) ${DUE_LATER}`, 'live'],
  ])('%s → %s', (sql, reach) => {
    expect(writeReach(sql)).toBe(reach);
  });
});

describe('contactOf', () => {
  const PRISMA =
    'UPDATE "public"."Person" SET "personalConversationId" = $1, "serviceUrl" = $2, "updatedAt" = $3 WHERE ("public"."Person"."id" = $4 AND 1=1) RETURNING "public"."Person"."id", "public"."Person"."displayName"';
  const ID = 'baedb6f8-b176-4071-8070-725058177744';

  it("names the person whose chat Prisma's update by id records, from its parameters", () => {
    expect(contactOf(PRISMA, ['a:chat', 'https://smba.example/', '2026-12-05T16:13:21.209Z', ID])).toBe(ID);
    expect(contactOf('UPDATE "Person" SET "serviceUrl" = $1 WHERE "id" = $2', ['https://smba.example/', ID])).toBe(ID);
    // One person's chat: the recipients lists and that person's entry, not everyone's.
    expect(contactScopes(ID)).toEqual(['people:recipients:', `people:chat:${ID}`]);
  });

  it('names no one when the statement does not say whose chat plainly, or records more than a chat', () => {
    expect(contactOf(PRISMA, ['a:chat', 'https://smba.example/', '2026-12-05T16:13:21.209Z'])).toBeUndefined();
    expect(contactOf('UPDATE "Person" SET "serviceUrl" = $1 WHERE "aadObjectId" = $2', ['https://smba.example/', ID])).toBeUndefined();
    expect(contactOf('UPDATE "Person" SET "serviceUrl" = $1 WHERE "id" = $2 OR "id" = $3', ['https://smba.example/', ID, ID])).toBeUndefined();
    expect(contactOf('UPDATE "Person" SET "serviceUrl" = $1 WHERE "tenantId" = $2 AND "id" = $3', ['https://smba.example/', 't', ID])).toBeUndefined();
    expect(contactOf('UPDATE "Person" SET "displayName" = $1 WHERE "id" = $2', ['Navn', ID])).toBeUndefined();
    expect(contactOf('UPDATE "Person" SET "serviceUrl" = $1 WHERE "id" = $2', ['https://smba.example/', 42])).toBeUndefined();
    // Then every entry under the contacts' scope is dropped.
    expect(contactScopes(undefined)).toEqual(['people:']);
  });
});

describe('queuesMessages', () => {
  it('wakes the worker for rows added to the outbox, unless they are marked due later', () => {
    expect(queuesMessages('INSERT INTO "OutboundDelivery" ("id") VALUES ($1)')).toBe(true);
    expect(queuesMessages(`WITH a AS (SELECT 1) INSERT INTO "OutboundDelivery" ("id") VALUES ($1) ${DUE_LATER}`)).toBe(false);
    expect(queuesMessages('UPDATE "OutboundDelivery" SET "status" = $1')).toBe(false);
  });
});

describe.each(databaseKinds)('read cache on %s', (kind) => {
  let db: Database;
  let store: Store;
  const clock = createClock('2026-11-22T12:00:00+01:00');

  beforeAll(async () => {
    db = await freshDatabase(kind);
    await seedDemoCommittee(db, clock);
    store = createStore(db, { cacheTtlMs: 60_000 });
  });
  afterAll(async () => db?.close());

  const committee = async () => (await store.committees.findByChannel(PLAYGROUND.channelId))!;

  it('sees a change written through Prisma at once', async () => {
    expect((await committee()).name).toBe('DASSOS');
    await db.prisma.committee.update({ where: { id: (await committee()).id }, data: { name: 'DASSOS Midt' } });
    expect((await committee()).name).toBe('DASSOS Midt');
  });

  it('sees a change written in a Prisma transaction at once', async () => {
    const id = (await committee()).id;
    await db.prisma.$transaction(async (tx) => {
      await tx.committee.update({ where: { id }, data: { name: 'DASSOS i transaktion' } });
    });
    expect((await committee()).name).toBe('DASSOS i transaktion');
  });

  it('sees a change written through the raw SQL seam at once', async () => {
    const id = (await committee()).id;
    await db.sql.query('UPDATE "Committee" SET "name" = $1 WHERE "id" = $2', ['DASSOS rå SQL', id]);
    expect((await committee()).name).toBe('DASSOS rå SQL');
    await db.sql.transaction(async (tx) => {
      await tx.query('UPDATE "Committee" SET "name" = $1 WHERE "id" = $2', ['DASSOS', id]);
    });
    expect((await committee()).name).toBe('DASSOS');
  });

  it("answers each person's own committees (cached per person) and sees a membership or committee change at once", async () => {
    const { id } = await committee();
    const members = await db.prisma.membership.findMany({ where: { committeeId: id, active: true, person: { aadObjectId: { not: null } } }, include: { person: true }, take: 2 });
    const [a, b] = members.map((m) => ({ membershipId: m.id, aad: m.person.aadObjectId! }));
    const names = async (aad: string) => (await store.committees.listForPerson(aad)).map((c) => c.name);
    expect(await names(a!.aad)).toEqual(['DASSOS']);
    expect(await names(b!.aad)).toEqual(['DASSOS']);
    expect(await names('00000000-0000-4000-8000-0000000000ff')).toEqual([]); // not a member: nobody else's committees
    await db.prisma.membership.update({ where: { id: a!.membershipId }, data: { active: false } });
    expect(await names(a!.aad)).toEqual([]);
    expect(await names(b!.aad)).toEqual(['DASSOS']);
    await db.prisma.committee.update({ where: { id }, data: { name: 'DASSOS omdøbt' } });
    expect(await names(b!.aad)).toEqual(['DASSOS omdøbt']);
    await db.prisma.committee.update({ where: { id }, data: { name: 'DASSOS' } });
    await db.prisma.membership.update({ where: { id: a!.membershipId }, data: { active: true } });
    expect(await names(a!.aad)).toEqual(['DASSOS']);
  });

  it('answers every committee name from the cache, and sees a committee added or renamed at once', async () => {
    const { id } = await committee();
    const before = await store.committees.listNames();
    expect(before).toContain('DASSOS');
    expect(await store.committees.listNames()).toBe(before); // the same (cached) value
    const added = await store.committees.create({ name: 'DAS Social', slug: 'das-social-names-test', tenantId: null });
    expect(await store.committees.listNames()).toContain('DAS Social');
    await db.prisma.committee.update({ where: { id }, data: { name: 'DASSOS omdøbt' } });
    expect(await store.committees.listNames()).toEqual(expect.arrayContaining(['DASSOS omdøbt', 'DAS Social']));
    expect(await store.committees.listNames()).not.toContain('DASSOS');
    await db.prisma.committee.update({ where: { id }, data: { name: 'DASSOS' } });
    await db.prisma.committee.delete({ where: { id: added.id } });
    expect(await store.committees.listNames()).not.toContain('DAS Social');
  });

  it("keeps a committee's input requests, a meeting's topics and its attendance answers between writes, and sees each change at once", async () => {
    const { id } = await committee();
    const meeting = (await db.prisma.meeting.findFirst({ where: { committeeId: id }, orderBy: { startsAt: 'desc' } }))!;
    const [member] = await db.prisma.membership.findMany({ where: { committeeId: id, active: true }, take: 1 });
    const personId = member!.personId;
    const inputs = () => store.inputs.list(id);
    const topics = () => store.submissions.listForMeeting(meeting.id);
    const answers = () => store.attendance.forMeeting(meeting.id);

    await db.prisma.inputRequest.create({ data: { committeeId: id, meetingId: meeting.id, title: 'Input om takster', deadline: new Date('2026-12-20T12:00:00Z'), status: 'open' } });
    await db.prisma.topicSubmission.create({ data: { committeeId: id, meetingId: meeting.id, submitterId: personId, title: 'Punkt om herberger' } });
    await db.prisma.meetingAttendance.create({ data: { meetingId: meeting.id, personId, attendance: 'attending' } });
    const [request] = await inputs();
    const [topic] = await topics();
    expect(request?.title).toBe('Input om takster');
    expect(topic?.title).toBe('Punkt om herberger');
    // Cached: the very same (frozen) objects, in an array of the caller's own.
    expect((await inputs())[0]).toBe(request);
    expect((await topics())[0]).toBe(topic);
    expect(Object.isFrozen(request)).toBe(true);
    const mine = (await answers()).find((r) => r.personId === personId)!;
    expect(mine.attendance).toBe('attending');
    mine.note = 'ændret af den, der spurgte'; // a copy: nobody else sees it
    expect((await answers()).find((r) => r.personId === personId)!.note).toBeNull();

    await db.prisma.inputRequest.updateMany({ where: { committeeId: id }, data: { title: 'Input om takster 2027' } });
    await db.prisma.topicSubmission.updateMany({ where: { meetingId: meeting.id }, data: { status: 'accepted' } });
    await db.prisma.meetingAttendance.updateMany({ where: { meetingId: meeting.id, personId }, data: { attendance: 'absent' } });
    expect((await inputs())[0]?.title).toBe('Input om takster 2027');
    expect((await topics())[0]?.status).toBe('accepted');
    expect((await answers()).find((r) => r.personId === personId)!.attendance).toBe('absent');

    await db.prisma.meetingAttendance.deleteMany({ where: { meetingId: meeting.id } });
    await db.prisma.topicSubmission.deleteMany({ where: { meetingId: meeting.id } });
    await db.prisma.inputRequest.deleteMany({ where: { committeeId: id } });
    expect(await inputs()).toEqual([]);
    expect(await topics()).toEqual([]);
    expect(await answers()).toEqual([]);
  });

  it("sees a person's personal chat recorded at once, and keeps the roster meanwhile", async () => {
    const { id } = await committee();
    const [member] = await db.prisma.membership.findMany({ where: { committeeId: id, active: true, person: { aadObjectId: { not: null } } }, include: { person: true }, take: 1 });
    const aad = member!.person.aadObjectId!;
    expect((await store.people.findPersonalChat(aad))?.conversationId).toBe(member!.person.personalConversationId);
    const before = await store.memberships.findByAad(id, aad);
    await store.people.setPersonalConversation(member!.personId, 'a:personal-chat-recorded', 'https://smba.example/emea/');
    expect(await store.people.findPersonalChat(aad)).toEqual({ personId: member!.personId, conversationId: 'a:personal-chat-recorded', serviceUrl: 'https://smba.example/emea/' });
    // The roster holds no personal chats: the very same (cached) value is answered.
    expect(await store.memberships.findByAad(id, aad)).toBe(before);
    // Any other change to people still clears it.
    await db.prisma.person.update({ where: { id: member!.personId }, data: { displayName: 'Omdøbt Medlem' } });
    expect((await store.memberships.findByAad(id, aad))?.displayName).toBe('Omdøbt Medlem');
  });

  it("records one person's chat without dropping anyone else's: theirs is read again, the others' are not", async () => {
    const { id } = await committee();
    const people = (await db.prisma.membership.findMany({ where: { committeeId: id, active: true, person: { aadObjectId: { not: null } } }, include: { person: true }, take: 2 })).map((m) => m.person);
    const [one, other] = people as [(typeof people)[number], (typeof people)[number]];
    await store.people.findPersonalChat(one.aadObjectId!);
    await store.people.findPersonalChat(other.aadObjectId!);
    const reads = jest.spyOn(db.prisma.person, 'findUnique');
    try {
      await store.people.setPersonalConversation(one.id, 'a:personal-chat-one', 'https://smba.example/one/');
      expect(await store.people.findPersonalChat(one.aadObjectId!)).toEqual({ personId: one.id, conversationId: 'a:personal-chat-one', serviceUrl: 'https://smba.example/one/' });
      expect(reads).toHaveBeenCalledTimes(1); // one's chat, read again
      expect(await store.people.findPersonalChat(other.aadObjectId!)).toEqual({ personId: other.id, conversationId: other.personalConversationId, serviceUrl: other.serviceUrl });
      expect(reads).toHaveBeenCalledTimes(1); // the other's, from the cache
      // Recorded by a statement that does not name them plainly: everyone's is dropped.
      await db.sql.query('UPDATE "Person" SET "serviceUrl" = $1 WHERE "aadObjectId" = $2', ['https://smba.example/other/', other.aadObjectId]);
      expect((await store.people.findPersonalChat(other.aadObjectId!))?.serviceUrl).toBe('https://smba.example/other/');
      // Through the raw SQL seam by id: only theirs.
      await db.sql.query('UPDATE "Person" SET "serviceUrl" = $1 WHERE "id" = $2', ['https://smba.example/other-again/', other.id]);
      expect((await store.people.findPersonalChat(other.aadObjectId!))?.serviceUrl).toBe('https://smba.example/other-again/');
    } finally {
      reads.mockRestore();
      await db.prisma.person.update({ where: { id: other.id }, data: { serviceUrl: other.serviceUrl } });
    }
  });

  it('keeps the roster while minutes are written and personal chats recorded; list() reads it fresh', async () => {
    const { id } = await committee();
    const roster = await store.memberships.roster(id);
    expect(roster.map((m) => m.personId).sort()).toEqual((await store.memberships.list(id)).map((m) => m.personId).sort());
    expect(await store.memberships.list(id)).not.toBe(await store.memberships.list(id));
    await db.prisma.minutes.updateMany({ data: { markdown: 'bygget igen' } });
    await db.prisma.minutesCorrection.updateMany({ data: { issuedIn: null } });
    const someone = roster.find((m) => m.teamsUserId)!;
    await store.people.setPersonalConversation(someone.personId, 'a:personal-chat-for-roster', 'https://smba.example/roster/');
    expect(await store.memberships.roster(id)).toBe(roster);
    // A member's change clears it.
    await db.prisma.person.update({ where: { id: someone.personId }, data: { displayName: 'Omdøbt til rosteren' } });
    expect((await store.memberships.roster(id)).find((m) => m.personId === someone.personId)?.displayName).toBe('Omdøbt til rosteren');
    await db.prisma.person.update({ where: { id: someone.personId }, data: { displayName: someone.displayName } });
  });

  it('knows which minutes are out from the cache, sees minutes built, published or moved at once, and keeps the roster meanwhile', async () => {
    const { id } = await committee();
    const since = new Date('2020-01-01T00:00:00Z');
    const until = new Date('2030-01-01T00:00:00Z');
    const latest = () => store.minutes.latestPublishedMeeting(id, since, until);
    const before = await latest();
    const roster = await store.memberships.roster(id);
    const meeting = (await db.prisma.meeting.findFirst({ where: { committeeId: id, minutes: null }, orderBy: { startsAt: 'desc' } }))!;
    await db.prisma.minutes.create({ data: { meetingId: meeting.id, markdown: '# Referat', docx: Buffer.from('PK'), token: 'x'.repeat(32), builtAt: clock.now() } });
    expect(await latest()).toBe(before); // a draft is not out
    await db.prisma.minutes.update({ where: { meetingId: meeting.id }, data: { status: 'published', publishedAt: clock.now() } });
    expect(await latest()).toBe(meeting.id);
    expect(await store.memberships.roster(id)).toBe(roster); // the minutes written, the roster kept
    // The meeting moved outside the window asked about: not the latest any more.
    await db.prisma.meeting.update({ where: { id: meeting.id }, data: { startsAt: new Date('2031-01-01T09:00:00Z'), endsAt: new Date('2031-01-01T11:00:00Z') } });
    expect(await latest()).toBe(before);
    await db.prisma.meeting.update({ where: { id: meeting.id }, data: { startsAt: meeting.startsAt, endsAt: meeting.endsAt } });
    await db.prisma.minutes.delete({ where: { meetingId: meeting.id } });
    expect(await latest()).toBe(before);
  });

  it("keeps the committee's recipients until someone's personal chat is recorded or a member changes", async () => {
    const { id } = await committee();
    const before = await store.memberships.recipients(id);
    expect(await store.memberships.recipients(id)).toBe(before);
    const someone = before.find((r) => r.teamsUserId)!;
    await store.people.setPersonalConversation(someone.personId, 'a:personal-chat-for-recipients', 'https://smba.example/recipients/');
    const after = await store.memberships.recipients(id);
    expect(after.find((r) => r.personId === someone.personId)?.serviceUrl).toBe('https://smba.example/recipients/');
    await db.prisma.person.update({ where: { id: someone.personId }, data: { digestMuted: true } });
    expect((await store.memberships.recipients(id)).find((r) => r.personId === someone.personId)?.digestMuted).toBe(true);
    await db.prisma.person.update({ where: { id: someone.personId }, data: { digestMuted: false } });
  });

  it('answers the coming meetings for a moving "now" from its window, and sees a moved meeting', async () => {
    const { id } = await committee();
    const fresh = createStore(db, { cacheTtlMs: 0 });
    const times = ['2026-11-22T12:00:00Z', '2027-01-06T12:30:00Z', '2027-03-01T00:00:00Z', '2029-01-01T00:00:00Z'];
    for (const t of times) {
      const at = new Date(t);
      expect(await store.meetings.listUpcoming(id, at, 3)).toEqual(await fresh.meetings.listUpcoming(id, at, 3));
    }
    const [first] = await store.meetings.listUpcoming(id, new Date(times[0]!), 1);
    await db.prisma.meeting.update({ where: { id: first!.id }, data: { place: 'Randers Rådhus' } });
    const [moved] = await store.meetings.listUpcoming(id, new Date(times[0]!), 1);
    expect(moved!.place).toBe('Randers Rådhus');
  });
});
