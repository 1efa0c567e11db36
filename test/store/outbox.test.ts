// Each proactive message is claimed by its key before it is sent: once, by one sender.
import type { Database } from '../../src/store/database';
import { PrismaOutboxRepository } from '../../src/store/outbox.repository';
import { databaseKinds, freshDatabase } from '../support/db';

describe.each(databaseKinds)('outbox on %s', (kind) => {
  let db: Database;
  let outbox: PrismaOutboxRepository;

  beforeAll(async () => {
    db = await freshDatabase(kind);
    outbox = new PrismaOutboxRepository(db.prisma);
  });
  afterAll(async () => db?.close());

  const entry = (key: string) => ({ key, personId: null, text: 'Lukkede bilag' });

  it('gives a key to one claimer only, also when several claim at once', async () => {
    const results = await Promise.all(Array.from({ length: 8 }, () => outbox.claim([entry('closed:a:1')])));
    expect(results.flat()).toEqual(['closed:a:1']);
    expect(await outbox.claim([entry('closed:a:1'), entry('closed:a:2')])).toEqual(['closed:a:2']);
  });

  it('never gives out a sent message again, nor an unreachable one', async () => {
    await outbox.markSent(['closed:a:1'], 'activity-1');
    await outbox.markFailed(['closed:a:2'], '403 Forbidden', true);
    expect(await outbox.claim([entry('closed:a:1'), entry('closed:a:2')])).toEqual([]);
  });

  it('gives out again a message that failed, or whose sender stopped before its lock ran out', async () => {
    expect(await outbox.claim([entry('closed:b:1'), entry('closed:b:2')])).toEqual(['closed:b:1', 'closed:b:2']);
    await outbox.markFailed(['closed:b:1'], '503 Service Unavailable', false);
    expect(await outbox.claim([entry('closed:b:1'), entry('closed:b:2')])).toEqual(['closed:b:1']);
    await db.prisma.outboundDelivery.update({
      where: { idempotencyKey: 'closed:b:2' },
      data: { lockedUntil: new Date(Date.now() - 1000) },
    });
    expect(await outbox.claim([entry('closed:b:2')])).toEqual(['closed:b:2']);
    const row = await db.prisma.outboundDelivery.findUnique({ where: { idempotencyKey: 'closed:b:2' } });
    expect([row?.status, row?.attempts]).toEqual(['sending', 2]);
  });
});
