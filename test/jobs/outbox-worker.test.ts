// The outbox worker against the real store and a fake Teams: what each answer from Teams
// leads to (sent; 429 and 5xx tried again later without holding the row; 403 unreachable
// for good; other 4xx given up at once), the personal chat created once and remembered,
// and messages to an unreachable member never sent; woken by the store when a transaction
// that queued commits; idle once nothing is due and nothing is being sent. On this run's
// database (the embedded one; PostgreSQL in CI's second run).
import pino from 'pino';
import { OutboxWorker, SendError, backoffMs, type OutboundSender } from '../../src/jobs/outbox-worker';
import type { Database } from '../../src/store/database';
import { createStore, type Store } from '../../src/store';
import { enqueueMessages } from '../../src/store/outbox.repository';
import { databaseKind, freshDatabase } from '../support/db';
import type { OutboundMessage } from '../../src/domain/delivery/types';
import type { ClaimedMessage } from '../../src/domain/delivery/ports';
import { until } from '../support/until';
import { read } from '../support/read';

class FakeTeams implements OutboundSender {
  sent: ClaimedMessage[] = [];
  answers = new Map<string, Array<SendError | 'ok'>>();
  requests = 0;
  async send(message: ClaimedMessage) {
    this.requests += 1;
    const next = this.answers.get(message.key)?.shift() ?? 'ok';
    if (next !== 'ok') throw next;
    this.sent.push(message);
    return { activityId: `act-${this.sent.length}`, createdConversationId: message.conversationId ? undefined : `a:personal-${message.teamsUserId}` };
  }
}

describe('outbox worker', () => {
  let db: Database;
  let store: Store;
  let teams: FakeTeams;
  let worker: OutboxWorker;
  let personId = '';

  // One database for the file, of this run's kind (loading one takes seconds); each test starts with no messages and no people.
  beforeAll(async () => {
    db = await freshDatabase(databaseKind);
  });
  afterAll(async () => db?.close());

  beforeEach(async () => {
    await db.prisma.outboundDelivery.deleteMany();
    await db.prisma.person.deleteMany();
    store = createStore(db);
    personId = (await db.prisma.person.create({ data: { displayName: 'Megan Bowen', teamsUserId: '29:megan', tenantId: 't1', serviceUrl: 'https://smba.example/' } })).id;
    teams = new FakeTeams();
    worker = new OutboxWorker({ outbox: store.outbox, people: store.people, sender: teams, log: pino({ level: 'silent' }), options: { pollMs: 20 } });
  });
  afterEach(async () => {
    await worker.stop();
  });

  const queue = (key: string, to: OutboundMessage['to'] = { personId }) =>
    store.outbox.enqueue([{ key, kind: 'test', committeeId: null, to, content: { text: key } }]);
  const row = (key: string) => read(db).delivery(key);

  it('sends a message once, creating the member\'s personal chat and remembering it', async () => {
    await queue('m:1');
    await worker.start(true);
    await until(async () => (await row('m:1'))?.status === 'sent');
    // The chat is remembered just after the row is marked sent, in the same pass: wait for the pass to end.
    await worker.idle();
    expect(teams.sent.map((m) => m.key)).toEqual(['m:1']);
    expect((await db.prisma.person.findUnique({ where: { id: personId } }))!.personalConversationId).toBe('a:personal-29:megan');
    await queue('m:2');
    await until(async () => (await row('m:2'))?.status === 'sent');
    expect(teams.sent[1]!.conversationId).toBe('a:personal-29:megan');
  });

  it('tries 429 again after Retry-After, without holding the message meanwhile', async () => {
    teams.answers.set('m:1', [new SendError('429 Too Many Requests', 429, 1500)]);
    await queue('m:1');
    const before = Date.now();
    await worker.start(true);
    await until(async () => (await row('m:1'))?.attempts === 1 && (await row('m:1'))?.status === 'pending');
    const waiting = (await row('m:1'))!;
    expect(waiting.notBefore.getTime() - before).toBeGreaterThanOrEqual(1400);
    expect(waiting.lockedUntil).toBeNull();
    await until(async () => (await row('m:1'))?.status === 'sent');
    expect((await row('m:1'))!.attempts).toBe(2);
  });

  it('tries 5xx and lost connections again with backoff, and gives up after the last attempt', async () => {
    await worker.stop();
    worker = new OutboxWorker({ outbox: store.outbox, people: store.people, sender: teams, log: pino({ level: 'silent' }), options: { pollMs: 20, maxAttempts: 3 } });
    teams.answers.set('m:1', [new SendError('503 Service Unavailable', 503, null), new SendError('socket hang up', null, null), new SendError('502', 502, null)]);
    await queue('m:1');
    const retried = async (attempts: number) => {
      const r = await row('m:1');
      // Backed off (attempt 1: 1 to 2 s) from when the row was put back, not from when this
      // look happens to run: on a loaded machine that can be late.
      return r?.status === 'pending' && r.attempts === attempts && r.notBefore.getTime() > r.updatedAt.getTime() + 500;
    };
    const due = () => db.prisma.outboundDelivery.update({ where: { idempotencyKey: 'm:1' }, data: { notBefore: new Date() } });
    await worker.start(true);
    await until(() => retried(1));
    await due();
    await until(() => retried(2));
    await due();
    await until(async () => (await row('m:1'))?.status === 'failed');
    expect((await row('m:1'))!.attempts).toBe(3);
    expect(teams.sent).toHaveLength(0);
  });

  it('gives up other 4xx at once', async () => {
    teams.answers.set('m:1', [new SendError('400 Bad Request', 400, null)]);
    await queue('m:1');
    await worker.start(true);
    await until(async () => (await row('m:1'))?.status === 'failed');
    expect((await row('m:1'))!.attempts).toBe(1);
    expect(teams.requests).toBe(1);
  });

  it('on 403 marks the member unreachable; their later messages are not sent, others are', async () => {
    const other = (await db.prisma.person.create({ data: { displayName: 'Alex Wilber', teamsUserId: '29:alex', serviceUrl: 'https://smba.example/' } })).id;
    teams.answers.set('m:1', [new SendError('403 Forbidden', 403, null)]);
    await queue('m:1');
    await worker.start(true);
    await until(async () => (await row('m:1'))?.status === 'unreachable');
    expect((await db.prisma.person.findUnique({ where: { id: personId } }))!.unreachableAt).not.toBeNull();
    await queue('m:2');
    await queue('m:3', { personId: other });
    await until(async () => (await row('m:2'))?.status === 'unreachable' && (await row('m:3'))?.status === 'sent');
    expect(teams.sent.map((m) => m.key)).toEqual(['m:3']);
    expect(teams.requests).toBe(2);
  });

  it('sends what a transaction queued once it commits, woken by the store alone (never by a rollback)', async () => {
    await worker.stop();
    // It would look again only in a minute: what it sends here, it was woken for.
    worker = new OutboxWorker({ outbox: store.outbox, people: store.people, sender: teams, log: pino({ level: 'silent' }), options: { pollMs: 60_000 } });
    await worker.start(true);
    await worker.idle();
    const kick = jest.spyOn(worker, 'kick');
    const message = (key: string): OutboundMessage => ({ key, kind: 'test', committeeId: null, to: { personId }, content: { text: key } });
    await expect(
      db.prisma.$transaction(async (tx) => {
        await enqueueMessages(tx, [message('t:0')]);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(kick).not.toHaveBeenCalled();
    await db.prisma.$transaction(async (tx) => {
      await enqueueMessages(tx, [message('t:1')]);
      expect(kick).not.toHaveBeenCalled();
    });
    expect(kick).toHaveBeenCalledTimes(1);
    await until(async () => (await row('t:1'))?.status === 'sent', 20_000, 't:1 sent');
    expect(teams.sent.map((m) => m.key)).toEqual(['t:1']);
  });

  it('is idle once what was queued is sent, put off or given up, and at once when stopped', async () => {
    teams.answers.set('m:2', [new SendError('429 Too Many Requests', 429, 60_000)]);
    teams.answers.set('m:3', [new SendError('400 Bad Request', 400, null)]);
    await worker.start(true);
    await Promise.all([queue('m:1'), queue('m:2'), queue('m:3')]);
    await worker.idle();
    expect([(await row('m:1'))?.status, (await row('m:2'))?.status, (await row('m:3'))?.status]).toEqual(['sent', 'pending', 'failed']);
    await worker.stop();
    await queue('m:4');
    await worker.idle();
    expect((await row('m:4'))?.status).toBe('pending');
  });

  it('claims a batch per query, and still sends each message once, in order', async () => {
    await worker.stop();
    worker = new OutboxWorker({ outbox: store.outbox, people: store.people, sender: teams, log: pino({ level: 'silent' }), options: { pollMs: 20, concurrency: 4, batch: 16 } });
    const keys = Array.from({ length: 40 }, (_, n) => `b:${String(n).padStart(2, '0')}`);
    await store.outbox.enqueue(keys.map((key) => ({ key, kind: 'test', committeeId: null, to: { personId }, content: { text: key } })));
    const found: number[] = [];
    const claim = store.outbox.claimDue.bind(store.outbox);
    const spy = jest.spyOn(store.outbox, 'claimDue').mockImplementation(async (limit, lease) => {
      const rows = await claim(limit, lease);
      found.push(rows.length);
      return rows;
    });
    try {
      await worker.start(true);
      await until(async () => (await read(db).queued({ kind: 'test', status: 'sent' })) === 40);
      await worker.idle();
    } finally {
      spy.mockRestore();
    }
    // One claim per message before: now 16 + 16 + 8.
    expect(found.filter((n) => n > 0)).toEqual([16, 16, 8]);
    expect(teams.sent.map((m) => m.key).sort()).toEqual(keys);
    expect(new Set(teams.sent.map((m) => m.key)).size).toBe(40);
    expect((await db.prisma.outboundDelivery.findMany({ where: { kind: 'test' } })).every((r) => r.attempts === 1)).toBe(true);
  });

  it('gives back what it claimed and did not send: when it stops, and what waited half its lease', async () => {
    await worker.stop();
    let release: () => void = () => undefined;
    const slow: OutboundSender = {
      send: async (message) => {
        if (message.key === 'h:0') await new Promise<void>((r) => (release = r));
        return teams.send(message);
      },
    };
    const start = (leaseSeconds: number) => {
      worker = new OutboxWorker({ outbox: store.outbox, people: store.people, sender: slow, log: pino({ level: 'silent' }), options: { pollMs: 20, concurrency: 1, batch: 4, leaseSeconds } });
      return worker.start(false);
    };
    await store.outbox.enqueue(['h:0', 'h:1', 'h:2', 'h:3'].map((key) => ({ key, kind: 'test', committeeId: null, to: { personId }, content: { text: key } })));
    await start(60);
    await until(async () => (await row('h:0'))?.status === 'sending' && (await row('h:3'))?.status === 'sending');
    const stopping = worker.stop();
    release();
    await stopping;
    expect(teams.sent.map((m) => m.key)).toEqual(['h:0']);
    for (const key of ['h:1', 'h:2', 'h:3']) expect(await row(key)).toMatchObject({ status: 'pending', attempts: 0, lockedUntil: null });

    // A lease of 0.4 s: what waits behind a send of 0.5 s is given back, claimed again, and sent once.
    await db.prisma.outboundDelivery.update({ where: { idempotencyKey: 'h:0' }, data: { status: 'pending', attempts: 0 } });
    teams.sent = [];
    await start(0.4);
    await until(async () => (await row('h:0'))?.status === 'sending');
    await new Promise((r) => setTimeout(r, 500));
    release();
    await until(async () => (await read(db).queued({ kind: 'test', status: 'sent' })) === 4);
    expect(teams.sent.map((m) => m.key).sort()).toEqual(['h:0', 'h:1', 'h:2', 'h:3']);
    expect((await db.prisma.outboundDelivery.findMany({ where: { kind: 'test' } })).every((r) => r.attempts === 1)).toBe(true);
  });

  it('backs off exponentially with jitter, capped at five minutes', () => {
    expect(backoffMs(1, () => 0)).toBe(1000);
    expect(backoffMs(1, () => 1)).toBe(2000);
    expect(backoffMs(3, () => 1)).toBe(8000);
    expect(backoffMs(30, () => 1)).toBe(300_000);
  });
});
