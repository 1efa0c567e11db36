import type { ClaimedMessage, MessageContent, OutboundMessage, OutboxRepository } from '../domain/ports';
import type { Database, SqlExecutor } from './database';
import type { Prisma, PrismaClient } from './generated/client';

/** Rows written by one INSERT when queueing many messages at once. */
const ENQUEUE_CHUNK = 200;

export class PrismaOutboxRepository implements OutboxRepository {
  private readonly prisma: PrismaClient;
  private readonly sql: SqlExecutor;

  constructor(db: Pick<Database, 'prisma' | 'sql'>) {
    this.prisma = db.prisma;
    this.sql = db.sql;
  }

  async enqueue(messages: OutboundMessage[]): Promise<number> {
    let queued = 0;
    for (let i = 0; i < messages.length; i += ENQUEUE_CHUNK) {
      const data = messages.slice(i, i + ENQUEUE_CHUNK).map((m) => ({
        idempotencyKey: m.key,
        kind: m.kind,
        committeeId: m.committeeId,
        subjectId: m.subjectId ?? null,
        personId: 'personId' in m.to ? m.to.personId : null,
        conversationId: 'conversationId' in m.to ? m.to.conversationId : null,
        serviceUrl: m.to.serviceUrl ?? null,
        tenantId: m.to.tenantId ?? null,
        activity: m.content as Prisma.InputJsonValue,
        status: 'pending' as const,
        notBefore: m.notBefore ?? new Date(),
      }));
      // A key already queued (by this or another instance, now or before a restart) is left as it is.
      queued += (await this.prisma.outboundDelivery.createMany({ data, skipDuplicates: true })).count;
    }
    return queued;
  }

  async keysFor(kind: string, subjectId: string): Promise<Set<string>> {
    const rows = await this.prisma.outboundDelivery.findMany({ where: { kind, subjectId }, select: { idempotencyKey: true } });
    return new Set(rows.map((r) => r.idempotencyKey));
  }

  async claimDue(limit: number, leaseSeconds: number): Promise<ClaimedMessage[]> {
    // FOR UPDATE SKIP LOCKED: instances claiming at the same moment take different rows.
    const rows = await this.sql.query<ClaimedMessage>(
      `WITH due AS (
        SELECT "id" FROM "OutboundDelivery"
        WHERE ("status" = 'pending' AND "notBefore" <= now())
           OR ("status" = 'sending' AND "lockedUntil" < now())
        ORDER BY "notBefore", "createdAt"
        LIMIT $1
        FOR UPDATE SKIP LOCKED
      ), claimed AS (
        UPDATE "OutboundDelivery" AS d
        SET "status" = 'sending', "attempts" = d."attempts" + 1,
            "lockedUntil" = now() + make_interval(secs => $2), "updatedAt" = now()
        FROM due WHERE d."id" = due."id"
        RETURNING d.*
      )
      SELECT c."id", c."idempotencyKey" AS "key", c."kind", c."attempts", c."activity" AS "content", c."personId",
             coalesce(c."conversationId", p."personalConversationId") AS "conversationId",
             coalesce(p."serviceUrl", c."serviceUrl") AS "serviceUrl",
             coalesce(p."tenantId", c."tenantId") AS "tenantId",
             p."teamsUserId", (p."unreachableAt" IS NOT NULL) AS "unreachable"
      FROM claimed c LEFT JOIN "Person" p ON p."id" = c."personId"
      ORDER BY c."notBefore", c."createdAt"`,
      [limit, leaseSeconds],
    );
    return rows.map((r) => ({ ...r, content: r.content as MessageContent }));
  }

  async markSent(id: string, activityId: string | null): Promise<void> {
    await this.prisma.outboundDelivery.update({
      where: { id },
      data: { status: 'sent', sentAt: new Date(), sentActivityId: activityId, lockedUntil: null, lastError: null },
    });
  }

  async retryAt(id: string, at: Date, error: string): Promise<void> {
    await this.prisma.outboundDelivery.update({
      where: { id },
      data: { status: 'pending', notBefore: at, lockedUntil: null, lastError: error.slice(0, 500) },
    });
  }

  async markFailed(id: string, error: string, unreachable: boolean): Promise<void> {
    const row = await this.prisma.outboundDelivery.update({
      where: { id },
      data: { status: unreachable ? 'unreachable' : 'failed', lockedUntil: null, lastError: error.slice(0, 500) },
      select: { personId: true },
    });
    if (unreachable && row.personId) {
      await this.prisma.person.updateMany({ where: { id: row.personId, unreachableAt: null }, data: { unreachableAt: new Date() } });
    }
  }

  async releaseClaims(): Promise<number> {
    const { count } = await this.prisma.outboundDelivery.updateMany({
      where: { status: 'sending' },
      data: { status: 'pending', lockedUntil: null },
    });
    return count;
  }

  async reserveSlot(key: string, intervalMs: number): Promise<number> {
    // The wait is computed by the database, so the clocks of instances and server need not agree.
    const [row] = await this.sql.query<{ wait: number | string }>(
      `INSERT INTO "SendPace" ("key", "nextAt") VALUES ($1, clock_timestamp() + make_interval(secs => $2::float8 / 1000))
       ON CONFLICT ("key") DO UPDATE
         SET "nextAt" = greatest("SendPace"."nextAt", clock_timestamp()) + make_interval(secs => $2::float8 / 1000)
       RETURNING extract(epoch FROM "nextAt" - make_interval(secs => $2::float8 / 1000) - clock_timestamp()) * 1000 AS "wait"`,
      [key, intervalMs],
    );
    return Math.max(0, Number(row!.wait));
  }

  async counts(): Promise<Record<string, number>> {
    const groups = await this.prisma.outboundDelivery.groupBy({ by: ['status'], _count: { _all: true } });
    return Object.fromEntries(groups.map((g) => [g.status, g._count._all]));
  }

  async purgeDoneBefore(before: Date): Promise<number> {
    const { count } = await this.prisma.outboundDelivery.deleteMany({
      where: { status: { in: ['sent', 'failed', 'unreachable'] }, updatedAt: { lt: before } },
    });
    return count;
  }
}
