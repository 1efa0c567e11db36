// One request per send: when Teams answers 429, a 5xx or drops the connection, the send
// fails at once with what Teams said and the outbox decides what follows (DESIGN.md, the
// outbox worker). botbuilder's connector client used to try again by itself: four requests
// and up to six seconds inside one send, a sender slot held meanwhile, and a stopping app
// waiting for them. Before that, the failure has to reach the outbox at all: botbuilder
// handed it to the adapter's onTurnError, and the message was marked sent. Counted at a
// local connector; never timed.
import { startRecordingConnector, type RecordingConnector } from '../support/recording-connector';
import { startTestApp, type TestApp } from '../support/app';
import { until } from '../support/until';
import { ALEX, TEAM, TENANT, message } from '../support/activities';
import { ConversationPacer } from '../../src/bot/conversation-pacer';
import { FAST_CONVERSATION_LIMITS } from '../support/pacer';

type Failure = { status: number; retryAfter?: number | string } | 'drop';

let app: TestApp;
let connector: RecordingConnector & { count(): number };
/** How the connector answers the next requests: one entry per request, taken in order; then as usual. */
let failures: Failure[] = [];
/** Or how it answers a request it picks (after `failures` are used up). */
let refuse: ((method: string, path: string) => Failure | null) | null = null;

beforeAll(async () => {
  connector = await startRecordingConnector({ fail: (method, path) => failures.shift() ?? refuse?.(method, path) ?? null });
  app = await startTestApp();
});
afterAll(async () => {
  await app?.close();
  await connector?.close();
});

let n = 0;
beforeEach(() => {
  connector.clear();
  failures = [];
  refuse = null;
  n += 1;
});

/** A message to a channel of its own (each test its own conversation: Teams' pace per conversation never waits). */
async function queueToChannel(): Promise<{ key: string; text: string }> {
  const key = `test:one-attempt:${n}`;
  const text = `Besked ${n}`;
  await app.services.deliveries.queue([
    { key, kind: 'test', committeeId: null, to: { conversationId: `19:one-attempt-${n}@thread.tacv2`, serviceUrl: connector.url, tenantId: null }, content: { text } },
  ]);
  return { key, text };
}

const row = (key: string) => app.db.prisma.outboundDelivery.findUniqueOrThrow({ where: { idempotencyKey: key } });
const delivered = (text: string) => connector.recorded.filter((r) => r.method === 'POST' && r.body.text === text);

/** The retry the outbox scheduled, made due now (rather than waited out) and sent. */
async function retryNow(key: string): Promise<void> {
  await app.db.prisma.outboundDelivery.update({ where: { idempotencyKey: key }, data: { notBefore: new Date() } });
  app.outbox.kick();
  await app.outbox.idle();
}

/** Queues a message whose first send gets `failure`: what the connector and the outbox made of it. */
async function failFirstSend(failure: Failure) {
  failures = [failure];
  const before = connector.requests();
  const queuedAt = Date.now();
  const { key, text } = await queueToChannel();
  await app.outbox.idle();
  const failedAt = Date.now();
  expect(connector.requests() - before).toBe(1);
  const waiting = await row(key);
  expect(waiting).toMatchObject({ status: 'pending', attempts: 1 });
  return { before, queuedAt, failedAt, key, text, waiting };
}

describe('a send Teams fails makes one request; the outbox decides what follows', () => {
  it.each([
    ['in seconds', () => 120],
    ['as an HTTP date', () => new Date(Date.now() + 120_000).toUTCString()],
  ])('429 with Retry-After %s: one request, the retry scheduled after Retry-After (not the backoff), then sent once', async (_form, retryAfter) => {
    const { before, queuedAt, failedAt, key, text, waiting } = await failFirstSend({ status: 429, retryAfter: retryAfter() });
    expect(waiting.lastError).toContain('429');
    // Retry-After said 120 s (the date in whole seconds); the backoff after a first attempt is 1-2 s.
    expect(waiting.notBefore.getTime()).toBeGreaterThanOrEqual(queuedAt + 119_000);
    expect(waiting.notBefore.getTime()).toBeLessThanOrEqual(failedAt + 120_000);
    await retryNow(key);
    expect(connector.requests() - before).toBe(2);
    expect(delivered(text)).toHaveLength(1);
    expect(await row(key)).toMatchObject({ status: 'sent', attempts: 2 });
  });

  it.each([
    ['503', { status: 503 } as Failure],
    ['502', { status: 502 } as Failure],
    ['a dropped connection', 'drop' as Failure],
  ])('%s: one request, tried again after the outbox\'s backoff, then sent once', async (_name, failure) => {
    const { before, queuedAt, failedAt, key, text, waiting } = await failFirstSend(failure);
    // backoffMs(1): 1-2 s after the failure.
    expect(waiting.notBefore.getTime()).toBeGreaterThanOrEqual(queuedAt + 1000);
    expect(waiting.notBefore.getTime()).toBeLessThanOrEqual(failedAt + 2000);
    expect(delivered(text)).toHaveLength(0);
    await retryNow(key);
    expect(connector.requests() - before).toBe(2);
    expect(delivered(text)).toHaveLength(1);
    expect(await row(key)).toMatchObject({ status: 'sent', attempts: 2 });
  });

  it.each([
    ['500', 500],
    ['400', 400],
    ['404', 404],
  ])('%s: one request, and the message is given up (the outbox tries only 412, 429, 502-504 and no answer again)', async (_name, status) => {
    failures = [{ status }];
    const before = connector.requests();
    const { key, text } = await queueToChannel();
    await app.outbox.idle();
    expect(connector.requests() - before).toBe(1);
    expect(await row(key)).toMatchObject({ status: 'failed', attempts: 1 });
    expect(delivered(text)).toHaveLength(0);
  });

  it('a personal chat Teams cannot create yet (503): one request, then created and written to on the retry, once', async () => {
    const person = await app.db.prisma.person.create({ data: { displayName: 'Ny', teamsUserId: `29:one-attempt-${n}`, serviceUrl: connector.url } });
    failures = [{ status: 503 }];
    const before = connector.requests();
    const key = `test:one-attempt:${n}`;
    await app.services.deliveries.queue([{ key, kind: 'test', committeeId: null, to: { personId: person.id }, content: { text: 'Til dig' } }]);
    await app.outbox.idle();
    expect(connector.requests() - before).toBe(1);
    expect(connector.recorded).toHaveLength(0);
    expect(await row(key)).toMatchObject({ status: 'pending', attempts: 1 });
    await retryNow(key);
    // The chat created, then the message in it: two requests, each once.
    expect(connector.requests() - before).toBe(3);
    const what = (r: (typeof connector.recorded)[number]) => (r.path === '/v3/conversations' ? 'chat created' : `${r.conversationId}: ${String(r.body.text)}`);
    expect(connector.recorded.map(what)).toEqual(['chat created', `a:personal-29:one-attempt-${n}: Til dig`]);
    expect(await row(key)).toMatchObject({ status: 'sent', attempts: 2 });
  });
});

describe('a reply Teams does not take in the turn', () => {
  /** A question in the member's personal chat (a conversation of its own per test); its activity. */
  async function ask(text: string) {
    const activity = { ...message(text, { serviceUrl: connector.url, scope: 'personal', user: ALEX }), conversation: { id: `a:reply-${n}`, conversationType: 'personal', tenantId: TENANT } };
    const answered = await app.post(activity);
    expect(answered.status).toBe(200);
    return activity;
  }
  const repliesTo = (id: string) => connector.recorded.filter((r) => r.method === 'POST' && r.activityId === id);
  const handedOn = () => app.db.prisma.outboundDelivery.findMany({ where: { kind: 'turn-reply', idempotencyKey: { startsWith: `reply:a:reply-${n}:` } } });

  it.each([
    ['a dropped connection', 'drop' as Failure],
    ['503', { status: 503 } as Failure],
  ])('%s: handed to the outbox and sent from there once, as the reply to the question, with no apology', async (_name, failure) => {
    failures = [failure];
    const before = connector.requests();
    const question = await ask('hjælp');
    await until(() => repliesTo(question.id).length > 0, 10_000, 'the reply, sent by the outbox');
    await app.outbox.idle();
    expect(connector.requests() - before).toBe(2);
    const [reply] = repliesTo(question.id);
    expect(repliesTo(question.id)).toHaveLength(1);
    expect(reply!.conversationId).toBe(`a:reply-${n}`);
    expect(reply!.body.conversation).toMatchObject({ id: `a:reply-${n}`, conversationType: 'personal', isGroup: false });
    expect(JSON.stringify(reply!.body)).toContain('Dagsorden');
    expect(JSON.stringify(connector.recorded)).not.toContain('Fejl-id');
    expect(await handedOn()).toEqual([expect.objectContaining({ status: 'sent', attempts: 1 })]);
    expect(app.logs.some((l) => l.msg === 'reply not taken by Teams; handed to the outbox')).toBe(true);
  });

  it('429: waits for Teams\' Retry-After in the outbox, not in the turn', async () => {
    failures = [{ status: 429, retryAfter: 120 }];
    const askedAt = Date.now();
    const question = await ask('hjælp');
    const [waiting] = await handedOn();
    expect(waiting).toMatchObject({ status: 'pending', attempts: 0 });
    expect(waiting!.notBefore.getTime()).toBeGreaterThanOrEqual(askedAt + 119_000);
    expect(repliesTo(question.id)).toHaveLength(0);
    await retryNow(waiting!.idempotencyKey);
    expect(repliesTo(question.id)).toHaveLength(1);
  });

  it('the same question delivered again by Teams is answered once', async () => {
    failures = ['drop'];
    const question = await ask('hjælp');
    await until(() => repliesTo(question.id).length > 0, 10_000, 'the reply, sent by the outbox');
    failures = ['drop'];
    await app.post(question);
    await app.outbox.idle();
    expect(await handedOn()).toHaveLength(1);
    expect(repliesTo(question.id)).toHaveLength(1);
  });

  it('400: not tried again; the turn fails as before, and the member is told', async () => {
    failures = [{ status: 400 }];
    const before = connector.requests();
    await ask('hjælp');
    await app.outbox.idle();
    expect(await handedOn()).toHaveLength(0);
    // The refused reply, then the apology with the error's id.
    expect(connector.requests() - before).toBe(2);
    expect(JSON.stringify(connector.recorded)).toContain('Fejl-id');
  });
});

describe('stopping while Teams fails', () => {
  it('the send in flight ends with its one request; the message is kept for later, not lost', async () => {
    // Its own app: this one is stopped. Every request is dropped, as by a connector gone away.
    const own = await startTestApp({ DEMO_SEED: 'false' });
    failures = Array(10).fill('drop');
    try {
      const before = connector.requests();
      const key = `test:stopping:${n}`;
      await own.services.deliveries.queue([
        { key, kind: 'test', committeeId: null, to: { conversationId: `19:stopping-${n}@thread.tacv2`, serviceUrl: connector.url, tenantId: null }, content: { text: 'Stop' } },
      ]);
      // Stopped as the first request has been dropped: what the stop waits for is that send.
      await until(() => connector.requests() > before, 10_000, 'the first request');
      await own.outbox.stop();
      expect(connector.requests() - before).toBe(1);
      expect(await own.db.prisma.outboundDelivery.findUniqueOrThrow({ where: { idempotencyKey: key } })).toMatchObject({ status: 'pending', attempts: 1 });
    } finally {
      await own.close();
      failures = [];
    }
  });
});

describe('the channel\'s cards when Teams refuses one', () => {
  const THREAD = encodeURIComponent(`${TEAM};messageid=`);
  /** The item numbers of the cards posted in the agenda's thread, in the order the connector took them. */
  const posted = () =>
    connector.recorded
      .filter((r) => r.method === 'POST' && r.conversationId.startsWith(`${TEAM};messageid=`))
      .map((r) => /"(\d\.\d) [^"]+"/.exec(JSON.stringify(r.body))?.[1]);
  const report = () => connector.recorded.filter((r) => String(r.body.text ?? '').startsWith('Dagsordenen er udsendt i kanalen'));
  // Each test starts an app of its own with the demo agenda (most of its time, on a busy
  // machine) and waits out the outbox's backoff: more time than the default 30 s, not timed.
  // Its cards go to one thread, paced as Teams limits a conversation with every window 20
  // times shorter (test/support/pacer.ts): the order is the app's, not the pace's.
  /** Refuses the n-th card posted in the thread (1: item 1.1), once, with `failure`. */
  const refuseCard = (nth: number, failure: Failure) => {
    let seen = 0;
    refuse = (method, path) => (method === 'POST' && path.includes(THREAD) && ++seen === nth ? failure : null);
  };

  it('item 1.2 answered 503: one request, tried again by the outbox, and every card is posted once, in agenda order', async () => {
    const own = await startTestApp({}, true, { conversationPacer: new ConversationPacer(FAST_CONVERSATION_LIMITS) });
    try {
      refuseCard(2, { status: 503 });
      const before = connector.requests();
      await own.post(message('udsend dagsorden', { serviceUrl: connector.url, scope: 'personal', user: ALEX }));
      await until(() => report().length > 0, 30_000, 'the report');
      expect(posted()).toEqual(['1.1', '1.2', '1.3', '2.1', '2.2', '3.1', '3.2']);
      // What the connector took, and the one it refused: nothing else was asked.
      expect(connector.requests() - before).toBe(connector.recorded.length + 1);
    } finally {
      await own.close();
    }
  }, 90_000);

  it('item 1.2 answered 500 is given up, so 1.3 follows at once; asked for again by the next publish, 1.2 comes after the others (the order seen once in agenda.e2e)', async () => {
    const own = await startTestApp({}, true, { conversationPacer: new ConversationPacer(FAST_CONVERSATION_LIMITS) });
    try {
      refuseCard(2, { status: 500 });
      await own.post(message('udsend dagsorden', { serviceUrl: connector.url, scope: 'personal', user: ALEX }));
      await until(() => report().length > 0, 30_000, 'the report');
      expect(posted()).toEqual(['1.1', '1.3', '2.1', '2.2', '3.1', '3.2']);
      await own.post(message('udsend dagsorden', { serviceUrl: connector.url, scope: 'personal', user: ALEX }));
      await until(() => report().length > 1, 30_000, 'the second report');
      // Posted once each, 1.2 last: a reply cannot be put back between others in a thread.
      expect(posted()).toEqual(['1.1', '1.3', '2.1', '2.2', '3.1', '3.2', '1.2']);
    } finally {
      await own.close();
    }
  }, 90_000);
});
