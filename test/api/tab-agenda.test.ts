// The secretariat's workbench over HTTP: the agenda as prepared, new and changed items with
// every field, moves between sections and meetings, and the order renumbered; each change
// through the edit card's domain rule, audited, and refused to everyone but the secretariat
// with nothing changed. (The developer sign-in: no app id, loopback.)
import { startTestApp, type TestApp } from '../support/app';
import { ALEX, MEGAN, STRANGER } from '../support/activities';
import { numberAgenda } from '../../src/domain/agenda/agenda-workbench.service';
import { callTab } from '../support/tab-client';
import { publishQuietly } from '../support/publish-quietly';

let app: TestApp;
let meetingId = '';
let otherMeetingId = '';

type Item = {
  id: string;
  number: string;
  section: string;
  sectionTitle: string | null;
  title: string;
  caseText: string;
  closed: boolean;
  status: string;
  changedSincePublish: boolean;
  attachments: Array<{
    id: string;
    title: string;
    url: string | null;
    closed: boolean;
    toFollow: boolean;
  }>;
};
type View = { items: Item[]; meetings: Array<{ id: string }>; meeting: { id: string } };

const call = (who: { aadObjectId: string }, method: string, path: string, body?: unknown) =>
  callTab(app.url, who, method, path, body);
const view = async (id = meetingId) =>
  (await call(ALEX, 'GET', `/meetings/${id}/workbench`)).json as unknown as View;
const draft = (over: Record<string, unknown> = {}) => ({
  number: '9.1',
  section: 'other',
  sectionTitle: null,
  title: 'Nyt punkt fra fanen',
  presenter: 'Jesper Thyrring Møller',
  recommendationIntro: 'Det indstilles, at styregruppen:',
  recommendations: ['godkender oplægget', '- tager orienteringen til efterretning'],
  caseText: '**Resumé**\r\nTeksten i Markdown.',
  closed: false,
  attachments: [],
  ...over,
});
const audit = (action: string) => app.db.prisma.auditEvent.count({ where: { action } });

beforeAll(async () => {
  app = await startTestApp({}, true);
  const { prisma } = app.db;
  const committee = await prisma.committee.findFirstOrThrow({ where: { name: 'DASSOS' } });
  const meeting = await prisma.meeting.findFirstOrThrow({
    where: { committeeId: committee.id, items: { some: { status: 'draft' } } },
    orderBy: { startsAt: 'asc' },
  });
  meetingId = meeting.id;
  const later = await prisma.meeting.findFirst({
    where: {
      committeeId: committee.id,
      startsAt: { gt: meeting.startsAt },
      status: { not: 'cancelled' },
    },
    orderBy: { startsAt: 'asc' },
  });
  otherMeetingId =
    later?.id ??
    (
      await prisma.meeting.create({
        data: {
          committeeId: committee.id,
          title: 'Næste møde',
          startsAt: new Date(meeting.startsAt.getTime() + 30 * 86_400_000),
          endsAt: new Date(meeting.startsAt.getTime() + 30 * 86_400_000 + 7_200_000),
        },
      })
    ).id;
});

afterAll(async () => {
  await app?.close();
});

describe('the workbench', () => {
  it('shows the secretariat the whole agenda and where items can move; others are refused', async () => {
    const v = await view();
    expect(v.items.length).toBeGreaterThan(2);
    expect(v.items.some((i) => i.status === 'draft')).toBe(true);
    expect(v.meetings.map((m) => m.id)).toContain(otherMeetingId);
    expect(v.meetings.map((m) => m.id)).not.toContain(meetingId);
    expect((await call(MEGAN, 'GET', `/meetings/${meetingId}/workbench`)).status).toBe(403);
    expect((await call(STRANGER, 'GET', `/meetings/${meetingId}/workbench`)).status).toBe(404);
    expect(
      (await call(ALEX, 'GET', '/meetings/0b6c9a52-1f1e-4c57-9d1f-3f0c5b0d7e11/workbench')).status,
    ).toBe(404);
  });

  it('creates an item with every field, attachments open, closed and to follow', async () => {
    const before = await audit('item.created');
    const res = await call(ALEX, 'POST', `/meetings/${meetingId}/items`, {
      ...draft(),
      sectionTitle: '  Eventuelt  ',
      closed: true,
      attachments: [
        {
          title: 'Budget 2027',
          url: 'https://dokumenter.example.org/budget.pdf',
          closed: false,
          toFollow: false,
        },
        {
          title: 'Økonominotat',
          url: 'https://dokumenter.example.org/lukket/notat.pdf',
          closed: true,
          toFollow: false,
        },
        { title: 'Tilbud fra leverandør', url: null, closed: false, toFollow: false },
      ],
    });
    expect(res.status).toBe(200);
    const item = (await view()).items.find((i) => i.number === '9.1')!;
    expect(item).toMatchObject({
      title: 'Nyt punkt fra fanen',
      section: 'other',
      sectionTitle: 'Eventuelt',
      closed: true,
      status: 'draft',
      caseText: '**Resumé**\nTeksten i Markdown.',
    });
    expect(item.attachments).toEqual([
      expect.objectContaining({ title: 'Budget 2027', closed: false, toFollow: false }),
      expect.objectContaining({ title: 'Økonominotat', closed: true, toFollow: false }),
      // No link yet: it is to follow.
      expect.objectContaining({ title: 'Tilbud fra leverandør', url: null, toFollow: true }),
    ]);
    const row = await app.db.prisma.agendaItem.findUniqueOrThrow({ where: { id: item.id } });
    expect(row.recommendations).toEqual([
      'godkender oplægget',
      'tager orienteringen til efterretning',
    ]);
    expect(await audit('item.created')).toBe(before + 1);
  });

  it('refuses a number in use, bad fields and links, and anyone but the secretariat, changing nothing', async () => {
    const count = () => app.db.prisma.agendaItem.count({ where: { meetingId } });
    const n = await count();
    const taken = await call(ALEX, 'POST', `/meetings/${meetingId}/items`, draft());
    expect([taken.status, taken.json.error]).toEqual([409, 'item_number_taken']);
    for (const bad of [
      draft({ number: '9.2', title: '   ' }),
      draft({ number: 'punkt to' }),
      draft({
        number: '9.3',
        attachments: [
          { title: 'Link', url: 'javascript:alert(1)', closed: false, toFollow: false },
        ],
      }),
      draft({
        number: '9.4',
        attachments: [{ title: '', url: 'https://x.example.org', closed: false, toFollow: false }],
      }),
      draft({ number: '9.5', extra: 'felt' }),
    ]) {
      expect((await call(ALEX, 'POST', `/meetings/${meetingId}/items`, bad)).status).toBe(400);
    }
    expect(
      (await call(MEGAN, 'POST', `/meetings/${meetingId}/items`, draft({ number: '9.6' }))).status,
    ).toBe(403);
    expect(
      (await call(STRANGER, 'POST', `/meetings/${meetingId}/items`, draft({ number: '9.7' })))
        .status,
    ).toBe(404);
    expect(await count()).toBe(n);
  });

  it('changes a published item: members keep seeing what was published until the next publish', async () => {
    const alex = {
      aadObjectId: ALEX.aadObjectId,
      teamsUserId: ALEX.id,
      name: ALEX.name,
      tenantId: null,
    };
    const committee = await app.db.prisma.committee.findFirstOrThrow({ where: { name: 'DASSOS' } });
    await publishQuietly(app, committee, alex, meetingId);
    const item = (await view()).items.find((i) => i.section === 'decision')!;
    const published = item.caseText;
    const res = await call(ALEX, 'PUT', `/items/${item.id}`, {
      ...draft({ number: item.number, section: 'decision', title: item.title }),
      sectionTitle: item.sectionTitle,
      caseText: 'Rettet i fanen.',
      meetingId,
      attachments: [{ title: 'Ny bilag', url: null, closed: false, toFollow: true }],
    });
    expect(res.status).toBe(200);
    expect(res.json.moved).toBe(false);
    const after = (await view()).items.find((i) => i.id === item.id)!;
    expect(after).toMatchObject({
      caseText: 'Rettet i fanen.',
      changedSincePublish: true,
      status: 'published',
    });
    expect(after.attachments).toEqual([
      expect.objectContaining({ title: 'Ny bilag', toFollow: true }),
    ]);
    const page = (await call(MEGAN, 'GET', `/meetings/${meetingId}`)).json as {
      sections: Array<{ items: Array<{ id: string; caseText: string }> }>;
    };
    expect(page.sections.flatMap((s) => s.items).find((i) => i.id === item.id)?.caseText).toBe(
      published,
    );
  });

  it('moves an item to another meeting of the committee, where it starts over as a draft', async () => {
    const item = (await view()).items.find((i) => i.number === '9.1')!;
    const before = await audit('item.moved');
    const res = await call(ALEX, 'PUT', `/items/${item.id}`, {
      ...draft({ number: '1.1', section: item.section, title: item.title }),
      meetingId: otherMeetingId,
    });
    expect(res.status).toBe(200);
    expect(res.json.moved).toBe(true);
    expect((await view()).items.some((i) => i.id === item.id)).toBe(false);
    expect((await view(otherMeetingId)).items.find((i) => i.id === item.id)).toMatchObject({
      number: '1.1',
      status: 'draft',
    });
    expect(await audit('item.moved')).toBe(before + 1);
  });

  it('puts the agenda in a new order, across sections, renumbered and audited', async () => {
    const v = await view();
    const order = v.items.map((i) => ({ id: i.id, section: i.section }));
    // The last item goes first, into the first section.
    const last = order.pop()!;
    order.unshift({ id: last.id, section: order[0]!.section });
    const before = await audit('agenda.reordered');
    const res = await call(ALEX, 'PUT', `/meetings/${meetingId}/order`, { items: order });
    expect(res.status).toBe(200);
    const after = await view();
    expect(after.items.map((i) => i.id)).toEqual(order.map((o) => o.id));
    expect(after.items[0]).toMatchObject({
      id: last.id,
      section: order[0]!.section,
      number: expect.stringMatching(/\.1$/),
    });
    // Numbers run 1, 2, … in each section; positions follow them.
    const numbers = after.items.map((i) => i.number);
    expect(new Set(numbers).size).toBe(numbers.length);
    expect(await audit('agenda.reordered')).toBe(before + 1);
    // A published item that moved is marked changed.
    const publishedMoved = after.items.filter(
      (i) => i.status === 'published' && v.items.find((x) => x.id === i.id)?.number !== i.number,
    );
    for (const i of publishedMoved) expect(i.changedSincePublish).toBe(true);
  });

  it('refuses an order that leaves out or repeats an item, or comes from a member, changing nothing', async () => {
    const v = await view();
    const order = v.items.map((i) => ({ id: i.id, section: i.section }));
    const numbers = () => view().then((x) => x.items.map((i) => `${i.id}:${i.number}`));
    const was = await numbers();
    const short = await call(ALEX, 'PUT', `/meetings/${meetingId}/order`, {
      items: order.slice(1),
    });
    expect([short.status, short.json.error]).toEqual([409, 'conflict']);
    expect(
      (await call(ALEX, 'PUT', `/meetings/${meetingId}/order`, { items: [...order, order[0]] }))
        .status,
    ).toBe(400);
    expect(
      (await call(MEGAN, 'PUT', `/meetings/${meetingId}/order`, { items: [...order].reverse() }))
        .status,
    ).toBe(403);
    expect(
      (await call(STRANGER, 'PUT', `/meetings/${meetingId}/order`, { items: [...order].reverse() }))
        .status,
    ).toBe(404);
    expect(await numbers()).toEqual(was);
  });
});

describe('numberAgenda', () => {
  const item = (
    id: string,
    number: string,
    section: 'decision' | 'information',
    sectionTitle: string | null = null,
  ) => ({
    id,
    number,
    section,
    sectionTitle,
  });

  it('numbers by section where the agenda does, a moved item taking its new section’s heading', () => {
    const items = [
      item('a', '1.1', 'decision', 'Beslutning'),
      item('b', '1.2', 'decision', 'Beslutning'),
      item('c', '2.1', 'information', 'Orientering'),
    ];
    expect(
      numberAgenda(items, [
        { id: 'c', section: 'decision' },
        { id: 'a', section: 'decision' },
        { id: 'b', section: 'information' },
      ]),
    ).toEqual([
      { id: 'c', number: '1.1', section: 'decision', sectionTitle: 'Beslutning' },
      { id: 'a', number: '1.2', section: 'decision', sectionTitle: 'Beslutning' },
      { id: 'b', number: '2.1', section: 'information', sectionTitle: 'Orientering' },
    ]);
  });

  it('counts on from the first number in a flat agenda', () => {
    const items = [
      item('a', '3', 'decision'),
      item('b', '4', 'decision'),
      item('c', '5', 'information'),
    ];
    expect(
      numberAgenda(items, [
        { id: 'b', section: 'decision' },
        { id: 'a', section: 'decision' },
        { id: 'c', section: 'information' },
      ]).map((i) => i.number),
    ).toEqual(['3', '4', '5']);
  });
});
