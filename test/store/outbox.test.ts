// The outbox: a key is queued once; due messages are claimed by one sender only (row
// locks), also by concurrent claimers; a sender that stopped loses its claim when the
// lease runs out; the tenant's send slots are spaced for all senders together; a posted
// card asked for again is sent once more, never twice at once; order between messages;
// the worker is told of queued rows once they are committed, never of rolled-back ones.
import { cardKey } from '../../src/domain/delivery/delivery.service';
import type { Database } from '../../src/store/database';
import { OutboxWake, PrismaOutboxRepository, enqueueMessages, refreshCards } from '../../src/store/outbox.repository';
import { DUE_LATER } from '../../src/store/write-watch';
import { databaseKinds, freshDatabase } from '../support/db';
import type { CardRefresh, OutboundMessage } from '../../src/domain/delivery/types';
import { read } from '../support/read';

describe.each(databaseKinds)('outbox on %s', (kind) => {
  let db: Database;
  let outbox: PrismaOutboxRepository;
  let personId = '';

  beforeAll(async () => {
    db = await freshDatabase(kind);
    outbox = new PrismaOutboxRepository(db);
    personId = (await db.prisma.person.create({ data: { displayName: 'Megan Bowen', teamsUserId: '29:megan', tenantId: 't1', serviceUrl: 'https://smba.example/' } })).id;
  });
  afterAll(async () => db?.close());

  const message = (key: string, extra: Partial<OutboundMessage> = {}): OutboundMessage => ({
    key,
    kind: 'test',
    committeeId: null,
    subjectId: 'meeting-1',
    to: { personId },
    content: { text: `Besked ${key}` },
    ...extra,
  });

  it('queues a key once, however often it is queued', async () => {
    expect(await outbox.enqueue([message('a:1'), message('a:2')])).toBe(2);
    expect(await outbox.enqueue([message('a:1'), message('a:3')])).toBe(1);
    expect(await outbox.keysFor('test', 'meeting-1')).toEqual(new Set(['a:1', 'a:2', 'a:3']));
  });

  // On PostgreSQL the six claims run on separate connections of the pool, at the same time.
  it('gives each due message to one claimer only, with the member\'s address', async () => {
    const claims = await Promise.all(Array.from({ length: 6 }, () => outbox.claimDue(2, 60)));
    const keys = claims.flat().map((c) => c.key).sort();
    expect(keys).toEqual(['a:1', 'a:2', 'a:3']);
    const one = claims.flat()[0]!;
    expect(one).toMatchObject({ personId, conversationId: null, serviceUrl: 'https://smba.example/', tenantId: 't1', teamsUserId: '29:megan', attempts: 1, unreachable: false });
    expect(await outbox.claimDue(10, 60)).toEqual([]);
  });

  it('keeps a message for later, gives up a failed one, and never gives out a sent one again', async () => {
    const rows = await read(db).outbox({ kind: 'test' });
    await outbox.markSent(rows[0]!.id, 'activity-1');
    await outbox.retryAt(rows[1]!.id, new Date(Date.now() + 60_000), '429 Too Many Requests');
    await outbox.markFailed(rows[2]!.id, '400 Bad Request', false);
    expect(await outbox.claimDue(10, 60)).toEqual([]);
    await db.prisma.outboundDelivery.update({ where: { id: rows[1]!.id }, data: { notBefore: new Date(Date.now() - 1) } });
    expect((await outbox.claimDue(10, 60)).map((c) => [c.key, c.attempts])).toEqual([['a:2', 2]]);
    expect(await outbox.counts()).toEqual({ sent: 1, sending: 1, failed: 1 });
  });

  it('gives out again a message whose sender stopped, once its lease has run out, or at once when released', async () => {
    await outbox.enqueue([message('b:1'), message('b:2')]);
    expect((await outbox.claimDue(10, 60)).map((c) => c.key).sort()).toEqual(['b:1', 'b:2']);
    await db.prisma.outboundDelivery.update({ where: { idempotencyKey: 'b:1' }, data: { lockedUntil: new Date(Date.now() - 1000) } });
    expect((await outbox.claimDue(10, 60)).map((c) => c.key)).toEqual(['b:1']);
    expect(await outbox.releaseClaims()).toBe(3); // a:2, b:1, b:2
    expect((await outbox.claimDue(10, 60)).map((c) => c.key).sort()).toEqual(['a:2', 'b:1', 'b:2']);
  });

  it('gives claimed messages back unsent, their attempt not counted; never one sent', async () => {
    await outbox.enqueue([message('r:1'), message('r:2')]);
    const claimed = (await outbox.claimDue(10, 60)).filter((c) => c.key.startsWith('r:'));
    expect(claimed.map((c) => [c.key, c.attempts]).sort()).toEqual([['r:1', 1], ['r:2', 1]]);
    const [one, two] = [claimed.find((c) => c.key === 'r:1')!, claimed.find((c) => c.key === 'r:2')!];
    await outbox.markSent(two.id, 'act-r2');
    await outbox.release([one.id, two.id]);
    expect(await read(db).delivery('r:1')).toMatchObject({ status: 'pending', attempts: 0, lockedUntil: null });
    expect((await read(db).delivery('r:2'))?.status).toBe('sent');
    expect((await outbox.claimDue(10, 60)).map((c) => [c.key, c.attempts])).toEqual([['r:1', 1]]);
    await outbox.markSent(one.id, 'act-r1');
  });

  it('marks the member unreachable on 403, and their later messages are claimed as unreachable', async () => {
    const row = await read(db).delivery('b:1');
    await outbox.markFailed(row!.id, '403 Forbidden', true);
    expect((await db.prisma.person.findUnique({ where: { id: personId } }))!.unreachableAt).not.toBeNull();
    await outbox.enqueue([message('c:1')]);
    expect((await outbox.claimDue(10, 60)).map((c) => [c.key, c.unreachable])).toEqual([['c:1', true]]);
  });

  it('spaces the tenant\'s send slots for all senders together', async () => {
    // Not timed here: the database moves the tenant's next slot on by one interval per
    // reservation (greatest(nextAt, now) + interval), so ten at once, in whatever order,
    // leave it ten intervals after the database's clock when they started, and no more
    // than ten after its clock when they ended. Each apart would leave it one interval on.
    const clock = async () => ((await db.prisma.$queryRawUnsafe<Array<{ t: Date }>>('SELECT clock_timestamp() AS t'))[0]!.t).getTime();
    const start = await clock();
    const waits = await Promise.all(Array.from({ length: 10 }, () => outbox.reserveSlot('tenant:t1', 100)));
    const end = await clock();
    const [row] = await db.prisma.sendPace.findMany({ where: { key: 'tenant:t1' } });
    expect(row!.nextAt.getTime()).toBeGreaterThanOrEqual(start + 1000);
    expect(row!.nextAt.getTime()).toBeLessThanOrEqual(end + 1001); // nextAt is kept to the millisecond
    // Nobody waits for a slot already passed, and the first in line waits less than an interval.
    expect(waits.every((w) => w >= 0)).toBe(true);
    expect(Math.min(...waits)).toBeLessThan(100);
  });

  it('forgets messages done before a date, never those still to send', async () => {
    const pendingBefore = await read(db).queued({ status: ['pending', 'sending'] });
    const done = await read(db).queued({ status: ['sent', 'failed', 'unreachable'] });
    expect(done).toBeGreaterThan(0);
    expect(await outbox.purgeDoneBefore(new Date(Date.now() - 60_000))).toBe(0);
    expect(await outbox.purgeDoneBefore(new Date(Date.now() + 60_000))).toBe(done);
    expect(await read(db).queued()).toBe(pendingBefore);
  });

  describe('posted cards and order', () => {
    const committeeId = '5f0c7a1e-2b3d-4c5e-8f9a-0b1c2d3e4f50';
    const card = (subjectId: string, extra: Partial<CardRefresh> = {}): CardRefresh => ({ kind: 'agenda-item', subjectId, committeeId, ...extra });
    const rowOf = (subjectId: string) => db.prisma.outboundDelivery.findUniqueOrThrow({ where: { idempotencyKey: cardKey('agenda-item', subjectId) } });

    beforeAll(async () => {
      // What the tests above left to send is out of the way.
      await db.prisma.outboundDelivery.updateMany({ where: { status: { in: ['pending', 'sending'] } }, data: { status: 'sent' } });
    });

    it('is one send however often a waiting card is asked for, rendered when sent (no content)', async () => {
      await outbox.refresh([card('item-a')]);
      await outbox.refresh([card('item-a'), card('item-a')]);
      const [claimed, ...more] = await outbox.claimDue(10, 60);
      expect(more).toEqual([]);
      expect(claimed).toMatchObject({ key: 'card:agenda-item:item-a', kind: 'agenda-item', subjectId: 'item-a', committeeId, content: null, version: 1 });
      await outbox.markSent(claimed!.id, 'activity-a', claimed!.version);
      expect(await rowOf('item-a')).toMatchObject({ status: 'sent', sentActivityId: 'activity-a' });
    });

    it('sends a card again when it was asked for while being sent, and afresh once it was sent', async () => {
      await outbox.refresh([card('item-a')]);
      const [claimed] = await outbox.claimDue(10, 60);
      await outbox.refresh([card('item-a', { delayMs: 60_000 })]);
      expect(await outbox.claimDue(10, 60)).toEqual([]);
      // The send rendered the older state: it is due again at once, with its tries afresh.
      await outbox.markSent(claimed!.id, 'activity-a', claimed!.version);
      expect(await rowOf('item-a')).toMatchObject({ status: 'pending', attempts: 0 });
      const [again] = await outbox.claimDue(10, 60);
      expect(again!.version).toBe(claimed!.version + 1);
      await outbox.markSent(again!.id, 'activity-a', again!.version);
      expect((await rowOf('item-a')).status).toBe('sent');
      // Asked for with a delay once sent: it waits that long (answers gathered into one update).
      await outbox.refresh([card('item-a', { delayMs: 60_000 })]);
      expect(await outbox.claimDue(10, 60)).toEqual([]);
      expect((await rowOf('item-a')).notBefore.getTime()).toBeGreaterThan(Date.now() + 50_000);
    });

    it('keeps a card in retry waiting for its Retry-After when it is asked for again', async () => {
      await outbox.refresh([card('item-b')]);
      const [claimed] = await outbox.claimDue(10, 60);
      await outbox.retryAt(claimed!.id, new Date(Date.now() + 60_000), '429');
      await outbox.refresh([card('item-b')]);
      expect(await outbox.claimDue(10, 60)).toEqual([]);
      expect((await rowOf('item-b')).attempts).toBe(1);
    });

    it('holds a message back until the one it comes after is sent or given up', async () => {
      await outbox.refresh([card('first'), card('second', { afterKey: cardKey('agenda-item', 'first') })]);
      await outbox.enqueue([message('report:1', { afterKey: cardKey('agenda-item', 'second') })]);
      const one = await outbox.claimDue(10, 60);
      expect(one.map((c) => c.key)).toEqual(['card:agenda-item:first']);
      expect(await outbox.claimDue(10, 60)).toEqual([]);
      await outbox.markSent(one[0]!.id, 'activity-1', one[0]!.version);
      const two = await outbox.claimDue(10, 60);
      expect(two.map((c) => c.key)).toEqual(['card:agenda-item:second']);
      await outbox.markFailed(two[0]!.id, '404 Not Found', false);
      expect((await outbox.claimDue(10, 60)).map((c) => c.key)).toEqual(['report:1']);
    });
  });

  describe('telling the worker', () => {
    // What the listener saw when it was called: the woken worker's first look (another
    // connection of the pool on PostgreSQL) must find the rows already committed.
    let woken: Array<Promise<number>> = [];
    const visible = () => read(db).queued({ subjectId: 'woken' });
    const wakeMessage = (key: string) => message(key, { subjectId: 'woken' });
    beforeAll(() => outbox.onQueued(() => woken.push(visible())));
    beforeEach(() => (woken = []));

    it('tells once a message queued on its own is written', async () => {
      await outbox.enqueue([wakeMessage('w:1')]);
      expect(await Promise.all(woken)).toEqual([1]);
    });

    it('tells after the transaction that queued commits, with the rows there to see', async () => {
      await db.prisma.$transaction(async (tx) => {
        await enqueueMessages(tx, [wakeMessage('w:2')]);
        await refreshCards((sql, params) => tx.$executeRawUnsafe(sql, ...params), [{ kind: 'agenda-item', subjectId: 'woken', committeeId: '5f0c7a1e-2b3d-4c5e-8f9a-0b1c2d3e4f50' }]);
        expect(woken).toHaveLength(0);
      });
      expect(await Promise.all(woken)).toEqual([3]);
    });

    it('tells after a raw SQL transaction that queued commits', async () => {
      await db.sql.transaction(async (tx) => {
        await refreshCards((sql, params) => tx.query(sql, params), [{ kind: 'agenda-item', subjectId: 'woken-too', committeeId: '5f0c7a1e-2b3d-4c5e-8f9a-0b1c2d3e4f50' }]);
        expect(woken).toHaveLength(0);
      });
      expect(woken).toHaveLength(1);
    });

    it('tells nothing at once for rows written as due later; the writer wakes the worker once, when they are due', async () => {
      const wake = new OutboxWake();
      const told: number[] = [];
      new PrismaOutboxRepository(db, wake).onQueued(() => told.push(Date.now()));
      const asked = Date.now();
      await db.sql.query(`${DUE_LATER} ${'INSERT INTO "OutboundDelivery" ("id", "idempotencyKey", "kind", "status", "notBefore", "updatedAt")'}
        VALUES (gen_random_uuid(), 'later:1', 'test', 'pending', now() + interval '1 second', now())`);
      expect(woken).toHaveLength(0);
      expect(told).toHaveLength(0);
      // Writes due at one time are one look at the outbox; one due later, another look then.
      wake.dueIn(80);
      wake.dueIn(80);
      wake.dueIn(160);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(told).toHaveLength(2);
      expect(told[0]! - asked).toBeGreaterThanOrEqual(75);
      expect(told[1]! - asked).toBeGreaterThanOrEqual(155);
      expect(woken).toHaveLength(0);
    });

    it('tells nothing for a transaction rolled back, nor for one that queued nothing', async () => {
      const failing = db.prisma.$transaction(async (tx) => {
        await enqueueMessages(tx, [wakeMessage('w:3')]);
        throw new Error('changed my mind');
      });
      await expect(failing).rejects.toThrow('changed my mind');
      await expect(
        db.sql.transaction(async (tx) => {
          await refreshCards((sql, params) => tx.query(sql, params), [{ kind: 'agenda-item', subjectId: 'woken-never', committeeId: '5f0c7a1e-2b3d-4c5e-8f9a-0b1c2d3e4f50' }]);
          throw new Error('changed my mind');
        }),
      ).rejects.toThrow('changed my mind');
      await db.prisma.$transaction(async (tx) => {
        await tx.person.update({ where: { id: personId }, data: { displayName: 'Megan B.' } });
      });
      expect(woken).toHaveLength(0);
      expect(await visible()).toBe(3);
    });
  });
});
