// The secretariat's workbench in the tab, over HTTP as the tab calls it (the developer
// sign-in on loopback): reviewing submitted topics, writing the Referat of an item with its
// actions (versions, conflicts, the CPR check), building, publishing and correcting the
// minutes. Each goes through the domain service the bot's cards call, so what the channel
// and the submitter are sent is the bot's own: asserted here on the outbox.
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
let comingId = '';
let octoberId = '';
let octoberItems: Array<{ id: string; number: string }> = [];

const megan = {
  aadObjectId: MEGAN.aadObjectId,
  teamsUserId: MEGAN.id,
  name: MEGAN.name,
  tenantId: null,
};

const call = (who: { aadObjectId: string }, method: string, path: string, body?: unknown) =>
  callTab(app.url, who, method, path, body);

const outbox = (kind: string, subjectId?: string) =>
  app.db.prisma.outboundDelivery.findMany({
    where: { kind, ...(subjectId ? { subjectId } : {}) },
  });

beforeAll(async () => {
  connector = await startRecordingConnector();
  app = await startTestApp({}, true);
  const { prisma } = app.db;
  const committee = await prisma.committee.findFirstOrThrow({ where: { name: 'DASSOS' } });
  committeeId = committee.id;
  // The channel the bot posts to: published minutes and corrections go there.
  await prisma.committee.update({
    where: { id: committeeId },
    data: {
      conversationId: '19:dassos@thread.tacv2',
      serviceUrl: connector.url,
    },
  });
  const coming = await prisma.meeting.findFirstOrThrow({
    where: { committeeId, items: { some: { status: 'draft' } } },
    orderBy: { startsAt: 'asc' },
  });
  comingId = coming.id;
  const october = await prisma.meeting.findFirstOrThrow({
    where: { committeeId, startsAt: { gte: new Date('2026-10-21'), lt: new Date('2026-10-22') } },
  });
  octoberId = october.id;
  octoberItems = await prisma.agendaItem.findMany({
    where: { meetingId: octoberId, status: { not: 'withdrawn' } },
    orderBy: { position: 'asc' },
    select: { id: true, number: true },
  });
}, 60_000);

afterAll(async () => {
  await app?.close();
  await connector?.close();
});

describe('submitted topics', () => {
  type Topic = { id: string; version: number; status: string; title: string };
  const submit = async (title: string) =>
    (
      await app.services.submissions.submit(megan, comingId, {
        title,
        purpose: 'decision',
        description: 'Beskrivelse af punktet.',
        presenter: null,
        links: ['https://example.org/bilag'],
      })
    ).submission;

  it('lists every topic of the meeting with its fields, for the secretariat only', async () => {
    const s = await submit('Fælles takster for 2027');
    const res = await call(ALEX, 'GET', `/meetings/${s.meetingId}/submissions`);
    expect(res.status).toBe(200);
    const topics = res.json.submissions as Array<Topic & Record<string, unknown>>;
    expect(topics.find((t) => t.id === s.id)).toMatchObject({
      title: 'Fælles takster for 2027',
      purpose: 'decision',
      description: 'Beskrivelse af punktet.',
      links: ['https://example.org/bilag'],
      submitter: MEGAN.name,
      status: 'submitted',
      version: s.version,
    });
    expect((await call(MEGAN, 'GET', `/meetings/${s.meetingId}/submissions`)).status).toBe(403);
  });

  it('accepts a topic onto the agenda as the review card does, and tells the submitter', async () => {
    const s = await submit('Bosteder: fælles indkøb');
    const res = await call(ALEX, 'POST', `/submissions/${s.id}/review`, {
      decision: 'accept',
      version: s.version,
    });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ done: true, submission: { status: 'accepted' } });
    const item = await app.db.prisma.agendaItem.findFirstOrThrow({
      where: { meetingId: s.meetingId, title: 'Bosteder: fælles indkøb' },
    });
    expect(item).toMatchObject({ status: 'draft', sectionKind: 'decision' });
    expect(res.json.itemNumber).toBe(item.number);
    const told = await outbox('submission-outcome', s.id);
    expect(told).toHaveLength(1);
    expect(JSON.stringify(told[0]!.activity)).toContain('Bosteder: fælles indkøb');
    // A colleague's click on the same version: nothing changes, and they are told who did it.
    const again = await call(ALEX, 'POST', `/submissions/${s.id}/review`, {
      decision: 'decline',
      version: s.version,
      text: 'For sent',
    });
    expect(again.json).toMatchObject({ done: false, submission: { status: 'accepted' } });
    expect(await outbox('submission-outcome', s.id)).toHaveLength(1);
  });

  it('declines with a reason, asks a question, and refuses an empty reason', async () => {
    const s = await submit('Et punkt der afvises');
    expect(
      (
        await call(ALEX, 'POST', `/submissions/${s.id}/review`, {
          decision: 'decline',
          version: s.version,
          text: '  ',
        })
      ).status,
    ).toBe(400);
    const asked = await call(ALEX, 'POST', `/submissions/${s.id}/review`, {
      decision: 'question',
      version: s.version,
      text: 'Hvem fremlægger?',
    });
    expect(asked.json).toMatchObject({
      done: true,
      submission: { status: 'submitted', question: 'Hvem fremlægger?' },
    });
    const version = (asked.json.submission as Topic).version;
    const declined = await call(ALEX, 'POST', `/submissions/${s.id}/review`, {
      decision: 'decline',
      version,
      text: 'Hører under et andet forum',
    });
    expect(declined.json).toMatchObject({
      done: true,
      submission: { status: 'declined', reason: 'Hører under et andet forum' },
    });
    expect(await outbox('submission-outcome', s.id)).toHaveLength(2);
    // A member may not review.
    expect(
      (
        await call(MEGAN, 'POST', `/submissions/${s.id}/review`, {
          decision: 'accept',
          version: version + 1,
        })
      ).status,
    ).toBe(403);
  });
});

describe('the Referat of an item', () => {
  type Referat = {
    item: { number: string };
    decision: {
      outcome: string;
      text: string;
      version: number;
      actions: Array<{ id: string; what: string; owner: Record<string, string> }>;
    } | null;
    correcting: boolean;
    organisations: Array<{ id: string; name: string }>;
  };

  it('saves as the form does, names the version, and never overwrites a colleague’s save', async () => {
    const item = octoberItems[0]!;
    const form = (await call(ALEX, 'GET', `/items/${item.id}/referat`)).json as unknown as Referat;
    expect(form).toMatchObject({
      item: { number: item.number },
      decision: null,
      correcting: false,
    });
    const org = form.organisations[0]!;
    const first = await call(ALEX, 'PUT', `/items/${item.id}/referat`, {
      version: 0,
      outcome: 'approved',
      text: 'DASSOS godkendte indstillingen.',
      actions: [
        {
          id: null,
          what: 'Sekretariatet  udsender  notatet',
          owner: { kind: 'organisation', organisationId: org.id },
          dueOn: '2026-12-01',
        },
      ],
    });
    expect(first.status).toBe(200);
    const saved = (first.json as { decision: NonNullable<Referat['decision']> }).decision;
    expect(saved).toMatchObject({
      outcome: 'approved',
      text: 'DASSOS godkendte indstillingen.',
      version: 1,
      actions: [
        {
          what: 'Sekretariatet udsender notatet',
          owner: { kind: 'organisation', organisationId: org.id },
        },
      ],
    });
    // Typed on: the next save names version 1 and keeps the action (by its id).
    const second = await call(ALEX, 'PUT', `/items/${item.id}/referat`, {
      version: 1,
      outcome: 'approved',
      text: 'DASSOS godkendte indstillingen med en tilføjelse.',
      actions: [{ ...saved.actions[0], dueOn: '2026-12-01' }],
    });
    expect(second.status).toBe(200);
    expect(
      await app.db.prisma.actionItem.count({ where: { what: 'Sekretariatet udsender notatet' } }),
    ).toBe(1);
    // A colleague still on version 1: refused, told what was saved, nothing overwritten.
    const stale = await call(ALEX, 'PUT', `/items/${item.id}/referat`, {
      version: 1,
      outcome: 'rejected',
      text: 'Et andet referat.',
      actions: [],
    });
    expect(stale.status).toBe(409);
    expect(stale.json).toMatchObject({
      error: 'conflict',
      decision: { version: 2, text: 'DASSOS godkendte indstillingen med en tilføjelse.' },
    });
    const stored = await app.db.prisma.decision.findUniqueOrThrow({
      where: { agendaItemId: item.id },
    });
    expect(stored).toMatchObject({ version: 2, outcome: 'approved' });
  });

  it('says what is wrong by field, and is the secretariat’s only', async () => {
    const item = octoberItems[1]!;
    const empty = await call(ALEX, 'PUT', `/items/${item.id}/referat`, {
      version: 0,
      outcome: 'auto',
      text: '  ',
      actions: [],
    });
    expect(empty.status).toBe(400);
    expect(empty.json).toMatchObject({
      error: 'invalid_input',
      problems: [{ field: 'text', problem: 'empty' }],
    });
    // The outcome alone: the committee's standard sentence is the Referat.
    const noted = await call(ALEX, 'PUT', `/items/${item.id}/referat`, {
      version: 0,
      outcome: 'noted',
      text: '',
      actions: [],
    });
    expect(noted.status).toBe(200);
    expect((noted.json as { decision: { text: string } }).decision.text).toMatch(/DASSOS/);
    expect((await call(MEGAN, 'GET', `/items/${item.id}/referat`)).status).toBe(403);
    expect(
      (
        await call(MEGAN, 'PUT', `/items/${item.id}/referat`, {
          version: 1,
          outcome: 'noted',
          text: 'x',
          actions: [],
        })
      ).status,
    ).toBe(403);
  });
});

describe('the Referat of an item posted in the channel', () => {
  it('holds CPR-like numbers back until confirmed, as the card’s save does', async () => {
    const item = octoberItems[3]!;
    await app.db.prisma.agendaItem.update({
      where: { id: item.id },
      data: { cardActivityId: '1732000000001' },
    });
    const body = {
      version: 0,
      outcome: 'noted',
      text: 'Sagen om 311299-4321 er drøftet.',
      actions: [],
    };
    const held = await call(ALEX, 'PUT', `/items/${item.id}/referat`, body);
    expect(held.status).toBe(400);
    expect(held.json).toMatchObject({
      error: 'cpr_found',
      findings: [expect.objectContaining({ masked: '311299-****' })],
    });
    expect(
      await app.db.prisma.decision.findUnique({ where: { agendaItemId: item.id } }),
    ).toBeNull();
    // Changed after the warning: checked again.
    const changed = await call(ALEX, 'PUT', `/items/${item.id}/referat`, {
      ...body,
      text: 'Sagen om 311299-4321 og 010190-1234 er drøftet.',
      cprConfirmed: held.json.fingerprint,
    });
    expect(changed.status).toBe(400);
    const saved = await call(ALEX, 'PUT', `/items/${item.id}/referat`, {
      ...body,
      cprConfirmed: held.json.fingerprint,
    });
    expect(saved.status).toBe(200);
  });
});

describe('the minutes', () => {
  type Minutes = {
    status: string;
    version: number;
    missing: string[];
    links: { docx: string; md: string };
    corrections: Array<{ note: string; issued: boolean }>;
  };
  const minutesOf = (res: { json: Record<string, unknown> }) => res.json.minutes as Minutes;
  /** A download link as the server answers it, on the test server's address. */
  const download = (link: string) => fetch(`${app.url}${new URL(link).pathname}`);

  it('builds the draft, with its downloads, publishes it with the CPR check as the card does, and corrects it', async () => {
    expect((await call(ALEX, 'GET', `/meetings/${octoberId}/minutes`)).json).toEqual({
      minutes: null,
    });
    expect((await call(MEGAN, 'POST', `/meetings/${octoberId}/minutes`)).status).toBe(403);
    // A Referat with a CPR-like number, not yet on any card: held back when the minutes leave.
    const item = octoberItems[2]!;
    expect(
      (
        await call(ALEX, 'PUT', `/items/${item.id}/referat`, {
          version: 0,
          outcome: 'noted',
          text: 'Borgeren 010190-1234 er orienteret.',
          actions: [],
        })
      ).status,
    ).toBe(200);
    const built = await call(ALEX, 'POST', `/meetings/${octoberId}/minutes`);
    expect(built.status).toBe(200);
    const draft = minutesOf(built);
    expect(draft).toMatchObject({ status: 'draft', corrections: [] });
    expect(draft.missing).not.toContain(item.number);
    const docx = await download(draft.links.docx);
    expect(docx.status).toBe(200);
    expect(docx.headers.get('content-type')).toContain('officedocument.wordprocessingml');
    const md = await (await download(draft.links.md)).text();
    expect(md).toContain('Borgeren 010190-1234 er orienteret.');
    expect(minutesOf(await call(ALEX, 'GET', `/meetings/${octoberId}/minutes`)).version).toBe(
      draft.version,
    );

    const held = await call(ALEX, 'POST', `/meetings/${octoberId}/minutes/publish`, {});
    expect(held.status).toBe(400);
    expect(held.json).toMatchObject({
      error: 'cpr_found',
      findings: expect.arrayContaining([expect.objectContaining({ masked: '010190-****' })]),
      fingerprint: expect.any(String),
    });
    expect(JSON.stringify(held.json)).not.toContain('1234');
    expect(await outbox('minutes', octoberId)).toHaveLength(0);
    expect(
      (
        await call(MEGAN, 'POST', `/meetings/${octoberId}/minutes/publish`, {
          cprConfirmed: held.json.fingerprint,
        })
      ).status,
    ).toBe(403);

    const published = await call(ALEX, 'POST', `/meetings/${octoberId}/minutes/publish`, {
      cprConfirmed: held.json.fingerprint,
    });
    expect(published.status).toBe(200);
    expect(published.json).toMatchObject({
      published: true,
      toChannel: true,
      minutes: { status: 'published' },
    });
    expect(published.json.approvalItemNumber).toEqual(expect.any(String));
    // The channel's message is the bot's own (its letters), queued once.
    const posted = await outbox('minutes', octoberId);
    expect(posted).toHaveLength(1);
    expect(posted[0]!.conversationId).toBe('19:dassos@thread.tacv2');
    // Twice is once.
    const again = await call(ALEX, 'POST', `/meetings/${octoberId}/minutes/publish`, {
      cprConfirmed: held.json.fingerprint,
    });
    expect(again.json).toMatchObject({ published: false });
    expect(await outbox('minutes', octoberId)).toHaveLength(1);

    // Corrected: dated, listed, and issued again to the channel.
    expect(
      (await call(ALEX, 'POST', `/meetings/${octoberId}/minutes/corrections`, { note: ' ' }))
        .status,
    ).toBe(400);
    const corrected = await call(ALEX, 'POST', `/meetings/${octoberId}/minutes/corrections`, {
      note: 'Der var fejl i tallene for Favrskov Kommune.',
      cprConfirmed: null,
    });
    // The minutes as issued again still hold the confirmed number: a new check, a new confirmation.
    expect(corrected.status).toBe(400);
    const confirmed = await call(ALEX, 'POST', `/meetings/${octoberId}/minutes/corrections`, {
      note: 'Der var fejl i tallene for Favrskov Kommune.',
      cprConfirmed: corrected.json.fingerprint,
    });
    expect(confirmed.status).toBe(200);
    expect(minutesOf(confirmed)).toMatchObject({
      status: 'published',
      corrections: [{ note: 'Der var fejl i tallene for Favrskov Kommune.', issued: true }],
    });
    expect(minutesOf(confirmed).version).toBeGreaterThan(minutesOf(published).version);
    expect(await outbox('minutes-reissued', octoberId)).toHaveLength(1);
  });
});
