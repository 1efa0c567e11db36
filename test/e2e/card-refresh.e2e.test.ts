// A card's refresh (Action.Execute with trigger automatic) carries nothing but an id, and
// anyone can send one: over HTTP as Teams sends it, a refresh shows what was published, and
// only to those who may read the meeting's items. Drafts, and edits made after publishing
// (a CPR number, here), reach no one until the agenda is published again.
import { startRecordingConnector, type RecordingConnector } from '../support/recording-connector';
import { startTestApp, type TestApp } from '../support/app';
import { ALEX, MEGAN, STRANGER, executeAction, message } from '../support/activities';
import { AGENDA } from '../support/documents';
import { until } from '../support/until';

let app: TestApp;
let connector: RecordingConnector;
let meetingId = '';

const DRAFT_TEXT = 'Fællessekretariatet har udarbejdet et udkast til handlingsplan';
const TITLE = 'Godkendelse af handlingsplan for Rammeaftale 2027-28';
const EDITED = 'Borgeren med CPR 010190-1234 er omtalt i den nye version.';

beforeAll(async () => {
  connector = await startRecordingConnector();
  app = await startTestApp();
});
afterAll(async () => {
  await app?.close();
  await connector?.close();
});
beforeEach(() => connector.clear());

const personal = (text: string, user = ALEX) =>
  message(text, { serviceUrl: connector.url, scope: 'personal', user });

/** What a refresh invoke in the channel answers with, as Teams would get it. */
async function invoke(verb: string, data: Record<string, unknown>, user = ALEX): Promise<string> {
  const res = await app.post(
    executeAction(verb, data, { serviceUrl: connector.url, scope: 'channel', user }),
  );
  return JSON.stringify(((await res.json()) as { value: unknown }).value);
}
const refresh = (itemId: string, user: typeof ALEX) => invoke('item-refresh', { itemId }, user);

async function importAgenda(text: string): Promise<void> {
  await app.post(personal(`importer dagsorden\n${text}`));
  await until(() => connector.recorded.some((r) => r.method === 'POST'));
  const body = connector.recorded.find((r) => r.method === 'POST')!.body as {
    attachments: Array<{
      content: {
        actions: Array<{ verb: string; data: Record<string, string> }>;
        body: Array<Record<string, unknown>>;
      };
    }>;
  };
  const card = body.attachments[0]!.content;
  const save = card.actions.find((a) => a.verb === 'import-save')!;
  meetingId = (card.body.find((e) => e.type === 'Input.ChoiceSet') as { value: string }).value;
  await invoke('import-save', { importId: save.data.importId, meetingId });
  connector.clear();
}

const published = () =>
  connector.recorded.some((r) =>
    /^Dagsordenen er udsendt i kanalen/.test(String(r.body.text ?? '')),
  );

async function decisionItem() {
  return (await app.db.prisma.agendaItem.findFirst({ where: { meetingId, number: '1.1' } }))!;
}

describe('card refresh', () => {
  it('gives no one a never-published item: neither a member nor a stranger', async () => {
    await importAgenda(AGENDA);
    const item = await decisionItem();
    expect(item.status).toBe('draft');
    for (const user of [MEGAN, STRANGER, ALEX]) {
      const answer = await refresh(item.id, user);
      expect(answer).not.toContain(TITLE);
      expect(answer).not.toContain(DRAFT_TEXT);
    }
  });

  it('shows a published item to a member, and nothing to a stranger', async () => {
    await app.post(personal('udsend dagsorden'));
    await until(published);
    const item = await decisionItem();
    expect(await refresh(item.id, MEGAN)).toContain(DRAFT_TEXT);
    const stranger = await refresh(item.id, STRANGER);
    expect(stranger).not.toContain(TITLE);
    expect(stranger).not.toContain(DRAFT_TEXT);
  });

  it('shows the published text, not an edit made since, on refresh, after an answer and in the channel', async () => {
    const item = await decisionItem();
    const saved = await invoke('item-save', {
      itemId: item.id,
      meetingId,
      number: '1.1',
      title: item.title,
      section: 'decision',
      presenter: item.presenter,
      recommendationIntro: item.recommendationIntro,
      recommendations: item.recommendations.join('\n'),
      caseText: EDITED,
    });
    expect(saved).toContain('Punkt 1.1 er gemt');
    expect((await decisionItem()).caseText).toBe(EDITED);

    const mine = await refresh(item.id, MEGAN);
    expect(mine).toContain(DRAFT_TEXT);
    expect(mine).not.toContain('010190');
    // The secretariat's own view of the card is the members' too: the edit is on the form.
    expect(await refresh(item.id, ALEX)).not.toContain('010190');

    // An answer shows the clicker their card, and the channel's card is updated with the count.
    connector.clear();
    const answered = await invoke('position', { itemId: item.id, kind: 'can_approve' }, MEGAN);
    expect(answered).toContain('Dit svar: Kan godkende');
    expect(answered).not.toContain('010190');
    await until(() => connector.recorded.some((r) => r.method === 'PUT'));
    const update = JSON.stringify(connector.recorded.find((r) => r.method === 'PUT')!.body);
    expect(update).toContain('1 kan godkende');
    expect(update).toContain(DRAFT_TEXT);
    expect(update).not.toContain('010190');
  });

  it('shows the new text once the agenda is published again', async () => {
    const item = await decisionItem();
    connector.clear();
    // The CPR check holds the publish back until the secretariat says yes to what it checked.
    const warning = JSON.parse(await invoke('publish-confirm', { meetingId })) as { actions: Array<{ verb: string; data: Record<string, unknown> }> };
    const confirm = warning.actions.find((a) => a.verb === 'publish-confirm')!;
    expect(confirm.data.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(await invoke('publish-confirm', confirm.data)).toContain('Udsender dagsordenen');
    await until(published);
    const mine = await refresh(item.id, MEGAN);
    expect(mine).toContain(EDITED);
    expect(mine).not.toContain(DRAFT_TEXT);
    expect(await refresh(item.id, STRANGER)).not.toContain(EDITED);
  });

  it('shows the item to a stand-in named for the meeting, who is no member', async () => {
    const item = await decisionItem();
    const stranger = await app.db.prisma.person.upsert({
      where: { aadObjectId: STRANGER.aadObjectId },
      create: { displayName: STRANGER.name, aadObjectId: STRANGER.aadObjectId },
      update: {},
    });
    const megan = (await app.db.prisma.person.findUnique({
      where: { aadObjectId: MEGAN.aadObjectId },
    }))!;
    expect(await refresh(item.id, STRANGER)).not.toContain(EDITED);
    const named = await app.db.prisma.meetingAttendance.create({
      data: { meetingId, personId: megan.id, attendance: 'absent', standInId: stranger.id },
    });
    expect(await refresh(item.id, STRANGER)).toContain(EDITED);
    await app.db.prisma.meetingAttendance.delete({ where: { id: named.id } });
    expect(await refresh(item.id, STRANGER)).not.toContain(EDITED);
  });

  it('gives a stranger nothing from the other refreshes: the next meeting card, a date poll, an input request', async () => {
    const meeting = await invoke('next-meeting-view', { meetingId }, STRANGER);
    expect(meeting).not.toContain('Viborg');
    expect(await invoke('next-meeting-view', { meetingId }, MEGAN)).toContain('Viborg');
    const committee = (await app.db.prisma.committee.findFirst())!;
    const poll = await app.db.prisma.datePoll.create({
      data: { committeeId: committee.id, title: 'Mødedatoer for 2028' },
    });
    expect(await invoke('date-poll-view', { pollId: poll.id }, STRANGER)).not.toContain(
      'Mødedatoer for 2028',
    );
    expect(await invoke('date-poll-view', { pollId: poll.id }, MEGAN)).toContain(
      'Mødedatoer for 2028',
    );
    const deadline = new Date(Date.now() + 14 * 86_400_000);
    const request = (status: 'draft' | 'open') =>
      app.db.prisma.inputRequest.create({
        data: {
          committeeId: committee.id,
          title: `Temaer til dialogmødet (${status})`,
          questions: ['Hvilke temaer?'],
          deadline,
          status,
        },
      });
    const open = await request('open');
    expect(await invoke('input-view', { requestId: open.id }, STRANGER)).not.toContain(
      'Temaer til dialogmødet',
    );
    expect(await invoke('input-view', { requestId: open.id }, MEGAN)).toContain(
      'Temaer til dialogmødet (open)',
    );
    // Not sent out yet: no one's refresh shows it.
    const draft = await request('draft');
    expect(await invoke('input-view', { requestId: draft.id }, MEGAN)).not.toContain(
      'Temaer til dialogmødet',
    );
  });
});
