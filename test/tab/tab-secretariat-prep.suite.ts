/// <reference lib="dom" />
// The secretariat prepares in the tab without a command, inside the Teams stand-in: a new
// meeting, a date poll posted and closed, an input request for a meeting, an answer
// recorded for a member and the quorum rule — each landing through the card's domain call;
// axe clean, keyboard usable, no horizontal scrolling at 320 px with the forms open.
import path from 'node:path';
import { startTestApp, type TestApp } from '../support/app';
import { startRecordingConnector, type RecordingConnector } from '../support/recording-connector';
import { ALEX, MEGAN } from '../support/activities';
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

const run = chromiumSuite();

let app: TestApp;
/**
 * Teams' stand-in the queued cards go to: Teams' own serviceUrl does not resolve here, so
 * each send would fail and be tried again by the outbox while the test runs.
 */
let connector: RecordingConnector;
let b: Browsing;
let committeeId = '';
let meetingId = '';
let meganId = '';

const channelTab = (subEntityId?: string): HostOptions => ({
  src: `/tab/index.html?view=channel&committee=${committeeId}`,
  context: {
    userObjectId: ALEX.aadObjectId,
    locale: 'da-dk',
    theme: 'default',
    tid: '00000000-0000-0000-0000-0000000000001',
    entityId: tabEntityId(committeeId),
    ...(subEntityId ? { subEntityId } : {}),
  },
});
run('the secretariat’s preparation in the tab', () => {
  beforeAll(async () => {
    buildTab();
    connector = await startRecordingConnector();
    app = await startTestApp({}, true);
    const { prisma } = app.db;
    const committee = await prisma.committee.findFirstOrThrow({ where: { name: 'DASSOS' } });
    committeeId = committee.id;
    await prisma.committee.update({
      where: { id: committeeId },
      data: { serviceUrl: connector.url },
    });
    meetingId = (
      await prisma.meeting.findFirstOrThrow({
        where: { committeeId, items: { some: { status: 'draft' } } },
        orderBy: { startsAt: 'asc' },
      })
    ).id;
    meganId = (await prisma.person.findUniqueOrThrow({ where: { aadObjectId: MEGAN.aadObjectId } }))
      .id;
    b = await browse(app.url);
  }, 120_000);

  afterAll(async () => {
    await b?.close();
    await app?.close();
    await connector?.close();
  }, 90_000);

  it('creates a meeting from the channel tab, the problems named first', async () => {
    const frame = await b.open(channelTab(), '#prep-heading');
    await frame.click('button:has-text("Nyt møde")');
    await frame.click('button:has-text("Opret mødet")');
    await frame.waitForSelector('text=Dato: skal udfyldes.');
    const before = await app.db.prisma.meeting.count({ where: { committeeId } });
    await frame.fill('form >> input[type="date"] >> nth=0', '2027-10-06');
    await frame.fill('form >> role=textbox[name=/Sted/]', 'Viborg Rådhus');
    expect(await axeViolations(frame)).toEqual([]);
    await frame.click('button:has-text("Opret mødet")');
    await frame.waitForSelector('text=er oprettet.');
    expect(await app.db.prisma.meeting.count({ where: { committeeId } })).toBe(before + 1);
    // The list shows it.
    await frame.waitForSelector('#coming-heading >> xpath=.. >> text=Viborg Rådhus');
  }, 90_000);

  it('posts a date poll to the channel and closes it, creating the meeting', async () => {
    const frame = await b.open(channelTab(), '#prep-heading');
    await frame.click('button:has-text("Ny datoafstemning")');
    await frame.fill('form >> role=textbox[name=/Titel/]', 'Møder i efteråret 2027');
    await frame.fill('role=group[name="Første møde, Dato 1"] >> input[type="date"]', '2027-09-07');
    await frame.fill('role=group[name="Første møde, Dato 2"] >> input[type="date"]', '2027-09-14');
    expect(await axeViolations(frame)).toEqual([]);
    await frame.click('button:has-text("Send til kanalen")');
    await frame.waitForSelector('text=Afstemningen er sendt til kanalen.');
    const poll = await app.db.prisma.datePoll.findFirstOrThrow({
      where: { title: 'Møder i efteråret 2027' },
    });
    await frame.waitForSelector('text=Luk afstemningen og opret møderne');
    await frame.selectOption('role=combobox[name=/Vælg dato – Første møde/]', { index: 1 });
    await frame.click('button:has-text("Luk afstemningen og opret møderne")');
    await frame.waitForSelector('text=Afstemningen er lukket, og 1 møde er oprettet.');
    expect(
      (await app.db.prisma.datePoll.findUniqueOrThrow({ where: { id: poll.id } })).status,
    ).toBe('closed');
    expect(
      await app.db.prisma.meeting.count({
        where: { committeeId, startsAt: new Date('2027-09-14T08:00:00.000Z') },
      }),
    ).toBe(1);
  }, 90_000);

  it('shows a CPR-like number in a date poll masked, and sends it anyway when told', async () => {
    const title = 'Opfølgning på sag 010190-1234';
    const frame = await b.open(channelTab(), '#prep-heading');
    await frame.click('button:has-text("Ny datoafstemning")');
    await frame.fill('form >> role=textbox[name=/Titel/]', title);
    await frame.fill('role=group[name="Første møde, Dato 1"] >> input[type="date"]', '2027-10-12');
    await frame.fill('role=group[name="Første møde, Dato 2"] >> input[type="date"]', '2027-10-19');
    await frame.click('button:has-text("Send til kanalen")');
    await frame.waitForSelector('button:has-text("Send alligevel")');
    await frame.waitForSelector('td:has-text("010190-****")');
    expect(await axeViolations(frame)).toEqual([]);
    expect(await app.db.prisma.datePoll.count({ where: { title } })).toBe(0);
    await frame.click('button:has-text("Send alligevel")');
    await frame.waitForSelector('text=Afstemningen er sendt til kanalen.');
    expect(await app.db.prisma.datePoll.count({ where: { title } })).toBe(1);
  }, 90_000);

  it('asks for input for the meeting from its page, and sees the matrix', async () => {
    const frame = await b.open(channelTab(`${meetingId}:input`), '#inputs-heading');
    await frame.click('button:has-text("Bed om input")');
    await frame.fill('form >> role=textbox[name=/Titel/]', 'Temaer til budgetseminaret');
    await frame.fill('form >> role=textbox[name=/Spørgsmål 1/]', 'Hvad skal prioriteres?');
    await frame.fill('form >> input[type="date"]', '2026-12-01');
    expect(await axeViolations(frame)).toEqual([]);
    await frame.click('button:has-text("Send til medlemmerne")');
    await frame.waitForSelector('text=Sendt til');
    const request = await app.db.prisma.inputRequest.findFirstOrThrow({
      where: { title: 'Temaer til budgetseminaret' },
    });
    expect([request.meetingId, request.questions, request.audience]).toEqual([
      meetingId,
      ['Hvad skal prioriteres?'],
      'one_per_organisation',
    ]);
    await frame.waitForSelector('#inputs-heading >> xpath=.. >> text=Temaer til budgetseminaret');
    await frame.waitForSelector('#inputs-heading >> xpath=.. >> table');
  }, 90_000);

  it('lays the compiled note on an item of the meeting from its page', async () => {
    const { prisma } = app.db;
    const request = await prisma.inputRequest.findFirstOrThrow({
      where: { title: 'Temaer til budgetseminaret' },
    });
    await app.services.inputs.compileNow(
      (await app.services.committees.byId(committeeId))!,
      { aadObjectId: ALEX.aadObjectId, teamsUserId: ALEX.id, name: ALEX.name, tenantId: null },
      request.title,
    );
    const item = await prisma.agendaItem.findFirstOrThrow({
      where: { meetingId, status: { not: 'withdrawn' } },
      orderBy: { position: 'desc' },
    });
    const frame = await b.open(channelTab(`${meetingId}:input`), '#inputs-heading');
    await frame.waitForSelector('button:has-text("Læg notatet på punktet")');
    await frame.selectOption('role=combobox[name=/Punkt til notatet/]', item.id);
    expect(await axeViolations(frame)).toEqual([]);
    await frame.click('button:has-text("Læg notatet på punktet")');
    await frame.waitForSelector('text=som bilag');
    const attached = await prisma.attachment.findMany({
      where: { agendaItemId: item.id, url: { contains: request.id } },
    });
    expect(attached).toHaveLength(1);
  }, 90_000);

  it('records an apology for a member by keyboard, and sets the quorum rule', async () => {
    const frame = await b.open(channelTab(`${meetingId}:attendance`), '#attendance-heading');
    await frame.waitForSelector('text=Registrér svar for et medlem');
    await tabTo(frame, /Vælg …/);
    await frame.selectOption(':focus', meganId);
    // The answer's radio group: Tab reaches the chosen one, an arrow moves to the other.
    await b.page.keyboard.press('Tab');
    expect(
      await frame.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type),
    ).toBe('radio');
    await b.page.keyboard.press('ArrowRight');
    await frame.waitForSelector('role=combobox[name=/Stedfortræder/]');
    await tabTo(frame, /Gem svaret/);
    await b.page.keyboard.press('Enter');
    await frame.waitForSelector('text=Svaret for Megan Bowen er gemt.');
    const record = await app.db.prisma.meetingAttendance.findFirstOrThrow({
      where: { meetingId, personId: meganId },
    });
    expect(record.attendance).toBe('absent');
    await frame.click('role=radio[name="Ingen regel"]');
    await frame.fill('role=spinbutton[name=/Mindst så mange/]', '3');
    await frame.click('button:has-text("Gem reglen")');
    await frame.waitForSelector('text=Reglen er gemt.');
    const overview = await app.services.attendance.overviewById(
      { aadObjectId: ALEX.aadObjectId, teamsUserId: ALEX.id, name: ALEX.name, tenantId: null },
      meetingId,
    );
    expect(overview.quorum.settings).toEqual({ rule: 'none', minimum: 3 });
    expect(await axeViolations(frame)).toEqual([]);
    if (SHOTS) {
      await frame.evaluate(() =>
        document.querySelector('form[aria-label^="Registrér"]')?.scrollIntoView({ block: 'start' }),
      );
      await b.page.screenshot({ path: path.join(SHOTS, 'tab-secretariat-prep.png') });
    }
  }, 90_000);

  it('fits 320 px with the forms open', async () => {
    await b.page.setViewportSize({ width: 320, height: 720 });
    try {
      const list = await b.open(channelTab(), '#prep-heading');
      await list.click('button:has-text("Ny datoafstemning")');
      await list.waitForSelector('text=Send til kanalen');
      expect(await fits(list)).toBe(true);
      await list.click('button:has-text("Nyt møde")');
      await list.waitForSelector('text=Opret mødet');
      expect(await fits(list)).toBe(true);
      const page = await b.open(channelTab(`${meetingId}:input`), '#inputs-heading');
      await page.click('button:has-text("Bed om input")');
      await page.waitForSelector('text=Send til medlemmerne');
      expect(await fits(page)).toBe(true);
    } finally {
      await b.page.setViewportSize({ width: 1024, height: 800 });
    }
  }, 90_000);
});
