// Download links and calendar feed addresses carry their secret in the path: no log line
// may hold it, whatever the method (HEAD and POST are refused, and were logged with their
// path). Links expire after FILE_LINK_DAYS, and a file issued again gets a new link: the
// old one answers 404, the agenda's attachment follows.
import { startTestApp, NOW, type TestApp } from '../support/app';
import { ALEX, MEGAN, TENANT } from '../support/activities';
import type { Actor } from '../../src/domain/shared/types';

let app: TestApp;
let meetingId = '';
let committeeId = '';
const T1 = 'Tok3n_one-AAAAAAAAAAAAAAAAAAAAAAA';
const DAY = 86_400_000;
const actor: Actor = { aadObjectId: ALEX.aadObjectId, teamsUserId: ALEX.id, name: ALEX.name, tenantId: TENANT };

beforeAll(async () => {
  app = await startTestApp({ FILE_LINK_DAYS: '30' }, true);
  const meeting = await app.db.prisma.meeting.findFirstOrThrow({ where: { items: { some: {} } }, orderBy: { startsAt: 'asc' } });
  meetingId = meeting.id;
  committeeId = meeting.committeeId;
  await app.db.prisma.minutes.create({
    data: { meetingId, status: 'published', markdown: '# Referat\n', docx: Buffer.from([80, 75, 3, 4]), token: T1, tokenIssuedAt: new Date(Date.parse(NOW) - DAY), builtAt: new Date(NOW), publishedAt: new Date(NOW) },
  });
  const item = await app.db.prisma.agendaItem.findFirstOrThrow({ where: { meetingId } });
  await app.db.prisma.attachment.create({ data: { agendaItemId: item.id, title: 'Referat fra mødet', url: `http://localhost:0/files/minutes/${meetingId}/${T1}.docx` } });
});
afterAll(async () => app?.close());

const minutesLink = (token: string, ext = 'docx') => `${app.url}/files/minutes/${meetingId}/${token}.${ext}`;
const tokenOf = async () => (await app.db.prisma.minutes.findUniqueOrThrow({ where: { meetingId } })).token;

describe('secrets stay out of the log', () => {
  it('logs HEAD, POST, PUT and GET to a valid link and a feed address by route, never with the token', async () => {
    const feedToken = await app.services.calendar.feedLink((await app.services.committees.byId(committeeId))!, actor).then((l) => l.token);
    const feed = `${app.url}/calendar/dassos/${feedToken}.ics`;
    expect((await fetch(minutesLink(T1))).status).toBe(200);
    expect((await fetch(feed)).status).toBe(200);
    const refused: number[] = [];
    for (const url of [minutesLink(T1), minutesLink(T1, 'md'), feed]) {
      for (const method of ['HEAD', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS']) refused.push((await fetch(url, { method, body: method === 'POST' || method === 'PUT' ? 'x' : undefined })).status);
    }
    // Wrong paths under the same prefixes, and with the token where a route would not expect it.
    refused.push((await fetch(`${app.url}/files/minutes/${meetingId}/${T1}.docx/extra`)).status);
    refused.push((await fetch(`${app.url}/calendar/${feedToken}`)).status);
    refused.push((await fetch(minutesLink(T1, 'pdf'))).status);
    expect(refused.every((s) => s >= 400 && s < 500)).toBe(true);
    const logged = app.logs.map((l) => JSON.stringify(l)).join('\n');
    expect(app.logs.some((l) => l.msg === 'request refused' && l.route)).toBe(true);
    expect(logged).not.toContain(T1);
    expect(logged).not.toContain(feedToken);
  });
});

describe('minutes links', () => {
  it('expire FILE_LINK_DAYS after they were issued, and the secretariat looking at the minutes gets a new one', async () => {
    await app.db.prisma.minutes.update({ where: { meetingId }, data: { tokenIssuedAt: new Date(Date.parse(NOW) - 29 * DAY) } });
    expect((await fetch(minutesLink(T1))).status).toBe(200);
    await app.db.prisma.minutes.update({ where: { meetingId }, data: { tokenIssuedAt: new Date(Date.parse(NOW) - 30 * DAY - 1000) } });
    expect((await fetch(minutesLink(T1))).status).toBe(404);
    expect((await fetch(minutesLink(T1, 'md'))).status).toBe(404);

    const committee = (await app.services.committees.byId(committeeId))!;
    const view = await app.services.minutes.draft(committee, actor, meetingId);
    expect(view.minutes.token).not.toBe(T1);
    expect((await fetch(minutesLink(view.minutes.token))).status).toBe(200);
    expect((await fetch(minutesLink(T1))).status).toBe(404);
    const attachment = await app.db.prisma.attachment.findFirstOrThrow({ where: { title: 'Referat fra mødet' } });
    expect(attachment.url).toBe(`http://localhost:0/files/minutes/${meetingId}/${view.minutes.token}.docx`);
  });

  it('are replaced when the minutes are issued again: the old link answers 404, the new one works', async () => {
    const before = await tokenOf();
    const minutes = await app.db.prisma.minutes.findUniqueOrThrow({ where: { meetingId } });
    await app.db.prisma.minutesCorrection.create({ data: { minutesId: minutes.id, note: 'Et navn var stavet forkert.', correctedAt: new Date(NOW) } });
    expect(await app.services.minutes.reissue(meetingId)).toBe(true);
    const after = await tokenOf();
    expect(after).not.toBe(before);
    expect((await fetch(minutesLink(before))).status).toBe(404);
    const fresh = await fetch(minutesLink(after, 'md'));
    expect(fresh.status).toBe(200);
    expect(await fresh.text()).toContain('Et navn var stavet forkert.');
    expect((await app.db.prisma.attachment.findFirstOrThrow({ where: { title: 'Referat fra mødet' } })).url).toContain(`/${after}.docx`);
  });
});

describe('input note links', () => {
  const TITLE = 'Temaer til dialogmødet';
  let requestId = '';
  const noteLink = (token: string) => `${app.url}/files/input-notes/${requestId}/${token}.docx`;
  const noteToken = async () => (await app.db.prisma.inputRequest.findUniqueOrThrow({ where: { id: requestId } })).noteToken!;

  beforeAll(async () => {
    const request = await app.db.prisma.inputRequest.create({
      data: { committeeId, title: TITLE, questions: ['Hvilke temaer?'], deadline: new Date(Date.parse(NOW) - DAY), status: 'closed' },
    });
    requestId = request.id;
    await app.scheduler.tick();
  });

  it('are replaced when the note is compiled again', async () => {
    const first = await noteToken();
    expect((await fetch(noteLink(first))).status).toBe(200);
    await app.services.inputs.compileNow((await app.services.committees.byId(committeeId))!, actor, TITLE);
    const second = await noteToken();
    expect(second).not.toBe(first);
    expect((await fetch(noteLink(first))).status).toBe(404);
    expect((await fetch(noteLink(second))).status).toBe(200);
  });

  it('expire FILE_LINK_DAYS after they were issued; the secretariat viewing the note gets a new one', async () => {
    const token = await noteToken();
    await app.db.prisma.inputRequest.update({ where: { id: requestId }, data: { noteTokenIssuedAt: new Date(Date.parse(NOW) - 31 * DAY) } });
    expect((await fetch(noteLink(token))).status).toBe(404);
    const view = await app.services.inputs.noteView(actor, requestId);
    expect(view.token).not.toBe(token);
    expect((await fetch(noteLink(view.token))).status).toBe(200);
  });
});

describe('calendar feed address', () => {
  it('does not expire, and the secretariat can replace it: the old address answers 404, the new one works', async () => {
    const committee = (await app.services.committees.byId(committeeId))!;
    const { token: old } = await app.services.calendar.feedLink(committee, actor);
    const feed = (token: string) => `${app.url}/calendar/${committee.slug}/${token}.ics`;
    expect((await fetch(feed(old))).status).toBe(200);
    const megan: Actor = { aadObjectId: MEGAN.aadObjectId, teamsUserId: MEGAN.id, name: MEGAN.name, tenantId: TENANT };
    await expect(app.services.calendar.replaceFeedLink(committee, megan)).rejects.toMatchObject({ code: 'not_secretariat' });
    const { token } = await app.services.calendar.replaceFeedLink(committee, actor);
    expect(token).not.toBe(old);
    expect((await fetch(feed(old))).status).toBe(404);
    expect((await fetch(feed(token))).status).toBe(200);
    expect((await app.services.calendar.feedLink(committee, megan)).token).toBe(token);
    expect(await app.db.prisma.auditEvent.count({ where: { action: 'calendar.feed_replaced' } })).toBe(1);
  });
});
