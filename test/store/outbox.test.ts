// The outbox: a key is queued once; due messages are claimed by one sender only (row
// locks), also by concurrent claimers; a sender that stopped loses its claim when the
// lease runs out; the tenant's send slots are spaced for all senders together.
import type { OutboundMessage } from '../../src/domain/ports';
import type { Database } from '../../src/store/database';
import { PrismaOutboxRepository } from '../../src/store/outbox.repository';
import { databaseKinds, freshDatabase } from '../support/db';

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
    const rows = await db.prisma.outboundDelivery.findMany({ where: { kind: 'test' }, orderBy: { idempotencyKey: 'asc' } });
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

  it('marks the member unreachable on 403, and their later messages are claimed as unreachable', async () => {
    const [row] = await db.prisma.outboundDelivery.findMany({ where: { idempotencyKey: 'b:1' } });
    await outbox.markFailed(row!.id, '403 Forbidden', true);
    expect((await db.prisma.person.findUnique({ where: { id: personId } }))!.unreachableAt).not.toBeNull();
    await outbox.enqueue([message('c:1')]);
    expect((await outbox.claimDue(10, 60)).map((c) => [c.key, c.unreachable])).toEqual([['c:1', true]]);
  });

  it('spaces the tenant\'s send slots for all senders together', async () => {
    // When each slot is, in this process's time: the wait is counted from the statement's end.
    const slots = await Promise.all(Array.from({ length: 10 }, async () => {
      const wait = await outbox.reserveSlot('tenant:t1', 100);
      return Date.now() + wait;
    }));
    const sorted = [...slots].sort((a, b) => a - b);
    // Ten slots 100 ms apart, whatever order the statements ran in.
    for (let i = 1; i < 10; i++) {
      expect(sorted[i]! - sorted[i - 1]!).toBeGreaterThan(85);
      expect(sorted[i]! - sorted[i - 1]!).toBeLessThan(115);
    }
  });

  it('forgets messages done before a date, never those still to send', async () => {
    const pendingBefore = await db.prisma.outboundDelivery.count({ where: { status: { in: ['pending', 'sending'] } } });
    const done = await db.prisma.outboundDelivery.count({ where: { status: { in: ['sent', 'failed', 'unreachable'] } } });
    expect(done).toBeGreaterThan(0);
    expect(await outbox.purgeDoneBefore(new Date(Date.now() - 60_000))).toBe(0);
    expect(await outbox.purgeDoneBefore(new Date(Date.now() + 60_000))).toBe(done);
    expect(await db.prisma.outboundDelivery.count()).toBe(pendingBefore);
  });
});
