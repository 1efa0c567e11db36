/// <reference lib="dom" />
// The secretariat's workbench in Chromium, inside the Teams stand-in: only the secretariat
// has it; an item moved by keyboard (the buttons up and down, the move said aloud, the
// keyboard left on the moved item) and by drag and drop, renumbered in the database; a new
// item with every field; no serious or critical axe violation; it fits 320 px.
import path from 'node:path';
import { startTestApp, type TestApp } from '../support/app';
import { startRecordingConnector, type RecordingConnector } from '../support/recording-connector';
import { ALEX, MEGAN } from '../support/activities';
import { AGENDA } from '../support/documents';
import {
  axeViolations,
  browse,
  type Browsing,
  type HostOptions,
  buildTab,
  chromiumSuite,
  SHOTS,
} from '../support/teams-host';
import { tabEntityId } from '../../src/cards/tab-link';
import { tabTo } from '../support/keyboard';

const CHANNEL = '19:dassos-kanal@thread.tacv2';
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

/** The meeting's page; the secretariat's opens on the section named (its tab list's). */
const meetingTab = (who: { aadObjectId: string }, section?: string): HostOptions => ({
  src: `/tab/index.html?view=channel&committee=${committeeId}`,
  context: {
    userObjectId: who.aadObjectId,
    locale: 'da-dk',
    theme: 'default',
    tid: '00000000-0000-0000-0000-0000000000001',
    channelId: CHANNEL,
    entityId: tabEntityId(committeeId),
    subEntityId: section ? `${meetingId}:${section}` : meetingId,
  },
});

/** The meeting's items in agenda order, as the database holds them. */
const agenda = async () =>
  (
    await app.db.prisma.agendaItem.findMany({
      where: { meetingId },
      orderBy: { position: 'asc' },
      select: { id: true, number: true, title: true, sectionKind: true },
    })
  ).map((i) => ({ id: i.id, number: i.number, title: i.title, section: i.sectionKind }));

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

run('the secretariat’s workbench in Teams', () => {
  beforeAll(async () => {
    buildTab();
    connector = await startRecordingConnector();
    app = await startTestApp({}, true);
    const { prisma } = app.db;
    const committee = await prisma.committee.findFirstOrThrow({ where: { name: 'DASSOS' } });
    committeeId = committee.id;
    await prisma.committee.update({ where: { id: committeeId }, data: { channelId: CHANNEL } });
    const meeting = await prisma.meeting.findFirstOrThrow({
      where: { committeeId, items: { some: { status: 'draft' } } },
      orderBy: { startsAt: 'asc' },
    });
    meetingId = meeting.id;
    b = await browse(app.url);
    // A step that cannot happen fails with its own message, well within the test's time.
    b.page.setDefaultTimeout(8_000);
  }, 120_000);

  afterAll(async () => {
    await b?.close();
    await app?.close();
    await connector?.close();
  });

  it('is not there for a member', async () => {
    const frame = await b.open(meetingTab(MEGAN), '#agenda-heading');
    expect(await frame.$('#wb-heading')).toBeNull();
  });

  it('moves an item down by keyboard: renumbered, said aloud, the keyboard stays on it', async () => {
    const frame = await b.open(meetingTab(ALEX, 'preparation'), '#wb-heading');
    expect(await axeViolations(frame)).toEqual([]);
    const before = await agenda();
    const [first, second] = before;
    expect(first!.section).toBe(second!.section);
    await tabTo(frame, new RegExp(`Flyt punkt ${escape(first!.number)} ned`));
    await frame.page().keyboard.press('Enter');
    await frame.waitForSelector(
      `[role=status]:has-text("»${first!.title}« er nu punkt ${second!.number}")`,
    );
    const after = await agenda();
    expect(after.slice(0, 2).map((i) => [i.id, i.number])).toEqual([
      [second!.id, first!.number],
      [first!.id, second!.number],
    ]);
    // The keyboard is still on the moved item: Enter again moves it on.
    expect(await frame.evaluate(() => document.activeElement?.id)).toBe(`wb-${first!.id}-down`);
    await frame.page().keyboard.press('Enter');
    await frame.waitForFunction(
      (id) => document.querySelectorAll('li[data-item-id]')[2]?.getAttribute('data-item-id') === id,
      first!.id,
    );
    expect((await agenda())[2]!.id).toBe(first!.id);
  });

  it('moves the first item of a section up into the section before, by keyboard', async () => {
    const frame = await b.open(meetingTab(ALEX, 'preparation'), '#wb-heading');
    const items = await agenda();
    const firstOfNext = items.findIndex((i, n) => n > 0 && i.section !== items[n - 1]!.section);
    const moving = items[firstOfNext]!;
    const previousSection = items[firstOfNext - 1]!.section;
    await tabTo(frame, new RegExp(`Flyt punkt ${escape(moving.number)} op`));
    await frame.page().keyboard.press('Enter');
    await frame.waitForSelector(`[role=status]:has-text("»${moving.title}« er nu punkt")`);
    const moved = (await agenda()).find((i) => i.id === moving.id)!;
    expect(moved.section).toBe(previousSection);
  });

  it('moves an item by drag and drop', async () => {
    const frame = await b.open(meetingTab(ALEX, 'preparation'), '#wb-heading');
    const items = await agenda();
    const last = items.at(-1)!;
    const first = items[0]!;
    // A mouse drag as a hand makes it, with both items in view (a scroll during the drag would move the start).
    await frame.evaluate(() =>
      document.querySelector('#wb-heading')?.scrollIntoView({ block: 'start' }),
    );
    const from = (await frame
      .locator(`li[data-item-id="${last.id}"] [draggable=true]`)
      .boundingBox())!;
    const to = (await frame.locator(`li[data-item-id="${first.id}"]`).boundingBox())!;
    const mouse = frame.page().mouse;
    await mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await mouse.down();
    await mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 8 });
    await mouse.up();
    await frame.waitForSelector(`[role=status]:has-text("»${last.title}« er nu punkt")`);
    const after = await agenda();
    expect(after[0]!.id).toBe(last.id);
    expect(after[0]!.section).toBe(first.section);
  });

  it('creates an item with every field and a closed attachment, and edits it', async () => {
    const frame = await b.open(meetingTab(ALEX, 'preparation'), '#wb-heading');
    await frame.click('button:has-text("Nyt punkt")');
    await frame.waitForSelector('#wb-editor-heading');
    expect(await frame.evaluate(() => document.activeElement?.id)).toBe('wb-editor-heading');
    await frame.getByRole('textbox', { name: /^Nummer/ }).fill('7.1');
    await frame.getByLabel('Afsnit', { exact: true }).selectOption('written');
    await frame.getByRole('textbox', { name: /^Titel/ }).fill('Skriftlig orientering om takster');
    await frame.getByLabel('Fremlægges af (valgfri)').fill('Jesper Thyrring Møller');
    await frame
      .getByLabel('Indstillinger, én pr. linje')
      .fill('tager orienteringen til efterretning');
    await frame
      .getByLabel('Sagsfremstilling (Markdown)')
      .fill('**Resumé**\n\nTaksterne stiger 2 %.');
    await frame.click('button:has-text("Tilføj bilag")');
    await frame.getByLabel('Bilag 1: titel').fill('Taksttabel');
    await frame
      .getByLabel('Bilag 1: link')
      .fill('https://dokumenter.example.org/lukket/takster.pdf');
    await frame.getByLabel('Lukket bilag (kun medlemmer)').check();
    expect(await axeViolations(frame)).toEqual([]);
    await frame.click('button:has-text("Gem punktet")');
    await frame.waitForSelector('[role=status]:has-text("Punkt 7.1 er oprettet.")');
    const row = await app.db.prisma.agendaItem.findFirstOrThrow({
      where: { meetingId, number: '7.1' },
      include: { attachments: true },
    });
    expect(row).toMatchObject({
      sectionKind: 'written',
      title: 'Skriftlig orientering om takster',
      presenter: 'Jesper Thyrring Møller',
      recommendations: ['tager orienteringen til efterretning'],
      caseText: '**Resumé**\n\nTaksterne stiger 2 %.',
    });
    expect(row.attachments).toEqual([
      expect.objectContaining({ title: 'Taksttabel', access: 'closed', availability: 'attached' }),
    ]);
    // Edit: closed item, the attachment to follow.
    await frame.click('button[aria-label="Rediger punkt 7.1"]');
    await frame.getByLabel(/Lukket punkt/).check();
    await frame.getByLabel('Eftersendes').check();
    await frame.click('button:has-text("Gem punktet")');
    await frame.waitForSelector('[role=status]:has-text("Punkt 7.1 er gemt.")');
    await frame.waitForSelector(`li[data-item-id="${row.id}"] >> text=Lukket punkt`);
    const edited = await app.db.prisma.agendaItem.findUniqueOrThrow({
      where: { id: row.id },
      include: { attachments: true },
    });
    expect(edited.closed).toBe(true);
    expect(edited.attachments[0]).toMatchObject({ availability: 'to_follow' });
    // A number in use is refused in Danish.
    await frame.click('button:has-text("Nyt punkt")');
    await frame.getByRole('textbox', { name: /^Nummer/ }).fill('7.1');
    await frame.getByRole('textbox', { name: /^Titel/ }).fill('Dobbelt');
    await frame.click('button:has-text("Gem punktet")');
    await frame.waitForSelector('[role=alert]:has-text("Nummeret bruges allerede")');
    await frame.click('button:has-text("Annuller")');
  });

  it('shows the secretariat’s page in sections, chosen by keyboard and kept over a reload (the docs’ screenshot with TAB_SCREENSHOTS=1)', async () => {
    const frame = await b.open(meetingTab(ALEX, 'preparation'), '#wb-heading');
    expect(
      await frame.$$eval('[role=tablist] [role=tab]', (tabs) => tabs.map((t) => t.textContent)),
    ).toEqual([
      'Dagsorden',
      'Forberedelse',
      'Indmeldte punkter',
      'Input',
      'Fremmøde',
      'Referat',
      'Mødets referat',
    ]);
    const selected = () => frame.textContent('[role=tab][aria-selected=true]');
    expect(await selected()).toBe('Forberedelse');
    expect(await frame.getAttribute('[role=tabpanel]', 'aria-labelledby')).toBe(
      'section-tab-preparation',
    );
    // One section at a time: the attendance desk waits in its own.
    expect(await frame.$('#attendance-heading')).toBeNull();
    // By keyboard: Tab reaches the list (the chosen tab), an arrow the next, Enter shows it.
    await tabTo(frame, /^\s*Forberedelse\s*$/);
    await frame.page().keyboard.press('ArrowRight');
    await frame.page().keyboard.press('Enter');
    await frame.waitForSelector('#review-heading');
    expect(await selected()).toBe('Indmeldte punkter');
    expect(await frame.$('#wb-heading')).toBeNull();
    // The page's address names it in the deep link's syntax, so a reload opens it again.
    expect(await frame.evaluate(() => window.location.hash)).toBe(`#${meetingId}:topics`);
    expect(await axeViolations(frame)).toEqual([]);
    await Promise.all([
      frame.waitForNavigation(),
      frame.evaluate(() => void setTimeout(() => window.location.reload(), 0)),
    ]);
    await frame.waitForSelector('#review-heading');
    expect(await selected()).toBe('Indmeldte punkter');
    await frame.click('role=tab[name="Forberedelse"]');
    await frame.waitForSelector('#wb-heading');
    expect(await frame.evaluate(() => window.location.hash)).toBe(`#${meetingId}:preparation`);
    // Members read the one page, with no sections.
    const member = await b.open(meetingTab(MEGAN), '#agenda-heading');
    expect(await member.$('[role=tablist]')).toBeNull();
    if (SHOTS) {
      const again = await b.open(meetingTab(ALEX, 'preparation'), '#wb-heading');
      expect(await again.isVisible('[role=tablist]')).toBe(true);
      await again.page().screenshot({ path: path.join(SHOTS, 'tab-workbench.png') });
    }
  });

  it('imports a document: a file of another kind refused here, then the preview, saved onto the meeting', async () => {
    const frame = await b.open(meetingTab(ALEX, 'preparation'), '#wb-heading');
    await frame.setInputFiles('#wb-import-file', {
      name: 'dagsorden.exe',
      mimeType: 'application/octet-stream',
      buffer: Buffer.from('MZ'),
    });
    await frame.waitForSelector(
      '[role=alert]:has-text("»dagsorden.exe« blev ikke importeret: Jeg læser .docx")',
    );
    await frame.setInputFiles('#wb-import-file', {
      name: 'DASSOS 6. januar.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from(AGENDA, 'utf8'),
    });
    await frame.waitForSelector(
      '#wb-preview-heading:has-text("Forhåndsvisning af »DASSOS 6. januar.txt«")',
    );
    expect(await frame.textContent('[role=region][aria-labelledby=wb-preview-heading]')).toContain(
      '1.1 Godkendelse af handlingsplan for Rammeaftale 2027-28',
    );
    expect(await axeViolations(frame)).toEqual([]);
    await frame.click('button:has-text("Gem punkterne")');
    await frame.waitForSelector('[role=status]:has-text("Dokumentet er gemt")');
    await frame.waitForSelector(
      'li[data-item-id] >> text=Godkendelse af handlingsplan for Rammeaftale 2027-28',
    );
    expect((await agenda()).map((i) => i.title)).toContain(
      'Godkendelse af handlingsplan for Rammeaftale 2027-28',
    );
  });

  it('publishes: CPR-like numbers shown masked, then "Udsend alligevel" puts the cards in the outbox', async () => {
    const { prisma } = app.db;
    await prisma.committee.update({
      where: { id: committeeId },
      data: { conversationId: CHANNEL, serviceUrl: connector.url },
    });
    const [first] = await agenda();
    await prisma.agendaItem.update({
      where: { id: first!.id },
      data: { caseText: 'Borgeren 060690-1234 er omtalt.' },
    });
    const frame = await b.open(meetingTab(ALEX, 'preparation'), '#wb-heading');
    await frame.click('button:has-text("Udsend dagsordenen")');
    await frame.waitForSelector('text=Mulige CPR-numre');
    expect(await frame.textContent('table:has-text("Nummer (skjult)")')).toContain('060690-****');
    expect(await frame.textContent('body')).not.toContain('060690-1234');
    expect(await prisma.meeting.findUniqueOrThrow({ where: { id: meetingId } })).toMatchObject({
      agendaPublishedAt: null,
    });
    expect(await axeViolations(frame)).toEqual([]);
    await tabTo(frame, /Udsend alligevel/);
    await frame.page().keyboard.press('Enter');
    await frame.waitForSelector('[role=status]:has-text("Dagsordenen er på vej til kanalen")');
    const meeting = await prisma.meeting.findUniqueOrThrow({ where: { id: meetingId } });
    expect(meeting.agendaPublishedAt).not.toBeNull();
    expect(
      await prisma.outboundDelivery.count({
        where: { kind: 'agenda-overview', subjectId: meetingId },
      }),
    ).toBe(1);
  });

  it('fits 320 px (the side panel) with no serious or critical axe violation', async () => {
    const narrow = await browse(app.url, { width: 320, height: 900 }, b.browser);
    try {
      const frame = await narrow.open(meetingTab(ALEX, 'preparation'), '#wb-heading');
      expect(
        await frame.evaluate(
          () => document.documentElement.scrollWidth <= document.documentElement.clientWidth,
        ),
      ).toBe(true);
      expect(await axeViolations(frame)).toEqual([]);
      if (SHOTS) {
        // The section list wraps at this width: it and the workbench's start in view.
        await frame.evaluate(() =>
          document.querySelector('[role=tablist]')?.scrollIntoView({ block: 'start' }),
        );
        await frame.page().screenshot({ path: path.join(SHOTS, 'tab-workbench-320.png') });
      }
    } finally {
      await narrow.close();
    }
  });
});
