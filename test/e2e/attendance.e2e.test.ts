// Attendance over HTTP as Teams sends it: a member answers "Jeg deltager" or "Jeg melder
// afbud" on the next-meeting card (the same answer twice changes nothing) and names a
// stand-in of their organisation; the stand-in is told in their personal chat and gets
// the agenda and the closed attachments once; a stand-in named no longer is told so and
// gets nothing more; one the bot cannot reach is said to the member and the secretariat;
// nobody outside the committee and its stand-ins ever gets a closed attachment. The
// secretariat's "fremmøde" shows the answers by organisation and the quorum, and records
// answers given by mail; the minutes get their participant lists.
import { startRecordingConnector, type RecordingConnector } from '../support/recording-connector';
import { startTestApp, type TestApp } from '../support/app';
import { invokeInPersonalChat } from '../support/personal-invoke';
import { ALEX, MEGAN, TENANT, executeAction, message } from '../support/activities';
import { AGENDA } from '../support/documents';
import { until } from '../support/until';
import { inputs, refresh, text, titles } from '../support/card';
import { read } from '../support/read';

let app: TestApp;
let connector: RecordingConnector;
type User = typeof ALEX;
/** A deputy of Aarhus Kommune, known to Dagsorden from another committee, seen in Teams. */
const HANNE = { id: 'user-id-6', aadObjectId: '00000000-0000-0000-0000-0000000000026', name: 'Hanne Kjær' };
/** Someone of another organisation, also known from that committee. */
const RASMUS = { id: 'user-id-7', aadObjectId: '00000000-0000-0000-0000-0000000000027', name: 'Rasmus Ravn' };
/** A deputy of Randers Kommune, Adele's stand-in, named before the agenda is out. */
const VIBEKE = { id: 'user-id-8', aadObjectId: '00000000-0000-0000-0000-0000000000028', name: 'Vibeke Dam' };
const ADELE = { id: 'user-id-2', aadObjectId: '00000000-0000-0000-0000-0000000000022', name: 'Adele Vance' };
const CLOSED_URL = 'https://dokumenter.example.org/dassos/lukket-opsamling.pdf';
const LATER_URL = 'https://dokumenter.example.org/dassos/lukket-notat-om-takster.pdf';
let meetingId = '';
let hanneId = '';
let rasmusId = '';
let lotteId = '';
let vibekeId = '';

const personal = (text: string, user: User = ALEX) => message(text, { serviceUrl: connector.url, scope: 'personal', user });
const invoke = (verb: string, data: Record<string, unknown>, user: User) => invokeInPersonalChat(app, connector, verb, data, user);

/** What the bot sent to the user's personal chat (created by the outbox when it had none), as JSON. */
const chatOf = (user: { id: string }) => connector.recorded.filter((r) => r.method === 'POST' && r.conversationId === `a:personal-${user.id}`).map((r) => JSON.stringify(r.body));

async function importAndPublish(text: string): Promise<void> {
  connector.clear();
  await app.post(personal(`importer dagsorden\n${text}`));
  await until(() => connector.recorded.some((r) => JSON.stringify(r.body).includes('import-save')));
  const body = connector.recorded.find((r) => JSON.stringify(r.body).includes('import-save'))!.body as { attachments: Array<{ content: { actions: Array<{ verb: string; data: Record<string, string> }>; body: Array<Record<string, unknown>> } }> };
  const card = body.attachments[0]!.content;
  const save = card.actions.find((a) => a.verb === 'import-save')!;
  meetingId = (card.body.find((e) => e.type === 'Input.ChoiceSet') as { value: string }).value;
  await invoke('import-save', { importId: save.data.importId, meetingId }, ALEX);
  connector.clear();
  await app.post(personal('udsend dagsorden'));
  await until(() => connector.recorded.some((r) => String(r.body.text ?? '').startsWith('Dagsordenen er udsendt i kanalen')));
}

const agendaWith = (...urls: string[]) =>
  AGENDA.replace('Lukket bilag – Opsamling af kommunernes input (eftersendes)', [`Lukket bilag – Opsamling af kommunernes input\n${urls[0]}`, ...urls.slice(1).map((u) => `Lukket bilag – Notat om takster\n${u}`)].join('\n\n'));

beforeAll(async () => {
  connector = await startRecordingConnector();
  app = await startTestApp();
  // The channel's address, for the personal messages.
  await app.post(message('næste møde', { serviceUrl: connector.url, scope: 'channel', user: ALEX }));
  const { prisma } = app.db;
  const other = await prisma.committee.create({ data: { slug: 'kkr-social', name: 'KKR Socialforum' } });
  const aarhus = await prisma.organisation.findUniqueOrThrow({ where: { name: 'Aarhus Kommune' } });
  const randers = await prisma.organisation.findUniqueOrThrow({ where: { name: 'Randers Kommune' } });
  for (const [user, organisationId] of [[HANNE, aarhus.id], [RASMUS, randers.id], [VIBEKE, randers.id]] as const) {
    const person = await prisma.person.create({ data: { displayName: user.name, aadObjectId: user.aadObjectId, teamsUserId: user.id, tenantId: TENANT, locale: 'da-DK' } });
    await prisma.membership.create({ data: { committeeId: other.id, personId: person.id, organisationId, role: 'member' } });
  }
  hanneId = (await prisma.person.findUniqueOrThrow({ where: { aadObjectId: HANNE.aadObjectId } })).id;
  rasmusId = (await prisma.person.findUniqueOrThrow({ where: { aadObjectId: RASMUS.aadObjectId } })).id;
  lotteId = (await prisma.person.findFirstOrThrow({ where: { displayName: 'Lotte Henriksen' } })).id;
  vibekeId = (await prisma.person.findUniqueOrThrow({ where: { aadObjectId: VIBEKE.aadObjectId } })).id;
  meetingId = (await prisma.meeting.findFirstOrThrow({ where: { startsAt: { gt: new Date('2026-11-22T12:00:00+01:00') } }, orderBy: { startsAt: 'asc' } })).id;
});
afterAll(async () => {
  await app?.close();
  await connector?.close();
});
beforeEach(() => connector.clear());

describe('a member answering on the next-meeting card', () => {
  it('"næste møde" in the personal chat has the buttons and the stand-ins of the member\'s organisation', async () => {
    await app.post(personal('næste møde', MEGAN));
    const [reply] = await connector.waitFor(1);
    const card = reply!.body;
    expect(titles(card)).toEqual(expect.arrayContaining(['Jeg deltager', 'Jeg melder afbud']));
    expect(text(card)).toContain('Deltager du? Svar med knapperne.');
    // Aarhus Kommune: Hanne (another committee) and Lotte (this one); nobody from elsewhere.
    const choices = inputs(card).flatMap((i) => i.choices ?? []);
    expect(choices).toContainEqual({ title: 'Hanne Kjær', value: hanneId });
    expect(choices).toContainEqual({ title: 'Lotte Henriksen', value: lotteId });
    expect(JSON.stringify(card)).not.toContain('Rasmus Ravn');
    expect(refresh(card)?.verb).toBe('next-meeting-view');
  });

  it('"Jeg deltager" is recorded with an audit record; the same click twice changes nothing', async () => {
    const first = await invoke('attendance', { meetingId, answer: 'attending', card: 'meeting' }, MEGAN);
    expect(first).toContain('✓ Du deltager');
    expect(first).toContain('Tak – du er meldt som deltager.');
    const again = await invoke('attendance', { meetingId, answer: 'attending', card: 'meeting' }, MEGAN);
    expect(again).toContain('Det har du allerede svaret – intet er ændret.');
    expect(await read(app.db).audited('attendance.answered', meetingId)).toBe(1);
    expect(await app.db.prisma.meetingAttendance.findMany({ where: { meetingId }, select: { attendance: true } })).toEqual([{ attendance: 'attending' }]);
  });

  it('refuses a stand-in from another organisation, someone else\'s identity in the card data, and a past meeting', async () => {
    expect(await invoke('attendance', { meetingId, answer: 'absent', standInId: rasmusId, card: 'meeting' }, MEGAN)).toContain('ikke gyldigt');
    // The person is the activity's: a personId in the data changes nothing.
    await invoke('attendance', { meetingId, answer: 'absent', personId: lotteId, card: 'meeting' }, MEGAN);
    expect(await app.db.prisma.meetingAttendance.count({ where: { meetingId, personId: lotteId } })).toBe(0);
    await invoke('attendance', { meetingId, answer: 'attending', card: 'meeting' }, MEGAN);
    const held = await app.db.prisma.meeting.findFirstOrThrow({ where: { status: 'held' } });
    expect(await invoke('attendance', { meetingId: held.id, answer: 'absent', card: 'meeting' }, MEGAN)).toContain('Mødet er begyndt, afholdt eller aflyst');
    expect(await invoke('attendance', { meetingId, answer: 'attending', card: 'meeting' }, { id: 'user-id-9', aadObjectId: '00000000-0000-0000-0000-0000000000099', name: 'Ukendt' })).toContain('Det kan kun styregruppens medlemmer.');
  });
});

describe('a stand-in', () => {
  it('named before the agenda is out is told it follows, and gets it with the members when it is published', async () => {
    await invoke('attendance', { meetingId, answer: 'absent', standInId: vibekeId, card: 'meeting' }, ADELE);
    await until(() => chatOf(VIBEKE).length >= 1);
    expect(chatOf(VIBEKE)[0]).toContain('Adele Vance (Randers Kommune) har meldt afbud og peget på dig som stedfortræder.');
    expect(chatOf(VIBEKE)[0]).toContain('Dagsordenen er ikke udsendt endnu.');
    await importAndPublish(agendaWith(CLOSED_URL));
    const report = connector.recorded.map((r) => String(r.body.text ?? '')).find((t) => t.startsWith('Dagsordenen er udsendt'))!;
    expect(report).toContain('Dagsordenen og de lukkede bilag sendes også personligt til 1 stedfortræder.');
    await until(() => chatOf(VIBEKE).length >= 2);
    expect(chatOf(VIBEKE)[0]).toContain('DAGSORDEN TIL STEDFORTRÆDER · DASSOS');
    expect(chatOf(VIBEKE)[0]).toContain('Du deltager i stedet for Adele Vance, Randers Kommune.');
    expect(chatOf(VIBEKE)[1]).toContain(CLOSED_URL);
    // Without a stand-in now: Vibeke is told she is not needed, and Randers is not represented.
    await invoke('attendance', { meetingId, answer: 'absent', standInId: 'none', card: 'meeting' }, ADELE);
    await until(() => chatOf(VIBEKE).some((m) => m.includes('Du er ikke længere stedfortræder')));
  });

  it('is told, and gets the agenda and the closed attachments, in that order, once', async () => {
    const card = await invoke('attendance', { meetingId, answer: 'absent', standInId: hanneId, note: 'Hanne har forberedt punkt 1.1', card: 'meeting' }, MEGAN);
    expect(card).toContain('Du har meldt afbud');
    expect(card).toContain('Stedfortræder: Hanne Kjær');
    expect(card).toContain('Hanne Kjær er stedfortræder og har fået besked her i Teams med dagsordenen og de lukkede bilag.');
    await until(() => chatOf(HANNE).length >= 3);
    const [notice, agenda, closed] = chatOf(HANNE);
    expect(notice).toMatch(/Du er stedfortræder ved DASSOS' møde \w+dag den \d+\. januar 2027 kl\. 13\.00–15\.00/);
    expect(notice).toContain('Megan Bowen (Aarhus Kommune) har meldt afbud og peget på dig som stedfortræder.');
    expect(notice).toContain('Besked fra Megan Bowen: «Hanne har forberedt punkt 1.1»');
    expect(agenda).toContain('DAGSORDEN TIL STEDFORTRÆDER · DASSOS');
    expect(agenda).toContain('Du deltager i stedet for Megan Bowen, Aarhus Kommune.');
    expect(agenda).toContain('1.1 Godkendelse af handlingsplan for Rammeaftale 2027-28');
    expect(agenda).toContain('Fællessekretariatet har udarbejdet et udkast til handlingsplan');
    expect(agenda).not.toContain(CLOSED_URL);
    expect(closed).toContain(`[Lukket bilag – Opsamling af kommunernes input](${CLOSED_URL})`);
    expect(closed).toContain('Til dig som stedfortræder – del dem ikke videre.');

    connector.clear();
    // The same apology again, and a new note alone: nothing more for Hanne.
    expect(await invoke('attendance', { meetingId, answer: 'absent', standInId: hanneId, note: 'Hanne har forberedt punkt 1.1', card: 'meeting' }, MEGAN)).toContain('intet er ændret');
    await invoke('attendance', { meetingId, answer: 'absent', standInId: hanneId, note: 'Hanne kender sagen', card: 'meeting' }, MEGAN);
    await app.outbox.idle();
    expect(chatOf(HANNE)).toHaveLength(0);
  });

  it('publishing again sends the stand-in nothing twice', async () => {
    await app.post(personal('udsend dagsorden'));
    await until(() => connector.recorded.some((r) => String(r.body.text ?? '').startsWith('Dagsordenen er udsendt i kanalen')));
    const report = connector.recorded.map((r) => String(r.body.text ?? '')).find((t) => t.startsWith('Dagsordenen er udsendt'))!;
    expect(report).not.toContain('stedfortræder');
    await app.outbox.idle();
    expect(chatOf(HANNE)).toHaveLength(0);
  });

  it('named no longer: told so, and gets nothing more; one the bot cannot reach is said to the member and the secretariat', async () => {
    const card = await invoke('attendance', { meetingId, answer: 'absent', standInId: lotteId, card: 'meeting' }, MEGAN);
    expect(card).toContain('Stedfortræder: Lotte Henriksen');
    expect(card).toContain('Lotte Henriksen er ikke set i Teams endnu, så jeg kan ikke skrive til vedkommende');
    await until(() => chatOf(HANNE).length >= 1 && chatOf(ALEX).some((m) => m.includes('Stedfortræder, jeg ikke kan skrive til')));
    expect(chatOf(HANNE)[0]).toContain('Du er ikke længere stedfortræder ved DASSOS');
    expect(chatOf(HANNE)[0]).toContain('Slet venligst dagsordenen og de lukkede bilag');
    expect(chatOf(ALEX).find((m) => m.includes('Stedfortræder, jeg ikke kan skrive til'))).toContain('Megan Bowen (Aarhus Kommune) har meldt afbud til mødet');

    // A new closed attachment: the members get it, Hanne (named no longer) does not.
    connector.clear();
    await importAndPublish(agendaWith(CLOSED_URL, LATER_URL));
    const report = connector.recorded.map((r) => String(r.body.text ?? '')).find((t) => t.startsWith('Dagsordenen er udsendt'))!;
    expect(report).toContain('1 stedfortræder kan ikke få dem fra mig (ikke set i Teams).');
    await until(() => chatOf(MEGAN).some((m) => m.includes(LATER_URL)));
    await app.outbox.idle();
    expect(chatOf(HANNE)).toHaveLength(0);
  });

  it('named again: told again and sent the papers as they are now', async () => {
    await invoke('attendance', { meetingId, answer: 'absent', standInId: hanneId, card: 'meeting' }, MEGAN);
    await until(() => chatOf(HANNE).length >= 3);
    const [notice, , closed] = chatOf(HANNE);
    expect(notice).toContain('Du er stedfortræder');
    expect(closed).toContain(CLOSED_URL);
    expect(closed).toContain(LATER_URL);
  });

  it('a closed attachment never reaches anyone but the members and the stand-ins named, even when queued for them', async () => {
    const { prisma } = app.db;
    const members = await prisma.membership.findMany({ where: { committee: { slug: 'dassos' }, role: { not: 'observer' } }, select: { personId: true } });
    const allowed = new Set([...members.map((m) => m.personId), hanneId, vibekeId]);
    const sent = await prisma.outboundDelivery.findMany({ where: { status: 'sent' }, select: { personId: true, kind: true, activity: true } });
    const withClosedLinks = sent.filter((d) => JSON.stringify(d.activity).includes('lukket-'));
    expect(withClosedLinks.length).toBeGreaterThan(6);
    for (const d of withClosedLinks) expect(allowed.has(d.personId ?? '')).toBe(true);
    // A letter queued for someone who is neither (a mistake, a race with a change of stand-in) is withheld when it would be sent.
    await app.services.deliveries.queue([
      { key: `closed:${rasmusId}:probe`, kind: 'closed-attachments', committeeId: null, subjectId: meetingId, to: { personId: rasmusId, serviceUrl: connector.url, tenantId: TENANT }, content: { text: CLOSED_URL } },
    ]);
    await app.outbox.idle();
    expect(await prisma.outboundDelivery.findUniqueOrThrow({ where: { idempotencyKey: `closed:${rasmusId}:probe` } })).toMatchObject({ status: 'failed', lastError: expect.stringContaining('withheld') });
    expect(chatOf(RASMUS)).toHaveLength(0);
  });
});

describe('the secretariat', () => {
  it('"fremmøde" shows the answers by organisation and the quorum; members are refused', async () => {
    await app.post(personal('fremmøde'));
    const [reply] = await connector.waitFor(1);
    const card = text(reply!.body);
    expect(card).toContain('FREMMØDE · DASSOS');
    // Aarhus is represented by Megan's stand-in; nobody else has answered.
    expect(card).toContain('Beslutningsdygtigt: nej (1 af 20 organisationer, kræver mere end halvdelen)');
    expect(card).toContain('Afbud: Megan Bowen · stedfortræder Hanne Kjær');
    expect(card).toContain('Samsø Kommune');
    expect(card).toContain('Ingen medlemmer i Dagsorden');
    connector.clear();
    await app.post(personal('fremmøde', MEGAN));
    const [refusal] = await connector.waitFor(1);
    expect(refusal!.body.text).toBe('Det kan kun sekretariatet.');
  });

  it('records answers members gave by mail, until the meeting is quorate: 11 of 20 organisations', async () => {
    const members = await app.db.prisma.membership.findMany({
      where: { committee: { slug: 'dassos' }, role: { in: ['member', 'chair'] }, person: { aadObjectId: null } },
      include: { organisation: true, person: true },
      orderBy: { person: { displayName: 'asc' } },
    });
    const byOrganisation = new Map<string, string>();
    for (const m of members) if (m.organisation && m.organisation.name !== 'Aarhus Kommune' && !byOrganisation.has(m.organisation.name)) byOrganisation.set(m.organisation.name, m.personId);
    const ten = [...byOrganisation.values()].slice(0, 10);
    let card = '';
    for (const personId of ten) card = await invoke('attendance-record', { meetingId, personId, answer: 'attending' }, ALEX);
    expect(card).toContain('Beslutningsdygtigt: ja (11 af 20 organisationer, kræver mere end halvdelen)');
    expect(card).toMatch(/Svaret for .+ er gemt\./);
    const recorded = await app.db.prisma.meetingAttendance.findFirstOrThrow({ where: { meetingId, personId: ten[0]! }, include: { recordedBy: true } });
    expect(recorded.recordedBy?.displayName).toBe('Alex Wilber');
    expect(await read(app.db).audited('attendance.recorded', meetingId)).toBe(10);
    // The rule is the committee's: at least 12 organisations makes it not quorate.
    const stricter = await invoke('quorum-rule', { meetingId, rule: 'more_than_half', minimum: '12' }, ALEX);
    expect(stricter).toContain('Beslutningsdygtigt: nej (11 af 20 organisationer, kræver mere end halvdelen, mindst 12)');
    await invoke('quorum-rule', { meetingId, rule: 'more_than_half', minimum: '' }, ALEX);
    expect(await invoke('attendance-record', { meetingId, personId: ten[0]!, answer: 'attending' }, MEGAN)).toContain('Det kan kun sekretariatet.');
  });

  it("gives the minutes their participant lists: the stand-in in the member's place, the member under Afbud", async () => {
    const chair = await app.db.prisma.person.findFirstOrThrow({ where: { displayName: 'Jesper Thyrring Møller' } });
    await invoke('attendance-record', { meetingId, personId: chair.id, answer: 'attending' }, ALEX);
    const lists = await app.services.attendance.attendanceForMinutes(meetingId);
    expect(lists.present[0]).toEqual({ name: 'Jesper Thyrring Møller', organisation: 'Struer Kommune', role: 'chair', chair: true });
    expect(lists.present.find((p) => p.name === 'Hanne Kjær')).toEqual({ name: 'Hanne Kjær', organisation: 'Aarhus Kommune', role: 'member', standInFor: 'Megan Bowen' });
    expect(lists.absent).toEqual([
      { name: 'Adele Vance', organisation: 'Randers Kommune', role: 'member' },
      { name: 'Megan Bowen', organisation: 'Aarhus Kommune', role: 'member' },
    ]);
    const attending = await app.db.prisma.meetingAttendance.count({ where: { meetingId, attendance: 'attending' } });
    expect(lists.present).toHaveLength(attending + 1);
    expect(lists.notAnswered.map((p) => p.name)).toContain('Brian Høyer Lorentsen');
  });
});

describe('the digest', () => {
  it('asks for the member\'s attendance, and a click on it answers with the digest', async () => {
    const digest = await invoke('attendance', { meetingId, answer: 'attending', card: 'digest' }, ADELE);
    expect(digest).toContain('OPSUMMERING FØR MØDET · DASSOS');
    expect(digest).toContain('Dit fremmøde');
    expect(digest).toContain('✓ Du deltager');
    expect(digest).toContain('Tak – du er meldt som deltager.');
  });

  it('the channel\'s card is everyone\'s: no one\'s answer, an apology in one click, each member refreshed to their own', async () => {
    await app.post(message('næste møde', { serviceUrl: connector.url, scope: 'channel', user: ALEX }));
    const [reply] = await connector.waitFor(1);
    const card = reply!.body;
    expect(text(card)).toContain('Meld dit fremmøde med knapperne.');
    expect(JSON.stringify(card)).not.toContain('Hanne Kjær');
    expect(refresh(card)?.userIds[0]).toMatch(/^user-id-/);
    const res = await app.post(executeAction('next-meeting-view', { meetingId }, { serviceUrl: connector.url, scope: 'channel', user: MEGAN }));
    const mine = text(((await res.json()) as { value: unknown }).value);
    expect(mine).toContain('Stedfortræder: Hanne Kjær');
  });
});

describe('a committee larger than one Teams message', () => {
  it('"fremmøde" with 250 more members answers that the overview is too large for Teams, not with an apology', async () => {
    const { prisma } = app.db;
    const committee = await prisma.committee.findUniqueOrThrow({ where: { slug: 'dassos' } });
    const organisations = await prisma.organisation.findMany({ select: { id: true } });
    for (let i = 0; i < 250; i++) {
      const person = await prisma.person.create({ data: { displayName: `Medlem nummer ${i + 1} med et langt navn`, tenantId: TENANT, locale: 'da-DK' } });
      await prisma.membership.create({ data: { committeeId: committee.id, personId: person.id, organisationId: organisations[i % organisations.length]!.id, role: 'member' } });
    }
    await app.post(personal('fremmøde'));
    const [reply] = await connector.waitFor(1);
    const card = text(reply!.body);
    expect(card).toContain('Beskeden er for stor til Teams');
    expect(card).toMatch(/fylder \d{3} KB/);
    expect(JSON.stringify(reply!.body).length).toBeLessThan(8 * 1024);
    // The operator hears of it from the log, with the turn's correlation id.
    const told = app.logs.filter((l) => typeof l.msg === 'string' && l.msg.includes('was replaced by the notice'));
    expect(told).toHaveLength(1);
    expect(told[0]).toMatchObject({ level: 40, limitKb: 96 });
    expect(told[0]!.cardKb).toBeGreaterThan(96);
    expect(told[0]!.correlationId).toEqual(expect.any(String));
  });
});
