// "Udsend dagsordenen" in the tab: the bot's one publish (AgendaPublisher), so the channel
// gets the same cards (the overview, then each item as a reply in agenda order, updated in
// place when published again) and the same letters (closed attachments to each member);
// CPR-like numbers hold it with the findings masked until "Udsend alligevel" names the
// fingerprint of the texts as checked; everyone but the secretariat refused, nothing queued.
import { startTestApp, type TestApp } from '../support/app';
import { startRecordingConnector, type RecordingConnector } from '../support/recording-connector';
import { ALEX, MEGAN, STRANGER } from '../support/activities';
import { cardKey } from '../../src/domain/delivery/delivery.service';
import { callTab } from '../support/tab-client';

let app: TestApp;
/**
 * Teams' stand-in the queued messages go to: Teams' own serviceUrl does not resolve here, so
 * each send would fail and be tried again by the outbox while the test runs.
 */
let connector: RecordingConnector;
let committeeId = '';
let meetingId = '';
let decisionItemId = '';
const CLOSED_URL = 'https://dokumenter.example.org/lukket/budget.pdf';

const call = (who: { aadObjectId: string }, body: unknown = {}) =>
  callTab(app.url, who, 'POST', `/meetings/${meetingId}/publish`, body);
const queued = () =>
  app.db.prisma.outboundDelivery.findMany({
    where: { committeeId },
    orderBy: { createdAt: 'asc' },
    select: { idempotencyKey: true, kind: true, afterKey: true, personId: true, version: true },
  });
const published = async () =>
  (await app.db.prisma.meeting.findUniqueOrThrow({ where: { id: meetingId } })).agendaPublishedAt;

beforeAll(async () => {
  connector = await startRecordingConnector();
  app = await startTestApp({}, true);
  const { prisma } = app.db;
  const committee = await prisma.committee.findFirstOrThrow({ where: { name: 'DASSOS' } });
  committeeId = committee.id;
  const meeting = await prisma.meeting.findFirstOrThrow({
    where: { committeeId, items: { some: { status: 'draft' } } },
    orderBy: { startsAt: 'asc' },
  });
  meetingId = meeting.id;
  const decision = await prisma.agendaItem.findFirstOrThrow({
    where: { meetingId, sectionKind: 'decision' },
    orderBy: { position: 'asc' },
  });
  decisionItemId = decision.id;
  await prisma.attachment.create({
    data: { agendaItemId: decision.id, title: 'Budgetnotat', url: CLOSED_URL, access: 'closed' },
  });
  await prisma.agendaItem.update({
    where: { id: decision.id },
    data: { caseText: `${decision.caseText}\n\nBorgeren 060690\u20111234 er omtalt.` },
  });
});

afterAll(async () => {
  await app?.close();
  await connector?.close();
});

describe('publishing from the tab', () => {
  it('says when the committee has no channel yet, and publishes nothing', async () => {
    await app.db.prisma.committee.update({
      where: { id: committeeId },
      data: { conversationId: null },
    });
    const held = await call(ALEX);
    const { fingerprint } = held.json.held as { fingerprint: string };
    const res = await call(ALEX, { confirmedCpr: fingerprint });
    expect(res.json).toEqual({ kind: 'no_channel' });
    expect(await published()).toBeNull();
    expect(await queued()).toEqual([]);
    await app.db.prisma.committee.update({
      where: { id: committeeId },
      data: {
        conversationId: '19:dassos-kanal@thread.tacv2',
        serviceUrl: connector.url,
      },
    });
  });

  it('refuses anyone but the secretariat, queuing nothing', async () => {
    expect((await call(MEGAN)).status).toBe(403);
    expect((await call(STRANGER)).status).toBe(404);
    expect(await published()).toBeNull();
    expect(await queued()).toEqual([]);
  });

  it('holds CPR-like numbers with the findings masked; another fingerprint is no yes', async () => {
    const held = await call(ALEX);
    expect(held.status).toBe(200);
    const { findings, fingerprint } = held.json.held as {
      findings: Array<{ where: string; masked: string }>;
      fingerprint: string;
    };
    expect(findings).toEqual([
      { where: expect.stringMatching(/ · sagsfremstilling$/), masked: '060690-****' },
    ]);
    expect(held.text).not.toContain('1234');
    expect(fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect((await call(ALEX, { confirmedCpr: 'f'.repeat(64) })).json.held).toBeDefined();
    expect(await published()).toBeNull();
    expect(await queued()).toEqual([]);
  });

  it('publishes with "Udsend alligevel": the bot’s cards in agenda order and its letters, audited', async () => {
    const { fingerprint } = (await call(ALEX)).json.held as { fingerprint: string };
    const res = await call(ALEX, { confirmedCpr: fingerprint });
    expect(res.status).toBe(200);
    const items = await app.db.prisma.agendaItem.findMany({
      where: { meetingId },
      orderBy: { position: 'asc' },
    });
    expect(res.json).toMatchObject({
      kind: 'queued',
      items: items.length,
      posted: items.length + 1,
      updated: 0,
    });
    expect(await published()).not.toBeNull();
    const rows = await queued();
    // The overview starts the thread; each item follows the one before it.
    const cards = rows.filter((r) => r.kind === 'agenda-overview' || r.kind === 'agenda-item');
    const expected = [
      cardKey('agenda-overview', meetingId),
      ...items.map((i) => cardKey('agenda-item', i.id)),
    ];
    expect(cards.map((c) => c.idempotencyKey).sort()).toEqual([...expected].sort());
    for (const [n, item] of items.entries()) {
      expect(
        cards.find((c) => c.idempotencyKey === cardKey('agenda-item', item.id))?.afterKey,
      ).toBe(expected[n]);
    }
    // The closed attachment goes to members personally, never to the channel; no report in a chat (the tab shows it).
    expect(rows.filter((r) => r.kind === 'closed-attachments').length).toBeGreaterThan(0);
    expect(rows.some((r) => r.kind === 'publish-report')).toBe(false);
    const audit = await app.db.prisma.auditEvent.findFirstOrThrow({
      where: { action: 'agenda.published', subjectId: meetingId },
    });
    expect(audit.data).toMatchObject({ items: items.length, cprFindings: 1, confirmedCpr: true });
    const items2 = await app.db.prisma.agendaItem.findMany({
      where: { meetingId, status: 'draft' },
    });
    expect(items2).toEqual([]);
  });

  it('publishes again after an edit: the cards are updated in place and no letter goes twice', async () => {
    const before = await queued();
    await app.db.prisma.agendaItem.update({
      where: { id: decisionItemId },
      data: { caseText: 'Rettet: uden personnumre.', changedSincePublish: true },
    });
    const res = await call(ALEX);
    expect(res.json).toMatchObject({ kind: 'queued' });
    const after = await queued();
    expect(after.map((r) => r.idempotencyKey).sort()).toEqual(
      before.map((r) => r.idempotencyKey).sort(),
    );
    const card = (rows: typeof before) =>
      rows.find((r) => r.idempotencyKey === cardKey('agenda-item', decisionItemId))!;
    expect(card(after).version).toBeGreaterThan(card(before).version);
  });
});
