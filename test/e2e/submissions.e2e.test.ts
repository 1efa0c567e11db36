// Topic submissions over HTTP as Teams sends them: a member submits from the form and
// gets a receipt; the secretariat gets a review card in its personal chat and accepts
// (the topic becomes a draft item), accepts late, moves, declines or asks; the submitter
// hears each outcome; limits are named; user text stays text; of two secretariat
// members reviewing at once, one wins and the other is told.
import { startRecordingConnector, type RecordingConnector } from '../support/recording-connector';
import { until } from '../support/until';
import { startTestApp, type TestApp } from '../support/app';
import { invokeInPersonalChat } from '../support/personal-invoke';
import { ALEX, MEGAN, STRANGER, message } from '../support/activities';
import { read } from '../support/read';
import { inputs, text, verbs } from '../support/card';

let app: TestApp;
let connector: RecordingConnector;
const ADELE = {
  id: 'user-id-2',
  aadObjectId: '00000000-0000-0000-0000-0000000000022',
  name: 'Adele Vance',
};
const ISAIAH = {
  id: 'user-id-3',
  aadObjectId: '00000000-0000-0000-0000-0000000000023',
  name: 'Isaiah Langer',
};
const PATTI = {
  id: 'user-id-4',
  aadObjectId: '00000000-0000-0000-0000-0000000000024',
  name: 'Patti Fernandez',
};
type User = typeof ALEX;

let meetings: Array<{ id: string; startsAt: Date }> = [];

beforeAll(async () => {
  connector = await startRecordingConnector();
  app = await startTestApp();
  // The channel's address, for the secretariat's personal messages.
  await app.post(
    message('næste møde', { serviceUrl: connector.url, scope: 'channel', user: ALEX }),
  );
  const committee = await app.db.prisma.committee.findFirstOrThrow({ where: { slug: 'dassos' } });
  meetings = await app.db.prisma.meeting.findMany({
    where: { committeeId: committee.id, startsAt: { gt: new Date('2026-11-22T12:00:00+01:00') } },
    orderBy: { startsAt: 'asc' },
  });
});
afterAll(async () => {
  await app?.close();
  await connector?.close();
});
beforeEach(() => connector.clear());

const where = (user: User) => ({ serviceUrl: connector.url, scope: 'personal' as const, user });

const invoke = (verb: string, data: Record<string, unknown>, user: User) =>
  invokeInPersonalChat(app, connector, verb, data, user);

/** The personal messages to the user that the outbox sent, as JSON. */
async function personalTo(user: User, count = 1): Promise<string[]> {
  const mine = () =>
    connector.recorded.filter(
      (r) => r.method === 'POST' && r.conversationId === `a:personal-${user.id}`,
    );
  await until(() => mine().length >= count, 20_000, `${count} personal messages`);
  return mine().map((r) => JSON.stringify(r.body));
}

const topic = (title: string, extra: Record<string, unknown> = {}) => ({
  meetingId: meetings[0]!.id,
  title,
  purpose: 'discussion',
  description: 'Kommunerne oplever stigende udgifter til borgere med komplekse behov.',
  presenter: '',
  links: 'https://example.org/notat.pdf',
  ...extra,
});

async function submit(
  user: User,
  data: Record<string, unknown>,
): Promise<{ card: string; id: string; version: number }> {
  const card = await invoke('submission-save', data, user);
  const row = await app.db.prisma.topicSubmission.findFirstOrThrow({
    where: { submitter: { aadObjectId: user.aadObjectId } },
    orderBy: { createdAt: 'desc' },
  });
  return { card, id: row.id, version: row.version };
}

describe('submitting a topic', () => {
  it('"indmeld punkt" opens the form for the next meeting still open, the member presenting', async () => {
    await app.post(message('indmeld punkt', where(MEGAN)));
    const [form] = await connector.waitFor(1);
    const card = form!.body;
    expect(text(card)).toContain('Meld et punkt ind');
    expect(inputs(card).map((i) => i.value)).toEqual(
      expect.arrayContaining(['Megan Bowen', meetings[0]!.id]),
    );
    expect(verbs(card)).toContain('submission-save');
  });

  it('refuses an empty title, and a title or description over the limit, naming the limit; nothing is stored', async () => {
    const empty = await invoke('submission-save', topic('  '), MEGAN);
    expect(empty).toContain('Skriv en titel.');
    const long = await invoke(
      'submission-save',
      topic('x'.repeat(201), { description: 'y'.repeat(10_001) }),
      MEGAN,
    );
    expect(long).toContain('Titlen må højst være 200 tegn.');
    expect(long).toContain('Beskrivelsen må højst være 10.000 tegn.');
    // The form comes back with what was typed.
    expect(long).toContain('y'.repeat(100));
    const links = await invoke(
      'submission-save',
      topic('Et punkt', { links: 'javascript:alert(1)' }),
      MEGAN,
    );
    expect(links).toContain('Hvert link skal være en webadresse');
    expect(await app.db.prisma.topicSubmission.count()).toBe(0);
  });

  it('gives a receipt with the meeting and its deadline, and the secretariat a review card with the text as text', async () => {
    const hostile =
      'Se [Klik her](https://evil.example/x) og ![](https://tracker.example/p.png) ${1+1} **fed**';
    const { card } = await submit(
      MEGAN,
      topic('Borgere med komplekse behov', { description: hostile }),
    );
    expect(card).toContain('PUNKT INDMELDT');
    expect(card).toMatch(/Dit punkt er meldt ind til mødet \w+dag den \d+\. \w+ 2027\. Fristen er/);
    expect(card).toContain('submission-withdraw');
    const [review] = await personalTo(ALEX);
    expect(review).toContain('INDMELDT PUNKT · DASSOS');
    expect(review).toContain('Megan Bowen, Aarhus Kommune');
    expect(review).toContain('Optag på dagsordenen');
    // Links and images in the member's text are inert; "${…}" is shown, never evaluated.
    expect(review).not.toContain('](https://evil');
    expect(review).not.toContain('](https://tracker');
    expect(review).toContain('[Klik her]\u200b(https://evil.example/x)');
    expect(review).toContain('${1+1}');
    expect(review).not.toContain('"2"');
  });

  it('lets the submitter change it before review (the secretariat gets the new version) and refuses others', async () => {
    const row = await app.db.prisma.topicSubmission.findFirstOrThrow({
      where: { title: 'Borgere med komplekse behov' },
    });
    const form = await invoke('submission-edit', { submissionId: row.id }, MEGAN);
    expect(form).toContain('Ret dit indmeldte punkt');
    expect(form).toContain('Borgere med komplekse behov');
    expect(await invoke('submission-edit', { submissionId: row.id }, ADELE)).toContain(
      'Det kan kun sekretariatet.',
    );
    const saved = await invoke(
      'submission-save',
      topic('Borgere med komplekse behov – udgiftsudvikling', {
        submissionId: row.id,
        version: row.version,
      }),
      MEGAN,
    );
    expect(saved).toContain('PUNKT RETTET');
    const [review] = await personalTo(ALEX);
    expect(review).toContain('udgiftsudvikling');
    // A second save from the old form (its version is gone) changes nothing.
    expect(
      await invoke(
        'submission-save',
        topic('Gammel titel', { submissionId: row.id, version: row.version }),
        MEGAN,
      ),
    ).toContain('En anden har netop ændret');
  });

  it('refuses observers and strangers', async () => {
    const observer = await app.db.prisma.membership.findFirstOrThrow({
      where: { role: 'observer' },
      include: { person: true },
    });
    await app.db.prisma.person.update({
      where: { id: observer.personId },
      data: { aadObjectId: '00000000-0000-0000-0000-0000000000077' },
    });
    const OBSERVER = {
      id: 'user-id-7',
      aadObjectId: '00000000-0000-0000-0000-0000000000077',
      name: observer.person.displayName,
    };
    expect(await invoke('submission-save', topic('Fra en observatør'), OBSERVER)).toContain(
      'Observatører følger med',
    );
    expect(await invoke('submission-save', topic('Fra en fremmed'), STRANGER)).toContain(
      'kun styregruppens medlemmer',
    );
  });
});

describe('the secretariat reviewing', () => {
  beforeAll(async () => {
    // A second member of the secretariat, to review at the same moment as Alex.
    const isaiah = await read(app.db).person(ISAIAH.aadObjectId);
    await app.db.prisma.membership.updateMany({
      where: { personId: isaiah.id },
      data: { role: 'secretariat' },
    });
  });

  it('two reviewing at once: one wins, the other is told what happened; an accepted topic is a draft item', async () => {
    const row = await app.db.prisma.topicSubmission.findFirstOrThrow({
      where: { title: { startsWith: 'Borgere med komplekse behov' } },
    });
    const [a, b] = await Promise.all([
      invoke(
        'submission-review',
        { submissionId: row.id, version: row.version, decision: 'accept' },
        ALEX,
      ),
      invoke(
        'submission-review',
        {
          submissionId: row.id,
          version: row.version,
          decision: 'decline',
          reason: 'Hører under KKR',
        },
        ISAIAH,
      ),
    ]);
    const winner = a.includes('har allerede behandlet') ? 'isaiah' : 'alex';
    expect([a, b].filter((c) => c.includes('har allerede behandlet'))).toHaveLength(1);
    const after = await app.db.prisma.topicSubmission.findUniqueOrThrow({ where: { id: row.id } });
    if (winner === 'alex') {
      expect(a).toMatch(/Punktet er optaget som punkt 1\.\d+ på mødet/);
      expect(b).toContain('Alex Wilber har allerede behandlet punktet: optaget på dagsordenen');
      const item = await app.db.prisma.agendaItem.findUniqueOrThrow({
        where: { id: after.agendaItemId! },
      });
      expect(item).toMatchObject({
        status: 'draft',
        sectionKind: 'decision',
        presenter: 'Megan Bowen',
        meetingId: meetings[0]!.id,
        recommendations: ['Drøfter punktet'],
      });
      expect((await personalTo(MEGAN)).join()).toContain('er optaget på dagsordenen til mødet');
    } else {
      expect(after.status).toBe('declined');
      expect(a).toContain('Isaiah Langer har allerede behandlet punktet: afvist');
      expect((await personalTo(MEGAN)).join()).toContain('Hører under KKR');
    }
    // Reviewed: the submitter can no longer change or withdraw it.
    expect(
      await invoke('submission-withdraw', { submissionId: row.id, version: after.version }, MEGAN),
    ).toContain('Sekretariatet har allerede behandlet punktet');
  });

  it('after the deadline a topic goes to the following meeting, unless the secretariat accepts it late', async () => {
    await app.db.prisma.meeting.update({
      where: { id: meetings[0]!.id },
      data: { submissionDeadline: new Date('2026-11-20T12:00:00Z') },
    });
    try {
      const { card, id, version } = await submit(ADELE, topic('Sent punkt om takster'));
      expect(card).toMatch(
        /Fristen for mødet .* var .*, så dit punkt går til mødet .* – medmindre sekretariatet optager det som for sent indmeldt/,
      );
      const row = await app.db.prisma.topicSubmission.findUniqueOrThrow({ where: { id } });
      expect(row).toMatchObject({
        meetingId: meetings[1]!.id,
        lateForMeetingId: meetings[0]!.id,
        late: true,
      });
      const reviews = await personalTo(ALEX);
      expect(reviews.at(-1)).toMatch(/Optag til \d+\. januar 2027 \(for sent\)/);
      const done = await invoke(
        'submission-review',
        { submissionId: id, version, decision: 'accept-late' },
        ALEX,
      );
      expect(done).toContain('Punktet er optaget som punkt');
      const item = await app.db.prisma.agendaItem.findFirstOrThrow({
        where: { title: 'Sent punkt om takster' },
      });
      expect(item.meetingId).toBe(meetings[0]!.id);
    } finally {
      await app.db.prisma.meeting.update({
        where: { id: meetings[0]!.id },
        data: { submissionDeadline: null },
      });
    }
  });

  it('moves, declines with a reason, or asks; the submitter hears each in plain words', async () => {
    const moved = await submit(PATTI, topic('Punkt til et senere møde'));
    expect(
      await invoke(
        'submission-review',
        {
          submissionId: moved.id,
          version: moved.version,
          decision: 'move',
          meetingId: meetings[2]!.id,
        },
        ALEX,
      ),
    ).toContain('Punktet er flyttet til mødet');
    expect((await personalTo(PATTI)).join()).toMatch(
      /Dit punkt «Punkt til et senere møde» er flyttet til mødet \w+dag den/,
    );
    connector.clear();

    const declined = await submit(PATTI, topic('Et punkt uden for kommissoriet'));
    expect(
      await invoke(
        'submission-review',
        { submissionId: declined.id, version: declined.version, decision: 'decline', reason: '  ' },
        ALEX,
      ),
    ).toContain('ikke gyldigt');
    expect(
      await invoke(
        'submission-review',
        {
          submissionId: declined.id,
          version: declined.version,
          decision: 'decline',
          reason: 'Det hører under KKR.',
        },
        ALEX,
      ),
    ).toContain('Punktet er afvist');
    expect((await personalTo(PATTI)).join()).toContain(
      'er ikke optaget. Sekretariatets begrundelse: Det hører under KKR.',
    );
    connector.clear();

    const asked = await submit(PATTI, topic('Et uklart punkt'));
    expect(
      await invoke(
        'submission-review',
        {
          submissionId: asked.id,
          version: asked.version,
          decision: 'question',
          question: 'Hvilke kommuner er berørt?',
        },
        ALEX,
      ),
    ).toContain('Spørgsmålet er sendt');
    expect((await personalTo(PATTI)).join()).toContain(
      'Sekretariatet har et spørgsmål til dit punkt «Et uklart punkt»: Hvilke kommuner er berørt?',
    );
    // Still waiting: the submitter may change it, and the review card says what was asked.
    const row = await app.db.prisma.topicSubmission.findUniqueOrThrow({ where: { id: asked.id } });
    expect(row.status).toBe('submitted');
    expect(
      await invoke(
        'submission-save',
        topic('Et uklart punkt – Favrskov og Odder', {
          submissionId: asked.id,
          version: row.version,
        }),
        PATTI,
      ),
    ).toContain('PUNKT RETTET');
    // Only the secretariat reviews.
    expect(
      await invoke(
        'submission-review',
        { submissionId: asked.id, version: row.version + 1, decision: 'accept' },
        MEGAN,
      ),
    ).toContain('Det kan kun sekretariatet.');
  });

  it('the digest before the meeting tells each submitter where their topics stand', async () => {
    const meeting = (await app.services.meetings.byId(meetings[0]!.id))!;
    const committee = (await app.services.committees.byId(meeting.committeeId))!;
    const digests = (await app.services.digests.digestsFor(committee, meeting, new Set()))!;
    const adele = digests.personal.find((p) => p.recipient.name === 'Adele Vance')!;
    expect(adele.submissions).toEqual([
      { id: expect.any(String), title: 'Sent punkt om takster', status: 'accepted' },
    ]);
  });

  it('the submitter can withdraw while it waits; "indmeldte punkter" lists the next meeting\'s topics with their status', async () => {
    const mine = await submit(MEGAN, topic('Et punkt jeg fortryder'));
    expect(
      await invoke('submission-withdraw', { submissionId: mine.id, version: mine.version }, MEGAN),
    ).toContain('Du har trukket «Et punkt jeg fortryder» tilbage.');
    await app.post(message('indmeldte punkter', where(MEGAN)));
    const card = text(
      connector.recorded.find((r) => text(r.body).includes('INDMELDTE PUNKTER'))?.body,
    );
    expect(card).toContain('INDMELDTE PUNKTER · DASSOS');
    expect(card).toContain('Et punkt jeg fortryder');
    expect(card).toContain('Trukket tilbage');
    expect(card).toContain('Adele Vance, Randers Kommune');
  });
});
