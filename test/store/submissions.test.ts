// Submissions on both databases: a submission and its review card are written together;
// of concurrent reviews (separate connections on PostgreSQL) exactly one is recorded and
// an accepted topic becomes one draft item, numbered next in its section; a submission
// that missed a meeting's deadline is listed for both meetings.
import { createClock } from '../../src/domain/shared/clock';
import type { Database } from '../../src/store/database';
import { PLAYGROUND, seedDemoCommittee } from '../../src/store/demo-seed';
import { createStore, type Store } from '../../src/store';
import { databaseKinds, freshDatabase } from '../support/db';
import type { SubmissionDraft } from '../../src/domain/submissions/types';

describe.each(databaseKinds)('submissions on %s', (kind) => {
  let db: Database;
  let store: Store;
  let committeeId = '';
  let meetings: Array<{ id: string }> = [];
  let megan = '';
  let alex = '';
  const clock = createClock('2026-11-22T12:00:00+01:00');
  const draft: SubmissionDraft = { title: 'Borgere med komplekse behov', purpose: 'discussion', description: 'Udgifterne stiger.', presenter: null, links: [] };

  beforeAll(async () => {
    db = await freshDatabase(kind);
    await seedDemoCommittee(db, clock);
    store = createStore(db);
    const committee = (await store.committees.findByChannel(PLAYGROUND.channelId))!;
    committeeId = committee.id;
    meetings = await db.prisma.meeting.findMany({ where: { committeeId, startsAt: { gt: clock.now() } }, orderBy: { startsAt: 'asc' } });
    megan = (await db.prisma.person.findUniqueOrThrow({ where: { aadObjectId: PLAYGROUND.users[1].aadObjectId } })).id;
    alex = (await db.prisma.person.findUniqueOrThrow({ where: { aadObjectId: PLAYGROUND.users[0].aadObjectId } })).id;
  });
  afterAll(async () => db?.close());

  const create = (title: string, lateFor: string | null = null) =>
    store.submissions.create(
      { committeeId, meetingId: lateFor ? meetings[1]!.id : meetings[0]!.id, lateForMeetingId: lateFor, submitterId: megan, organisationId: null, draft: { ...draft, title } },
      (s) => [{ key: `review:${s.id}`, kind: 'submission-review', committeeId, subjectId: s.id, to: { personId: alex }, content: { text: s.title } }],
    );

  it('writes the submission and its review message together', async () => {
    const s = await create('Et punkt');
    expect(s).toMatchObject({ status: 'submitted', version: 1, submitter: { personId: megan, name: 'Megan Bowen', organisation: null } });
    expect(await db.prisma.outboundDelivery.count({ where: { idempotencyKey: `review:${s.id}` } })).toBe(1);
  });

  it('records one of concurrent reviews; an accepted topic becomes one draft item, next in its section', async () => {
    const s = await create('Kapacitet på botilbud');
    const item = { section: 'decision' as const, title: s.title, presenter: 'Megan Bowen', recommendationIntro: 'At DASSOS:', recommendations: ['Drøfter punktet'], caseText: '' };
    const results = await Promise.all([
      store.submissions.review(s.id, s.version, alex, { kind: 'accept', meetingId: meetings[0]!.id, item }, () => []),
      store.submissions.review(s.id, s.version, alex, { kind: 'decline', reason: 'Nej' }, () => []),
      store.submissions.review(s.id, s.version, alex, { kind: 'accept', meetingId: meetings[0]!.id, item }, () => []),
    ]);
    expect(results.filter(Boolean)).toHaveLength(1);
    const after = (await store.submissions.find(s.id))!;
    expect(after.version).toBe(2);
    const items = await db.prisma.agendaItem.findMany({ where: { title: 'Kapacitet på botilbud' } });
    expect(items).toHaveLength(after.status === 'accepted' ? 1 : 0);
    if (after.status === 'accepted') {
      // The demo agenda has 1.1–1.3 as decision items.
      expect(items[0]).toMatchObject({ number: '1.4', status: 'draft', meetingId: meetings[0]!.id });
      expect(after.agendaItemId).toBe(items[0]!.id);
    }
    // Reviewed: no change or withdrawal takes.
    expect(await store.submissions.edit(s.id, after.version, { withdraw: true }, () => [])).toBeNull();
  });

  it('lists a late submission for the meeting it missed and the one it goes to', async () => {
    const late = await create('Sent punkt', meetings[0]!.id);
    expect((await store.submissions.listForMeeting(meetings[0]!.id)).map((s) => s.id)).toContain(late.id);
    expect((await store.submissions.listForMeeting(meetings[1]!.id)).map((s) => s.id)).toEqual([late.id]);
  });
});
