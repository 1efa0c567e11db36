// End to end over HTTP: Teams-shaped activities to /api/messages, replies recorded by
// a local connector the way Teams' connector would receive them.
import { startRecordingConnector, type RecordingConnector } from '../support/recording-connector';
import { startTestApp, type TestApp } from '../support/app';
import { ALEX, MEGAN, STRANGER, botInstalled, executeAction, message, submitAction } from '../support/activities';
import { text } from '../support/card';

let app: TestApp;
let connector: RecordingConnector;

beforeAll(async () => {
  connector = await startRecordingConnector();
  app = await startTestApp();
});
afterAll(async () => {
  await app?.close();
  await connector?.close();
});
beforeEach(() => connector.clear());

function cardOf(i: number): string {
  const body = connector.recorded[i]?.body as { attachments?: Array<{ contentType: string; content: unknown }> };
  const card = body?.attachments?.find((a) => a.contentType === 'application/vnd.microsoft.card.adaptive');
  return card ? JSON.stringify(card.content) : '';
}

describe('next meeting', () => {
  it('answers "@Dagsorden hvornår er næste møde?" in the channel with the next meeting card as a reply', async () => {
    const activity = message('hvornår er næste møde?', { serviceUrl: connector.url });
    const res = await app.post(activity);
    expect(res.status).toBe(200);
    await connector.waitFor(1);
    const sent = connector.recorded[0]!;
    expect(sent.method).toBe('POST');
    expect(sent.conversationId).toBe(activity.conversation.id);
    expect(sent.activityId).toBe(activity.id);
    const card = cardOf(0);
    // First start on Sunday 22 November 2026: the first coming demo meeting is 45 days on.
    expect(card).toContain('Onsdag den 6. januar 2027');
    expect(card).toContain('kl. 13.00–15.00');
    expect(card).toContain('Viborg Rådhus');
    expect(card).toContain('Mødelokale M5');
    expect(card).toContain('Punkter kan meldes ind senest onsdag den 25. november 2026');
  });

  it("answers in a personal chat with the user's committee", async () => {
    await app.post(message('næste møde', { serviceUrl: connector.url, scope: 'personal', user: MEGAN }));
    await connector.waitFor(1);
    expect(cardOf(0)).toContain('DASSOS');
  });

  it('tells someone who is on no committee so, politely', async () => {
    await app.post(message('næste møde', { serviceUrl: connector.url, scope: 'personal', user: STRANGER }));
    await connector.waitFor(1);
    expect(connector.recorded[0]!.body.text).toMatch(/ikke medlem af nogen styregruppe/);
  });

  it('runs from the greeting card button (Action.Execute and the Action.Submit fallback)', async () => {
    const res = await app.post(executeAction('command', { command: 'next-meeting' }, { serviceUrl: connector.url }));
    expect(res.status).toBe(200);
    await connector.waitFor(1);
    expect(cardOf(0)).toContain('Viborg Rådhus');
    connector.clear();
    await app.post(submitAction('command', { command: 'next-meeting' }, { serviceUrl: connector.url }));
    await connector.waitFor(1);
    expect(cardOf(0)).toContain('Viborg Rådhus');
  });
});

describe('language', () => {
  const megan = (text: string, locale = 'en-US') =>
    message(text, { serviceUrl: connector.url, scope: 'personal', user: MEGAN, locale });
  const said = (i: number) => String(connector.recorded[i]!.body.text);

  it("answers in the person's chosen language, whatever Teams says, and follows Teams on 'auto'", async () => {
    // The demo's playground users have chosen Danish; Megan's Teams is in English.
    await app.post(megan('next meeting'));
    await connector.waitFor(1);
    expect(cardOf(0)).toContain('Onsdag den 6. januar 2027');

    connector.clear();
    await app.post(megan('language auto'));
    await connector.waitFor(1);
    expect(said(0)).toBe('Fine – I now follow the language of your Teams (English at the moment).');

    connector.clear();
    await app.post(megan('next meeting'));
    await connector.waitFor(1);
    expect(cardOf(0)).toContain('Wednesday 6 January 2027');
    expect(cardOf(0)).toContain('Topics can be submitted until Wednesday 25 November 2026');

    connector.clear();
    await app.post(megan('language'));
    await connector.waitFor(1);
    expect(said(0)).toMatch(/^I answer you in English, the language of your Teams\./);

    connector.clear();
    await app.post(megan('sprog dansk'));
    await connector.waitFor(1);
    expect(said(0)).toBe('Fint – jeg svarer dig på dansk fra nu af.');

    connector.clear();
    await app.post(megan('sprog'));
    await connector.waitFor(1);
    expect(said(0)).toMatch(/^Jeg svarer dig på dansk, som du har valgt\./);
  });

  it('refuses a language it does not know, and a person it does not know', async () => {
    await app.post(megan('sprog klingon', 'da-DK'));
    await connector.waitFor(1);
    expect(said(0)).toMatch(/«klingon» kender jeg ikke som sprog/);

    connector.clear();
    await app.post(message('sprog engelsk', { serviceUrl: connector.url, scope: 'personal', user: STRANGER }));
    await connector.waitFor(1);
    expect(said(0)).toBe('Det kan kun styregruppens medlemmer.');
  });
});

describe('conversation basics', () => {
  it('lists the commands on "hjælp"', async () => {
    await app.post(message('hjælp', { serviceUrl: connector.url }));
    await connector.waitFor(1);
    expect(cardOf(0)).toContain('næste møde');
    expect(cardOf(0)).toContain('medlemmer');
  });

  it('answers text it does not understand with the most useful buttons, never a dead end', async () => {
    await app.post(message('kan du bestille kage?', { serviceUrl: connector.url }));
    await connector.waitFor(1);
    expect(cardOf(0)).toContain('Det forstod jeg ikke helt');
    expect(cardOf(0)).toContain('"command":"help"');
  });

  it('greets when installed in a personal chat', async () => {
    await app.post(botInstalled({ serviceUrl: connector.url, scope: 'personal' }));
    await connector.waitFor(1);
    expect(cardOf(0)).toContain('Hej, jeg er Dagsorden');
    expect(connector.recorded).toHaveLength(1);
  });
});

describe('setup in a new team', () => {
  const where = { serviceUrl: '', teamId: '19:new-team@thread.tacv2', channelId: '19:new-team@thread.tacv2' };

  it('greets and offers the setup card when added to a team; links, imports the roster, guards roles', async () => {
    const w = { ...where, serviceUrl: connector.url };
    await app.post(botInstalled(w));
    await connector.waitFor(2);
    expect(cardOf(0)).toContain('Hej, jeg er Dagsorden');
    expect(cardOf(1)).toContain('Knyt kanalen');

    // Alex creates a new committee from the card and becomes its secretariat.
    const linked = await app.post(executeAction('setup-link', { newName: 'DAS Social' }, w));
    const linkedBody = (await linked.json()) as { statusCode: number; type: string; value: unknown };
    expect(linkedBody.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(text(linkedBody.value)).toContain('Kanalen er nu knyttet til DAS Social');
    const committeeId = /"committeeId":"([0-9a-f-]{36})"/.exec(JSON.stringify(linkedBody.value))![1]!;

    // Clicking again changes nothing twice; a card posted before the verbs were kebab-case carries "setup.link", still understood.
    const again = await app.post(executeAction('setup.link', { newName: 'DAS Social' }, w));
    expect(again.status).toBe(200);
    await connector.waitFor(3);
    expect(connector.recorded[2]!.body.text).toMatch(/allerede knyttet/);

    connector.roster.push(
      { id: ALEX.id, name: ALEX.name, aadObjectId: ALEX.aadObjectId },
      { id: MEGAN.id, name: MEGAN.name, aadObjectId: MEGAN.aadObjectId },
      { id: 'user-id-7', name: 'Henrik Ny', aadObjectId: '00000000-0000-0000-0000-0000000000077', email: 'hn@example.dk' },
    );
    const imported = await app.post(executeAction('setup-import-roster', { committeeId }, w));
    expect(text(await imported.json())).toContain('2 nye medlemmer hentet fra teamet (1 var der i forvejen)');

    // Megan is a member, not secretariat: she sees the list but cannot change it.
    connector.clear();
    await app.post(message('medlemmer', { ...w, user: MEGAN }));
    await connector.waitFor(1);
    expect(cardOf(0)).toContain('Medlemmer af DAS Social (3)');
    expect(cardOf(0)).not.toContain('members-save');
    expect(cardOf(0)).not.toMatch(/"id":"role\./);

    // The old dotted verb (a members card posted earlier) reaches the same action and the same refusal.
    connector.clear();
    await app.post(submitAction('members.save', { committeeId }, { ...w, user: MEGAN }));
    await connector.waitFor(1);
    expect(connector.recorded[0]!.body.text).toBe('Det kan kun sekretariatet.');

    // Alex sets Megan's organisation and role.
    connector.clear();
    await app.post(message('medlemmer', w));
    await connector.waitFor(1);
    const card = cardOf(0);
    const ids = [...card.matchAll(/"id":"role\.([0-9a-f-]{36})"/g)].map((m) => m[1]!);
    expect(ids).toHaveLength(3);
    const data: Record<string, string> = { committeeId };
    for (const id of ids) {
      data[`role.${id}`] = 'member';
      data[`org.${id}`] = '';
    }
    // Everyone to "member" would leave no secretariat: refused with a clear message.
    const refused = await app.post(executeAction('members-save', data, w));
    expect(text(await refused.json())).toContain('mindst én i sekretariatet');

    // Everyone keeps their role and gets an organisation: the card answered shows it at
    // once, and so does the list asked for next (the roster is read from the cache).
    const roles = new Map([...card.matchAll(/"id":"role\.([0-9a-f-]{36})"[^}]*?"value":"(\w+)"/g)].map((m) => [m[1]!, m[2]!]));
    expect([...roles.keys()].sort()).toEqual([...ids].sort());
    for (const id of ids) {
      data[`role.${id}`] = roles.get(id)!;
      data[`org.${id}`] = 'Viborg Kommune';
    }
    const saved = await app.post(executeAction('members-save', data, w));
    expect((JSON.stringify(await saved.json()).match(/Viborg Kommune/g) ?? []).length).toBeGreaterThanOrEqual(3);
    connector.clear();
    await app.post(message('medlemmer', { ...w, user: MEGAN }));
    await connector.waitFor(1);
    expect((cardOf(0).match(/Viborg Kommune/g) ?? []).length).toBeGreaterThanOrEqual(3);
  });

  it('refuses setup outside a channel', async () => {
    await app.post(message('opsætning', { serviceUrl: connector.url, scope: 'personal' }));
    await connector.waitFor(1);
    expect(connector.recorded[0]!.body.text).toMatch(/Opsætningen sker i den kanal/);
  });
});

describe('bad input', () => {
  it('answers 400 to a body that is not JSON, with a correlation id in the log', async () => {
    const res = await app.post('{ not json', { 'x-correlation-id': 'bad-json-1' });
    expect(res.status).toBe(400);
    expect(app.logs.some((l) => l.correlationId === 'bad-json-1')).toBe(true);
  });

  it('answers 400 to an activity with missing fields or an unknown type, naming the problem', async () => {
    const res = await app.post({ type: 'message', text: 'hej' });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { problems: string[]; correlationId: string };
    expect(body.problems.join(' ')).toMatch(/serviceUrl/);
    expect(app.logs.some((l) => l.correlationId === body.correlationId && l.msg === 'invalid activity refused')).toBe(true);

    const unknown = await app.post({ ...message('hej', { serviceUrl: connector.url }), type: 'somethingElse' });
    expect(unknown.status).toBe(400);
    expect(connector.recorded).toHaveLength(0);
  });

  it('answers text over 28 KB politely, logged with the correlation id', async () => {
    const res = await app.post(message('x'.repeat(29 * 1024), { serviceUrl: connector.url }), { 'x-correlation-id': 'long-1' });
    expect(res.status).toBe(200);
    await connector.waitFor(1);
    expect(connector.recorded[0]!.body.text).toMatch(/for lang/);
    expect(app.logs.some((l) => l.correlationId === 'long-1' && l.msg === 'message too long')).toBe(true);
  });

  it('answers a card action it does not know without crashing', async () => {
    const res = await app.post(executeAction('no.such.verb', {}, { serviceUrl: connector.url }));
    expect(res.status).toBe(200);
    await connector.waitFor(1);
    expect(connector.recorded[0]!.body.text).toMatch(/knap kender jeg ikke/);
  });
});

describe('health', () => {
  it('reports the database and version', async () => {
    const res = await fetch(`${app.url}/healthz`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { status: string; database: string; version: string };
    expect(body.status).toBe('ok');
    expect(body.database).toMatch(/^PostgreSQL \d+/);
    expect(body.version).toMatch(/^\d+\.\d+\.\d+/);
  });
});
