// Attendance on both databases: an answer, its audit record and its letters are written
// together; the same answer twice writes nothing; concurrent clicks of one member leave
// one answer whose version counts the changes; stand-ins, standing stand-ins, the people
// of an organisation and the quorum rule are kept.
import { createClock } from '../../src/domain/shared/clock';
import type { Database } from '../../src/store/database';
import { PLAYGROUND, seedDemoCommittee } from '../../src/store/demo-seed';
import { createStore, type Store } from '../../src/store';
import { databaseKinds, freshDatabase } from '../support/db';
import type { AuditEntry } from '../../src/domain/shared/ports';

describe.each(databaseKinds)('attendance on %s', (kind) => {
  let db: Database;
  let store: Store;
  let committeeId = '';
  let meetingId = '';
  let megan = '';
  let lotte = '';
  const clock = createClock('2026-11-22T12:00:00+01:00');
  const audit = (action: string): AuditEntry => ({ committeeId, actorPersonId: megan, action, subjectType: 'meeting', subjectId: meetingId, data: {}, correlationId: null });
  const answer = (attendance: 'attending' | 'absent', standInId: string | null = null, note: string | null = null) =>
    store.attendance.set({ meetingId, personId: megan, attendance, standInId, note, recordedById: megan }, audit('attendance.answered'), (change) => [
      { key: `probe:${change.after.version}:${change.after.attendance}:${change.after.standIn?.personId ?? '-'}`, kind: 'probe', committeeId, subjectId: meetingId, to: { personId: megan }, content: { text: 'x' } },
    ]);

  beforeAll(async () => {
    db = await freshDatabase(kind);
    await seedDemoCommittee(db, clock, { agenda: false });
    store = createStore(db);
    committeeId = (await store.committees.findByChannel(PLAYGROUND.channelId))!.id;
    meetingId = (await db.prisma.meeting.findFirstOrThrow({ where: { committeeId, startsAt: { gt: clock.now() } }, orderBy: { startsAt: 'asc' } })).id;
    megan = (await db.prisma.person.findUniqueOrThrow({ where: { aadObjectId: PLAYGROUND.users[1].aadObjectId } })).id;
    lotte = (await db.prisma.person.findFirstOrThrow({ where: { displayName: 'Lotte Henriksen' } })).id;
  });
  afterAll(async () => db?.close());

  it('writes the answer with its audit record and its letters; the same answer twice writes nothing', async () => {
    const first = await answer('attending');
    expect(first).toMatchObject({ changed: true, before: null, record: { attendance: 'attending', standIn: null, version: 1, recordedBy: { personId: megan, name: 'Megan Bowen' } } });
    const again = await answer('attending');
    expect(again.changed).toBe(false);
    expect(await db.prisma.auditEvent.count({ where: { action: 'attendance.answered' } })).toBe(1);
    expect(await db.prisma.outboundDelivery.count({ where: { kind: 'probe' } })).toBe(1);
  });

  it('an apology with a stand-in raises the version; a new note alone keeps it', async () => {
    const absent = await answer('absent', lotte, 'Lotte kommer i stedet');
    expect(absent).toMatchObject({ changed: true, before: { attendance: 'attending' }, record: { attendance: 'absent', standIn: { personId: lotte, name: 'Lotte Henriksen' }, note: 'Lotte kommer i stedet', version: 2 } });
    expect(await store.attendance.isStandIn(meetingId, lotte)).toBe(true);
    const note = await answer('absent', lotte, 'Lotte kender sagen');
    expect(note).toMatchObject({ changed: true, record: { version: 2, note: 'Lotte kender sagen' } });
    expect((await store.attendance.forMeeting(meetingId)).map((r) => [r.personId, r.attendance, r.standIn?.name])).toEqual([[megan, 'absent', 'Lotte Henriksen']]);
  });

  it('keeps one answer under concurrent clicks of one member; its version counts the changes', async () => {
    const results = await Promise.all(Array.from({ length: 8 }, (_, i) => answer(i % 2 ? 'attending' : 'absent', i % 2 ? null : lotte, 'Lotte kender sagen')));
    const rows = await db.prisma.meetingAttendance.findMany({ where: { meetingId, personId: megan } });
    expect(rows).toHaveLength(1);
    const changes = results.filter((r) => r.changed).length;
    expect(rows[0]!.version).toBe(2 + changes);
    expect(await db.prisma.auditEvent.count({ where: { action: 'attendance.answered' } })).toBe(3 + changes);
    await answer('absent', null);
    expect(await store.attendance.isStandIn(meetingId, lotte)).toBe(false);
  });

  it('knows the people of an organisation, standing stand-ins, participants and the organisations counted', async () => {
    const aarhus = (await db.prisma.organisation.findUniqueOrThrow({ where: { name: 'Aarhus Kommune' } })).id;
    expect((await store.attendance.peopleOf([aarhus])).map((p) => p.name)).toEqual(['Lotte Henriksen', 'Megan Bowen']);
    const membership = (await db.prisma.membership.findFirstOrThrow({ where: { committeeId, personId: megan } })).id;
    expect(await store.attendance.setStandingStandIn(membership, lotte, audit('attendance.standing_stand_in'))).toBe(true);
    expect(await store.attendance.setStandingStandIn(membership, lotte, audit('attendance.standing_stand_in'))).toBe(false);
    expect(await store.attendance.standingStandIns(committeeId)).toEqual(new Map([[megan, { personId: lotte, name: 'Lotte Henriksen' }]]));
    expect(await store.attendance.isParticipant(committeeId, megan)).toBe(true);
    const observer = (await db.prisma.membership.findFirstOrThrow({ where: { committeeId, role: 'observer' } })).personId;
    expect(await store.attendance.isParticipant(committeeId, observer)).toBe(false);
    const counted = await store.attendance.countedOrganisations(committeeId);
    expect(counted).toHaveLength(20);
    expect(counted.at(-1)!.name).toBe('Region Midtjylland');
    expect(counted.some((o) => o.kind === 'secretariat')).toBe(false);
    const [person] = await store.attendance.recipientsOf([megan]);
    expect(person).toMatchObject({ personId: megan, name: 'Megan Bowen', teamsUserId: 'user-id-1', unreachable: false });
  });

  it('keeps the quorum rule: more than half by default, changed with an audit record', async () => {
    expect(await store.attendance.quorumSettings(committeeId)).toEqual({ rule: 'more_than_half', minimum: null });
    await store.attendance.setQuorumSettings(committeeId, { rule: 'at_least_half', minimum: 12 }, audit('committee.quorum_rule'));
    expect(await store.attendance.quorumSettings(committeeId)).toEqual({ rule: 'at_least_half', minimum: 12 });
    expect(await db.prisma.auditEvent.count({ where: { action: 'committee.quorum_rule' } })).toBe(1);
  });
});
