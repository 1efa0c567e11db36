/// <reference lib="dom" />
// The member's actions the cards have, in the tab inside the Teams stand-in: an input
// request answered, a topic submitted, changed and withdrawn, a date poll answered, a task
// marked done and a position given with a comment — each by keyboard where a keyboard
// user would, each landing in the database through the card's own domain call; axe clean
// and no horizontal scrolling at 320 px with the forms open.
import path from 'node:path';
import type { Frame } from 'playwright-core';
import { startTestApp, type TestApp } from '../support/app';
import { startRecordingConnector, type RecordingConnector } from '../support/recording-connector';
import { ALEX, MEGAN } from '../support/activities';
import { memberFixtures, type MemberFixtures } from '../support/member-fixtures';
import { tabEntityId } from '../../src/cards/tab-link';
import {
  axeViolations,
  browse,
  type Browsing,
  type HostOptions,
  buildTab,
  chromiumSuite,
  fits,
  SHOTS,
} from '../support/teams-host';
import { tabTo } from '../support/keyboard';
import { publishQuietly } from '../support/publish-quietly';

const run = chromiumSuite();

let app: TestApp;
/**
 * Teams' stand-in the queued messages go to: Teams' own serviceUrl does not resolve here, so
 * each send would fail and be tried again by the outbox while the test runs.
 */
let connector: RecordingConnector;
let b: Browsing;
let fx: MemberFixtures;
let committeeId = '';
let meetingId = '';
let meganId = '';

const context = (who: { aadObjectId: string }, extra: Record<string, unknown> = {}) => ({
  userObjectId: who.aadObjectId,
  locale: 'da-dk',
  theme: 'default',
  tid: '00000000-0000-0000-0000-0000000000001',
  ...extra,
});
const personalTab = (who: { aadObjectId: string }): HostOptions => ({
  src: '/tab/index.html?view=personal',
  context: context(who, { entityId: 'mine-moeder' }),
});
const channelTab = (who: { aadObjectId: string }, subEntityId: string): HostOptions => ({
  src: `/tab/index.html?view=channel&committee=${committeeId}`,
  context: context(who, { entityId: tabEntityId(committeeId), subEntityId }),
});

/** Presses Tab until the focused element's accessible text matches, as a keyboard user would. */
const focusedTag = (frame: Frame) => frame.evaluate(() => document.activeElement?.tagName);

run('the member’s card actions in the tab', () => {
  beforeAll(async () => {
    buildTab();
    connector = await startRecordingConnector();
    app = await startTestApp({}, true);
    const { prisma } = app.db;
    const committee = await prisma.committee.findFirstOrThrow({ where: { name: 'DASSOS' } });
    committeeId = committee.id;
    meetingId = (
      await prisma.meeting.findFirstOrThrow({
        where: { committeeId, items: { some: { status: 'draft' } } },
        orderBy: { startsAt: 'asc' },
      })
    ).id;
    const alex = {
      aadObjectId: ALEX.aadObjectId,
      teamsUserId: ALEX.id,
      name: ALEX.name,
      tenantId: null,
    };
    await publishQuietly(app, committee, alex, meetingId);
    fx = await memberFixtures(app, committeeId, meetingId, connector.url);
    meganId = (await prisma.person.findUniqueOrThrow({ where: { aadObjectId: MEGAN.aadObjectId } }))
      .id;
    b = await browse(app.url);
  }, 120_000);

  afterAll(async () => {
    await b?.close();
    await app?.close();
    await connector?.close();
  }, 90_000);

  it('answers an input request from «Mine møder» by keyboard, and can change the answer', async () => {
    const frame = await b.open(personalTab(MEGAN), 'h1:has-text("Mine møder")');
    await frame.waitForSelector('text=Input du skal give');
    await tabTo(frame, /^\s*Svar\s*$/);
    await b.page.keyboard.press('Enter');
    await frame.waitForSelector('text=Input: Temaer til dialogmødet');
    await frame.waitForSelector('text=Vi mødes med Socialtilsynet');
    // The first answer field: the keyboard reaches it, and what is typed lands in it.
    await tabTo(frame, { tag: 'TEXTAREA' });
    expect(await focusedTag(frame)).toBe('TEXTAREA');
    await b.page.keyboard.type('Kapacitet på botilbud');
    expect(await axeViolations(frame)).toEqual([]);
    await tabTo(frame, /Send svar/);
    await b.page.keyboard.press('Enter');
    await frame.waitForSelector('text=Tak – dine svar er gemt');
    const response = await app.db.prisma.inputResponse.findFirstOrThrow({
      where: { requestId: fx.requestId, personId: meganId },
    });
    expect(response.answers).toEqual(['Kapacitet på botilbud', '']);
  }, 90_000);

  it('submits a topic for the coming meeting, changes and withdraws her topics', async () => {
    const frame = await b.open(personalTab(MEGAN), 'h1:has-text("Mine møder")');
    await frame.waitForSelector('text=Dine indmeldte punkter');
    await frame.click('button:has-text("Meld et punkt ind") >> nth=0');
    await frame.waitForSelector('form[aria-labelledby] >> text=Hvad skal styregruppen gøre?');
    // An empty title is sent back with what to fix; nothing is saved.
    const before = await app.db.prisma.topicSubmission.count();
    await frame.click('button[type="submit"]:has-text("Meld punktet ind")');
    await frame.waitForSelector('text=Skriv en titel.');
    expect(await app.db.prisma.topicSubmission.count()).toBe(before);
    await frame.fill('form >> role=textbox[name=/Titel/]', 'Fælles visitation');
    await frame.click('role=radio[name="Orientering"]');
    await frame.fill('form >> role=textbox[name=/Kort beskrivelse/]', 'Et oplæg fra Viborg.');
    expect(await axeViolations(frame)).toEqual([]);
    await frame.click('button[type="submit"]:has-text("Meld punktet ind")');
    await frame.waitForSelector('text=Dit punkt er meldt ind til mødet');
    const made = await app.db.prisma.topicSubmission.findFirstOrThrow({
      where: { title: 'Fælles visitation' },
    });
    expect([made.purpose, made.description, made.submitterId]).toEqual([
      'information',
      'Et oplæg fra Viborg.',
      meganId,
    ]);

    // "Ret punktet" on the fixture's topic: the form comes filled in.
    const topic = frame.locator('li', { hasText: 'Fælles retningslinjer' }).last();
    await topic.locator('button:has-text("Ret punktet")').click();
    const title = topic.locator('role=textbox[name=/Titel/]');
    await title.waitFor();
    expect(await title.inputValue()).toBe('Fælles retningslinjer');
    await title.fill('Fælles retningslinjer for komplekse sager');
    await topic.locator('button:has-text("Gem ændringerne")').click();
    await frame.waitForSelector('text=Dit punkt er rettet.');
    expect(
      (await app.db.prisma.topicSubmission.findUniqueOrThrow({ where: { id: fx.submissionId } }))
        .title,
    ).toBe('Fælles retningslinjer for komplekse sager');

    // "Træk punktet tilbage" asks first.
    const other = frame.locator('li', { hasText: 'Et punkt der trækkes tilbage' }).last();
    await other.locator('button:has-text("Træk punktet tilbage")').click();
    await other.locator('text=Vil du trække').waitFor();
    await other.locator('role=group >> button:has-text("Træk punktet tilbage")').click();
    await frame.waitForSelector('text=Du har trukket «Et punkt der trækkes tilbage» tilbage.');
    expect(
      (await app.db.prisma.topicSubmission.findUniqueOrThrow({ where: { id: fx.withdrawId } }))
        .status,
    ).toBe('withdrawn');
  }, 90_000);

  it('answers a date poll and marks a task done, by keyboard', async () => {
    const frame = await b.open(personalTab(MEGAN), 'h1:has-text("Mine møder")');
    await frame.waitForSelector('text=Møder i foråret');
    await tabTo(frame, /Vælg …/);
    expect(await focusedTag(frame)).toBe('SELECT');
    await frame.selectOption(':focus', 'preferred');
    await tabTo(frame, /Gem mine svar/);
    await b.page.keyboard.press('Enter');
    await frame.waitForSelector('text=Dine svar er gemt.');
    const answers = await app.db.prisma.datePollAnswer.findMany({ where: { personId: meganId } });
    expect(answers.map((a) => [a.candidateId, a.answer])).toEqual([
      [fx.candidateIds[0], 'preferred'],
    ]);
    expect(await axeViolations(frame)).toEqual([]);

    await frame.evaluate(() => window.scrollTo(0, 0));
    await tabTo(frame, /Marker «Send tallene til sekretariatet» som udført/);
    await b.page.keyboard.press('Enter');
    await frame.waitForSelector('text=«Send tallene til sekretariatet» er markeret som udført.');
    expect(
      (await app.db.prisma.actionItem.findUniqueOrThrow({ where: { id: fx.actionId } })).status,
    ).toBe('done');
    await frame.waitForFunction(() => !document.body.textContent?.includes('Marker «Send tallene'));
  }, 90_000);

  it('gives a position with a comment from «Mine møder»', async () => {
    const frame = await b.open(personalTab(MEGAN), 'h1:has-text("Mine møder")');
    await frame.waitForSelector('text=Punkter du ikke har taget stilling til');
    const item = frame.locator('li', { has: frame.locator('role=group[name=/Dit svar/]') }).first();
    await item.locator('textarea').fill('Vi mangler tallene fra 2026.');
    await item.locator('button:has-text("Ønsker drøftelse")').click();
    await frame.waitForSelector('text=Gemt.');
    const position = await app.db.prisma.position.findFirstOrThrow({
      where: { personId: meganId, kind: 'wants_discussion' },
    });
    expect(position.comment).toBe('Vi mangler tallene fra 2026.');
    // The meeting page, opened afresh on that item, shows her the comment and keeps it for her next answer.
    const page = await b.open(
      channelTab(MEGAN, `${meetingId}:${position.agendaItemId}`),
      `#item-${position.agendaItemId} >> text=Din kommentar: «Vi mangler tallene fra 2026.»`,
    );
    expect(await page.inputValue(`#item-${position.agendaItemId} textarea`)).toBe(
      'Vi mangler tallene fra 2026.',
    );
  }, 90_000);

  it('on the meeting page: answers the input request and offers a topic; fits 320 px with the forms open', async () => {
    const frame = await b.open(channelTab(MEGAN, meetingId), '#agenda-heading');
    await frame.waitForSelector('#inputs-heading');
    // "Se og ret dit svar" once answered in «Mine møder» (the first test), "Svar" before.
    await frame.click(
      '#inputs-heading >> xpath=.. >> button:text-matches("^(Svar|Se og ret dit svar)$")',
    );
    const answer = frame.locator('form', { hasText: 'Input: Temaer til dialogmødet' });
    await answer.locator('textarea').first().waitFor();
    await answer.locator('textarea').first().fill('Kapacitet på botilbud');
    await answer.locator('textarea').nth(1).fill('Samarbejdet med kommunerne');
    await answer.locator('button[type="submit"]').click();
    await frame.waitForSelector('text=Tak – dine svar er gemt');
    const response = await app.db.prisma.inputResponse.findFirstOrThrow({
      where: { requestId: fx.requestId, personId: meganId },
    });
    expect(response.answers).toEqual(['Kapacitet på botilbud', 'Samarbejdet med kommunerne']);
    await frame.click('#topics-heading >> xpath=.. >> button:has-text("Meld et punkt ind")');
    await frame.waitForSelector('#topics-heading >> xpath=.. >> text=Hvad skal styregruppen gøre?');
    expect(await axeViolations(frame)).toEqual([]);
    if (SHOTS) {
      await frame.evaluate(() =>
        document.getElementById('inputs-heading')?.scrollIntoView({ block: 'start' }),
      );
      await b.page.screenshot({ path: path.join(SHOTS, 'tab-member-actions.png') });
    }
    await b.page.setViewportSize({ width: 320, height: 720 });
    try {
      expect(await fits(frame)).toBe(true);
      const mine = await b.open(personalTab(MEGAN), 'h1:has-text("Mine møder")');
      await mine.waitForSelector('text=Møder i foråret');
      await mine.click('button:has-text("Meld et punkt ind") >> nth=0');
      await mine.waitForSelector('text=Hvad skal styregruppen gøre?');
      expect(await fits(mine)).toBe(true);
      if (SHOTS)
        await b.page.screenshot({ path: path.join(SHOTS, 'tab-member-actions-narrow.png') });
    } finally {
      await b.page.setViewportSize({ width: 1024, height: 800 });
    }
  }, 90_000);
});
