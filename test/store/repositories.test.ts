// The repositories and the demo seed on both databases (the embedded one; PostgreSQL
// when DATABASE_URL or TEST_DATABASE_URL is set, as in CI's second run).
import { createClock } from '../../src/domain/shared/clock';
import { CommitteeService } from '../../src/domain/committees/committee.service';
import { MeetingService } from '../../src/domain/meetings/meeting.service';
import type { Actor } from '../../src/domain/shared/types';
import { toLocal } from '../../src/domain/shared/zoned-time';
import type { Database } from '../../src/store/database';
import { DASSOS_ORGANISATIONS, DASSOS_PARTICIPANTS, PLAYGROUND, seedDemoCommittee } from '../../src/store/demo-seed';
import { createStore } from '../../src/store';
import { databaseKinds, freshDatabase } from '../support/db';
import { read } from '../support/read';

const alex: Actor = { aadObjectId: PLAYGROUND.users[0].aadObjectId, teamsUserId: 'user-id-0', name: 'Alex Wilber', tenantId: PLAYGROUND.tenantId };
const megan: Actor = { aadObjectId: PLAYGROUND.users[1].aadObjectId, teamsUserId: 'user-id-1', name: 'Megan Bowen', tenantId: PLAYGROUND.tenantId };

describe.each(databaseKinds)('store on %s', (kind) => {
  let db: Database;
  const clock = createClock('2026-11-22T12:00:00+01:00');

  beforeAll(async () => {
    db = await freshDatabase(kind);
    expect(await seedDemoCommittee(db, clock)).toBe(true);
  });
  afterAll(async () => db?.close());

  it('seeds the demo committee once', async () => {
    expect(await seedDemoCommittee(db, clock)).toBe(false);
    expect(await db.prisma.committee.count()).toBe(1);
    expect(await db.prisma.membership.count()).toBe(DASSOS_PARTICIPANTS.length + PLAYGROUND.users.length);
    expect(await db.prisma.committeeOrganisation.count()).toBe(20);
    expect(DASSOS_ORGANISATIONS.filter((o) => o.endsWith('Kommune'))).toHaveLength(19);
  });

  it('puts a draft agenda on the first coming meeting, as imported by the secretariat', async () => {
    const first = await db.prisma.meeting.findFirst({ where: { startsAt: { gt: clock.now() } }, orderBy: { startsAt: 'asc' } });
    const items = await read(db).items(first!.id);
    expect(items.map((i) => i.number)).toEqual(['1.1', '1.2', '1.3', '2.1', '2.2', '3.1', '3.2']);
    expect(items.every((i) => i.status === 'draft')).toBe(true);
    expect(await db.prisma.documentImport.count({ where: { status: 'saved', meetingId: first!.id } })).toBe(1);
  });

  it('has the chair, the two secretariat members and the 2026 meetings of the seed documents', async () => {
    const store = createStore(db);
    const committee = (await store.committees.findByChannel(PLAYGROUND.channelId))!;
    const members = await store.memberships.list(committee.id);
    expect(members.filter((m) => m.role === 'chair').map((m) => m.displayName)).toEqual(['Jesper Thyrring Møller']);
    expect(members.filter((m) => m.role === 'secretariat').map((m) => m.displayName).sort()).toEqual(
      ['Alex Wilber', 'Brian Høyer Lorentsen', 'Thorbjørn Aagaard'],
    );
    const meetings = await db.prisma.meeting.findMany({ where: { committeeId: committee.id }, orderBy: { startsAt: 'asc' } });
    const local = meetings.slice(0, 3).map((m) => toLocal(m.startsAt, 'Europe/Copenhagen'));
    expect(local.map((l) => [l.month, l.day, l.hour])).toEqual([[5, 18, 13], [8, 11, 11], [10, 21, 9]]);
    expect(meetings.length).toBeGreaterThan(3);
  });

  it('answers the next meeting from the database, with its deadline', async () => {
    const store = createStore(db);
    const committee = (await store.committees.findByTeam(PLAYGROUND.teamId))!;
    const next = await new MeetingService(store.meetings, clock).next(committee);
    expect(toLocal(next!.meeting.startsAt, committee.timeZone)).toMatchObject({ year: 2027, month: 1, day: 6, hour: 13 });
    expect(toLocal(next!.deadline, committee.timeZone)).toMatchObject({ year: 2026, month: 11, day: 25 });
    expect(next!.deadlinePassed).toBe(false);
    const later = await new MeetingService(store.meetings, createClock('2030-01-01T00:00:00Z')).next(committee);
    expect(later).toBeNull();
  });

  it('links a channel to a new committee, imports a roster idempotently and guards the last secretariat', async () => {
    const store = createStore(db);
    const service = new CommitteeService(store.committees, store.memberships, store.audit);
    const ref = { tenantId: 't', teamId: 'team-2', teamAadGroupId: null, channelId: 'chan-2', conversationId: 'chan-2', serviceUrl: 'http://x' };
    const committee = await service.linkChannel(alex, ref, { newName: 'DAS Social' });
    expect(committee.slug).toBe('das-social');
    await expect(service.linkChannel(megan, ref, { newName: 'Andet' })).rejects.toMatchObject({ code: 'already_linked' });

    const roster = [
      { aadObjectId: alex.aadObjectId, teamsUserId: 'user-id-0', name: 'Alex Wilber', email: null },
      { aadObjectId: megan.aadObjectId, teamsUserId: 'user-id-1', name: 'Megan Bowen', email: null },
    ];
    expect(await service.importRoster(alex, committee, roster, ref)).toEqual({ added: 1, existing: 1 });
    expect(await service.importRoster(alex, committee, roster, ref)).toEqual({ added: 0, existing: 2 });
    await expect(service.importRoster(megan, committee, roster, ref)).rejects.toMatchObject({ code: 'not_secretariat' });

    const { members } = await service.listMembers(committee, megan);
    const meganRow = members.find((m) => m.displayName === 'Megan Bowen')!;
    const alexRow = members.find((m) => m.displayName === 'Alex Wilber')!;
    await service.updateMembers(alex, committee, [{ membershipId: meganRow.membershipId, role: 'chair', organisationName: 'Brønderslev Kommune' }]);
    const after = await store.memberships.findByAad(committee.id, megan.aadObjectId!);
    expect(after).toMatchObject({ role: 'chair', organisation: { name: 'Brønderslev Kommune', kind: 'municipality' } });
    await expect(
      service.updateMembers(alex, committee, [{ membershipId: alexRow.membershipId, role: 'member', organisationName: null }]),
    ).rejects.toMatchObject({ code: 'invalid_input', message: 'last_secretariat' });
    expect(await db.prisma.auditEvent.count({ where: { committeeId: committee.id } })).toBe(4);
  });

  it('imports a roster as upsertMember would per entry: people refreshed, memberships added or reactivated, active ones kept', async () => {
    const store = createStore(db);
    const service = new CommitteeService(store.committees, store.memberships, store.audit);
    const ref = { tenantId: 't-3', teamId: 'team-3', teamAadGroupId: null, channelId: 'chan-3', conversationId: 'chan-3', serviceUrl: 'http://roster' };
    const committee = await service.linkChannel(alex, ref, { newName: 'Rosterudvalget' });
    const other = await store.committees.create({ name: 'Andet udvalg', slug: 'andet-udvalg', tenantId: 't-3' });
    // Before: Kept is an active observer here, Left an inactive one, Elsewhere a member of another committee only.
    const person = (aad: string, name: string) =>
      db.prisma.person.create({ data: { aadObjectId: aad, displayName: name, teamsUserId: `29:${aad}`, email: 'old@x.dk', serviceUrl: 'http://old', personalConversationId: `a:${aad}` } });
    const kept = await person('r-kept', 'Kept Old');
    const left = await person('r-left', 'Left Old');
    const elsewhere = await person('r-elsewhere', 'Elsewhere Old');
    await db.prisma.membership.create({ data: { committeeId: committee.id, personId: kept.id, role: 'observer' } });
    await db.prisma.membership.create({ data: { committeeId: committee.id, personId: left.id, role: 'observer', active: false } });
    await db.prisma.membership.create({ data: { committeeId: other.id, personId: elsewhere.id, role: 'chair' } });

    const entry = (aad: string, name: string) => ({ aadObjectId: aad, teamsUserId: `29:${aad}-new`, name, email: `${aad}@x.dk` });
    const roster = [
      entry(alex.aadObjectId!, 'Alex Wilber'),
      entry('r-kept', 'Kept New'),
      entry('r-left', 'Left New'),
      entry('r-elsewhere', 'Elsewhere New'),
      entry('r-new', 'New First'),
      { aadObjectId: null, teamsUserId: '29:no-aad', name: 'Uden AAD', email: null },
      entry('r-new', 'New Last'),
    ];
    // Alex (the secretariat) and Kept are active already; r-new is counted once.
    expect(await service.importRoster(alex, committee, roster, ref)).toEqual({ added: 4, existing: 3 });

    const snapshot = async () => {
      const rows = await db.prisma.membership.findMany({
        where: { committeeId: { in: [committee.id, other.id] }, person: { OR: [{ aadObjectId: { in: roster.flatMap((r) => (r.aadObjectId ? [r.aadObjectId] : [])) } }, { teamsUserId: '29:no-aad' }] } },
        include: { person: true },
      });
      return rows
        .map((m) => ({ committee: m.committeeId === committee.id ? 'this' : 'other', role: m.role, active: m.active, updatedAt: m.updatedAt.getTime(),
          person: { id: m.person.id, name: m.person.displayName, email: m.person.email, aad: m.person.aadObjectId, teamsUserId: m.person.teamsUserId, tenantId: m.person.tenantId, serviceUrl: m.person.serviceUrl, chat: m.person.personalConversationId } }))
        .sort((a, b) => `${a.person.name}|${a.committee}`.localeCompare(`${b.person.name}|${b.committee}`));
    };
    const after = await snapshot();
    const view = after.map(({ committee: c, role, active, person: p }) => [p.name, c, role, active, p.email, p.teamsUserId, p.tenantId, p.serviceUrl, p.chat]);
    expect(view).toEqual([
      ['Alex Wilber', 'this', 'secretariat', true, `${alex.aadObjectId}@x.dk`, `29:${alex.aadObjectId}-new`, 't-3', 'http://roster', null],
      ['Elsewhere New', 'other', 'chair', true, 'r-elsewhere@x.dk', '29:r-elsewhere-new', 't-3', 'http://roster', 'a:r-elsewhere'],
      ['Elsewhere New', 'this', 'member', true, 'r-elsewhere@x.dk', '29:r-elsewhere-new', 't-3', 'http://roster', 'a:r-elsewhere'],
      ['Kept New', 'this', 'observer', true, 'r-kept@x.dk', '29:r-kept-new', 't-3', 'http://roster', 'a:r-kept'],
      ['Left New', 'this', 'member', true, 'r-left@x.dk', '29:r-left-new', 't-3', 'http://roster', 'a:r-left'],
      ['New Last', 'this', 'member', true, 'r-new@x.dk', '29:r-new-new', 't-3', 'http://roster', null],
      ['Uden AAD', 'this', 'member', true, null, '29:no-aad', 't-3', 'http://roster', null],
    ]);
    expect(after.filter((a) => a.person.aad === 'r-new')).toHaveLength(1);
    expect(after.find((a) => a.person.name === 'Kept New')!.person.id).toBe(kept.id);
    expect(after.find((a) => a.person.name === 'Left New')!.person.id).toBe(left.id);

    // The same roster again (those with an aadObjectId: without one, every import is a new person, as before) changes nothing.
    const again = roster.filter((r) => r.aadObjectId);
    expect(await service.importRoster(alex, committee, again, ref)).toEqual({ added: 0, existing: 6 });
    expect(await snapshot()).toEqual(after);
    const audited = await db.prisma.auditEvent.findMany({ where: { committeeId: committee.id, action: 'setup.roster_imported' }, select: { data: true } });
    expect(audited.map((a) => a.data)).toEqual(expect.arrayContaining([expect.objectContaining({ added: 4, existing: 3 }), expect.objectContaining({ added: 0, existing: 6 })]));
    expect(audited).toHaveLength(2);
  });

  it("finds a member's committees in a personal chat", async () => {
    const store = createStore(db);
    const service = new CommitteeService(store.committees, store.memberships, store.audit);
    const resolved = await service.resolve({ type: 'personal', teamId: null, channelId: null }, megan);
    expect(resolved.kind).toBe('choose');
    const stranger = await service.resolve({ type: 'personal', teamId: null, channelId: null }, { ...megan, aadObjectId: 'nobody' });
    expect(stranger).toEqual({ kind: 'none', reason: 'not_member' });
  });

  it('writes answers clicked together in one go: one current answer each, audited when changed, tallies with them', async () => {
    const store = createStore(db);
    const committee = (await store.committees.findByTeam(PLAYGROUND.teamId))!;
    const meeting = await db.prisma.meeting.findFirst({ where: { committeeId: committee.id, startsAt: { gt: clock.now() } }, orderBy: { startsAt: 'asc' } });
    const [one, two] = await db.prisma.agendaItem.findMany({ where: { meetingId: meeting!.id }, orderBy: { position: 'asc' }, take: 2 });
    const people = (await store.memberships.list(committee.id)).slice(0, 6);
    const audit = (personId: string, itemId: string) => ({
      committeeId: committee.id, actorPersonId: personId, action: 'position.set', subjectType: 'agenda_item',
      subjectId: itemId, data: { test: true }, correlationId: null,
    });
    const answer = (itemId: string, personId: string, kind: 'can_approve' | 'wants_discussion' | 'cannot_approve') =>
      store.agenda.setPosition({ itemId, personId, kind, comment: null }, audit(personId, itemId));
    // Six people on item one (the first twice, changing their mind), two on item two, all at once.
    const results = await Promise.all([
      ...people.map((p, i) => answer(one!.id, p.personId, i < 4 ? 'can_approve' : 'cannot_approve')),
      answer(one!.id, people[0]!.personId, 'wants_discussion'),
      answer(two!.id, people[0]!.personId, 'can_approve'),
      answer(two!.id, people[1]!.personId, 'can_approve'),
    ]);
    expect(results.every((r) => r.changed)).toBe(true);
    expect(results[6]!.tally).toMatchObject({ can_approve: 3, wants_discussion: 1, cannot_approve: 2 });
    expect(results[8]!.tally).toMatchObject({ can_approve: 2, wants_discussion: 0 });
    const stored = await read(db).positions(one!.id);
    expect(stored).toHaveLength(6);
    expect(stored.find((p) => p.personId === people[0]!.personId)!.kind).toBe('wants_discussion');
    expect(await db.prisma.auditEvent.count({ where: { action: 'position.set', data: { path: ['test'], equals: true } } })).toBe(9);

    // The same answers again change nothing and record nothing.
    const again = await Promise.all(people.slice(1).map((p, i) => answer(one!.id, p.personId, i < 3 ? 'can_approve' : 'cannot_approve')));
    expect(again.some((r) => r.changed)).toBe(false);
    expect(again[0]!.tally).toMatchObject({ can_approve: 3, wants_discussion: 1, cannot_approve: 2 });
    expect(await db.prisma.auditEvent.count({ where: { action: 'position.set', data: { path: ['test'], equals: true } } })).toBe(9);

    // An answer on an item that does not exist fails alone; the others in its batch are written.
    const mixed = await Promise.allSettled([
      answer(two!.id, people[2]!.personId, 'cannot_approve'),
      answer('00000000-0000-4000-8000-000000000000', people[2]!.personId, 'can_approve'),
      answer(two!.id, people[3]!.personId, 'cannot_approve'),
    ]);
    expect(mixed.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(await read(db).positions(two!.id)).toHaveLength(4);
  });
});
