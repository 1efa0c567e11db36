// Date polls on both databases, through their service: a poll and its card are written
// together; answers count per candidate, only the poll's own, the same twice changes
// nothing; of closes at once (separate connections on PostgreSQL) exactly one creates the
// meetings; non-responders are reminded once before the deadline and the secretariat is
// told once it has passed; the meetings' Outlook events are written after closing by a
// fake writer (ids kept on the meeting), a failure keeps the meeting and tells the
// secretariat, and with no writer nothing is attempted.
import { CommitteeService } from '../../src/domain/committees/committee.service';
import type { Clock } from '../../src/domain/shared/clock';
import { DatePollService, type DatePollLetters } from '../../src/domain/date-polls/date-poll.service';
import type { OutlookEventWriter } from '../../src/domain/calendar/outlook-events';
import type { Actor, Committee, Meeting } from '../../src/domain/shared/types';
import type { Database } from '../../src/store/database';
import { PLAYGROUND, seedDemoCommittee } from '../../src/store/demo-seed';
import { createStore, type Store } from '../../src/store';
import { databaseKinds, freshDatabase } from '../support/db';
import type { OutboundMessage, Recipient } from '../../src/domain/delivery/types';
import type { DatePollDraft } from '../../src/domain/date-polls/types';
import { read } from '../support/read';

const actor = (i: number): Actor => ({ aadObjectId: PLAYGROUND.users[i]!.aadObjectId, teamsUserId: PLAYGROUND.users[i]!.id, name: PLAYGROUND.users[i]!.name, tenantId: PLAYGROUND.tenantId });
const ALEX = actor(0);
const MEGAN = actor(1);
const ADELE = actor(2);
const ISAIAH = actor(3);

/** Those of the recipients the bot can write to (seen in Teams), as the bot's letters choose them. */
const reachable = (recipients: Recipient[]) => recipients.filter((r) => r.teamsUserId);

/** Letters that say what they were asked, as once-only messages (the keys name who and what). */
const letters: DatePollLetters = {
  result: (poll) => [{ key: `result:${poll.id}`, kind: 'date-poll-result', committeeId: poll.committeeId, subjectId: poll.id, to: { conversationId: 'team-id', serviceUrl: 'https://smba.example', tenantId: null }, content: { text: 'result' } }],
  reminders: (poll, _c, recipients) => reachable(recipients).map((r) => ({ key: `reminder:${poll.id}:${r.personId}`, kind: 'date-poll-reminder', committeeId: poll.committeeId, subjectId: poll.id, to: { personId: r.personId }, content: { text: r.name } })),
  due: (poll, _c, secretariat, answered, asked) => reachable(secretariat).map((r) => ({ key: `due:${poll.id}:${r.personId}`, kind: 'date-poll-due', committeeId: poll.committeeId, subjectId: poll.id, to: { personId: r.personId }, content: { text: `${answered}/${asked}` } })),
  outlookFailed: (poll, _c, meeting, error, secretariat) => reachable(secretariat).map((r) => ({ key: `outlook:${meeting.id}:${r.personId}`, kind: 'date-poll-outlook', committeeId: poll.committeeId, subjectId: poll.id, to: { personId: r.personId }, content: { text: error } })),
};

describe.each(databaseKinds)('date polls on %s', (kind) => {
  let db: Database;
  let store: Store;
  let committee: Committee;
  let now = new Date('2026-12-01T09:00:00+01:00');
  const clock: Clock = { now: () => new Date(now) };
  const created: Array<{ committee: string; meeting: Meeting }> = [];
  const writer: OutlookEventWriter = {
    async createEvent(c, meeting) {
      created.push({ committee: c.slug, meeting });
      if (meeting.startsAt.toISOString().startsWith('2027-03')) throw new Error('Graph answered 503 Service Unavailable');
      return { eventId: `evt-${created.length}`, iCalUId: `ical-${meeting.id}` };
    },
  };
  const service = (outlook: OutlookEventWriter | null) => new DatePollService({
      committees: new CommitteeService(store.committees, store.memberships, store.audit),
      meetings: store.meetings,
      memberships: store.memberships,
      polls: store.datePolls,
      clock,
      letters,
      outlook,
    });
  const at = (iso: string) => new Date(iso);
  const draft: DatePollDraft = {
    title: 'Møder i første halvår 2027',
    place: 'Viborg Rådhus',
    deadline: at('2026-12-15T12:00:00+01:00'),
    groups: [
      { candidates: [{ startsAt: at('2027-01-18T09:00:00+01:00'), endsAt: at('2027-01-18T11:00:00+01:00') }, { startsAt: at('2027-01-22T09:00:00+01:00'), endsAt: at('2027-01-22T11:00:00+01:00') }] },
      { candidates: [{ startsAt: at('2027-03-04T13:00:00+01:00'), endsAt: at('2027-03-04T15:00:00+01:00') }, { startsAt: at('2027-03-09T13:00:00+01:00'), endsAt: at('2027-03-09T15:00:00+01:00') }] },
    ],
  };
  const queue = (messages: OutboundMessage[]) => store.outbox.enqueue(messages);

  beforeAll(async () => {
    db = await freshDatabase(kind);
    await seedDemoCommittee(db, clock, { agenda: false });
    store = createStore(db);
    committee = (await store.committees.findByChannel(PLAYGROUND.channelId))!;
    // The channel's address, as the bot's first message there leaves it: a poll is posted to it.
    await db.prisma.committee.update({ where: { id: committee.id }, data: { serviceUrl: 'https://smba.example' } });
    const isaiah = await read(db).person(ISAIAH.aadObjectId!);
    await db.prisma.membership.updateMany({ where: { personId: isaiah.id }, data: { role: 'secretariat' } });
  });
  afterAll(async () => db?.close());

  it('writes the poll, its audit record and its card in the channel together', async () => {
    const view = await service(null).create(ALEX, committee.id, draft);
    expect(view.poll).toMatchObject({ status: 'open', place: 'Viborg Rådhus', title: 'Møder i første halvår 2027', createdAt: now });
    expect(view.poll.groups.map((g) => g.candidates.length)).toEqual([2, 2]);
    expect(await db.prisma.outboundDelivery.count({ where: { idempotencyKey: `card:date-poll:${view.poll.id}` } })).toBe(1);
    expect(await read(db).audited('date_poll.created', view.poll.id)).toBe(1);
    await expect(service(null).create(MEGAN, committee.id, draft)).rejects.toMatchObject({ code: 'not_secretariat' });
  });

  it('counts answers per candidate, takes only the poll\'s own, and the same answers twice change nothing', async () => {
    const [poll] = await store.datePolls.list(committee.id);
    const [a, b] = poll!.groups[0]!.candidates;
    const polls = service(null);
    expect((await polls.answer(MEGAN, poll!.id, [{ candidateId: a!.id, answer: 'yes' }, { candidateId: b!.id, answer: 'no' }])).changed).toBe(2);
    expect((await polls.answer(MEGAN, poll!.id, [{ candidateId: a!.id, answer: 'yes' }, { candidateId: b!.id, answer: 'no' }])).changed).toBe(0);
    const { view } = await polls.answer(ADELE, poll!.id, [{ candidateId: a!.id, answer: 'preferred' }]);
    expect(view.poll.groups[0]!.candidates.map((c) => c.tally)).toEqual([{ yes: 1, preferred: 1, no: 0 }, { yes: 0, preferred: 0, no: 1 }]);
    expect(view).toMatchObject({ answered: 2, best: new Map([[poll!.groups[0]!.id, a!.id], [poll!.groups[1]!.id, poll!.groups[1]!.candidates[0]!.id]]) });
    expect([...view.mine]).toEqual([[a!.id, 'preferred']]);
    // Another poll's candidate is refused as a whole; the secretariat does not answer.
    await expect(polls.answer(MEGAN, poll!.id, [{ candidateId: '00000000-0000-4000-8000-000000000000', answer: 'yes' }])).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(polls.answer(ALEX, poll!.id, [{ candidateId: a!.id, answer: 'yes' }])).rejects.toMatchObject({ code: 'not_asked' });
    expect(await read(db).audited('date_poll.answered', poll!.id)).toBe(2);
  });

  it('reminds those who have not answered once, two days before the deadline, and tells the secretariat once it has passed', async () => {
    const [poll] = await store.datePolls.list(committee.id);
    const polls = service(null);
    expect(await polls.tick(queue)).toEqual({ reminders: 0, due: 0, outlook: 0 });
    now = at('2026-12-13T08:00:00+01:00');
    const { reminders } = await polls.tick(queue);
    // The chair and members the bot can write to (the playground's; Isaiah is in the secretariat now), but Megan and Adele.
    const asked = await db.prisma.membership.count({ where: { committeeId: committee.id, role: { in: ['chair', 'member'] }, person: { teamsUserId: { not: null } } } });
    expect(reminders).toBe(asked - 2);
    expect((await polls.tick(queue)).reminders).toBe(0);
    now = at('2026-12-15T12:00:00+01:00');
    expect(await polls.tick(queue)).toMatchObject({ reminders: 0, due: 2 });
    expect((await db.prisma.outboundDelivery.findFirstOrThrow({ where: { kind: 'date-poll-due', subjectId: poll!.id } })).activity).toMatchObject({ text: `2/${await db.prisma.membership.count({ where: { committeeId: committee.id, role: { in: ['chair', 'member'] } } })}` });
    expect((await polls.tick(queue)).due).toBe(0);
    // After the deadline answers are refused.
    await expect(polls.answer(MEGAN, poll!.id, [{ candidateId: poll!.groups[0]!.candidates[0]!.id, answer: 'no' }])).rejects.toMatchObject({ code: 'poll_closed' });
  });

  it('of closes at once exactly one wins and creates the meetings once; the Outlook events follow, a failure keeps the meeting', async () => {
    const [poll] = await store.datePolls.list(committee.id);
    const meetingsBefore = await db.prisma.meeting.count();
    const polls = service(writer);
    const picks = (i: number) => new Map(poll!.groups.map((g) => [g.id, g.candidates[i]!.id]));
    const results = await Promise.all([polls.close(ALEX, poll!.id, picks(0)), polls.close(ISAIAH, poll!.id, picks(1)), polls.close(ALEX, poll!.id, picks(0))]);
    expect(results.filter((r) => r.done)).toHaveLength(1);
    const winner = results.find((r) => r.done)!;
    expect(winner.meetings).toHaveLength(2);
    expect(await db.prisma.meeting.count()).toBe(meetingsBefore + 2);
    for (const lost of results.filter((r) => !r.done)) expect(lost.view.poll.closedBy?.name).toBe(winner.view.poll.closedBy?.name);
    const closed = (await store.datePolls.find(poll!.id))!;
    expect(closed.groups.map((g) => g.outlookState)).toEqual(['pending', 'pending']);
    expect(winner.meetings.map((m) => [m.place, m.status])).toEqual([['Viborg Rådhus', 'planned'], ['Viborg Rådhus', 'planned']]);

    expect(await polls.writeOutlookEvents()).toBe(2);
    expect(created.map((c) => c.committee)).toEqual(['dassos', 'dassos']);
    const [january, march] = winner.meetings;
    expect(await db.prisma.meeting.findUniqueOrThrow({ where: { id: january!.id } })).toMatchObject({ calendarEventId: expect.stringMatching(/^evt-/), iCalUId: `ical-${january!.id}` });
    expect(await db.prisma.meeting.findUniqueOrThrow({ where: { id: march!.id } })).toMatchObject({ calendarEventId: null, iCalUId: null });
    const after = (await store.datePolls.find(poll!.id))!;
    expect(after.groups.map((g) => [g.outlookState, g.outlookError])).toEqual([['created', null], ['failed', 'Graph answered 503 Service Unavailable']]);
    expect(await read(db).queued({ kind: 'date-poll-outlook', subjectId: poll!.id })).toBe(2);
    // Nothing is written twice.
    expect(await polls.writeOutlookEvents()).toBe(0);
    expect(created).toHaveLength(2);
    expect(await read(db).audited('date_poll.closed', poll!.id)).toBe(1);
  });

  it('a claim whose writer stopped is taken over; with no Outlook writer nothing is attempted', async () => {
    now = at('2026-12-01T09:00:00+01:00');
    const view = await service(null).create(ALEX, committee.id, { ...draft, deadline: null });
    const { meetings } = await service(null).close(ALEX, view.poll.id, new Map());
    expect(meetings).toHaveLength(2);
    expect((await store.datePolls.find(view.poll.id))!.groups.map((g) => g.outlookState)).toEqual([null, null]);
    expect(await service(null).writeOutlookEvents()).toBe(0);
    // A writer that claimed and stopped: its lease runs out and the claim is taken again.
    const group = (await store.datePolls.find(view.poll.id))!.groups[0]!;
    await db.prisma.datePollGroup.update({ where: { id: group.id }, data: { outlookState: 'pending' } });
    // (Its lease, a second in the past, has already run out: no waiting for the clock.)
    const first = await store.datePolls.claimOutlook(-1);
    expect(first?.groupId).toBe(group.id);
    expect((await store.datePolls.claimOutlook(60))?.groupId).toBe(group.id);
    expect(await store.datePolls.claimOutlook(60)).toBeNull();
  });
});
