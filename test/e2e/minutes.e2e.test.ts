// Decisions, minutes and their follow-up over HTTP, as Teams sends it, with the recording
// connector as Teams' side: the secretariat records the Referat of items (the item's card
// in the channel shows it and takes no more answers), builds the minutes (Word and
// Markdown behind secret links), publishes them (once) to the channel and onto the next
// meeting's "Godkendelse af referat", corrects them (issued again, with the correction),
// and the committee approves them there; decisions are found by Danish full-text search;
// actions are listed, marked done once, and overdue ones remind their owners once.
import mammoth from 'mammoth';
import { startRecordingConnector, type RecordingConnector } from '../support/recording-connector';
import { startTestApp, type TestApp } from '../support/app';
import { ALEX, MEGAN, STRANGER, TEAM, executeAction, message } from '../support/activities';
import { invokeInPersonalChat } from '../support/personal-invoke';
import { JUST_AFTER, publishedMeetingJustHeld } from '../support/held-meeting';
import { until } from '../support/until';
import { action, actions, inputOf, text, titles, verbs } from '../support/card';
import { read } from '../support/read';

const ADELE = { id: 'user-id-2', aadObjectId: '00000000-0000-0000-0000-0000000000022', name: 'Adele Vance' };
/** Monday 23 November 2026, 15:30: the demo meeting (moved to today, 13–15) has just ended. */
const NOW = JUST_AFTER;

let app: TestApp;
let connector: RecordingConnector;
let meetingId = '';

const personal = (text: string, user = ALEX) => message(text, { serviceUrl: connector.url, scope: 'personal', user });
const invoke = (verb: string, data: Record<string, unknown>, user = ALEX) => invokeInPersonalChat(app, connector, verb, data, user);

/** What the bot answered to a text message in the person's chat (cards as JSON): the reply to it, not a message the outbox sent meanwhile. */
async function say(text: string, user = ALEX): Promise<string> {
  const activity = personal(text, user);
  await app.post(activity);
  const reply = () => connector.recorded.find((r) => r.method === 'POST' && r.body.replyToId === activity.id);
  await until(() => Boolean(reply()));
  const body = JSON.stringify(reply()!.body);
  // The bot's own failure, with what it logged, rather than a sentence missing from its apology.
  if (body.includes('Fejl-id')) throw new Error(`the bot failed on «${text}»: ${JSON.stringify(app.logs.filter((l) => Number(l.level) >= 50))}`);
  return body;
}

async function item(number: string, meeting = meetingId) {
  return (await app.db.prisma.agendaItem.findFirst({ where: { meetingId: meeting, number } }))!;
}

/** The URL of a card's Action.OpenUrl with this title, at the app's address (PUBLIC_URL is the default, with PORT 0). */
function linkOf(card: string, title: string): string {
  const url = actions(card).find((a) => a.type === 'Action.OpenUrl' && a.title === title)?.url;
  if (!url) throw new Error(`no link "${title}" among ${titles(card).join(', ')}`);
  return url.replace(/^http:\/\/localhost:0/, app.url);
}

const channelPosts = (pattern: RegExp) => connector.recorded.filter((r) => r.conversationId === TEAM && r.method === 'POST' && pattern.test(JSON.stringify(r.body)));

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

describe('recording decisions', () => {
  it('gives the secretariat the form for an item of the meeting just held, and nobody else', async () => {
    const form = await say('referat punkt 1.2');
    expect(form).toContain('REFERAT · DASSOS');
    expect(form).toContain('1.2 Godkendelse af endeligt udkast til Rammeaftale');
    expect(form).toContain('Mødet mandag den 23. november 2026');
    expect(form).toContain('"verb":"decision-save"');
    expect(await say('referat punkt 1.2', MEGAN)).toContain('Det kan kun sekretariatet.');
    expect(await say('referat punkt 9.9')).toContain('Noget af det indtastede er ikke gyldigt');
  });

  it('records outcome, Referat and actions; the card in the channel shows them and takes no more answers', async () => {
    const id = (await item('1.2')).id;
    const aarhus = (await app.db.prisma.organisation.findUnique({ where: { name: 'Aarhus Kommune' } }))!;
    // As Teams sends it: the save button's data, and the owners chosen among the form's own choices.
    const form = await say('referat punkt 1.2');
    const owners = inputOf(form, 'owner_1').choices!;
    expect(owners.map((c) => c.title)).toEqual(expect.arrayContaining(['Sekretariatet', 'Aarhus Kommune']));
    const answer = await invoke('decision-save', {
      ...action(form, 'decision-save').data,
      outcome: 'auto',
      text: 'DASSOS godkendte udkast til Rammeaftale og Styringsaftale med de ændringer, der kom frem på mødet.\n\nDer var et synspunkt om at bevare den nuværende takstaftale.',
      what_0: 'Sekretariatet skærper afsnittet om kapacitet',
      owner_0: 'secretariat',
      due_0: '2026-12-01',
      what_1: 'Aarhus Kommune melder kapaciteten på herbergsområdet ind',
      owner_1: owners.find((c) => c.title === 'Aarhus Kommune')!.value,
      due_1: '2026-11-20',
    });
    expect(answer).toContain('Gemt: punkt 1.2 · Godkendt med ændringer · 2 opgaver');
    const decision = await app.db.prisma.decision.findUnique({ where: { agendaItemId: id }, include: { actionItems: true } });
    expect(decision).toMatchObject({ outcome: 'approved_with_changes', version: 1 });
    expect(decision!.actionItems.map((a) => [a.what, a.ownerIsSecretariat, a.ownerOrganisationId, a.dueOn?.toISOString().slice(0, 10)])).toEqual([
      ['Sekretariatet skærper afsnittet om kapacitet', true, null, '2026-12-01'],
      ['Aarhus Kommune melder kapaciteten på herbergsområdet ind', false, aarhus.id, '2026-11-20'],
    ]);
    expect((await item('1.2')).status).toBe('decided');
    expect(await read(app.db).audited('decision.recorded', id)).toBe(1);

    // The item's card in the channel is updated in place: the Referat, its follow-up, no buttons.
    const cardId = (await item('1.2')).cardActivityId!;
    await until(() => connector.recorded.some((r) => r.method === 'PUT' && r.activityId === cardId));
    const updated = connector.recorded.filter((r) => r.method === 'PUT' && r.activityId === cardId).at(-1)!.body;
    expect(text(updated)).toContain('Referat · Godkendt med ændringer');
    expect(text(updated)).toContain('Sekretariatet skærper afsnittet om kapacitet (Sekretariatet, senest 1. december 2026)');
    expect(verbs(updated)).not.toContain('position');

    connector.clear();
    await app.post(executeAction('position', { itemId: id, kind: 'can_approve' }, { serviceUrl: connector.url, scope: 'channel', user: MEGAN }));
    await until(() => connector.recorded.some((r) => String(r.body.text ?? '').startsWith('Punktet er afgjort')));
    expect(await read(app.db).positions(id)).toHaveLength(0);
  });

  it('refuses a form filled in on an older version, and drops an action emptied on the form', async () => {
    const id = (await item('1.2')).id;
    const stale = await invoke('decision-save', { itemId: id, version: '0', rows: ',', outcome: 'noted', text: 'Noget andet' });
    expect(stale).toContain('En anden har ændret referatet af punktet');
    expect((await app.db.prisma.decision.findUnique({ where: { agendaItemId: id } }))!.outcome).toBe('approved_with_changes');

    const actions = await app.db.prisma.actionItem.findMany({ where: { decision: { agendaItemId: id } }, orderBy: { position: 'asc' } });
    const kept = await invoke('decision-save', {
      itemId: id,
      version: '1',
      rows: `${actions[0]!.id},${actions[1]!.id},`,
      outcome: 'approved_with_changes',
      text: 'DASSOS godkendte udkast til Rammeaftale og Styringsaftale med de ændringer, der kom frem på mødet.\n\nDer var et synspunkt om at bevare den nuværende takstaftale.',
      what_0: 'Sekretariatet skærper afsnittet om kapacitet',
      owner_0: 'secretariat',
      due_0: '2026-12-01',
      what_1: actions[1]!.what,
      owner_1: `org:${actions[1]!.ownerOrganisationId}`,
      due_1: '2026-11-20',
      what_2: 'Forelægges KD-Net',
      owner_2: `person:${'0'.repeat(8)}-0000-0000-0000-000000000000`,
    });
    // An owner outside the committee (card data is never trusted) is refused, and nothing is saved.
    expect(kept).toContain('Noget af det indtastede er ikke gyldigt');
    expect((await app.db.prisma.decision.findUnique({ where: { agendaItemId: id } }))!.version).toBe(1);

    const dropped = await invoke('decision-save', {
      itemId: id,
      version: '1',
      rows: `${actions[0]!.id},${actions[1]!.id}`,
      outcome: 'approved_with_changes',
      text: 'DASSOS godkendte udkast til Rammeaftale og Styringsaftale med de ændringer, der kom frem på mødet.\n\nDer var et synspunkt om at bevare den nuværende takstaftale.',
      what_0: 'Sekretariatet skærper afsnittet om kapacitet og sender det til KKR',
      owner_0: 'secretariat',
      due_0: '2026-12-01',
      what_1: actions[1]!.what,
      owner_1: `org:${actions[1]!.ownerOrganisationId}`,
      due_1: '2026-11-20',
    });
    expect(dropped).toContain('Gemt: punkt 1.2');
    expect((await app.db.prisma.actionItem.findUnique({ where: { id: actions[0]!.id } }))!.what).toBe('Sekretariatet skærper afsnittet om kapacitet og sender det til KKR');
    expect(await app.db.prisma.actionItem.count({ where: { decision: { agendaItemId: id }, status: { not: 'cancelled' } } })).toBe(2);
  });

  it("takes the outcome alone: the committee's standard sentence becomes the Referat", async () => {
    const id = (await item('2.1')).id;
    expect(await invoke('decision-save', { itemId: id, version: '0', rows: '', outcome: 'noted', text: '' })).toContain('Gemt: punkt 2.1 · Taget til efterretning');
    expect((await app.db.prisma.decision.findUnique({ where: { agendaItemId: id } }))!.text).toBe('DASSOS tog orienteringen til efterretning.');
    // Neither text nor outcome: the form says what is missing.
    expect(await invoke('decision-save', { itemId: (await item('2.2')).id, version: '0', rows: '', outcome: 'auto', text: '' })).toContain('Skriv referatet, eller vælg udfaldet');
  });
});

describe('minutes', () => {
  let draftCard = '';

  it('are drafted in the personal chat only, as Word and Markdown behind secret links', async () => {
    const inChannel = await app.post(message('referat', { serviceUrl: connector.url, scope: 'channel' }));
    expect(inChannel.status).toBeLessThan(300);
    await until(() => connector.recorded.some((r) => /personlige chat/.test(String(r.body.text ?? ''))));

    draftCard = await say('referat');
    expect(draftCard).toContain('REFERAT · UDKAST · DASSOS');
    expect(draftCard).toContain('Referat fra mødet mandag den 23. november 2026');
    expect(draftCard).toContain('Fremmødet er ikke registreret');

    // The secretariat records who came (after the meeting): the minutes' lists follow it.
    const person = async (name: string) => (await app.db.prisma.person.findFirstOrThrow({ where: { displayName: name } })).id;
    await invoke('attendance-record', { meetingId, personId: await person('Megan Bowen'), answer: 'attending' });
    await invoke('attendance-record', { meetingId, personId: await person('Adele Vance'), answer: 'absent', standInId: await person('Runa Steenfeldt') });
    draftCard = await say('referat');
    expect(draftCard).toContain('Fra det registrerede fremmøde');
    expect(draftCard).toMatch(/Uden svar.*har ikke meldt fremmøde/);
    expect(draftCard).toMatch(/Uden referat.*1\.1, 1\.3, 2\.2, 3\.1, 3\.2/);

    const md = await fetch(linkOf(draftCard, 'Hent som Word').replace(/\.docx$/, '.md'));
    expect(md.status).toBe(200);
    const text = await md.text();
    expect(text).toContain('## Referat DASSOS den 23. november 2026');
    expect(text).toContain('**Udkast – ikke udsendt**');
    expect(text).toContain('| Megan Bowen | Aarhus Kommune |');
    expect(text).toContain('| Runa Steenfeldt (stedfortræder for Adele Vance) | Randers Kommune |');
    expect(text).toMatch(/\*\*Afbud:\*\*\n\n\| Navn \| Organisation \|\n\|[-|]+\|\n\| Adele Vance \| Randers Kommune \|/);
    expect(text).toMatch(/## 1\.2 Godkendelse af endeligt udkast til Rammeaftale\n\nVed Jesper Thyrring Møller\n\n### Referat\n\nDASSOS godkendte/);
    expect(text).toContain('- Sekretariatet skærper afsnittet om kapacitet og sender det til KKR (Sekretariatet, senest 1. december 2026)');
    // The closed attachment of 1.1 is named, never linked.
    expect(text).toContain('Lukket bilag – Opsamling af input til dialogmøde med Socialtilsynet (eftersendes)');

    const docx = await fetch(linkOf(draftCard, 'Hent som Word'));
    expect(docx.status).toBe(200);
    expect(docx.headers.get('content-type')).toContain('wordprocessingml');
    expect(docx.headers.get('content-disposition')).toContain(encodeURIComponent('Referat DASSOS 2026-11-23.docx'));
    const { value: html } = await mammoth.convertToHtml({ buffer: Buffer.from(await docx.arrayBuffer()) });
    // Headings carry the bookmarks the table of contents links to.
    expect(html).toMatch(/<h2>(<a id="_Toc\d+"><\/a>)?1\.2 Godkendelse af endeligt udkast til Rammeaftale<\/h2>/);
    expect(html).toContain('<a href="#_Toc');
    expect(html).toContain('<h3>Referat</h3>');

    const wrong = linkOf(draftCard, 'Hent som Word').replace(/\/[\w-]+\.docx$/, '/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.docx');
    expect((await fetch(wrong)).status).toBe(404);
    // A member asking for "referat" gets the published minutes, never the draft: none yet.
    const forMember = await say('referat', MEGAN);
    expect(forMember).toContain('DASSOS har ikke udsendt et referat i Dagsorden endnu');
    expect(forMember).not.toContain('UDKAST');
  });

  it('are published once to the channel, and put on the next meeting as "Godkendelse af referat"', async () => {
    connector.clear();
    const first = await invoke('minutes-publish', { meetingId });
    expect(first).toContain('Referatet fra mødet mandag den 23. november 2026 er udsendt i kanalen');
    // The next meeting has no agenda yet: the approval is its first item.
    expect(first).toMatch(/sat til godkendelse på næste møde som punkt 1\.1/);
    const again = await invoke('minutes-publish', { meetingId });
    expect(again).toContain('blev udsendt');
    await until(() => channelPosts(/REFERAT · DASSOS/).length === 1);
    await app.outbox.idle();
    expect(channelPosts(/REFERAT · DASSOS/)).toHaveLength(1);
    const posted = channelPosts(/REFERAT · DASSOS/)[0]!.body;
    expect(text(posted)).toContain('1.2 Godkendelse af endeligt udkast til Rammeaftale');
    expect(text(posted)).toContain('Godkendt med ændringer');
    expect(text(posted)).toContain('2 opgaver til opfølgning');
    const post = JSON.stringify(posted);

    expect(await read(app.db).minutes(meetingId)).toMatchObject({ status: 'published', version: 3 });
    expect((await app.db.prisma.meeting.findUnique({ where: { id: meetingId } }))!.status).toBe('minutes_published');
    const next = await app.db.prisma.meeting.findFirst({ where: { startsAt: { gt: new Date(NOW) } }, orderBy: { startsAt: 'asc' } });
    const approval = await app.db.prisma.agendaItem.findFirst({ where: { meetingId: next!.id, approvesMinutesOfId: meetingId }, include: { attachments: true } });
    expect(approval).toMatchObject({ number: '1.1', title: 'Godkendelse af referat fra mødet den 23. november 2026', status: 'draft', sectionKind: 'decision' });
    // Published with new links: the post's and the next agenda's are the same; the draft's answers 404.
    const published = /"(http:\/\/[^"]+\/files\/minutes\/[^"]+\.docx)"/.exec(post)![1]!.replace(/^http:\/\/localhost:0/, app.url);
    expect(published).not.toBe(linkOf(draftCard, 'Hent som Word'));
    expect(approval!.attachments.map((a) => a.url!.replace(/^http:\/\/localhost:0/, app.url))).toEqual([published]);
    expect((await fetch(linkOf(draftCard, 'Hent som Word'))).status).toBe(404);
    // The published document is no longer marked as a draft.
    expect(await (await fetch(published.replace(/\.docx$/, '.md'))).text()).not.toContain('Udkast');

    // Now a member asking for the minutes, in plain words too, gets the published ones as links.
    for (const question of ['referat', 'hvor er referatet fra sidste møde?']) {
      const forMember = await say(question, MEGAN);
      expect(forMember).toContain('Det seneste udsendte referat fra DASSOS er fra mødet mandag den 23. november 2026');
      expect(forMember).toContain(`/files/minutes/${meetingId}/`);
      expect(forMember).not.toContain('UDKAST');
    }
  });

  it('after publication, change only through a dated correction, and are issued again with it', async () => {
    const id = (await item('1.2')).id;
    // The form as it shows the decision: its text, its two actions.
    const actions = await app.db.prisma.actionItem.findMany({ where: { decision: { agendaItemId: id }, status: 'open' }, orderBy: { position: 'asc' } });
    const form = {
      itemId: id,
      version: '2',
      rows: actions.map((a) => a.id).join(','),
      outcome: 'approved_with_changes',
      text: 'DASSOS godkendte udkast til Rammeaftale og Styringsaftale med de ændringer, der kom frem på mødet.\n\nDer var et synspunkt fra enkelte kommuner om at bevare den nuværende takstaftale.',
      ...Object.fromEntries(actions.flatMap((a, i) => [[`what_${i}`, a.what], [`owner_${i}`, a.ownerIsSecretariat ? 'secretariat' : `org:${a.ownerOrganisationId}`], [`due_${i}`, a.dueOn!.toISOString().slice(0, 10)]])),
    };
    expect(await invoke('decision-save', form)).toContain('Skriv, hvad der er rettet');
    connector.clear();
    const saved = await invoke('decision-save', { ...form, correction: 'Synspunktet om takstaftalen var enkelte kommuners, ikke DASSOS’ samlede.' });
    expect(saved).toContain('Rettelsen er gemt, og referatet er udsendt igen med den.');
    const minutes = await app.db.prisma.minutes.findUnique({ where: { meetingId }, include: { corrections: true } });
    expect(minutes).toMatchObject({ status: 'published', version: 4 });
    expect(minutes!.corrections.map((c) => [c.note, c.issuedIn])).toEqual([['Synspunktet om takstaftalen var enkelte kommuners, ikke DASSOS’ samlede.', 4]]);
    expect(await app.db.prisma.actionItem.count({ where: { decision: { agendaItemId: id }, status: 'open' } })).toBe(2);
    expect(minutes!.markdown).toMatch(/# Rettelser\n\n- Rettet 23\. november 2026 \(punkt 1\.2\): Synspunktet om takstaftalen/);
    await until(() => channelPosts(/Rettet udgave \(4\)/).length === 1);

    const general = await say('ret referat Der var fejl i tallene for Favrskov Kommune.');
    expect(general).toContain('Rettelsen er gemt, og referatet fra mødet mandag den 23. november 2026 er udsendt igen med den.');
    await until(() => channelPosts(/Rettet udgave \(5\)/).length === 1);
    expect(text(channelPosts(/Rettet udgave \(5\)/)[0]!.body)).toContain('Der var fejl i tallene for Favrskov Kommune.');
    expect(await say('ret referat')).toContain('Skriv, hvad der er rettet');
    // Nothing is issued twice when the scheduler looks for corrections left behind.
    await app.scheduler.tick();
    expect((await read(app.db).minutes(meetingId))!.version).toBe(5);
  });

  it('are approved or commented on from the next agenda, and approved by its decision', async () => {
    const next = await app.db.prisma.meeting.findFirst({ where: { startsAt: { gt: new Date(NOW) } }, orderBy: { startsAt: 'asc' } });
    const approval = (await app.db.prisma.agendaItem.findFirst({ where: { approvesMinutesOfId: meetingId } }))!;
    connector.clear();
    await app.post(personal('udsend dagsorden'));
    await until(() => connector.recorded.some((r) => /^Dagsordenen er udsendt/.test(String(r.body.text ?? ''))));
    const posted = connector.recorded.filter((r) => r.method === 'POST' && r.conversationId.startsWith(`${TEAM};messageid=`));
    const card = posted.find((r) => text(r.body).includes('Godkendelse af referat'))!.body;
    expect(titles(card)).toContain('Godkender referatet');
    expect(titles(card)).toContain('Har bemærkninger');
    expect(titles(card)).not.toContain('Kan ikke godkende');
    // The next agenda's overview lists what is still open from the meeting, under its item.
    const overview = connector.recorded.find((r) => r.method === 'POST' && r.conversationId === TEAM && text(r.body).includes('DAGSORDEN · DASSOS'))!.body;
    expect(text(overview)).toContain('Opfølgning fra tidligere møder');
    expect(text(overview)).toContain('1.2 Godkendelse af endeligt udkast til Rammeaftale (mødet 23. november 2026)');

    const answered = await app.post(executeAction('position', { itemId: approval.id, kind: 'wants_discussion', comment: 'Navnet på Favrskovs repræsentant er stavet forkert.' }, { serviceUrl: connector.url, scope: 'channel', user: MEGAN }));
    expect(text(((await answered.json()) as { value: unknown }).value)).toContain('Dit svar: Har bemærkninger');
    // "Kan ikke godkende" is not an answer to minutes: a remark is.
    connector.clear();
    await app.post(executeAction('position', { itemId: approval.id, kind: 'cannot_approve' }, { serviceUrl: connector.url, scope: 'channel', user: ADELE }));
    await until(() => connector.recorded.some((r) => String(r.body.text ?? '').startsWith('Noget af det indtastede er ikke gyldigt')));
    expect(await read(app.db).positions(approval.id)).toHaveLength(1);

    // At the next meeting, the committee approves them: the Referat of the approval item.
    expect(await invoke('decision-save', { itemId: approval.id, version: '0', rows: '', outcome: 'approved', text: '' })).toContain('Gemt: punkt 1.1 · Godkendt');
    expect(await read(app.db).minutes(meetingId)).toMatchObject({ status: 'approved' });
    expect(next).not.toBeNull();
  });
});

describe('the decisions log', () => {
  it('finds decisions with Danish stemming, newest first, for members only', async () => {
    // "takstaftalen" (the definite form) finds the decision that says "takstaftale".
    const found = await say('beslutninger takstaftalen');
    expect(found).toContain('Søgning: «takstaftalen»');
    expect(found).toContain('Punkt 1.2 Godkendelse af endeligt udkast til Rammeaftale · 23. november 2026');
    expect(await say('beslutninger rammeaftalen', MEGAN)).toContain('Punkt 1.2 Godkendelse af endeligt udkast til Rammeaftale');
    expect(await say('beslutninger efterretning')).toContain('Punkt 2.1 Status vedr. ny takststruktur i Region Midtjylland');
    expect(await say('beslutninger ferieplan')).toContain('Ingen beslutninger matcher «ferieplan»');
    const latest = await say('beslutninger');
    expect(latest).toContain('Seneste beslutninger');
    // The approval at the next meeting comes before the meeting it approves.
    expect(latest.indexOf('Punkt 1.1 Godkendelse af referat')).toBeLessThan(latest.indexOf('Punkt 1.2'));
    expect(await say('beslutninger takstaftale', STRANGER)).toContain('ikke medlem af nogen styregruppe');
  });
});

describe('actions', () => {
  it('are listed for their owners, marked done once, and by owners only', async () => {
    const mine = await say('mine opgaver', MEGAN);
    expect(mine).toContain('MINE OPGAVER · DASSOS');
    expect(mine).toContain('Aarhus Kommune melder kapaciteten på herbergsområdet ind');
    expect(mine).not.toContain('Sekretariatet skærper');
    const all = await say('alle opgaver', MEGAN);
    expect(all).toContain('Sekretariatet skærper afsnittet om kapacitet og sender det til KKR');

    const theirs = (await app.db.prisma.actionItem.findFirst({ where: { ownerIsSecretariat: true, status: 'open', decision: { agendaItem: { meetingId } } } }))!;
    expect(await invoke('action-done', { actionId: theirs.id }, MEGAN)).toContain('Opgaven er ikke din');
    const aarhus = (await app.db.prisma.actionItem.findFirst({ where: { ownerOrganisationId: { not: null }, decision: { agendaItem: { meetingId } } } }))!;
    expect(await invoke('action-done', { actionId: aarhus.id }, MEGAN)).toContain('er meldt udført');
    expect(await invoke('action-done', { actionId: aarhus.id }, MEGAN)).toContain('var allerede meldt udført');
    expect(await app.db.prisma.actionItem.findUnique({ where: { id: aarhus.id } })).toMatchObject({ status: 'done' });
    expect(await read(app.db).audited('action.done', aarhus.id)).toBe(1);
  });

  it("remind their owners once when the last day has passed", async () => {
    // The secretariat's action was due 1 December; Aarhus' (due 20 November) is done and is not reminded.
    // (The demo history's overdue action was reminded at an earlier tick.)
    const theirs = (await app.db.prisma.actionItem.findFirst({ where: { ownerIsSecretariat: true, status: 'open', decision: { agendaItem: { meetingId } } } }))!;
    await app.db.prisma.actionItem.update({ where: { id: theirs.id }, data: { dueOn: new Date('2026-11-20T00:00:00Z') } });
    connector.clear();
    await app.scheduler.tick();
    await until(() => connector.recorded.some((r) => String(r.body.text ?? '').includes('Opgave med overskredet frist')));
    await app.outbox.idle();
    const reminders = connector.recorded.filter((r) => String(r.body.text ?? '').includes('Opgave med overskredet frist'));
    // Alex is the secretariat in the demo committee.
    expect(reminders.map((r) => r.conversationId)).toEqual(['a:personal-user-id-0']);
    expect(String(reminders[0]!.body.text)).toContain('skulle være klar senest 20. november 2026');
    connector.clear();
    await app.scheduler.tick();
    await app.outbox.idle();
    expect(connector.recorded.filter((r) => String(r.body.text ?? '').includes('Opgave med overskredet frist'))).toHaveLength(0);
  });
});
