// The meeting page is made once for every reader of a kind (the secretariat, members who
// answer, observers, named stand-ins) and its JSON written once for all of them, from the
// read caches (kept for minutes here, as on the embedded database). Over HTTP as the tab
// calls it, with every reader's page read before each change so that a stale one would
// show: a member's answer shows at once on their page and in everyone's counts, never in
// another's own answers; an apology at once; an edit at once to the secretariat and to
// members only when published; a closed item's content never reaches a stand-in, whoever
// read the page before them; an observer never gets a closed attachment's link.
import { startTestApp, type TestApp } from '../support/app';
import { ALEX, MEGAN, STRANGER } from '../support/activities';
import { callTab } from '../support/tab-client';
import { publishQuietly } from '../support/publish-quietly';

/** Members who answer (the playground's). */
const ISAIAH = { aadObjectId: '00000000-0000-0000-0000-0000000000023' };
/** An observer (made so below). */
const ADELE = { aadObjectId: '00000000-0000-0000-0000-0000000000022' };
/** Named stand-in for Megan at this meeting: no member of the committee. */
const STAND_IN = { aadObjectId: '5c2e8f1a-7b3d-4e9f-a0c1-2d3e4f5a6b7c' };
const CLOSED_TEXT = 'Fortrolig sag om en enkelt borgers forhold.';
const CLOSED_URL = 'https://dokumenter.example.org/lukket/borgersag.pdf';
const EDITED = 'Sagsfremstillingen som rettet efter udsendelsen.';

type Item = {
  id: string;
  title: string;
  caseText: string;
  closed: boolean;
  draft: boolean;
  presenter: string | null;
  tally: Record<string, number>;
  byOrganisation: Record<string, number[]>;
  attachments: Array<{ title: string; closed: boolean; url: string | null }>;
};
type Page = {
  role: string;
  sections: Array<{ items: Item[] }>;
  myAnswers: Record<string, string>;
  attendance: { mine: { attendance: string } | null } | null;
  forecast: { counts: { absent: number }; open: boolean; organisations?: unknown[] };
};

let app: TestApp;
let meetingId = '';
let committee: { id: string };
/** The published items in agenda order: [0] a decision item, [1] closed. */
let items: Array<{ id: string; number: string; title: string }> = [];
const alex = {
  aadObjectId: ALEX.aadObjectId,
  teamsUserId: ALEX.id,
  name: ALEX.name,
  tenantId: null,
};

const call = (who: { aadObjectId: string }, method: string, path: string, body?: unknown) =>
  callTab(app.url, who, method, path, body);
const page = async (who: { aadObjectId: string }) => {
  const res = await call(who, 'GET', `/meetings/${meetingId}`);
  expect(res.status).toBe(200);
  return { ...(res.json as Page), text: res.text };
};
const item = (p: Page, id: string) => p.sections.flatMap((s) => s.items).find((i) => i.id === id);
type Read = Awaited<ReturnType<typeof page>>;
const READERS = [ALEX, MEGAN, ISAIAH, ADELE, STAND_IN];
/**
 * Every reader's page, read now one after the other (`order`: who asks first), in the
 * order secretariat, Megan, Isaiah (members), Adele (observer), the stand-in.
 */
const readAll = async (order = [0, 1, 2, 3, 4]): Promise<[Read, Read, Read, Read, Read]> => {
  const read: Read[] = [];
  for (const i of order) read[i] = await page(READERS[i]!);
  return [read[0]!, read[1]!, read[2]!, read[3]!, read[4]!];
};

beforeAll(async () => {
  app = await startTestApp({}, true);
  const { prisma } = app.db;
  committee = await prisma.committee.findFirstOrThrow({ where: { name: 'DASSOS' } });
  const adele = await prisma.person.findUniqueOrThrow({
    where: { aadObjectId: ADELE.aadObjectId },
  });
  await prisma.membership.updateMany({
    where: { committeeId: committee.id, personId: adele.id },
    data: { role: 'observer' },
  });
  meetingId = (
    await prisma.meeting.findFirstOrThrow({
      where: { committeeId: committee.id, items: { some: { status: 'draft' } } },
      orderBy: { startsAt: 'asc' },
    })
  ).id;
  const ordered = await prisma.agendaItem.findMany({
    where: { meetingId },
    orderBy: { position: 'asc' },
  });
  const decision = ordered.find((i) => i.sectionKind === 'decision')!;
  const other = ordered.find((i) => i.id !== decision.id)!;
  // The second item is closed, with a closed attachment, before the agenda goes out.
  await app.services.agenda.saveItem(alex, {
    itemId: other.id,
    meetingId,
    draft: {
      number: other.number,
      section: other.sectionKind,
      sectionTitle: other.sectionTitle,
      title: other.title,
      presenter: 'Ved sekretariatet',
      recommendationIntro: null,
      recommendations: [],
      caseText: CLOSED_TEXT,
      closed: true,
      attachments: [{ title: 'Notat om borgeren', url: CLOSED_URL, closed: true, toFollow: false }],
    },
  });
  await publishQuietly(app, committee, alex, meetingId);
  items = [decision, other].map((i) => ({ id: i.id, number: i.number, title: i.title }));
  const standIn = await prisma.person.create({
    data: { displayName: 'Stedfortræder Olsen', aadObjectId: STAND_IN.aadObjectId },
  });
  const megan = await prisma.person.findUniqueOrThrow({
    where: { aadObjectId: MEGAN.aadObjectId },
  });
  await prisma.meetingAttendance.create({
    data: { meetingId, personId: megan.id, attendance: 'absent', standInId: standIn.id },
  });
}, 60_000);

afterAll(async () => {
  await app?.close();
});

describe('the meeting page shared between readers', () => {
  it('gives each kind of reader its own view, whoever asked first', async () => {
    // The stand-in first, then members, then the stand-in again: neither view leaks into the other.
    for (const round of [0, 1]) {
      const [secretariat, megan, isaiah, observer, standIn] = await readAll(
        round ? [0, 1, 2, 3, 4] : [4, 1, 2, 3, 0],
      );
      expect([secretariat.role, megan.role, isaiah.role, observer.role, standIn.role]).toEqual([
        'secretariat',
        'member',
        'member',
        'observer',
        'stand_in',
      ]);
      const closedFor = (p: Page) => item(p, items[1]!.id)!;
      expect(closedFor(standIn)).toMatchObject({
        closed: true,
        caseText: '',
        presenter: null,
        attachments: [],
      });
      expect(standIn.text).not.toContain(CLOSED_TEXT);
      expect(standIn.text).not.toContain(CLOSED_URL);
      expect(closedFor(megan)).toMatchObject({ caseText: CLOSED_TEXT });
      expect(closedFor(megan).attachments).toEqual([
        expect.objectContaining({ closed: true, url: CLOSED_URL }),
      ]);
      expect(closedFor(observer)).toMatchObject({ caseText: CLOSED_TEXT });
      expect(closedFor(observer).attachments).toEqual([
        expect.objectContaining({ closed: true, url: null }),
      ]);
      expect(observer.text).not.toContain(CLOSED_URL);
      // The breakdown by organisation is the secretariat's.
      expect(secretariat.forecast.organisations).toBeDefined();
      expect(megan.forecast.organisations).toBeUndefined();
    }
    expect((await call(STRANGER, 'GET', `/meetings/${meetingId}`)).status).toBe(404);
  });

  it("shows a member's answer at once: theirs on their page, counted on everyone's, in no one else's own answers", async () => {
    const id = items[0]!.id;
    const before = await readAll();
    expect(before.every((p) => p.myAnswers[id] === undefined)).toBe(true);
    const counted = item(before[0], id)!.tally.can_approve!;
    expect(
      (await call(MEGAN, 'PUT', `/items/${id}/position`, { kind: 'can_approve' })).status,
    ).toBe(200);
    const [secretariat, megan, isaiah, observer, standIn] = await readAll();
    expect(megan.myAnswers).toEqual({ [id]: 'can_approve' });
    for (const p of [secretariat, isaiah, observer, standIn]) {
      expect(p.myAnswers).toEqual({});
      expect(item(p, id)!.tally.can_approve).toBe(counted + 1);
    }
    expect(item(megan, id)!.tally.can_approve).toBe(counted + 1);
    // Another member's answer: theirs, and Megan's stays hers.
    expect(
      (await call(ISAIAH, 'PUT', `/items/${id}/position`, { kind: 'cannot_approve' })).status,
    ).toBe(200);
    const after = await readAll();
    expect(after[1].myAnswers).toEqual({ [id]: 'can_approve' });
    expect(after[2].myAnswers).toEqual({ [id]: 'cannot_approve' });
    expect(item(after[3], id)!.byOrganisation.cannot_approve!.reduce((a, b) => a + b, 0)).toBe(1);
    // Changed: the new answer at once.
    expect(
      (await call(MEGAN, 'PUT', `/items/${id}/position`, { kind: 'wants_discussion' })).status,
    ).toBe(200);
    const changed = await page(MEGAN);
    expect(changed.myAnswers).toEqual({ [id]: 'wants_discussion' });
    expect(item(changed, id)!.tally).toMatchObject({
      can_approve: counted,
      wants_discussion: 1,
      cannot_approve: 1,
    });
  });

  it('shows an apology at once: in the member’s own attendance and everyone’s counts', async () => {
    const before = await readAll();
    expect(before[2].attendance!.mine).toBeNull();
    const absent = before[0].forecast.counts.absent;
    const res = await call(ISAIAH, 'PUT', `/meetings/${meetingId}/attendance`, {
      attendance: 'absent',
      note: null,
    });
    expect(res.status).toBe(200);
    const after = await readAll();
    expect(after[2].attendance!.mine).toMatchObject({ attendance: 'absent' });
    // Megan's own is her own (absent, with her stand-in), not Isaiah's.
    expect(after[1].attendance!.mine).toMatchObject({ attendance: 'absent' });
    expect(after[4].attendance).toBeNull();
    for (const p of after) expect(p.forecast.counts.absent).toBe(absent + 1);
  });

  it('shows an edit at once to the secretariat, to members when it is published', async () => {
    const id = items[0]!.id;
    const original = item((await readAll())[1], id)!.caseText;
    const current = await app.db.prisma.agendaItem.findUniqueOrThrow({ where: { id } });
    await app.services.agenda.saveItem(alex, {
      itemId: id,
      meetingId,
      draft: {
        number: current.number,
        section: current.sectionKind,
        sectionTitle: current.sectionTitle,
        title: current.title,
        presenter: current.presenter,
        recommendationIntro: current.recommendationIntro,
        recommendations: current.recommendations as string[],
        caseText: EDITED,
      },
    });
    const edited = await readAll();
    expect(item(edited[0], id)).toMatchObject({ caseText: EDITED, draft: true });
    for (const p of edited.slice(1)) {
      expect(item(p, id)!.caseText).toBe(original);
      expect(p.text).not.toContain(EDITED);
    }
    await publishQuietly(app, committee, alex, meetingId);
    const published = await readAll();
    for (const p of published) expect(item(p, id)!.caseText).toBe(EDITED);
    expect(item(published[0], id)!.draft).toBe(false);
    // The closed item is still closed to the stand-in after the publish.
    expect(item(published[4], items[1]!.id)).toMatchObject({ closed: true, caseText: '' });
    expect(published[4].text).not.toContain(CLOSED_TEXT);
  });
});
