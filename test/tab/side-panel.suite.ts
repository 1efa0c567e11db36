/// <reference lib="dom" />
// The Teams meeting's side panel in Chromium, inside the Teams stand-in (a meeting context,
// frame context sidePanel), at its 320 px: the configuration picks the committee meeting
// with no typing; the secretariat moves the discussion on by keyboard and a member's panel,
// open in another page, follows and announces the new item; answers from the panel; axe
// clean in the light, dark and high-contrast themes.
import path from 'node:path';
import type { Frame } from 'playwright-core';
import { startTestApp, type TestApp } from '../support/app';
import { ALEX, MEGAN } from '../support/activities';
import { until } from '../support/until';
import {
  axeViolations,
  browse,
  type Browsing,
  type HostOptions,
  buildTab,
  chromiumSuite,
  fits,
  SHOTS,
  saveConfiguration,
} from '../support/teams-host';
import { tabTo } from '../support/keyboard';
import { publishQuietly } from '../support/publish-quietly';

/** The Teams meeting's chat thread, and its join link as Outlook stores it on the meeting. */
const CHAT = '19:meeting_NzQ2ZjM4YjQtZGFzc29z@thread.v2';
const JOIN_URL = `https://teams.microsoft.com/l/meetup-join/${encodeURIComponent(CHAT)}/0?context=%7b%22Tid%22%3a%22t%22%7d`;
const PANEL = { width: 320, height: 720 };
/** Named stand-in for Megan at this meeting: no member of the committee. */
const STAND_IN = { aadObjectId: '7d0f3a51-9c2e-4b8a-a1d4-3e5f6a7b8c9d' };
const CLOSED_TEXT = 'Fortrolig sag om en enkelt borgers anbringelse.';

const run = chromiumSuite();

let app: TestApp;
let secretariat: Browsing;
let member: Browsing;
let meetingId = '';
let items: Array<{ id: string; number: string; title: string; sectionKind: string }> = [];

const context = (who: { aadObjectId: string }, extra: Record<string, unknown> = {}) => ({
  userObjectId: who.aadObjectId,
  locale: 'da-dk',
  theme: 'default',
  tid: '00000000-0000-0000-0000-0000000000001',
  meetingId: 'MCMxOTptZWV0aW5nX05aUTJaak0=',
  chatId: CHAT,
  frameContext: 'sidePanel',
  ...extra,
});
const panel = (who: { aadObjectId: string }, extra: Record<string, unknown> = {}): HostOptions => ({
  src: `/tab/index.html?view=panel&meeting=${meetingId}`,
  frameContext: 'sidePanel',
  context: context(who, { entityId: `dagsorden-meeting-${meetingId}`, ...extra }),
});

const currentTitle = (frame: Frame) =>
  frame.textContent('section[aria-labelledby="panel-current"] h3');
/** Waits until the panel shows `item` as the one under discussion (the test's timeout bounds it). */
const shows = (frame: Frame, item: { number: string; title: string }) =>
  frame.waitForFunction(
    (text) =>
      document.querySelector('section[aria-labelledby="panel-current"] h3')?.textContent === text,
    `${item.number} ${item.title}`,
  );

run('the meeting side panel', () => {
  beforeAll(async () => {
    buildTab();
    app = await startTestApp({}, true);
    const { prisma } = app.db;
    const committee = await prisma.committee.findFirstOrThrow({ where: { name: 'DASSOS' } });
    const meeting = await prisma.meeting.findFirstOrThrow({
      where: { committeeId: committee.id, items: { some: { status: 'draft' } } },
      orderBy: { startsAt: 'asc' },
    });
    meetingId = meeting.id;
    await prisma.meeting.update({ where: { id: meetingId }, data: { onlineUrl: JOIN_URL } });
    const alex = {
      aadObjectId: ALEX.aadObjectId,
      teamsUserId: ALEX.id,
      name: ALEX.name,
      tenantId: null,
    };
    await publishQuietly(app, committee, alex, meetingId);
    items = await prisma.agendaItem.findMany({
      where: { meetingId },
      orderBy: { position: 'asc' },
      select: { id: true, number: true, title: true, sectionKind: true },
    });
    // The last item is closed («Lukket punkt»), and Megan has sent a stand-in.
    const closed = await prisma.agendaItem.findUniqueOrThrow({ where: { id: items.at(-1)!.id } });
    await prisma.agendaItem.update({
      where: { id: closed.id },
      data: {
        closed: true,
        caseText: CLOSED_TEXT,
        published: { ...(closed.published as object), caseText: CLOSED_TEXT },
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
    secretariat = await browse(app.url, PANEL);
    member = await browse(app.url, PANEL, secretariat.browser);
  }, 120_000);

  afterAll(async () => {
    await member?.close();
    await secretariat?.close();
    await app?.close();
  });

  it('configuration in a Teams meeting: the committee meeting with this meeting’s link is chosen, and saved as the panel', async () => {
    const frame = await secretariat.open(
      { src: '/tab/index.html?view=config', frameContext: 'settings', context: context(ALEX) },
      'text=Vælg møde',
    );
    await frame.waitForSelector('text=Foreslået, fordi mødelinket er det samme.');
    const checked = await frame.$$eval('input[type="radio"]:checked', (r) => r.length);
    expect(checked).toBe(1);
    expect(await axeViolations(frame)).toEqual([]);
    expect(await fits(frame)).toBe(true);
    // Another meeting by keyboard, then back: no typing anywhere.
    await secretariat.page.keyboard.press('Tab');
    await secretariat.page.keyboard.press('ArrowDown');
    await frame.waitForFunction(() => !document.body.textContent?.includes('Foreslået'));
    await secretariat.page.keyboard.press('ArrowUp');
    const saved = await saveConfiguration(secretariat.page);
    expect(saved.result).toBe('success');
    expect(saved.config).toMatchObject({
      contentUrl: `${app.url}/tab/index.html?view=panel&meeting=${meetingId}`,
      entityId: `dagsorden-meeting-${meetingId}`,
    });
  });

  it('a member’s panel follows the secretariat’s “next item” and says so to a screen reader', async () => {
    const [mine, theirs] = await Promise.all([
      member.open(panel(MEGAN), '#panel-current'),
      secretariat.open(panel(ALEX), '#panel-controls'),
    ]);
    expect(await mine.textContent('section[aria-labelledby="panel-current"]')).toContain(
      'Sekretariatet har ikke valgt et punkt endnu.',
    );
    // Members get no controls.
    expect(await mine.$('#panel-controls')).toBeNull();
    expect(await mine.$('button:has-text("Næste punkt")')).toBeNull();
    expect(await axeViolations(mine)).toEqual([]);
    expect(await axeViolations(theirs)).toEqual([]);

    await tabTo(theirs, /Næste punkt/);
    await secretariat.page.keyboard.press('Enter');
    await shows(theirs, items[0]!);
    await shows(mine, items[0]!);
    await mine.waitForFunction(
      (text) =>
        document.querySelector('[aria-live="polite"][aria-atomic="true"]')?.textContent === text,
      `Nu behandles punkt ${items[0]!.number}: ${items[0]!.title}`,
    );
    // The agenda marks it for everyone.
    expect(await mine.textContent('li[aria-current="step"]')).toContain(items[0]!.title);

    // Again, by keyboard (the focus stays on the button).
    await secretariat.page.keyboard.press('Enter');
    await shows(mine, items[1]!);
    expect(await currentTitle(theirs)).toBe(`${items[1]!.number} ${items[1]!.title}`);

    // Picked from the list.
    const pick = items.find((i) => i.sectionKind === 'decision')!;
    // Going through the list by keyboard moves nothing; its button does.
    await theirs.focus('select');
    await secretariat.page.keyboard.press('ArrowDown');
    await secretariat.page.keyboard.press('ArrowUp');
    await theirs.selectOption('select', pick.id);
    expect(await currentTitle(theirs)).toBe(`${items[1]!.number} ${items[1]!.title}`);
    await tabTo(theirs, /Gå til punktet/);
    await secretariat.page.keyboard.press('Enter');
    await shows(mine, pick);
    await shows(theirs, pick);
    expect(await fits(mine)).toBe(true);
    expect(await fits(theirs)).toBe(true);
    expect(await axeViolations(mine)).toEqual([]);
    expect(await axeViolations(theirs)).toEqual([]);
    if (SHOTS) await secretariat.page.screenshot({ path: path.join(SHOTS, 'tab-side-panel.png') });
    const audit = await app.db.prisma.auditEvent.count({
      where: { action: 'meeting.current_item' },
    });
    expect(audit).toBe(3);
  });

  it('a member answers the item under discussion from the panel, and the count follows', async () => {
    const frame = await member.open(panel(MEGAN), 'section[aria-labelledby="panel-current"] h3');
    await tabTo(frame, /Kan godkende – punkt/);
    await member.page.keyboard.press('Enter');
    await frame.waitForSelector(
      'section[aria-labelledby="panel-current"] button[aria-pressed="true"]:has-text("Kan godkende")',
    );
    expect(
      await frame.getAttribute(
        'section[aria-labelledby="panel-current"] [role="img"]',
        'aria-label',
      ),
    ).toMatch(/Kan godkende 1/);
  });

  it('two of the secretariat moving at once: one move counts, and the other is told', async () => {
    const [first, second] = await Promise.all([
      secretariat.open(panel(ALEX), '#panel-controls'),
      member.open(panel(ALEX), '#panel-controls'),
    ]);
    const version = async () =>
      (await app.db.prisma.meetingLive.findUnique({ where: { meetingId } }))?.version ?? 0;
    const before = await version();
    // The second page has not seen the first page's move when it moves.
    await second.evaluate(() =>
      Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true }),
    );
    await first.click('button:has-text("Næste punkt")');
    await until(async () => (await version()) === before + 1, 10_000, 'the first move');
    await second.click('button:has-text("Næste punkt")');
    await second.waitForSelector('text=En anden i sekretariatet flyttede punktet samtidig.');
    expect(await version()).toBe(before + 1);
  });

  it('a closed item under discussion: a stand-in sees that it is, never its content; a member reads it', async () => {
    const closed = items.at(-1)!;
    const version =
      (await app.db.prisma.meetingLive.findUnique({ where: { meetingId } }))?.version ?? 0;
    const moved = await fetch(`${app.url}/api/tab/meetings/${meetingId}/current-item`, {
      method: 'PUT',
      headers: { authorization: `Dev ${ALEX.aadObjectId}`, 'content-type': 'application/json' },
      body: JSON.stringify({ itemId: closed.id, version }),
    });
    expect(moved.status).toBe(200);
    const [theirs, mine] = await Promise.all([
      secretariat.open(panel(STAND_IN), 'section[aria-labelledby="panel-current"] h3'),
      member.open(panel(MEGAN), 'section[aria-labelledby="panel-current"] h3'),
    ]);
    await shows(theirs, closed);
    const current = 'section[aria-labelledby="panel-current"]';
    expect(await theirs.textContent(current)).toContain(
      'Lukket punkt: indholdet vises kun for styregruppens medlemmer.',
    );
    expect(await theirs.textContent('body')).not.toContain(CLOSED_TEXT);
    expect(await theirs.textContent('li[aria-current="step"]')).toContain('Lukket punkt');
    expect(await axeViolations(theirs)).toEqual([]);
    await shows(mine, closed);
    expect(await mine.textContent(current)).toContain(CLOSED_TEXT);
  });

  it('follows Teams’ dark and high-contrast themes with no violations', async () => {
    for (const theme of ['dark', 'contrast']) {
      const frame = await member.open(
        panel(ALEX, { theme }),
        'section[aria-labelledby="panel-current"] h3',
      );
      expect(await frame.evaluate(() => document.documentElement.dataset.theme)).toBe(theme);
      expect([theme, await axeViolations(frame)]).toEqual([theme, []]);
      expect(await fits(frame)).toBe(true);
    }
  });

  it('speaks English when Teams does', async () => {
    const frame = await member.open(panel(MEGAN, { locale: 'en-us' }), 'text=Under discussion');
    expect(await frame.textContent('body')).toContain('Agenda');
  });
});
