// The CPR guard on every path that sends the secretariat's text to the channel, over HTTP
// as Teams sends it: an item's Referat (when its card is in the channel), the minutes
// ("godkend referat"), a correction ("ret referat") and a date poll. A CPR-like number
// holds the text back with a warning card (masked numbers, where they stand); its "send
// anyway" repeats the action bound to the fingerprint of what was checked, so a change
// after the warning brings a new warning instead of sending. (The agenda's own guard is
// tested in agenda.e2e.test.ts.)
import { startRecordingConnector, type RecordingConnector } from '../support/recording-connector';
import { startTestApp, type TestApp } from '../support/app';
import { ALEX, TEAM, executeAction, message } from '../support/activities';
import { AGENDA } from '../support/documents';
import { JUST_AFTER, publishedMeetingJustHeld } from '../support/held-meeting';
import { until } from '../support/until';
import { facts, text } from '../support/card';
import { read } from '../support/read';

/** Monday 23 November 2026, 15:30: the demo meeting (moved to today, 13–15) has just ended. */
const NOW = JUST_AFTER;

let app: TestApp;
let connector: RecordingConnector;
let meetingId = '';

type Action = { verb: string; data: Record<string, unknown> };
type Card = { body: unknown[]; actions?: Action[] };

const personal = (text: string) => message(text, { serviceUrl: connector.url, scope: 'personal', user: ALEX });

/** The card (or text) an Action.Execute in Alex's chat is answered with. */
async function invoke(verb: string, data: Record<string, unknown>): Promise<Card> {
  const res = await app.post(executeAction(verb, data, { serviceUrl: connector.url, scope: 'personal', user: ALEX }));
  return ((await res.json()) as { value: Card }).value;
}

/** The card the bot answered a text message with. */
async function say(text: string): Promise<Card> {
  const activity = personal(text);
  await app.post(activity);
  const reply = () => connector.recorded.find((r) => r.method === 'POST' && r.body.replyToId === activity.id);
  await until(() => Boolean(reply()));
  return (reply()!.body as { attachments: Array<{ content: Card }> }).attachments[0]!.content;
}

/** What the warning shows (its text, not its buttons' data, which carry the secretariat's own form back to them). */
const shown = (card: Card) => text(card);
const confirmOf = (card: Card) => card.actions!.find((a) => a.verb !== 'cpr-cancel')!;
const cancelOf = (card: Card) => card.actions!.find((a) => a.verb === 'cpr-cancel')!;
const toChannel = (pattern: RegExp) => connector.recorded.filter((r) => r.conversationId.startsWith(TEAM) && pattern.test(JSON.stringify(r.body)));
/** Everything the outbox had to send now is sent: what is not there was never queued. */
const settle = () => app.outbox.idle();

async function item(number: string) {
  return (await app.db.prisma.agendaItem.findFirst({ where: { meetingId, number } }))!;
}

beforeAll(async () => {
  connector = await startRecordingConnector();
  app = await startTestApp({ NOW }, true);
  // The agenda went out before the meeting: its cards are in the channel.
  meetingId = await publishedMeetingJustHeld(app, connector);
});
afterAll(async () => {
  await app?.close();
  await connector?.close();
});

describe("an item's Referat", () => {
  it('is held back while its card is in the channel, and saved only as it was checked', async () => {
    const it12 = await item('1.2');
    const form = { itemId: it12.id, version: '0', rows: '', outcome: 'approved', text: 'DASSOS godkendte udkastet. Sagen om borgeren 010190–1234 følges op.' };
    const warning = await invoke('decision-save', form);
    expect(shown(warning)).toContain('Mulige CPR-numre i referatet af punktet');
    expect(shown(warning)).toContain('1.2 · referat');
    expect(shown(warning)).toContain('010190-****');
    expect(shown(warning)).not.toContain('010190–1234');
    expect(await app.db.prisma.decision.count({ where: { agendaItemId: it12.id } })).toBe(0);

    // The form changed after the warning (a second number): the old fingerprint confirms nothing.
    const confirm = confirmOf(warning);
    expect(confirm.verb).toBe('decision-save');
    expect(confirm.data.cprConfirmed).toMatch(/^[0-9a-f]{64}$/);
    const again = await invoke('decision-save', { ...confirm.data, text: `${form.text} Også 020290 4321.` });
    expect(shown(again)).toContain('ændret, siden du fik advarslen');
    expect(shown(again)).toContain('020290-****');
    expect(await app.db.prisma.decision.count({ where: { agendaItemId: it12.id } })).toBe(0);
    await settle();
    expect(connector.recorded.filter((r) => r.method === 'PUT' && r.activityId === it12.cardActivityId)).toHaveLength(0);

    // "Gem alligevel" saves exactly what was checked, and the card in the channel shows it.
    expect(shown(await invoke(confirm.verb, confirm.data))).toContain('Gemt: punkt 1.2');
    expect((await app.db.prisma.decision.findUniqueOrThrow({ where: { agendaItemId: it12.id } })).text).toBe(form.text);
    const audit = await app.db.prisma.auditEvent.findFirstOrThrow({ where: { action: 'decision.recorded', subjectId: it12.id } });
    expect(audit.data).toMatchObject({ cprFindings: 1, confirmedCpr: true });
    await until(() => connector.recorded.some((r) => r.method === 'PUT' && r.activityId === it12.cardActivityId));
  });
});

describe('the minutes', () => {
  it('"godkend referat" holds minutes with a CPR number back; a number added after the warning needs a new one', async () => {
    connector.clear();
    const warning = await say('godkend referat');
    expect(shown(warning)).toContain('Mulige CPR-numre i referatet');
    expect(shown(warning)).toContain('1.2 · referat');
    expect(shown(warning)).toContain('010190-****');
    expect(confirmOf(warning)).toEqual({ type: 'Action.Execute', verb: 'minutes-publish', title: 'Udsend alligevel', style: 'destructive', data: { meetingId, cprConfirmed: expect.stringMatching(/^[0-9a-f]{64}$/) }, fallback: expect.anything() });
    await settle();
    expect(toChannel(/REFERAT · DASSOS/)).toHaveLength(0);
    expect(await read(app.db).minutes(meetingId)).toBeNull();

    // After the warning, a second number goes into another item's Referat (confirmed there).
    const it21 = await item('2.1');
    const held = await invoke('decision-save', { itemId: it21.id, version: '0', rows: '', outcome: 'noted', text: 'DASSOS tog orienteringen om borger 020290\u00a04321 til efterretning.' });
    expect(shown(await invoke('decision-save', confirmOf(held).data))).toContain('Gemt: punkt 2.1');

    // The old button publishes nothing: a new warning names both.
    const again = await invoke('minutes-publish', confirmOf(warning).data);
    expect(shown(again)).toContain('ændret, siden du fik advarslen');
    expect(shown(again)).toContain('010190-****');
    expect(shown(again)).toContain('2.1 · referat');
    expect(shown(again)).toContain('020290-****');
    await settle();
    expect(toChannel(/REFERAT · DASSOS/)).toHaveLength(0);
    expect(await read(app.db).minutes(meetingId)).toBeNull();

    // The new one publishes them.
    expect(shown(await invoke('minutes-publish', confirmOf(again).data))).toContain('er udsendt i kanalen');
    await until(() => toChannel(/REFERAT · DASSOS/).length === 1);
    expect((await app.db.prisma.minutes.findUniqueOrThrow({ where: { meetingId } })).status).toBe('published');
  });

  it('"ret referat" with a CPR number saves no correction until confirmed', async () => {
    connector.clear();
    const warning = await say('ret referat Borgeren 030390\u20111234 i punkt 1.2 er rettet');
    expect(shown(warning)).toContain('Mulige CPR-numre i rettelsen til referatet');
    expect(facts(warning)).toContainEqual({ title: 'rettelse', value: '030390-****' });
    const minutesId = (await app.db.prisma.minutes.findUniqueOrThrow({ where: { meetingId } })).id;
    expect(await app.db.prisma.minutesCorrection.count({ where: { minutesId } })).toBe(0);

    expect(shown(await invoke(cancelOf(warning).verb, cancelOf(warning).data))).toContain('Annulleret. Intet er sendt.');
    expect(await app.db.prisma.minutesCorrection.count({ where: { minutesId } })).toBe(0);

    const confirm = confirmOf(warning);
    expect(confirm.verb).toBe('minutes-correct');
    expect(shown(await invoke(confirm.verb, confirm.data))).toContain('rettet');
    expect(await app.db.prisma.minutesCorrection.count({ where: { minutesId } })).toBe(1);
    // Confirmed twice (Teams keeps the button): the correction is then in the minutes, so it is checked again.
    expect(shown(await invoke(confirm.verb, confirm.data))).toContain('ændret, siden du fik advarslen');
    expect(await app.db.prisma.minutesCorrection.count({ where: { minutesId } })).toBe(1);
  });
});

describe('date polls', () => {
  const proposal = async (title: string) => ({
    committeeId: (await app.db.prisma.committee.findFirstOrThrow({ where: { slug: 'dassos' } })).id,
    title,
    place: 'Viborg Rådhus',
    deadlineDate: '2026-12-15',
    deadlineTime: '12:00',
    g1c1d: '2027-01-21', g1c1s: '09:00', g1c1e: '11:00',
    g1c2d: '2027-01-25', g1c2s: '09:00', g1c2e: '11:00',
  });

  it('holds a poll whose title has a CPR number back before its card is posted', async () => {
    connector.clear();
    const warning = await invoke('date-poll-create', await proposal('Møder 2027 – jf. sagen om 040490 1234'));
    expect(shown(warning)).toContain('Mulige CPR-numre i datoafstemningen');
    expect(facts(warning)).toContainEqual({ title: 'titel', value: '040490-****' });
    await settle();
    expect(await app.db.prisma.datePoll.count()).toBe(0);
    expect(toChannel(/DATOAFSTEMNING/)).toHaveLength(0);

    const confirm = confirmOf(warning);
    expect(confirm.verb).toBe('date-poll-create');
    // Another title under the old fingerprint: checked again.
    expect(shown(await invoke(confirm.verb, { ...confirm.data, title: 'Møder 2027 – 040490 1234 og 050590-1234' }))).toContain('050590-****');
    expect(await app.db.prisma.datePoll.count()).toBe(0);

    expect(shown(await invoke(confirm.verb, confirm.data))).toContain('Afstemningen er på vej til kanalen');
    expect(await app.db.prisma.datePoll.count()).toBe(1);
    expect((await app.db.prisma.auditEvent.findFirstOrThrow({ where: { action: 'date_poll.created' } })).data).toMatchObject({ cprFindings: 1, confirmedCpr: true });
    await until(() => toChannel(/DATOAFSTEMNING/).length > 0);
  });
});

describe('importing onto a meeting whose cards are in the channel', () => {
  it('holds a document with a CPR number: the cards would show it at their next refresh', async () => {
    const before = (await read(app.db).items(meetingId)).map((i) => [i.number, i.caseText]);
    connector.clear();
    const activity = personal(`importer dagsorden\n${AGENDA.replace('Der gives en kort status.', 'Borgeren 060690\u20111234 er omtalt.')}`);
    await app.post(activity);
    await until(() => connector.recorded.some((r) => r.method === 'POST' && r.body.replyToId === activity.id));
    const preview = (connector.recorded.find((r) => r.method === 'POST' && r.body.replyToId === activity.id)!.body as { attachments: Array<{ content: Card }> }).attachments[0]!.content;
    const save = preview.actions!.find((a) => a.verb === 'import-save')!;

    const warning = await invoke('import-save', { importId: save.data.importId, meetingId });
    expect(shown(warning)).toContain('Mulige CPR-numre i det importerede dokument');
    expect(facts(warning)).toContainEqual({ title: '2.2 · sagsfremstilling', value: '060690-****' });
    expect(confirmOf(warning).data).toEqual({ importId: save.data.importId, meetingId, cprConfirmed: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect((await read(app.db).items(meetingId)).map((i) => [i.number, i.caseText])).toEqual(before);
    expect(shown(await invoke(cancelOf(warning).verb, cancelOf(warning).data))).toContain('Annulleret');
  });
});
