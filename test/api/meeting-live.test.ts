// The item under discussion in a held meeting (the Teams meeting's side panel), over HTTP as
// the tab calls it: who reads it, who moves it, the 304 while it stands, two people of the
// secretariat moving at once, the audit record, and a closed item under discussion as a
// stand-in (no member) sees it: that it is closed, never its content.
import { startTestApp, type TestApp } from '../support/app';
import { ALEX, MEGAN, STRANGER } from '../support/activities';
import { callTab } from '../support/tab-client';
import { publishQuietly } from '../support/publish-quietly';

const ADELE = { aadObjectId: '00000000-0000-0000-0000-0000000000022' };
/** Named stand-in for Megan at this meeting: no member of the committee. */
const STAND_IN = { aadObjectId: '7d0f3a51-9c2e-4b8a-a1d4-3e5f6a7b8c9d' };
const CLOSED_TEXT = 'Fortrolig sag om en enkelt borgers anbringelse.';

let app: TestApp;
let meetingId = '';
let otherMeetingId = '';
/** The published items in agenda order. */
let items: Array<{ id: string; number: string; title: string }> = [];
let draftItemId = '';

type Live = {
  meetingId: string;
  version: number;
  currentItemId: string | null;
  changedAt: string | null;
};

const call = (
  who: { aadObjectId: string },
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
) => callTab(app.url, who, method, path, body, headers);
const live = async (who: { aadObjectId: string } = MEGAN) =>
  (await call(who, 'GET', `/meetings/${meetingId}/live`)).json as unknown as Live;
const move = (who: { aadObjectId: string }, body: unknown, id = meetingId) =>
  call(who, 'PUT', `/meetings/${id}/current-item`, body);
const audits = () =>
  app.db.prisma.auditEvent.findMany({
    where: { action: 'meeting.current_item' },
    orderBy: { at: 'asc' },
  });

beforeAll(async () => {
  app = await startTestApp({}, true);
  const { prisma } = app.db;
  const committee = await prisma.committee.findFirstOrThrow({ where: { name: 'DASSOS' } });
  const adele = await prisma.person.findUniqueOrThrow({
    where: { aadObjectId: ADELE.aadObjectId },
  });
  await prisma.membership.updateMany({
    where: { committeeId: committee.id, personId: adele.id },
    data: { role: 'observer' },
  });
  const meetings = await prisma.meeting.findMany({
    where: { committeeId: committee.id, items: { some: { status: 'draft' } } },
    orderBy: { startsAt: 'asc' },
  });
  meetingId = meetings[0]!.id;
  otherMeetingId = (
    await prisma.meeting.findFirstOrThrow({
      where: { committeeId: committee.id, id: { not: meetingId }, agendaPublishedAt: null },
    })
  ).id;
  const alex = {
    aadObjectId: ALEX.aadObjectId,
    teamsUserId: ALEX.id,
    name: ALEX.name,
    tenantId: null,
  };
  await publishQuietly(app, committee, alex, meetingId);
  items = (
    await prisma.agendaItem.findMany({ where: { meetingId }, orderBy: { position: 'asc' } })
  ).map((i) => ({ id: i.id, number: i.number, title: i.title }));
  // A draft made after publishing: never under discussion.
  const draft = await app.services.agenda.saveItem(alex, {
    itemId: null,
    meetingId,
    draft: {
      number: '9.9',
      section: 'other',
      title: 'Nyt udkast',
      presenter: null,
      recommendationIntro: null,
      recommendations: [],
      caseText: 'Udkast.',
    },
  });
  draftItemId = draft.item.id;
  // The second item is closed («Lukket punkt»), and Megan has sent a stand-in.
  await prisma.agendaItem.update({
    where: { id: items[1]!.id },
    data: {
      closed: true,
      caseText: CLOSED_TEXT,
      published: {
        ...((await prisma.agendaItem.findUniqueOrThrow({ where: { id: items[1]!.id } }))
          .published as object),
        caseText: CLOSED_TEXT,
      },
    },
  });
  const standIn = await prisma.person.create({
    data: { displayName: 'Stedfortræder Sørensen', aadObjectId: STAND_IN.aadObjectId },
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

describe('the item under discussion', () => {
  it('is none before the secretariat starts, tagged with its version, and 304 while it stands', async () => {
    const first = await call(MEGAN, 'GET', `/meetings/${meetingId}/live`);
    expect(first.status).toBe(200);
    expect(first.json).toEqual({ meetingId, version: 0, currentItemId: null, changedAt: null });
    expect(first.etag).toBe(`"${meetingId}:0"`);
    const again = await call(MEGAN, 'GET', `/meetings/${meetingId}/live`, undefined, {
      'if-none-match': first.etag!,
    });
    expect([again.status, again.text]).toEqual([304, '']);
    // Another tag is no match.
    expect(
      (
        await call(MEGAN, 'GET', `/meetings/${meetingId}/live`, undefined, {
          'if-none-match': '"x:0"',
        })
      ).status,
    ).toBe(200);
  });

  it('is read by members, observers and named stand-ins; anyone else is told the meeting does not exist', async () => {
    for (const who of [MEGAN, ADELE, ALEX, STAND_IN])
      expect((await call(who, 'GET', `/meetings/${meetingId}/live`)).status).toBe(200);
    expect((await call(STRANGER, 'GET', `/meetings/${meetingId}/live`)).status).toBe(404);
    // Nor does 304 tell a stranger anything.
    expect(
      (
        await call(STRANGER, 'GET', `/meetings/${meetingId}/live`, undefined, {
          'if-none-match': `"${meetingId}:0"`,
        })
      ).status,
    ).toBe(404);
    expect(
      (await call(MEGAN, 'GET', `/meetings/0b6c9a52-1f1e-4c57-9d1f-3f0c5b0d7e11/live`)).status,
    ).toBe(404);
  });

  it('is moved by the secretariat only: members, observers and stand-ins are refused and change nothing', async () => {
    expect((await move(MEGAN, { move: 'next', version: 0 })).status).toBe(403);
    expect((await move(ADELE, { move: 'next', version: 0 })).status).toBe(403);
    expect((await move(STAND_IN, { move: 'next', version: 0 })).status).toBe(403);
    expect((await move(STRANGER, { move: 'next', version: 0 })).status).toBe(404);
    expect(await live()).toMatchObject({ version: 0, currentItemId: null });
    expect(await audits()).toHaveLength(0);
  });

  it('moves on, back and to a chosen item through the published agenda, each move audited', async () => {
    const tag = (await call(MEGAN, 'GET', `/meetings/${meetingId}/live`)).etag!;
    const first = await move(ALEX, { move: 'next', version: 0 });
    expect(first.status).toBe(200);
    expect(first.json).toMatchObject({ version: 1, currentItemId: items[0]!.id });
    // The old tag no longer matches: the panel gets the new state.
    const seen = await call(MEGAN, 'GET', `/meetings/${meetingId}/live`, undefined, {
      'if-none-match': tag,
    });
    expect(seen.status).toBe(200);
    expect(seen.json).toMatchObject({ version: 1, currentItemId: items[0]!.id });
    expect((await move(ALEX, { move: 'next', version: 1 })).json).toMatchObject({
      version: 2,
      currentItemId: items[1]!.id,
    });
    expect((await move(ALEX, { move: 'previous', version: 2 })).json).toMatchObject({
      version: 3,
      currentItemId: items[0]!.id,
    });
    expect((await move(ALEX, { itemId: items[2]!.id, version: 3 })).json).toMatchObject({
      version: 4,
      currentItemId: items[2]!.id,
    });
    const rows = await audits();
    expect(rows.map((r) => (r.data as { number: string }).number)).toEqual([
      items[0]!.number,
      items[1]!.number,
      items[0]!.number,
      items[2]!.number,
    ]);
    expect(rows[3]).toMatchObject({
      subjectType: 'meeting',
      subjectId: meetingId,
      correlationId: expect.any(String),
    });
    expect(rows[3]!.data).toMatchObject({
      actorName: 'Alex Wilber',
      from: items[0]!.id,
      itemId: items[2]!.id,
      version: 4,
    });
    expect(rows[3]!.actorId).toBeTruthy();
  });

  it('refuses a move from a version someone has moved on from: two pressing "next" at once move one item', async () => {
    const { version, currentItemId } = await live();
    const at = items.findIndex((i) => i.id === currentItemId);
    const both = await Promise.all([
      move(ALEX, { move: 'next', version }),
      move(ALEX, { move: 'next', version }),
    ]);
    expect(both.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(await live()).toMatchObject({ version: version + 1, currentItemId: items[at + 1]!.id });
    const stale = await move(ALEX, { itemId: items[0]!.id, version });
    expect(stale.status).toBe(409);
    expect(await live()).toMatchObject({ version: version + 1, currentItemId: items[at + 1]!.id });
  });

  it('takes no draft, no item of another meeting, and nothing beyond either end', async () => {
    let { version } = await live();
    expect((await move(ALEX, { itemId: draftItemId, version })).status).toBe(404);
    const elsewhere = await app.db.prisma.agendaItem.findFirstOrThrow({
      where: { meetingId: otherMeetingId },
    });
    expect((await move(ALEX, { itemId: elsewhere.id, version })).status).toBe(404);
    ({ version } = (await move(ALEX, { itemId: items.at(-1)!.id, version }))
      .json as unknown as Live);
    expect((await move(ALEX, { move: 'next', version })).status).toBe(400);
    ({ version } = (await move(ALEX, { itemId: items[0]!.id, version })).json as unknown as Live);
    expect((await move(ALEX, { move: 'previous', version })).status).toBe(400);
    // None under discussion: the secretariat may clear it.
    expect((await move(ALEX, { itemId: null, version })).json).toMatchObject({
      version: version + 1,
      currentItemId: null,
    });
    expect(
      (await move(ALEX, { move: 'next', version: version + 1, itemId: items[0]!.id })).status,
    ).toBe(400);
    expect((await move(ALEX, { move: 'sideways', version: version + 1 })).status).toBe(400);
  });

  it('answers 409 for a meeting whose agenda has not gone out', async () => {
    expect((await move(ALEX, { move: 'next', version: 0 }, otherMeetingId)).status).toBe(409);
  });

  it('shows a stand-in that a closed item is under discussion, never its content; members read it', async () => {
    const { version } = await live();
    expect((await move(ALEX, { itemId: items[1]!.id, version })).status).toBe(200);
    expect((await live(STAND_IN)).currentItemId).toBe(items[1]!.id);
    type Page = {
      role: string;
      sections: Array<{
        items: Array<{
          id: string;
          title: string;
          closed: boolean;
          caseText: string;
          presenter: string | null;
          recommendations: string[];
          attachments: unknown[];
        }>;
      }>;
    };
    const pageOf = async (who: { aadObjectId: string }) =>
      (await call(who, 'GET', `/meetings/${meetingId}`)).json as unknown as Page;
    const standIn = await pageOf(STAND_IN);
    expect(standIn.role).toBe('stand_in');
    const closed = standIn.sections.flatMap((s) => s.items).find((i) => i.id === items[1]!.id)!;
    expect(closed).toMatchObject({
      closed: true,
      title: items[1]!.title,
      caseText: '',
      presenter: null,
      recommendations: [],
      attachments: [],
    });
    expect(JSON.stringify(standIn)).not.toContain(CLOSED_TEXT);
    for (const who of [MEGAN, ADELE]) {
      const item = (await pageOf(who)).sections
        .flatMap((s) => s.items)
        .find((i) => i.id === items[1]!.id)!;
      expect(item).toMatchObject({ closed: true, caseText: CLOSED_TEXT });
    }
    // An open item reaches the stand-in whole.
    const open = standIn.sections.flatMap((s) => s.items).find((i) => i.id === items[0]!.id)!;
    expect(open.closed).toBe(false);
  });
});
