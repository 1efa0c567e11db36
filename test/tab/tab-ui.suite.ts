/// <reference lib="dom" />
// The tab in Chromium, inside a Teams stand-in (test/support/teams-host.ts), against the real
// app with the demo committee: each surface for a member and the secretariat renders the
// right data, works by keyboard, has no serious or critical axe violation, fits 320 px and
// follows Teams' themes; outside Teams and without SSO it says so in Danish.
import path from 'node:path';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import type { Frame } from 'playwright-core';
import { startTestApp, type TestApp } from '../support/app';
import { ALEX, MEGAN } from '../support/activities';
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
import { tabEntityId } from '../../src/cards/tab-link';
import { tabTo } from '../support/keyboard';
import { publishQuietly } from '../support/publish-quietly';

const CLOSED_URL = 'https://dokumenter.example.org/lukket/budget.pdf';
const CARD_MESSAGE = '1732000000000';
const CHANNEL = '19:dassos-kanal@thread.tacv2';

const run = chromiumSuite();

let app: TestApp;
let b: Browsing;
let committeeId = '';
let meetingId = '';
let decisionItemId = '';
let decisionTitle = '';
let infoItemId = '';

const context = (who: { aadObjectId: string }, extra: Record<string, unknown> = {}) => ({
  userObjectId: who.aadObjectId,
  locale: 'da-dk',
  theme: 'default',
  tid: '00000000-0000-0000-0000-0000000000001',
  ...extra,
});
const channelTab = (
  who: { aadObjectId: string },
  extra: Record<string, unknown> = {},
): HostOptions => ({
  src: `/tab/index.html?view=channel&committee=${committeeId}`,
  context: context(who, { channelId: CHANNEL, entityId: tabEntityId(committeeId), ...extra }),
});
const personalTab = (
  who: { aadObjectId: string },
  extra: Record<string, unknown> = {},
): HostOptions => ({
  src: '/tab/index.html?view=personal',
  context: context(who, { entityId: 'mine-moeder', ...extra }),
});

/** A screenshot for the docs (TAB_SCREENSHOTS=1), with `top` (a selector) scrolled to the top, or the page's top. */
async function shoot(name: string, frame: Frame, top?: string): Promise<void> {
  if (!SHOTS) return;
  await frame.evaluate(
    (sel) =>
      sel ? document.querySelector(sel)?.scrollIntoView({ block: 'start' }) : window.scrollTo(0, 0),
    top ?? null,
  );
  await frame.page().screenshot({ path: path.join(SHOTS, `tab-${name}.png`), fullPage: false });
}

run('the tab in Teams', () => {
  beforeAll(async () => {
    buildTab();
    app = await startTestApp({}, true);
    const { prisma } = app.db;
    const committee = await prisma.committee.findFirstOrThrow({ where: { name: 'DASSOS' } });
    committeeId = committee.id;
    await prisma.committee.update({ where: { id: committeeId }, data: { channelId: CHANNEL } });
    // The coming meeting whose agenda is being prepared (the demo's past meetings are held).
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
    decisionTitle = decision.title;
    await prisma.attachment.create({
      data: {
        agendaItemId: decision.id,
        title: 'Budgetnotat (lukket)',
        url: CLOSED_URL,
        access: 'closed',
      },
    });
    await prisma.agendaItem.update({
      where: { id: decision.id },
      data: {
        caseText: `${decision.caseText}\n\n**Vigtigt:** se [notatet](https://dokumenter.example.org/notat.pdf).`,
      },
    });
    // HTML in a case text (an import, a paste) is text, never markup.
    const info = await prisma.agendaItem.findFirstOrThrow({
      where: { meetingId, sectionKind: 'information' },
      orderBy: { position: 'asc' },
    });
    infoItemId = info.id;
    await prisma.agendaItem.update({
      where: { id: info.id },
      data: {
        caseText: `${info.caseText}\n\n<script>window.ran=1</script><img src=x onerror="window.ran=2"> [klik](javascript:window.ran=3)`,
      },
    });
    const alex = {
      aadObjectId: ALEX.aadObjectId,
      teamsUserId: ALEX.id,
      name: ALEX.name,
      tenantId: null,
    };
    await publishQuietly(app, committee, alex, meetingId);
    await prisma.agendaItem.update({
      where: { id: decision.id },
      data: { cardActivityId: CARD_MESSAGE },
    });
    b = await browse(app.url);
  }, 120_000);

  afterAll(async () => {
    await b?.close();
    await app?.close();
  });

  it('says plainly, in Danish, that it works only inside Teams when opened on its own', async () => {
    await b.page.goto(`${app.url}/tab/index.html?view=personal`);
    await b.page.waitForSelector('text=virker kun inde i Microsoft Teams');
    expect(await b.page.evaluate(() => document.documentElement.lang)).toBe('da');
  });

  it('configuration page: lists my committees, picks without typing, and saves the tab for the committee', async () => {
    const frame = await b.open(
      {
        src: '/tab/index.html?view=config',
        frameContext: 'settings',
        context: context(ALEX, { channelId: CHANNEL }),
      },
      'text=Vælg styregruppe',
    );
    await frame.waitForSelector('role=radio[name=/DASSOS/]');
    // One committee: chosen at once, and Teams' Save enabled.
    expect(await frame.isChecked('role=radio[name=/DASSOS/]')).toBe(true);
    await frame.waitForSelector('text=Fanen viser DASSOS');
    const log = (await b.page.evaluate(
      () => (window as unknown as { hostLog: Array<{ func: string; args: unknown[] }> }).hostLog,
    )) as Array<{ func: string; args: unknown[] }>;
    expect(log.filter((m) => m.func === 'settings.setValidityState').at(-1)?.args).toEqual([true]);
    expect(await axeViolations(frame)).toEqual([]);
    await shoot('config', frame);
    const saved = await saveConfiguration(b.page);
    expect(saved.result).toBe('success');
    expect(saved.config).toEqual({
      contentUrl: `${app.url}/tab/index.html?view=channel&committee=${committeeId}`,
      websiteUrl: `${app.url}/tab/index.html?view=channel&committee=${committeeId}`,
      entityId: tabEntityId(committeeId),
      suggestedDisplayName: 'Dagsorden – DASSOS',
    });
  });

  it('channel tab, member: the meetings, then one meeting’s page, with a position given by keyboard', async () => {
    const frame = await b.open(channelTab(MEGAN), 'text=Kommende møder');
    expect(await frame.textContent('h1')).toBe('DASSOS');
    await frame.waitForSelector('text=Tidligere møder');
    expect(await axeViolations(frame)).toEqual([]);
    await shoot('meetings', frame);
    await tabTo(frame, /Åbn mødet/);
    await b.page.keyboard.press('Enter');
    await frame.waitForSelector('#agenda-heading');
    // The agenda by section, each item with its number and title.
    const headers = await frame.$$eval('h4', (hs) => hs.map((h) => h.textContent ?? ''));
    expect(headers.length).toBeGreaterThan(2);
    expect(headers.some((h) => h.includes(decisionTitle))).toBe(true);
    await tabTo(
      frame,
      new RegExp(decisionTitle.slice(0, 20).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')),
    );
    await b.page.keyboard.press('Enter');
    const item = `#item-${decisionItemId}`;
    await frame.waitForSelector(`${item} >> text=Sagsfremstilling`);
    // Markdown rendered, HTML in the text shown as text, never run.
    expect(await frame.textContent(`${item} strong:has-text("Vigtigt:")`)).toBe('Vigtigt:');
    expect(await frame.getAttribute(`${item} a:has-text("notatet")`, 'href')).toBe(
      'https://dokumenter.example.org/notat.pdf',
    );
    const info = `#item-${infoItemId}`;
    await frame.click(`${info} h4 button`);
    await frame.waitForSelector(`${info} >> text=Sagsfremstilling`);
    expect(await frame.$(`${info} script, ${info} img, ${info} a[href^="javascript"]`)).toBeNull();
    expect(await frame.textContent(info)).toContain('<script>window.ran=1</script>');
    expect(await frame.evaluate(() => 'ran' in window)).toBe(false);
    await frame.click(`${info} h4 button`);
    // The closed paper reaches a member.
    expect(await frame.getAttribute(`${item} a:has-text("Budgetnotat")`, 'href')).toBe(CLOSED_URL);
    expect(await frame.textContent(item)).toContain('Se kortet i kanalen');
    await tabTo(frame, /Kan godkende – punkt/);
    await b.page.keyboard.press('Enter');
    await frame.waitForSelector('text=Gemt.');
    await frame.waitForSelector(`${item} button[aria-pressed="true"]:has-text("Kan godkende")`);
    const megan = await app.db.prisma.person.findUniqueOrThrow({
      where: { aadObjectId: MEGAN.aadObjectId },
    });
    expect(
      (
        await app.db.prisma.position.findFirstOrThrow({
          where: { agendaItemId: decisionItemId, personId: megan.id },
        })
      ).kind,
    ).toBe('can_approve');
    // The chart says its numbers to a screen reader.
    expect(await frame.getAttribute(`${item} [role="img"]`, 'aria-label')).toMatch(
      /Kan godkende 1/,
    );
    expect(await axeViolations(frame)).toEqual([]);
    await shoot('meeting', frame);
    await shoot('item', frame, item);
  });

  it('channel tab, member: apologies with a note, then attending, by keyboard', async () => {
    const frame = await b.open(
      channelTab(MEGAN, { subEntityId: meetingId }),
      '#attendance-heading',
    );
    const megan = await app.db.prisma.person.findUniqueOrThrow({
      where: { aadObjectId: MEGAN.aadObjectId },
    });
    const mine = () =>
      app.db.prisma.meetingAttendance.findFirstOrThrow({
        where: { meetingId, personId: megan.id },
      });
    await tabTo(frame, /^\s*Jeg melder afbud/);
    await b.page.keyboard.press('Enter');
    await tabTo(frame, { tag: 'TEXTAREA' }); // the note's field
    expect(await frame.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA');
    await b.page.keyboard.type('Kommer efter frokost');
    await tabTo(frame, /Send afbud/);
    await b.page.keyboard.press('Enter');
    await frame.waitForSelector('text=Du har meldt afbud.');
    expect(await mine()).toMatchObject({ attendance: 'absent', note: 'Kommer efter frokost' });
    await tabTo(frame, /^\s*Jeg deltager/);
    await b.page.keyboard.press('Enter');
    await frame.waitForSelector('text=Du har meldt, at du deltager.');
    expect((await mine()).attendance).toBe('attending');
  });

  it('deep link: the item named by subPageId is opened and has the focus', async () => {
    const frame = await b.open(
      channelTab(MEGAN, { subEntityId: `${meetingId}:${decisionItemId}` }),
      `#item-${decisionItemId} >> text=Sagsfremstilling`,
    );
    expect(
      await frame.evaluate(
        (id) => document.getElementById(`item-${id}`)?.contains(document.activeElement),
        decisionItemId,
      ),
    ).toBe(true);
    // The link to the item's card in the channel goes through Teams.
    await frame.click(`#item-${decisionItemId} >> text=Se kortet i kanalen`);
    await b.page.waitForFunction(
      () => (window as unknown as { openedLinks: string[] }).openedLinks.length > 0,
    );
    const [link] = await b.page.evaluate(
      () => (window as unknown as { openedLinks: string[] }).openedLinks,
    );
    const { teamAadGroupId } = await app.db.prisma.committee.findUniqueOrThrow({
      where: { id: committeeId },
    });
    expect(link).toBe(
      `https://teams.microsoft.com/l/message/${encodeURIComponent(CHANNEL)}/${CARD_MESSAGE}?groupId=${teamAadGroupId}&parentMessageId=${CARD_MESSAGE}`,
    );
  });

  it('channel tab, secretariat: drafts marked, attendance by organisation, no answer buttons of its own', async () => {
    await app.db.prisma.agendaItem.update({
      where: { id: decisionItemId },
      data: { changedSincePublish: true },
    });
    const frame = await b.open(
      channelTab(ALEX, { subEntityId: `${meetingId}:${decisionItemId}` }),
      `#item-${decisionItemId} >> text=Sagsfremstilling`,
    );
    expect(await frame.textContent(`#item-${decisionItemId}`)).toContain('Udkast – ikke udsendt');
    // A deep link to an item opens the secretariat's page on the agenda; attendance is a section of its own.
    expect(await frame.textContent('[role=tab][aria-selected=true]')).toBe('Dagsorden');
    await frame.click('role=tab[name="Fremmøde"]');
    await frame.waitForSelector('caption:has-text("Fordelt på organisation")');
    const attendance = await frame.textContent('section[aria-labelledby="attendance-heading"]');
    expect(attendance).toContain('Megan Bowen');
    expect(attendance).toContain('Du deltager');
    expect(await frame.$(`#item-${decisionItemId} button:has-text("Kan godkende")`)).toBeNull();
    expect(await axeViolations(frame)).toEqual([]);
    await shoot('secretariat', frame, 'section[aria-labelledby="attendance-heading"]');
    await app.db.prisma.agendaItem.update({
      where: { id: decisionItemId },
      data: { changedSincePublish: false },
    });
  });

  it('«Mine møder», member: what waits for me, answered from the list by keyboard', async () => {
    const frame = await b.open(personalTab(MEGAN), 'h1:has-text("Mine møder")');
    await frame.waitForSelector('text=Venter på dig');
    // Without MicrosoftAppId the developer sign-in is on, and the page says so.
    expect(await frame.textContent('body')).toContain('Udviklerlogin');
    expect(await frame.textContent('body')).toContain('DASSOS');
    expect(await axeViolations(frame)).toEqual([]);
    await shoot('mine', frame);
    const before = await app.db.prisma.position.count();
    await tabTo(frame, /Taget til efterretning – punkt|Kan godkende – punkt/);
    await b.page.keyboard.press('Enter');
    await frame.waitForSelector('text=Gemt.');
    expect(await app.db.prisma.position.count()).toBe(before + 1);
  });

  it('«Mine møder», secretariat: its meetings and tasks, and the meeting page a click away', async () => {
    const frame = await b.open(personalTab(ALEX), 'h1:has-text("Mine møder")');
    await frame.waitForSelector('text=Mine opgaver');
    await frame.click('button:has-text("Åbn mødet")');
    await frame.waitForSelector('#agenda-heading');
    expect(await axeViolations(frame)).toEqual([]);
  });

  it('speaks English when Teams does', async () => {
    const frame = await b.open(
      personalTab(MEGAN, { locale: 'en-us' }),
      'h1:has-text("My meetings")',
    );
    expect(await frame.evaluate(() => document.documentElement.lang)).toBe('en');
    await frame.waitForSelector('text=Waiting for you');
  });

  it('follows Teams’ theme: dark from the context, high contrast when Teams changes it, with no violations', async () => {
    const frame = await b.open(
      channelTab(MEGAN, { theme: 'dark', subEntityId: `${meetingId}:${decisionItemId}` }),
      `#item-${decisionItemId} >> text=Sagsfremstilling`,
    );
    const background = () =>
      frame.evaluate(
        () => getComputedStyle(document.querySelector('.fui-FluentProvider')!).backgroundColor,
      );
    expect(await frame.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    expect(brightness(await background())).toBeLessThan(80);
    expect(await axeViolations(frame)).toEqual([]);
    await shoot('dark', frame);
    await b.page.evaluate(() =>
      (window as unknown as { sendToTab(f: string, a: unknown[]): void }).sendToTab('themeChange', [
        'contrast',
      ]),
    );
    await frame.waitForFunction(() => document.documentElement.dataset.theme === 'contrast');
    expect(brightness(await background())).toBe(0);
    expect(await axeViolations(frame)).toEqual([]);
    await shoot('contrast', frame);
  });

  it('fits 320 px: no horizontal scrolling on any surface, every item open', async () => {
    await b.page.setViewportSize({ width: 320, height: 720 });
    try {
      const meeting = await b.open(channelTab(ALEX, { subEntityId: meetingId }), '#agenda-heading');
      for (const header of await meeting.$$('h4 button[aria-expanded="false"]'))
        await header.click();
      expect(await fits(meeting)).toBe(true);
      await shoot('narrow', meeting);
      for (const [options, ready] of [
        [personalTab(MEGAN), 'h1:has-text("Mine møder")'],
        [channelTab(MEGAN), 'text=Kommende møder'],
        [
          { src: '/tab/index.html?view=config', frameContext: 'settings', context: context(ALEX) },
          'text=Vælg styregruppe',
        ],
      ] as Array<[HostOptions, string]>) {
        const frame = await b.open(options, ready);
        expect([options.src, await fits(frame)]).toEqual([options.src, true]);
      }
    } finally {
      await b.page.setViewportSize({ width: 1024, height: 800 });
    }
  });

  describe('with Entra sign-in (MicrosoftAppId set)', () => {
    const APP_ID = '6a1d3f8e-4b2c-4d5e-8f90-1a2b3c4d5e6f';
    const TENANT = '2b3c4d5e-6f70-4182-93a4-b5c6d7e8f901';
    let sso: TestApp;
    let keys: http.Server;
    let ssoBrowsing: Browsing;
    let token = '';

    beforeAll(async () => {
      const pair = await generateKeyPair('RS256');
      const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'k', alg: 'RS256', use: 'sig' };
      keys = http.createServer((_req, res) => res.end(JSON.stringify({ keys: [jwk] })));
      await new Promise<void>((r) => keys.listen(0, '127.0.0.1', r));
      sso = await startTestApp({
        MicrosoftAppId: APP_ID,
        MicrosoftAppPassword: 'geheim-kodeord',
        MicrosoftAppTenantId: TENANT,
        TAB_JWKS_URL: `http://127.0.0.1:${(keys.address() as AddressInfo).port}/keys`,
      });
      token = await new SignJWT({
        oid: MEGAN.aadObjectId,
        tid: TENANT,
        scp: 'access_as_user',
        name: MEGAN.name,
      })
        .setProtectedHeader({ alg: 'RS256', kid: 'k' })
        .setIssuer(`https://login.microsoftonline.com/${TENANT}/v2.0`)
        .setAudience(APP_ID)
        .setIssuedAt()
        .setExpirationTime('1h')
        .sign(pair.privateKey);
      ssoBrowsing = await browse(sso.url, undefined, b.browser);
    }, 60_000);

    afterAll(async () => {
      await ssoBrowsing?.close();
      await sso?.close();
      await new Promise((r) => keys?.close(r));
    });

    it('signs in with the token Teams gives, and offers no developer sign-in', async () => {
      expect(await (await fetch(`${sso.url}/api/tab/sign-in`)).json()).toEqual({
        developer: false,
      });
      const frame = await ssoBrowsing.open(
        { ...personalTab(MEGAN), token },
        'h1:has-text("Mine møder")',
      );
      await frame.waitForSelector('text=DASSOS');
      expect(await frame.textContent('body')).not.toContain('Udviklerlogin');
      const asked = await ssoBrowsing.page.evaluate(
        () =>
          (window as unknown as { hostLog: Array<{ func: string }> }).hostLog.filter(
            (m) => m.func === 'authentication.getAuthToken',
          ).length,
      );
      expect(asked).toBeGreaterThan(0);
    });

    it('says clearly when Teams gives no token, and shows nothing else', async () => {
      const frame = await ssoBrowsing.open(
        { ...personalTab(MEGAN), token: null },
        'text=Du kunne ikke logges ind',
      );
      expect(await frame.$('h1')).toBeNull();
    });
  });
});

/** The mean of a CSS rgb() colour's channels. */
function brightness(rgb: string): number {
  const [r, g, bl] = (rgb.match(/\d+/g) ?? ['255', '255', '255']).map(Number);
  return Math.round((r! + g! + bl!) / 3);
}
