// What reaches /api/messages before any handler: odd characters are cleaned at the door,
// malformed activities answered 400, long markup read in one pass (the server keeps
// answering meanwhile), and running without an app id is said in the log.
import { startRecordingConnector, type RecordingConnector } from '../support/recording-connector';
import { startTestApp, type TestApp } from '../support/app';
import { invokeInPersonalChat } from '../support/personal-invoke';
import { ALEX, MEGAN, message } from '../support/activities';
import { AGENDA } from '../support/documents';
import { DocumentReader } from '../../src/documents/document-reader';

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

const personal = (text: string, user = ALEX) => message(text, { serviceUrl: connector.url, scope: 'personal', user });
const texts = () => connector.recorded.map((r) => JSON.stringify(r.body)).join('\n');
const errors = () => app.logs.filter((l) => Number(l.level) >= 50);

describe('odd characters', () => {
  it('saves a submission whose title holds a NUL byte, without it', async () => {
    const meeting = await app.db.prisma.meeting.findFirstOrThrow({ where: { startsAt: { gt: new Date('2026-11-22T12:00:00+01:00') } }, orderBy: { startsAt: 'asc' } });
    const card = await invokeInPersonalChat(app, connector, 'submission-save', {
      meetingId: meeting.id,
      title: 'Budget\u0000 2027 – \uD800udgifter',
      purpose: 'discussion',
      description: 'Tekst\u0000 med et nul-tegn.',
      presenter: '',
      links: '',
    }, MEGAN);
    expect(card).not.toContain('Beklager');
    const row = await app.db.prisma.topicSubmission.findFirstOrThrow({ where: { submitter: { aadObjectId: MEGAN.aadObjectId } }, orderBy: { createdAt: 'desc' } });
    expect(row.title).toBe('Budget 2027 – \uFFFDudgifter');
    expect(row.description).toBe('Tekst med et nul-tegn.');
    expect(errors()).toEqual([]);
  });

  it('previews pasted agenda text with a lone surrogate and a NUL byte', async () => {
    const res = await app.post(personal(`importer dagsorden\n${AGENDA.replace('Rammeaftale 2027-28', 'Rammeaftale \uD800 2027-28\u0000')}`));
    expect(res.status).toBe(200);
    await connector.waitFor(1);
    expect(texts()).toContain('DAGSORDEN · FORHÅNDSVISNING');
    expect(texts()).not.toContain('Beklager');
    expect(errors()).toEqual([]);
  });

  it('cleans the sender\'s name, attachment names and card data, keys included', async () => {
    const activity = {
      ...personal('hjælp'),
      from: { ...ALEX, name: 'Alex\u0000 \uDC00Wilber' },
      attachments: [{ contentType: 'text/plain', name: 'a\u0000.txt' }],
    };
    const res = await app.post(activity);
    expect(res.status).toBe(200);
    await connector.waitFor(1);
    expect(errors()).toEqual([]);
  });

  it('answers 400 to an activity without recipient, naming it, and nothing runs', async () => {
    const activity: Record<string, unknown> = { ...personal('næste møde') };
    delete activity.recipient;
    const res = await app.post(activity);
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: string; problems: string[] };
    expect(body.error).toBe('invalid_activity');
    expect(body.problems.join(' ')).toContain('recipient');
    await app.outbox.idle();
    expect(connector.recorded).toHaveLength(0);
  });

  it.each([
    ['a recipient without id', (a: Record<string, unknown>) => ({ ...a, recipient: { name: 'Dagsorden' } })],
    ['a from that is a string', (a: Record<string, unknown>) => ({ ...a, from: 'user-id-0' })],
    ['a conversation without id', (a: Record<string, unknown>) => ({ ...a, conversation: {} })],
    ['a serviceUrl that is not http(s)', (a: Record<string, unknown>) => ({ ...a, serviceUrl: 'file:///etc/passwd' })],
    ['text over 100 KB', (a: Record<string, unknown>) => ({ ...a, text: 'x'.repeat(100 * 1024 + 1) })],
    ['an entity without type', (a: Record<string, unknown>) => ({ ...a, entities: [{ text: '<at>x</at>' }] })],
    ['card data nested 40 deep', (a: Record<string, unknown>) => ({ ...a, text: '', value: JSON.parse(`${'{"a":'.repeat(40)}1${'}'.repeat(40)}`) })],
    ['an invoke whose value is a string', (a: Record<string, unknown>) => ({ ...a, type: 'invoke', name: 'adaptiveCard/action', value: 'x' })],
    ['an Action.Execute without action', (a: Record<string, unknown>) => ({ ...a, type: 'invoke', name: 'adaptiveCard/action', value: { trigger: 'manual' } })],
    ['an Action.Execute whose data is an array', (a: Record<string, unknown>) => ({ ...a, type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb: 'command', data: [1] } } })],
  ])('answers 400 to %s', async (_name, change) => {
    const res = await app.post(change(personal('næste møde') as unknown as Record<string, unknown>));
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toBe('invalid_activity');
  });
});

describe('long markup', () => {
  it('answers /healthz while ten messages of 28 KB of "<" are read, and answers all ten', async () => {
    // Not timed: before, the ten held the event loop for 30 to 60 s (3-6 s each), so the
    // test's timeout (20 s) is the guard; /healthz must answer every time it is asked.
    const text = '<'.repeat(28 * 1024);
    const health: number[] = [];
    let done = false;
    const polling = (async () => {
      while (!done) {
        const res = await fetch(`${app.url}/healthz`);
        await res.arrayBuffer();
        health.push(res.status);
        await new Promise((r) => setTimeout(r, 5));
      }
    })();
    const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => app.post(message(text, { serviceUrl: connector.url, scope: i % 2 ? 'personal' : 'channel' }))));
    done = true;
    await polling;
    expect(answers.map((r) => r.status)).toEqual(Array(10).fill(200));
    expect(health.length).toBeGreaterThan(0);
    expect(health.every((s) => s === 200)).toBe(true);
    expect(errors()).toEqual([]);
  }, 20_000);
});

describe('pasted markup', () => {
  it.each([
    ['28 KB of "<b "', '<b '.repeat(9000)],
    ['HTML nested 9,000 deep', `${'<p>'.repeat(9000)}Punkt 1.1`],
  ])('refuses %s under "importer dagsorden" from a member before parsing it', async (_name, pasted) => {
    // Parsing took 1–2.6 s ("<b ") or overflowed the stack (nesting) before the role was
    // checked. Not timed now: the text never reaches the document reader at all.
    const parse = jest.spyOn(DocumentReader.prototype, 'parse');
    const read = jest.spyOn(DocumentReader.prototype, 'read');
    try {
      await app.post(personal(`importer dagsorden\n${pasted}`, MEGAN));
      await connector.waitFor(1);
      expect(parse).not.toHaveBeenCalled();
      expect(read).not.toHaveBeenCalled();
    } finally {
      parse.mockRestore();
      read.mockRestore();
    }
    expect(texts()).toContain('Det kan kun sekretariatet');
    expect(errors()).toEqual([]);
  });
});

describe('without an app id', () => {
  it('says at start-up that requests are not authenticated and it listens on this machine only', () => {
    const line = app.logs.find((l) => String(l.msg).includes('Uden MicrosoftAppId'));
    expect(line).toMatchObject({ host: '127.0.0.1', authenticated: false });
  });

  it('warns that requests are not authenticated, once for many requests', async () => {
    for (let i = 0; i < 5; i++) await app.post(personal('hjælp'));
    const warnings = app.logs.filter((l) => String(l.msg).startsWith('Ikke-godkendte forespørgsler'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.level).toBe(40);
  });
});
