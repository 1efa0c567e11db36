// The secretariat's preparation in the tab without a command: a meeting created, an input
// request sent, a date poll posted and closed, an answer recorded for a member and the
// quorum rule set — each through the domain service the card's action calls, so the
// problems named, the clash with another meeting, the same meeting twice and who closed a
// poll first are the card's. Over HTTP with the developer sign-in.
import { startTestApp, type TestApp } from '../support/app';
import { startRecordingConnector, type RecordingConnector } from '../support/recording-connector';
import { ALEX, MEGAN } from '../support/activities';
import { callTab } from '../support/tab-client';

let app: TestApp;
/**
 * Teams' stand-in the queued messages go to: Teams' own serviceUrl does not resolve here, so
 * each send would fail and be tried again by the outbox while the test runs.
 */
let connector: RecordingConnector;
let committeeId = '';
let meetingId = '';
let meganId = '';
let requestId = '';

const as = <T = Record<string, unknown>>(
  user: { aadObjectId: string },
  method: string,
  path: string,
  body?: unknown,
) => callTab<T>(app.url, user, method, path, body);

beforeAll(async () => {
  connector = await startRecordingConnector();
  app = await startTestApp({}, true);
  const { prisma } = app.db;
  committeeId = (await prisma.committee.findFirstOrThrow({ where: { name: 'DASSOS' } })).id;
  meetingId = (
    await prisma.meeting.findFirstOrThrow({
      where: { committeeId, items: { some: { status: 'draft' } } },
      orderBy: { startsAt: 'asc' },
    })
  ).id;
  meganId = (await prisma.person.findUniqueOrThrow({ where: { aadObjectId: MEGAN.aadObjectId } }))
    .id;
});

afterAll(async () => {
  await app?.close();
  await connector?.close();
});

type Problems = { problems: Array<{ field: string; problem: string }> };

describe('a new meeting', () => {
  it('names what to fix, creates the meeting once, and refuses a member', async () => {
    const before = await app.db.prisma.meeting.count({ where: { committeeId } });
    const empty = await as<Problems>(ALEX, 'POST', `/committees/${committeeId}/meetings`, {
      date: '',
      start: '',
      end: '',
    });
    expect(empty.json.problems).toContainEqual(
      expect.objectContaining({ field: 'date', problem: 'empty' }),
    );
    const body = {
      date: '2027-10-06',
      start: '13:00',
      end: '15:00',
      place: 'Viborg Rådhus',
      deadline: '2027-09-22',
    };
    const made = await as<{
      created: boolean;
      meeting: { id: string; startsAt: string; place: string; submissionDeadline: string };
    }>(ALEX, 'POST', `/committees/${committeeId}/meetings`, body);
    expect(made.json.created).toBe(true);
    // 13:00 in Copenhagen in October (summer time) is 11:00 UTC; the deadline is the end of its day.
    expect(made.json.meeting.startsAt).toBe('2027-10-06T11:00:00.000Z');
    expect(made.json.meeting.place).toBe('Viborg Rådhus');
    expect(made.json.meeting.submissionDeadline).toBe('2027-09-22T21:59:59.000Z');
    expect(await app.db.prisma.meeting.count({ where: { committeeId } })).toBe(before + 1);
    // The same meeting again (a second click) is created once; it clashes with itself as the card says.
    const again = await as<Problems & { created?: boolean }>(
      ALEX,
      'POST',
      `/committees/${committeeId}/meetings`,
      body,
    );
    expect(again.json.created ?? false).toBe(false);
    expect(await app.db.prisma.meeting.count({ where: { committeeId } })).toBe(before + 1);
    expect(
      (
        await as(MEGAN, 'POST', `/committees/${committeeId}/meetings`, {
          ...body,
          date: '2027-11-03',
        })
      ).status,
    ).toBe(403);
    expect(await app.db.prisma.meeting.count({ where: { committeeId } })).toBe(before + 1);
  });
});

describe('an input request', () => {
  const draft = {
    title: 'Temaer til budgetseminaret',
    context: 'Kort baggrund.',
    questions: ['Hvad skal prioriteres?', ''],
    deadlineDate: '2026-12-01',
    deadlineTime: '12:00',
    audience: 'one_per_organisation',
    confidential: true,
    reminderDays: 2,
    meetingId: null as string | null,
  };

  it('names what to fix, then sends it to the members and shows its matrix on the meeting page', async () => {
    const before = await app.db.prisma.inputRequest.count();
    const bad = await as<Problems & { sent: boolean }>(
      ALEX,
      'POST',
      `/committees/${committeeId}/input-requests`,
      {
        ...draft,
        title: '',
        deadlineDate: '2026-01-01',
      },
    );
    expect(bad.json.sent).toBe(false);
    expect(bad.json.problems.map((p) => `${p.field}:${p.problem}`)).toEqual([
      'title:empty',
      'deadline:past',
    ]);
    expect(await app.db.prisma.inputRequest.count()).toBe(before);
    const sent = await as<{ sent: boolean; requestId: string; sentTo: number }>(
      ALEX,
      'POST',
      `/committees/${committeeId}/input-requests`,
      { ...draft, meetingId },
    );
    expect(sent.json.sent).toBe(true);
    const stored = await app.db.prisma.inputRequest.findUniqueOrThrow({
      where: { id: sent.json.requestId },
    });
    expect([stored.status, stored.audience, stored.meetingId, stored.questions]).toEqual([
      'open',
      'one_per_organisation',
      meetingId,
      ['Hvad skal prioriteres?'],
    ]);
    // Its cards wait in the outbox, one per addressee the bot can write to, as from the card's form.
    expect(
      await app.db.prisma.outboundDelivery.count({ where: { subjectId: sent.json.requestId } }),
    ).toBe(sent.json.sentTo);
    const page = await as<{
      inputs: Array<{
        id: string;
        confidential: boolean;
        organisations: Array<{ answeredBy: string[] }> | null;
      }>;
    }>(ALEX, 'GET', `/meetings/${meetingId}`);
    const row = page.json.inputs.find((i) => i.id === sent.json.requestId)!;
    expect(row.confidential).toBe(true);
    expect(row.organisations!.length).toBeGreaterThan(1);
    expect(
      (await as(MEGAN, 'POST', `/committees/${committeeId}/input-requests`, draft)).status,
    ).toBe(403);
    requestId = sent.json.requestId;
  });

  it('lays the compiled note on an item of its meeting once, as the note’s card does', async () => {
    const { prisma } = app.db;
    const item = await prisma.agendaItem.findFirstOrThrow({
      where: { meetingId, status: { not: 'withdrawn' } },
    });
    const elsewhere = await prisma.agendaItem.findFirstOrThrow({
      where: { meetingId: { not: meetingId }, meeting: { committeeId } },
    });
    const attach = (user: { aadObjectId: string }, itemId: string) =>
      as<{ added: boolean; item: { id: string; number: string } }>(
        user,
        'POST',
        `/inputs/${requestId}/attach`,
        { itemId },
      );
    // Still open: there is no note to lay on the item yet.
    expect((await attach(ALEX, item.id)).status).toBe(400);
    const committee = (await app.services.committees.byId(committeeId))!;
    await app.services.inputs.compileNow(
      committee,
      { aadObjectId: ALEX.aadObjectId, teamsUserId: ALEX.id, name: ALEX.name, tenantId: null },
      draft.title,
    );
    expect((await attach(MEGAN, item.id)).status).toBe(403);
    // An item of another meeting is not the request's.
    expect((await attach(ALEX, elsewhere.id)).status).toBe(400);
    expect(
      await prisma.attachment.count({
        where: { agendaItemId: item.id, url: { contains: requestId } },
      }),
    ).toBe(0);
    const first = await attach(ALEX, item.id);
    expect(first.status).toBe(200);
    expect(first.json).toEqual({ added: true, item: { id: item.id, number: expect.any(String) } });
    const stored = await prisma.attachment.findMany({
      where: { agendaItemId: item.id, url: { contains: requestId } },
    });
    expect(stored).toHaveLength(1);
    // The same link the note's card gives; closed, as the request's answers are confidential.
    expect(stored[0]!.url).toMatch(new RegExp(`/files/input-notes/${requestId}/[^/]+\\.docx$`));
    expect(stored[0]!.access).toBe('closed');
    const again = await attach(ALEX, item.id);
    expect(again.json.added).toBe(false);
    expect(
      await prisma.attachment.count({
        where: { agendaItemId: item.id, url: { contains: requestId } },
      }),
    ).toBe(1);
  });
});

describe('a date poll', () => {
  const poll = {
    title: 'Møder i efteråret 2027',
    place: 'Viborg',
    deadline: { date: '2026-12-15', time: '12:00' },
    groups: [
      {
        candidates: [
          { date: '2027-09-07', start: '10:00', end: '12:00' },
          { date: '2027-09-14', start: '10:00', end: '12:00' },
        ],
      },
    ],
  };

  it('needs the channel’s address, names what to fix, posts the card, and is closed once', async () => {
    const { prisma } = app.db;
    await prisma.committee.update({ where: { id: committeeId }, data: { serviceUrl: null } });
    expect((await as(ALEX, 'POST', `/committees/${committeeId}/date-polls`, poll)).status).toBe(
      404,
    );
    await prisma.committee.update({
      where: { id: committeeId },
      data: { serviceUrl: connector.url },
    });
    const one = await as<Problems & { created: boolean }>(
      ALEX,
      'POST',
      `/committees/${committeeId}/date-polls`,
      {
        ...poll,
        groups: [{ candidates: [poll.groups[0]!.candidates[0]!] }],
      },
    );
    expect(one.json).toMatchObject({
      created: false,
      problems: [expect.objectContaining({ field: 'candidates', problem: 'too_few' })],
    });
    const made = await as<{
      created: boolean;
      poll: { id: string; groups: Array<{ id: string; candidates: Array<{ id: string }> }> };
    }>(ALEX, 'POST', `/committees/${committeeId}/date-polls`, poll);
    expect(made.json.created).toBe(true);
    const id = made.json.poll.id;
    expect(await prisma.outboundDelivery.count({ where: { subjectId: id } })).toBeGreaterThan(0);
    expect((await as(MEGAN, 'POST', `/date-polls/${id}/close`, {})).status).toBe(403);
    const [group] = made.json.poll.groups;
    const later = group!.candidates[1]!.id;
    const closed = await as<{ done: boolean; meetings: Array<{ startsAt: string }> }>(
      ALEX,
      'POST',
      `/date-polls/${id}/close`,
      {
        picks: { [group!.id]: later },
      },
    );
    expect(closed.json.done).toBe(true);
    expect(closed.json.meetings.map((m) => m.startsAt)).toEqual(['2027-09-14T08:00:00.000Z']);
    const second = await as<{ done: boolean; closedBy: string }>(
      ALEX,
      'POST',
      `/date-polls/${id}/close`,
      {},
    );
    expect(second.json).toMatchObject({ done: false, closedBy: 'Alex Wilber' });
    expect(
      await prisma.meeting.count({
        where: { committeeId, startsAt: new Date('2027-09-14T08:00:00.000Z') },
      }),
    ).toBe(1);
  });
});

describe('a date poll with a CPR-like number', () => {
  it('is held with the number masked, and goes with the fingerprint of exactly those texts', async () => {
    const { prisma } = app.db;
    const poll = {
      title: 'Opfølgning på sag 010190-1234',
      place: 'Viborg',
      deadline: null,
      groups: [
        {
          candidates: [
            { date: '2027-10-12', start: '10:00', end: '12:00' },
            { date: '2027-10-19', start: '10:00', end: '12:00' },
          ],
        },
      ],
    };
    const url = `/committees/${committeeId}/date-polls`;
    const before = await prisma.datePoll.count({ where: { committeeId } });
    const held = await as<{
      error: string;
      findings: Array<{ where: string; masked: string }>;
      fingerprint: string;
    }>(ALEX, 'POST', url, poll);
    expect(held.status).toBe(400);
    expect(held.json.error).toBe('cpr_found');
    expect(held.json.findings).toEqual([{ where: 'titel', masked: '010190-****' }]);
    expect(held.json.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    // The number in full is never sent back.
    expect(JSON.stringify(held.json)).not.toContain('010190-1234');
    expect(await prisma.datePoll.count({ where: { committeeId } })).toBe(before);
    // A confirmation of other texts (the title changed since) is held again.
    const changed = await as<{ error: string; fingerprint: string }>(ALEX, 'POST', url, {
      ...poll,
      title: `${poll.title} (rettet)`,
      cprConfirmed: held.json.fingerprint,
    });
    expect(changed.status).toBe(400);
    expect(changed.json.error).toBe('cpr_found');
    expect(changed.json.fingerprint).not.toBe(held.json.fingerprint);
    // A member cannot send it, fingerprint or not.
    expect(
      (await as(MEGAN, 'POST', url, { ...poll, cprConfirmed: held.json.fingerprint })).status,
    ).toBe(403);
    expect(await prisma.datePoll.count({ where: { committeeId } })).toBe(before);
    const sent = await as<{ created: boolean; poll: { id: string; title: string } }>(
      ALEX,
      'POST',
      url,
      { ...poll, cprConfirmed: held.json.fingerprint },
    );
    expect(sent.status).toBe(200);
    expect(sent.json.created).toBe(true);
    expect(await prisma.datePoll.count({ where: { committeeId } })).toBe(before + 1);
    // The audit says it went with CPR-like numbers confirmed.
    const audit = await prisma.auditEvent.findFirstOrThrow({
      where: { committeeId, action: 'date_poll.created' },
      orderBy: { at: 'desc' },
    });
    expect(audit.data).toMatchObject({ cprFindings: 1, confirmedCpr: true });
  });
});

describe('attendance for others and the quorum rule', () => {
  type Overview = {
    open: boolean;
    quorum: { needed: number; total: number; settings: { rule: string; minimum: number | null } };
    organisations: Array<{
      name: string;
      people: Array<{
        personId: string;
        attendance: string | null;
        note: string | null;
        recordedBy: string | null;
      }>;
    }>;
  };
  it('records a member’s answer given by phone, and sets the rule, as the overview card does', async () => {
    const overview = await as<Overview>(ALEX, 'GET', `/meetings/${meetingId}/attendance-overview`);
    expect(overview.json.open).toBe(true);
    const megan = () =>
      overview.json.organisations.flatMap((o) => o.people).find((p) => p.personId === meganId);
    expect(megan()).toBeDefined();
    const res = await as<{ changed: boolean }>(
      ALEX,
      'PUT',
      `/meetings/${meetingId}/attendance/${meganId}`,
      {
        attendance: 'absent',
        note: 'Ringede i morges',
      },
    );
    expect(res.json.changed).toBe(true);
    const after = await as<Overview>(ALEX, 'GET', `/meetings/${meetingId}/attendance-overview`);
    expect(
      after.json.organisations.flatMap((o) => o.people).find((p) => p.personId === meganId),
    ).toMatchObject({
      attendance: 'absent',
      note: 'Ringede i morges',
      recordedBy: 'Alex Wilber',
    });
    // Megan's own page says so too.
    const page = await as<{ attendance: { mine: { attendance: string } } }>(
      MEGAN,
      'GET',
      `/meetings/${meetingId}`,
    );
    expect(page.json.attendance.mine.attendance).toBe('absent');

    const rule = await as<{ quorum: Overview['quorum'] }>(
      ALEX,
      'PUT',
      `/meetings/${meetingId}/quorum-rule`,
      { rule: 'none', minimum: 2 },
    );
    expect(rule.json.quorum).toMatchObject({ needed: 2, settings: { rule: 'none', minimum: 2 } });
    expect(
      (await as(ALEX, 'PUT', `/meetings/${meetingId}/quorum-rule`, { rule: 'none', minimum: -1 }))
        .status,
    ).toBe(400);
    expect(
      (
        await as(MEGAN, 'PUT', `/meetings/${meetingId}/quorum-rule`, {
          rule: 'at_least_half',
          minimum: null,
        })
      ).status,
    ).toBe(403);
    expect(
      (await as<Overview>(ALEX, 'GET', `/meetings/${meetingId}/attendance-overview`)).json.quorum
        .settings,
    ).toEqual({ rule: 'none', minimum: 2 });
  });
});
