// Decisions, minutes and actions on both databases: of concurrent saves of the same
// decision form (separate connections on PostgreSQL) one is recorded; Danish full-text
// search finds inflected words, only in the committee's own meetings; of concurrent
// publishes of the same minutes one happens, with one "Godkendelse af referat"; an
// action is marked done once, and reminded once.
import { createClock } from '../../src/domain/shared/clock';
import type { Database } from '../../src/store/database';
import { PLAYGROUND, seedDemoCommittee } from '../../src/store/demo-seed';
import { createStore, type Store } from '../../src/store';
import { databaseKinds, freshDatabase } from '../support/db';
import type { DecisionDraft } from '../../src/domain/minutes/types';
import type { AuditEntry } from '../../src/domain/shared/ports';
import { read } from '../support/read';

describe.each(databaseKinds)('decisions and minutes on %s', (kind) => {
  let db: Database;
  let store: Store;
  let committeeId = '';
  let meetingId = '';
  let nextMeetingId = '';
  let alex = '';
  const clock = createClock('2026-11-22T12:00:00+01:00');
  const audit = (subjectId: string): AuditEntry => ({ committeeId, actorPersonId: alex, action: 'decision.recorded', subjectType: 'agenda_item', subjectId, data: {}, correlationId: null });
  const draft = (text: string, actions: DecisionDraft['actions'] = []): DecisionDraft => ({ outcome: 'approved', text, actions });
  const item = async (number: string) => (await db.prisma.agendaItem.findFirstOrThrow({ where: { meetingId, number } })).id;

  beforeAll(async () => {
    db = await freshDatabase(kind);
    await seedDemoCommittee(db, clock);
    store = createStore(db);
    committeeId = (await store.committees.findByChannel(PLAYGROUND.channelId))!.id;
    const [first, second] = await db.prisma.meeting.findMany({ where: { committeeId, startsAt: { gt: clock.now() } }, orderBy: { startsAt: 'asc' } });
    meetingId = first!.id;
    nextMeetingId = second!.id;
    alex = (await read(db).person(PLAYGROUND.users[0].aadObjectId)).id;
  });
  afterAll(async () => db?.close());

  const record = async (itemId: string, version: number, d: DecisionDraft) =>
    store.decisions.record({ itemId, committeeId, version, draft: d, actorPersonId: alex, at: clock.now(), correction: null, audit: audit(itemId) });

  it('records one of concurrent saves of the same form, with its actions once', async () => {
    const id = await item('1.2');
    const actions = [{ id: null, what: 'Sekretariatet følger op', owner: { kind: 'secretariat' as const }, dueOn: '2026-12-01' }];
    const results = await Promise.all([record(id, 0, draft('Første', actions)), record(id, 0, draft('Anden', actions)), record(id, 0, draft('Tredje', actions))]);
    expect(results.filter(Boolean)).toHaveLength(1);
    const saved = (await store.decisions.find(id))!;
    expect(saved.version).toBe(1);
    expect(saved.actions).toHaveLength(1);
    expect(await read(db).audited('decision.recorded', id)).toBe(1);
    // Two changes at version 1: one wins, the other is told.
    const changes = await Promise.all([record(id, 1, draft('Ændret A', saved.actions)), record(id, 1, draft('Ændret B', saved.actions))]);
    expect(changes.filter(Boolean)).toHaveLength(1);
    expect((await store.decisions.find(id))!.version).toBe(2);
    expect(await db.prisma.actionItem.count({ where: { decision: { agendaItemId: id } } })).toBe(1);
  });

  it('finds decisions by Danish stem, in the committee own meetings only', async () => {
    await record(await item('1.3'), 0, draft('DASSOS besluttede, at takstaftalen fortsætter uændret i 2027.'));
    const other = await db.prisma.committee.create({ data: { slug: 'das-social', name: 'DAS Social' } });
    const theirMeeting = await db.prisma.meeting.create({ data: { committeeId: other.id, startsAt: new Date('2026-10-01T08:00:00Z'), endsAt: new Date('2026-10-01T10:00:00Z') } });
    const theirs = await db.prisma.agendaItem.create({ data: { meetingId: theirMeeting.id, number: '3', position: 0, title: 'Takstaftale', status: 'decided' } });
    await db.prisma.decision.create({ data: { agendaItemId: theirs.id, outcome: 'approved', text: 'DAS godkendte takstaftalen.' } });

    // Newest first: this meeting's 1.3, then the demo minutes of 18 May ("bevare takstaftalen").
    const found = await store.decisions.search(committeeId, 'takstaftale', 10);
    expect(found.hits.map((h) => [h.meetingStartsAt.toISOString().slice(0, 7), h.itemNumber])).toEqual([['2027-01', '1.3'], ['2026-05', '1.1']]);
    expect(found.total).toBe(2);
    // A word of the item's title finds it too ("takstgruppen" → "takstgruppe").
    expect((await store.decisions.search(committeeId, 'takstgruppe', 10)).hits.map((h) => h.itemNumber)).toEqual(['1.3']);
    expect((await store.decisions.search(committeeId, '"fortsætter uændret"', 10)).total).toBe(1);
    expect((await store.decisions.search(committeeId, 'ferieplan', 10)).total).toBe(0);
    expect((await store.decisions.search(committeeId, 'og', 10)).total).toBe(0);
    // Two here, four in the demo minutes of 18 May.
    expect((await store.decisions.latest(committeeId, 1)).total).toBe(6);
  });

  it('answers the latest decisions from the read cache, and a decision recorded or changed at once', async () => {
    // A store whose read cache keeps values for a minute (this file's store keeps none).
    const cached = createStore(db, { cacheTtlMs: 60_000 });
    const before = await cached.decisions.latest(committeeId, 10);
    expect(await cached.decisions.latest(committeeId, 10)).toBe(before); // the same (cached) value
    const id = await item('1.1');
    await cached.decisions.record({ itemId: id, committeeId, version: 0, draft: draft('DASSOS tog orienteringen til efterretning.'), actorPersonId: alex, at: clock.now(), correction: null, audit: audit(id) });
    const after = await cached.decisions.latest(committeeId, 10);
    expect(after.total).toBe(before.total + 1);
    expect(after.hits.map((h) => h.text)).toContain('DASSOS tog orienteringen til efterretning.');
    // Written by another part of this process than the store (the write-watch sees every statement).
    await db.prisma.decision.updateMany({ where: { agendaItemId: id }, data: { text: 'Rettet igen.' } });
    expect((await cached.decisions.latest(committeeId, 10)).hits.map((h) => h.text)).toContain('Rettet igen.');
  });

  it('publishes minutes once under concurrent clicks, with one approval item on the next meeting', async () => {
    const build = { meetingId, markdown: '# Referat', docx: new Uint8Array([80, 75]), token: 't'.repeat(32), at: clock.now(), byPersonId: alex };
    expect(await store.minutes.save({ ...build, version: 0, issues: [], messages: [] })).toMatchObject({ status: 'draft', version: 1 });
    // A second first build (a double click) finds the minutes built.
    expect(await store.minutes.save({ ...build, version: 0, issues: [], messages: [] })).toBeNull();
    const approval = {
      nextMeetingId,
      attachmentTitle: 'Referat fra mødet',
      url: 'https://dagsorden.example.dk/files/minutes/x/t.docx',
      draft: { section: 'decision' as const, title: 'Godkendelse af referat fra mødet', presenter: null, recommendationIntro: null, recommendations: [], caseText: '' },
    };
    const publish = (n: number) =>
      store.minutes.publish({ ...build, version: 1, approval, messages: [{ key: 'minutes:x:v2', kind: 'minutes', committeeId, subjectId: meetingId, to: { personId: alex }, content: { text: `${n}` } }] });
    const results = await Promise.all([publish(1), publish(2), publish(3)]);
    expect(results.filter((r) => r.published)).toHaveLength(1);
    expect(await store.minutes.find(meetingId)).toMatchObject({ status: 'published', version: 2 });
    expect(await db.prisma.agendaItem.count({ where: { meetingId: nextMeetingId, approvesMinutesOfId: meetingId } })).toBe(1);
    expect(await db.prisma.attachment.count({ where: { url: approval.url } })).toBe(1);
    expect(await read(db).queued({ key: 'minutes:x:v2' })).toBe(1);
  });

  it('marks an action done once, and reminds its owners once', async () => {
    const [action] = await db.prisma.actionItem.findMany({ where: { committeeId, status: 'open' } });
    const done = await Promise.all([1, 2, 3].map(() => store.actions.markDone(action!.id, alex, clock.now(), { ...audit(action!.id), action: 'action.done' })));
    expect(done.filter(Boolean)).toHaveLength(1);
    expect(await read(db).audited('action.done', action!.id)).toBe(1);

    const late = await db.prisma.actionItem.create({ data: { committeeId, what: 'Overskredet', ownerIsSecretariat: true, dueOn: new Date('2026-11-01T00:00:00Z') } });
    expect((await store.actions.overdue('2026-11-22')).map((a) => a.id)).toEqual([late.id]);
    const letters = [{ key: `action-overdue:${late.id}:${alex}`, kind: 'action-overdue', committeeId, to: { personId: alex }, content: { text: 'x' } }];
    const reminded = await Promise.all([store.actions.markReminded(late.id, clock.now(), letters), store.actions.markReminded(late.id, clock.now(), letters)]);
    expect(reminded.filter(Boolean)).toHaveLength(1);
    expect(await store.actions.overdue('2026-11-22')).toEqual([]);
    // The secretariat's action is for everyone in it.
    const owners = await store.actions.ownersOf(committeeId, (await store.actions.find(late.id))!);
    expect(owners.map((r) => r.name).sort()).toEqual(['Alex Wilber', 'Brian Høyer Lorentsen', 'Thorbjørn Aagaard']);
  });
});
