/// <reference lib="dom" />
// The secretariat's workbench in the channel tab, in Chromium inside the Teams stand-in,
// against the real app with the demo committee: submitted topics reviewed, the Referat
// written and saved as it is typed (a colleague's save never silently overwritten, the text
// kept on this computer when the save did not reach the server, and brought back), the
// minutes built, downloaded, published with the CPR check and corrected. No serious or
// critical axe violation; fits 320 px.
import path from 'node:path';
import { startTestApp, type TestApp } from '../support/app';
import { startRecordingConnector, type RecordingConnector } from '../support/recording-connector';
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
} from '../support/teams-host';
import { tabEntityId } from '../../src/cards/tab-link';
import { publishQuietly } from '../support/publish-quietly';

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
let comingId = '';
let octoberId = '';

const megan = {
  aadObjectId: MEGAN.aadObjectId,
  teamsUserId: MEGAN.id,
  name: MEGAN.name,
  tenantId: null,
};

/** The meeting's page; the secretariat's opens on the section named (its tab list's). */
const meetingTab = (
  who: { aadObjectId: string },
  meetingId: string,
  section?: string,
): HostOptions => ({
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

const alex = {
  aadObjectId: ALEX.aadObjectId,
  teamsUserId: ALEX.id,
  name: ALEX.name,
  tenantId: null,
};
const EDITOR = '[data-referat]';

/** Waits until `check` holds, looking again every 100 ms; fails after 10 s. */
async function until(check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('never came true');
}
const STATUS = `${EDITOR} [role=status]`;
/** "Gemt 14:02": saved on the server, with the time. */
const SAVED = `${STATUS}:text-matches("^Gemt [0-9]{2}:[0-9]{2}$")`;

run('the secretariat’s workbench in the tab', () => {
  beforeAll(async () => {
    buildTab();
    connector = await startRecordingConnector();
    app = await startTestApp({}, true);
    const { prisma } = app.db;
    const committee = await prisma.committee.findFirstOrThrow({ where: { name: 'DASSOS' } });
    committeeId = committee.id;
    await prisma.committee.update({
      where: { id: committeeId },
      data: {
        channelId: CHANNEL,
        conversationId: CHANNEL,
        serviceUrl: connector.url,
      },
    });
    const coming = await prisma.meeting.findFirstOrThrow({
      where: { committeeId, items: { some: { status: 'draft' } } },
      orderBy: { startsAt: 'asc' },
    });
    comingId = coming.id;
    octoberId = (
      await prisma.meeting.findFirstOrThrow({
        where: {
          committeeId,
          startsAt: { gte: new Date('2026-10-21'), lt: new Date('2026-10-22') },
        },
      })
    ).id;
    b = await browse(app.url);
    b.page.setDefaultTimeout(10_000);
  }, 120_000);

  afterAll(async () => {
    await b?.close();
    await app?.close();
    await connector?.close();
  });

  it('reviews a submitted topic: its fields shown, accepted onto the agenda, the submitter told; members see no workbench', async () => {
    const { submission } = await app.services.submissions.submit(megan, comingId, {
      title: 'Fælles indkøb af botilbud',
      purpose: 'decision',
      description: 'Kommunerne ønsker at drøfte et fælles udbud.',
      presenter: 'Megan Bowen',
      links: ['https://example.org/udbud'],
    });
    const frame = await b.open(meetingTab(ALEX, submission.meetingId, 'topics'), '#review-heading');
    const topic = `article:has(h3:has-text("Fælles indkøb af botilbud"))`;
    await frame.waitForSelector(topic);
    const text = await frame.textContent(topic);
    expect(text).toContain('Kommunerne ønsker at drøfte et fælles udbud.');
    expect(text).toContain('Til beslutning');
    expect(text).toContain('Venter på sekretariatet');
    expect(await axeViolations(frame)).toEqual([]);
    // Decline needs a reason: said, nothing sent.
    await frame.click(`${topic} button:has-text("Afvis")`);
    await frame.click(`${topic} button:has-text("Afvis punktet")`);
    await frame.waitForSelector(`${topic} >> text=Skriv teksten først.`);
    await frame.click(`${topic} button:has-text("Optag på dagsordenen")`);
    await frame.waitForSelector('text=Punktet er optaget som punkt');
    await frame.waitForSelector(`${topic} >> text=Optaget på dagsordenen`);
    const stored = await app.db.prisma.topicSubmission.findUniqueOrThrow({
      where: { id: submission.id },
    });
    expect(stored.status).toBe('accepted');
    expect(
      await app.db.prisma.outboundDelivery.count({
        where: { kind: 'submission-outcome', subjectId: submission.id },
      }),
    ).toBe(1);
    // The agenda (its own section of the page) shows the new draft item.
    await frame.click('role=tab[name="Dagsorden"]');
    await frame.waitForSelector('h4:has-text("Fælles indkøb af botilbud")');

    const member = await b.open(meetingTab(MEGAN, submission.meetingId), '#agenda-heading');
    expect(await member.$('#review-heading')).toBeNull();
  });

  it('saves the Referat as it is typed, says so to screen readers, and never overwrites a colleague’s save', async () => {
    const frame = await b.open(meetingTab(ALEX, comingId, 'referat'), '#referat-heading');
    await frame.waitForSelector(EDITOR);
    const itemId = (await frame.getAttribute(EDITOR, 'data-referat'))!;
    expect(await frame.textContent(STATUS)).toBe('Ikke gemt endnu');
    expect(await frame.getAttribute(STATUS, 'aria-live')).toBe('polite');
    await frame.fill(`${EDITOR} textarea`, 'DASSOS godkendte indstillingen.');
    await frame.waitForSelector(SAVED);
    const stored = () => app.db.prisma.decision.findUnique({ where: { agendaItemId: itemId } });
    expect(await stored()).toMatchObject({ text: 'DASSOS godkendte indstillingen.', version: 1 });
    // A follow-up task, saved with it.
    await frame.click(`${EDITOR} button:has-text("Tilføj en opgave")`);
    await frame.fill(`${EDITOR} input[type=text] >> nth=0`, 'Sekretariatet sender notatet rundt');
    await until(async () =>
      Boolean(
        await app.db.prisma.actionItem.count({
          where: { what: 'Sekretariatet sender notatet rundt' },
        }),
      ),
    );
    // Typed on: the same task changed, not a second one added.
    await frame.fill(
      `${EDITOR} input[type=text] >> nth=0`,
      'Sekretariatet sender notatet rundt i dag',
    );
    await until(async () =>
      Boolean(
        await app.db.prisma.actionItem.count({
          where: { what: 'Sekretariatet sender notatet rundt i dag' },
        }),
      ),
    );
    expect(
      await app.db.prisma.actionItem.count({
        where: { decision: { agendaItemId: itemId }, status: { not: 'cancelled' } },
      }),
    ).toBe(1);
    expect(await axeViolations(frame)).toEqual([]);
    // A colleague saves meanwhile (the card's form): the next save is refused and said so.
    const version = (await stored())!.version;
    await app.services.decisions.record(alex, {
      itemId,
      version,
      draft: { outcome: 'approved_with_changes', text: 'Kollegaens referat.', actions: [] },
      correction: null,
    });
    await frame.fill(`${EDITOR} textarea`, 'Min egen tekst.');
    await frame.waitForSelector('text=har gemt referatet af punktet, mens du skrev');
    expect(await frame.textContent(`${EDITOR} [role=alert]`)).toContain('Kollegaens referat.');
    expect(await stored()).toMatchObject({ text: 'Kollegaens referat.' });
    expect(await axeViolations(frame)).toEqual([]);
    // The writer chooses: theirs kept, or theirs replaced knowingly.
    await frame.click(`${EDITOR} button:has-text("Gem min udgave i stedet")`);
    await frame.waitForSelector(SAVED);
    expect(await stored()).toMatchObject({ text: 'Min egen tekst.' });
  });

  it('keeps the text on this computer when the save does not reach the server, and brings it back when the panel opens again', async () => {
    // Closed right after typing, before the pause: saved on the way out.
    const first = await b.open(meetingTab(ALEX, comingId, 'referat'), EDITOR);
    const itemId = (await first.getAttribute(EDITOR, 'data-referat'))!;
    const text = async () =>
      (await app.db.prisma.decision.findUnique({ where: { agendaItemId: itemId } }))?.text;
    await first.fill(`${EDITOR} textarea`, 'Skrevet lige før fanen blev lukket.');
    await b.page.goto('about:blank');
    await until(async () => (await text()) === 'Skrevet lige før fanen blev lukket.');
    // Now the save fails on the server while one writes, and as the panel closes.
    const frame = await b.open(meetingTab(ALEX, comingId, 'referat'), EDITOR);
    const down = jest
      .spyOn(app.services.decisions, 'record')
      .mockRejectedValue(new Error('the database is out of reach'));
    try {
      await frame.fill(`${EDITOR} textarea`, 'Skrevet uden forbindelse.');
      await frame.waitForSelector(`${STATUS}:has-text("Ikke gemt på serveren endnu")`);
      await b.page.goto('about:blank');
      await until(async () => down.mock.calls.length >= 2);
    } finally {
      down.mockRestore();
    }
    expect(await text()).toBe('Skrevet lige før fanen blev lukket.');
    // Opened again: the kept text is back, said so, and saved.
    const again = await b.open(meetingTab(ALEX, comingId, 'referat'), EDITOR);
    await again.waitForSelector('text=er hentet frem igen fra denne computer');
    expect(await again.inputValue(`${EDITOR} textarea`)).toBe('Skrevet uden forbindelse.');
    await again.waitForSelector(SAVED);
    expect(await text()).toBe('Skrevet uden forbindelse.');
    expect(
      await again.evaluate(() =>
        Object.keys(localStorage).filter((k) => k.startsWith('dagsorden.referat')),
      ),
    ).toEqual([]);
  });

  it('fits 320 px with the workbench open', async () => {
    await b.page.setViewportSize({ width: 320, height: 900 });
    try {
      const frame = await b.open(meetingTab(ALEX, comingId, 'referat'), EDITOR);
      await frame.fill(
        `${EDITOR} textarea`,
        'DASSOS godkendte indstillingen. Sekretariatet sender notatet til kommunerne.',
      );
      await frame.click(`${EDITOR} button:has-text("Tilføj en opgave")`);
      await frame.fill(`${EDITOR} input[type=text] >> nth=0`, 'Notatet sendes til kommunerne');
      await frame.waitForSelector(SAVED);
      const wide = await frame.evaluate(() =>
        Array.from(document.querySelectorAll('*'))
          .filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
          .slice(0, 5)
          .map((e) => `${e.tagName}.${e.className} ${Math.round(e.getBoundingClientRect().right)}`),
      );
      expect(wide).toEqual([]);
      expect(await fits(frame)).toBe(true);
      expect(await axeViolations(frame)).toEqual([]);
      if (SHOTS) {
        await frame.evaluate(() =>
          document.querySelector('#referat-heading')?.scrollIntoView({ block: 'start' }),
        );
        await b.page.screenshot({ path: path.join(SHOTS, 'tab-referat.png') });
      }
    } finally {
      await b.page.setViewportSize({ width: 1024, height: 800 });
    }
  });

  it('builds the minutes, offers them for download, publishes them with the CPR check, and corrects them', async () => {
    const item = await app.db.prisma.agendaItem.findFirstOrThrow({
      where: { meetingId: octoberId },
      orderBy: { position: 'asc' },
    });
    await app.services.decisions.record(alex, {
      itemId: item.id,
      version: 0,
      draft: { outcome: 'noted', text: 'Sagen om 010190-1234 er drøftet.', actions: [] },
      correction: null,
    });
    const frame = await b.open(meetingTab(ALEX, octoberId, 'minutes'), '#minutes-heading');
    const section = 'section[aria-labelledby=minutes-heading]';
    await frame.waitForSelector(`${section} >> text=Referatet er ikke bygget endnu`);
    await frame.click(`${section} button:has-text("Byg referatet")`);
    await frame.waitForSelector(`${section} >> text=Udkast`);
    const word = await frame.getAttribute(`${section} a:has-text("Hent som Word")`, 'href');
    expect(new URL(word!).pathname).toMatch(
      new RegExp(`^/files/minutes/${octoberId}/[^/]+\\.docx$`),
    );
    const docx = await fetch(`${app.url}${new URL(word!).pathname}`);
    expect(docx.status).toBe(200);
    expect(await axeViolations(frame)).toEqual([]);

    await frame.click(`${section} button:has-text("Godkend og udsend")`);
    await frame.waitForSelector(`${section} [role=alert] >> text=010190-****`);
    expect(await frame.textContent(section)).not.toContain('1234');
    expect(
      await app.db.prisma.outboundDelivery.count({
        where: { kind: 'minutes', subjectId: octoberId },
      }),
    ).toBe(0);
    expect(await axeViolations(frame)).toEqual([]);
    await frame.click(`${section} button:has-text("Udsend alligevel")`);
    await frame.waitForSelector(`${section} [role=status] >> text=Referatet er udsendt i kanalen.`);
    await frame.waitForSelector(`${section} >> text=Udsendt`);
    expect(
      await app.db.prisma.outboundDelivery.count({
        where: { kind: 'minutes', subjectId: octoberId },
      }),
    ).toBe(1);

    // Corrected after publication: the note is needed, the minutes checked again, issued again.
    await frame.click(`${section} button:has-text("Gem rettelsen og udsend igen")`);
    await frame.waitForSelector(`${section} >> text=Skriv, hvad der er rettet.`);
    await frame.fill(`${section} textarea`, 'Et navn var stavet forkert.');
    await frame.click(`${section} button:has-text("Gem rettelsen og udsend igen")`);
    await frame.click(`${section} button:has-text("Udsend alligevel")`);
    await frame.waitForSelector(`${section} [role=status] >> text=Rettelsen er gemt`);
    await frame.waitForSelector(`${section} >> text=Et navn var stavet forkert.`);
    expect(
      await app.db.prisma.outboundDelivery.count({
        where: { kind: 'minutes-reissued', subjectId: octoberId },
      }),
    ).toBe(1);
    expect(await axeViolations(frame)).toEqual([]);
  });

  it('writes the Referat of the item under discussion in the meeting side panel too', async () => {
    // The agenda goes out as "udsend dagsorden" does it (without the channel's cards): only then is an item discussed.
    const committee = await app.db.prisma.committee.findUniqueOrThrow({
      where: { id: committeeId },
    });
    await publishQuietly(app, committee, alex, comingId);
    const item = await app.db.prisma.agendaItem.findFirstOrThrow({
      where: { meetingId: comingId },
      orderBy: { position: 'desc' },
    });
    const moved = await fetch(`${app.url}/api/tab/meetings/${comingId}/current-item`, {
      method: 'PUT',
      headers: { authorization: `Dev ${ALEX.aadObjectId}`, 'content-type': 'application/json' },
      body: JSON.stringify({ itemId: item.id, version: 0 }),
    });
    expect(moved.status).toBe(200);
    const frame = await b.open(
      {
        src: `/tab/index.html?view=panel&meeting=${comingId}`,
        frameContext: 'sidePanel',
        context: {
          userObjectId: ALEX.aadObjectId,
          locale: 'da-dk',
          theme: 'default',
          tid: '00000000-0000-0000-0000-0000000000001',
          frameContext: 'sidePanel',
          entityId: `dagsorden-meeting-${comingId}`,
        },
      },
      `[data-referat="${item.id}"]`,
    );
    await frame.fill(`${EDITOR} textarea`, 'Skrevet i sidepanelet under mødet.');
    await frame.waitForSelector(SAVED);
    expect(
      (await app.db.prisma.decision.findUniqueOrThrow({ where: { agendaItemId: item.id } })).text,
    ).toBe('Skrevet i sidepanelet under mødet.');
    expect(await axeViolations(frame)).toEqual([]);
  });
});
