// The member's actions in the tab that the cards have too: answering an input request,
// submitting / changing / withdrawing a topic, answering a date poll, marking a task done,
// a position with a comment. Each goes through the domain service the card's action calls,
// so the rules (deadlines, who may, the same answer twice) are the card's; here over HTTP
// with the developer sign-in (the token check is tab-api.test.ts's).
import { startTestApp, type TestApp } from '../support/app';
import { startRecordingConnector, type RecordingConnector } from '../support/recording-connector';
import { ALEX, MEGAN, STRANGER } from '../support/activities';
import { memberFixtures, type MemberFixtures } from '../support/member-fixtures';
import type {
  DatePoll,
  InputView,
  MeetingPage,
  MyOverview,
  Submission,
  SubmissionForm,
} from '../../tab/src/types';
import { callTab } from '../support/tab-client';
import { publishQuietly } from '../support/publish-quietly';

const ADELE = { aadObjectId: '00000000-0000-0000-0000-0000000000022' };

let app: TestApp;
/**
 * Teams' stand-in the queued messages go to: Teams' own serviceUrl does not resolve here, so
 * each send would fail and be tried again by the outbox while the test runs.
 */
let connector: RecordingConnector;
let fx: MemberFixtures;
let committeeId = '';
let meetingId = '';

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
  const committee = await prisma.committee.findFirstOrThrow({ where: { name: 'DASSOS' } });
  committeeId = committee.id;
  const adele = await prisma.person.findUniqueOrThrow({
    where: { aadObjectId: ADELE.aadObjectId },
  });
  await prisma.membership.updateMany({
    where: { committeeId, personId: adele.id },
    data: { role: 'observer' },
  });
  meetingId = (
    await prisma.meeting.findFirstOrThrow({
      where: { committeeId, items: { some: { status: 'draft' } } },
      orderBy: { startsAt: 'asc' },
    })
  ).id;
  // Published as "udsend dagsorden" does, without the channel's cards.
  const alex = {
    aadObjectId: ALEX.aadObjectId,
    teamsUserId: ALEX.id,
    name: ALEX.name,
    tenantId: null,
  };
  await publishQuietly(app, committee, alex, meetingId);
  fx = await memberFixtures(app, committeeId, meetingId, connector.url);
});

afterAll(async () => {
  await app?.close();
  await connector?.close();
});

const audit = (action: string) => app.db.prisma.auditEvent.count({ where: { action } });

describe('an input request', () => {
  it('shows its questions and takes my answers as the card does, changeable until the deadline', async () => {
    const view = await as<InputView>(MEGAN, 'GET', `/inputs/${fx.requestId}`);
    expect(view.status).toBe(200);
    expect(view.json).toMatchObject({
      title: 'Temaer til dialogmødet',
      questions: ['Hvilke temaer?', 'Hvad går godt?'],
      open: true,
      mine: null,
    });
    const overview = await as<MyOverview>(MEGAN, 'GET', '/me/overview');
    const waiting = overview.json.meetings.flatMap((m) => m.openInputs);
    expect(waiting).toContainEqual(expect.objectContaining({ id: fx.requestId }));

    const saved = await as<InputView>(MEGAN, 'PUT', `/inputs/${fx.requestId}/answer`, {
      answers: ['  Kapacitet  ', ''],
    });
    expect(saved.status).toBe(200);
    expect(saved.json.mine?.answers).toEqual(['Kapacitet', '']);
    const changed = await as<InputView>(MEGAN, 'PUT', `/inputs/${fx.requestId}/answer`, {
      answers: ['Kapacitet', 'Samarbejdet'],
    });
    expect(changed.json.mine?.answers).toEqual(['Kapacitet', 'Samarbejdet']);
    expect(await audit('input.answered')).toBe(2);
    // It waits for me no more, on «Mine møder» and on the meeting page; the secretariat's matrix has me.
    const after = await as<MyOverview>(MEGAN, 'GET', '/me/overview');
    expect(after.json.meetings.flatMap((m) => m.openInputs)).not.toContainEqual(
      expect.objectContaining({ id: fx.requestId }),
    );
    const page = await as<MeetingPage>(ALEX, 'GET', `/meetings/${meetingId}`);
    const row = page.json.inputs.find((i) => i.id === fx.requestId);
    expect(row!.organisations!.flatMap((o) => o.answeredBy)).toContain('Megan Bowen');
  });

  it('refuses empty answers, an observer and a stranger, and changes nothing', async () => {
    const before = await audit('input.answered');
    expect(
      (await as<InputView>(MEGAN, 'PUT', `/inputs/${fx.requestId}/answer`, { answers: [' ', ''] }))
        .status,
    ).toBe(400);
    expect(
      (
        await as<InputView>(MEGAN, 'PUT', `/inputs/${fx.requestId}/answer`, {
          answers: ['x'.repeat(10_001)],
        })
      ).status,
    ).toBe(400);
    expect(
      (await as(ADELE, 'PUT', `/inputs/${fx.requestId}/answer`, { answers: ['Noget'] })).status,
    ).toBe(403);
    expect(
      (await as(STRANGER, 'PUT', `/inputs/${fx.requestId}/answer`, { answers: ['Noget'] })).status,
    ).toBe(404);
    expect((await as(STRANGER, 'GET', `/inputs/${fx.requestId}`)).status).toBe(404);
    expect((await as(MEGAN, 'GET', '/inputs/0b6c9a52-1f1e-4c57-9d1f-3f0c5b0d7e11')).status).toBe(
      404,
    );
    expect(await audit('input.answered')).toBe(before);
    expect(
      (await as<InputView>(MEGAN, 'GET', `/inputs/${fx.requestId}`)).json.mine?.answers,
    ).toEqual(['Kapacitet', 'Samarbejdet']);
  });
});

describe('a topic for a coming meeting', () => {
  it('offers the coming meetings with their deadlines, and says what to fix without saving', async () => {
    const form = await as<SubmissionForm>(
      MEGAN,
      'GET',
      `/committees/${committeeId}/submission-form`,
    );
    expect(form.status).toBe(200);
    expect(form.json.defaultMeetingId).toBe(fx.openMeetingId);
    expect(form.json.meetings[0]).toEqual(
      expect.objectContaining({
        deadline: expect.any(String),
        deadlinePassed: expect.any(Boolean),
      }),
    );
    expect(form.json.presenter).toBe('Megan Bowen');
    const before = await app.db.prisma.topicSubmission.count();
    const bad = await as(MEGAN, 'POST', `/meetings/${fx.openMeetingId}/submissions`, {
      title: ' ',
      purpose: 'decision',
      links: ['ftp://x'],
    });
    expect(bad.status).toBe(200);
    expect(bad.json).toEqual({
      saved: false,
      problems: [
        { field: 'title', problem: 'empty' },
        { field: 'links', problem: 'not_a_link' },
      ],
    });
    expect(await app.db.prisma.topicSubmission.count()).toBe(before);
    expect((await as(ADELE, 'GET', `/committees/${committeeId}/submission-form`)).status).toBe(403);
    expect(
      (
        await as(ADELE, 'POST', `/meetings/${fx.openMeetingId}/submissions`, {
          title: 'Observatørens',
          purpose: 'decision',
        })
      ).status,
    ).toBe(403);
    expect(await app.db.prisma.topicSubmission.count()).toBe(before);
  });

  it('submits, changes at the version seen, and withdraws, as the receipt card does', async () => {
    const sent = await as<{ saved: boolean; submission: Submission }>(
      MEGAN,
      'POST',
      `/meetings/${fx.openMeetingId}/submissions`,
      {
        title: 'Udgiftsudviklingen',
        purpose: 'information',
        description: 'Tal fra 2026.',
        presenter: 'Megan Bowen',
        links: ['https://example.org/tal.pdf'],
      },
    );
    expect(sent.status).toBe(200);
    expect(sent.json).toMatchObject({
      saved: true,
      submission: {
        status: 'submitted',
        purpose: 'information',
        links: ['https://example.org/tal.pdf'],
      },
      target: { meetingId: fx.openMeetingId },
    });
    const id = sent.json.submission.id as string;
    expect(await audit('submission.created')).toBeGreaterThanOrEqual(3);
    const overview = await as<MyOverview>(MEGAN, 'GET', '/me/overview');
    expect(overview.json.meetings.flatMap((m) => m.submissions)).toContainEqual({
      id,
      title: 'Udgiftsudviklingen',
      status: 'submitted',
    });

    const mine = await as<SubmissionForm>(MEGAN, 'GET', `/submissions/${id}`);
    expect(mine.json.submission).toMatchObject({ id, title: 'Udgiftsudviklingen' });
    const version = mine.json.submission!.version as number;
    // Only its submitter changes it.
    expect((await as(ALEX, 'GET', `/submissions/${id}`)).status).toBe(400);
    expect((await as(STRANGER, 'GET', `/submissions/${id}`)).status).toBe(404);
    const edited = await as<{ saved: boolean; submission: Submission }>(
      MEGAN,
      'PUT',
      `/submissions/${id}`,
      {
        title: 'Udgiftsudviklingen 2026',
        purpose: 'decision',
        version,
      },
    );
    expect(edited.json).toMatchObject({
      saved: true,
      submission: { title: 'Udgiftsudviklingen 2026', purpose: 'decision' },
    });
    // At the version seen before the change: someone changed it since.
    expect(
      (
        await as(MEGAN, 'PUT', `/submissions/${id}`, {
          title: 'Igen',
          purpose: 'decision',
          version,
        })
      ).status,
    ).toBe(409);
    expect((await as(MEGAN, 'POST', `/submissions/${id}/withdraw`, { version })).status).toBe(409);
    const now = edited.json.submission.version as number;
    const withdrawn = await as<Submission>(MEGAN, 'POST', `/submissions/${id}/withdraw`, {
      version: now,
    });
    expect(withdrawn.json).toMatchObject({ id, status: 'withdrawn' });
    // Withdrawn, it is no longer to change: the domain's rule.
    expect(
      (
        await as(MEGAN, 'PUT', `/submissions/${id}`, {
          title: 'Igen',
          purpose: 'decision',
          version: withdrawn.json.version,
        })
      ).status,
    ).toBe(409);
    expect((await as(MEGAN, 'GET', `/submissions/${id}`)).status).toBe(409);
  });
});

describe('a date poll', () => {
  it('lists the committee’s open polls with my answers, and saves them as the poll card does', async () => {
    const list = await as<{ polls: DatePoll[] }>(
      MEGAN,
      'GET',
      `/committees/${committeeId}/date-polls`,
    );
    expect(list.status).toBe(200);
    const poll = list.json.polls.find((p) => p.id === fx.pollId);
    expect(poll).toMatchObject({
      title: 'Møder i foråret',
      canAnswer: true,
      canClose: false,
      takesAnswers: true,
      answered: 0,
    });
    const [c1, c2] = fx.candidateIds;
    const cardVersions = async () =>
      (await app.db.prisma.outboundDelivery.findMany({ where: { subjectId: fx.pollId } })).reduce(
        (n, d) => n + d.version + 1,
        0,
      );
    const before = await cardVersions();
    const saved = await as<{ changed: number; poll: DatePoll }>(
      MEGAN,
      'PUT',
      `/date-polls/${fx.pollId}/answers`,
      {
        answers: [
          { candidateId: c1, answer: 'yes' },
          { candidateId: c2, answer: 'preferred' },
        ],
      },
    );
    expect(saved.status).toBe(200);
    expect(saved.json.changed).toBe(2);
    const candidates = saved.json.poll.groups[0]!.candidates;
    expect(candidates.map((c) => c.mine)).toEqual(['yes', 'preferred']);
    expect(candidates[1]!.tally).toEqual({ yes: 0, preferred: 1, no: 0 });
    expect(
      (
        await as(MEGAN, 'PUT', `/date-polls/${fx.pollId}/answers`, {
          answers: [{ candidateId: c1, answer: 'yes' }],
        })
      ).json.changed,
    ).toBe(0);
    // The channel's card follows, as after a click on it.
    expect(await cardVersions()).toBeGreaterThan(before);
  });

  it('refuses the secretariat, an observer, a stranger and a candidate of no poll', async () => {
    const [c1] = fx.candidateIds;
    const body = { answers: [{ candidateId: c1, answer: 'no' }] };
    expect((await as(ALEX, 'PUT', `/date-polls/${fx.pollId}/answers`, body)).status).toBe(403);
    expect((await as(ADELE, 'PUT', `/date-polls/${fx.pollId}/answers`, body)).status).toBe(403);
    expect((await as(STRANGER, 'PUT', `/date-polls/${fx.pollId}/answers`, body)).status).toBe(404);
    expect((await as(STRANGER, 'GET', `/committees/${committeeId}/date-polls`)).status).toBe(404);
    expect(
      (
        await as(MEGAN, 'PUT', `/date-polls/${fx.pollId}/answers`, {
          answers: [{ candidateId: '0b6c9a52-1f1e-4c57-9d1f-3f0c5b0d7e11', answer: 'no' }],
        })
      ).status,
    ).toBe(400);
    const list = await as<{ polls: DatePoll[] }>(
      MEGAN,
      'GET',
      `/committees/${committeeId}/date-polls`,
    );
    expect(list.json.polls[0]!.groups[0]!.candidates[0]!.mine).toBe('yes');
  });
});

describe('my task', () => {
  it('is marked done once by its owner; others may not', async () => {
    expect((await as(ADELE, 'PUT', `/actions/${fx.actionId}/done`)).status).toBe(403);
    expect((await as(STRANGER, 'PUT', `/actions/${fx.actionId}/done`)).status).toBe(404);
    const tasks = async () =>
      (await as<MyOverview>(MEGAN, 'GET', '/me/overview')).json.tasks as Array<{ id: string }>;
    expect(await tasks()).toContainEqual(expect.objectContaining({ id: fx.actionId }));
    const done = await as(MEGAN, 'PUT', `/actions/${fx.actionId}/done`);
    expect(done.json).toEqual({ id: fx.actionId, changed: true, status: 'done' });
    expect((await as(MEGAN, 'PUT', `/actions/${fx.actionId}/done`)).json.changed).toBe(false);
    expect(await tasks()).not.toContainEqual(expect.objectContaining({ id: fx.actionId }));
    expect(await audit('action.done')).toBe(1);
  });
});

describe('a position with a comment', () => {
  it('keeps the comment as the card’s comment box does, within the domain’s limit', async () => {
    const item = await app.db.prisma.agendaItem.findFirstOrThrow({
      where: { meetingId, sectionKind: 'decision', status: 'published' },
    });
    const res = await as(MEGAN, 'PUT', `/items/${item.id}/position`, {
      kind: 'cannot_approve',
      comment: '  Budgettet mangler.  ',
    });
    expect(res.status).toBe(200);
    const person = await app.db.prisma.person.findUniqueOrThrow({
      where: { aadObjectId: MEGAN.aadObjectId },
    });
    const stored = await app.db.prisma.position.findFirstOrThrow({
      where: { agendaItemId: item.id, personId: person.id },
    });
    expect([stored.kind, stored.comment]).toEqual(['cannot_approve', 'Budgettet mangler.']);
    expect(
      (
        await as(MEGAN, 'PUT', `/items/${item.id}/position`, {
          kind: 'can_approve',
          comment: 'x'.repeat(2001),
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await app.db.prisma.position.findFirstOrThrow({
          where: { agendaItemId: item.id, personId: person.id },
        })
      ).kind,
    ).toBe('cannot_approve');
  });
});
