import { cardKey } from '../domain/delivery/delivery.service';
import type { Database, SqlExecutor } from './database';
import type { Prisma, PrismaClient } from './generated/client';
import type { ClaimedMessage, OutboxRepository, SentRecord } from '../domain/delivery/ports';
import type { CardRefresh, MessageContent, OutboundMessage } from '../domain/delivery/types';

/**
 * Rows written by one INSERT when queueing many messages at once. On the embedded database
 * an INSERT runs on the event loop from start to end, about 2 ms a digest-sized row on a
 * busy machine: 25 rows keep each well under 100 ms, and the loop is let go between them.
 */
const ENQUEUE_CHUNK = 25;

/**
 * What asking again for a posted card does to its row (see CardRefresh): a new version;
 * back in the queue unless it is being sent (the sender sees the newer version when it
 * marks it sent, and queues it again); a row waiting keeps its time (a Retry-After stays
 * honoured); a row that was done starts its tries afresh. Shared by every statement that
 * asks for a card, the answers' included (agenda.repository.ts).
 */
export const REFRESH_ON_CONFLICT = `ON CONFLICT ("idempotencyKey") DO UPDATE SET
  "version" = "OutboundDelivery"."version" + 1,
  "status" = CASE WHEN "OutboundDelivery"."status" = 'sending' THEN 'sending'::"DeliveryStatus" ELSE 'pending'::"DeliveryStatus" END,
  "notBefore" = CASE WHEN "OutboundDelivery"."status" IN ('pending', 'sending') THEN "OutboundDelivery"."notBefore" ELSE EXCLUDED."notBefore" END,
  "attempts" = CASE WHEN "OutboundDelivery"."status" IN ('pending', 'sending') THEN "OutboundDelivery"."attempts" ELSE 0 END,
  "afterKey" = coalesce(EXCLUDED."afterKey", "OutboundDelivery"."afterKey"),
  "updatedAt" = now()`;

/** The columns of a card refresh row, in the order REFRESH_VALUES fills them. */
export const REFRESH_COLUMNS = `"id", "idempotencyKey", "kind", "committeeId", "subjectId", "afterKey", "status", "notBefore", "updatedAt"`;

/** Something that runs SQL: the seam, or a Prisma transaction. */
type RunSql = (sql: string, params: unknown[]) => Promise<unknown>;

/** Asks for the cards to be sent with the state they have then (one statement, rows in key order). */
export async function refreshCards(run: RunSql, cards: CardRefresh[]): Promise<void> {
  if (!cards.length) return;
  // One row per card (a statement may not touch a row twice); the first asking for an order keeps it.
  const unique = new Map<string, CardRefresh>();
  for (const c of cards) {
    const key = cardKey(c.kind, c.subjectId);
    const seen = unique.get(key);
    unique.set(key, seen ? { ...seen, afterKey: seen.afterKey ?? c.afterKey, delayMs: Math.min(seen.delayMs ?? 0, c.delayMs ?? 0) } : c);
  }
  const rows = [...unique.values()].map((c) => ({
    key: cardKey(c.kind, c.subjectId),
    kind: c.kind,
    committeeId: c.committeeId,
    subjectId: c.subjectId,
    afterKey: c.afterKey ?? null,
    delayMs: c.delayMs ?? 0,
  }));
  await run(
    `INSERT INTO "OutboundDelivery" (${REFRESH_COLUMNS})
     SELECT gen_random_uuid(), x."key", x."kind", x."committeeId", x."subjectId", x."afterKey", 'pending',
            now() + make_interval(secs => x."delayMs"::float8 / 1000), now()
     FROM jsonb_to_recordset($1::jsonb) AS x("key" text, "kind" text, "committeeId" uuid, "subjectId" text, "afterKey" text, "delayMs" int)
     ORDER BY x."key"
     ${REFRESH_ON_CONFLICT}`,
    [JSON.stringify(rows)],
  );
}

/** Queues the messages whose keys are new, through `client` (the repository's, or a transaction's). */
export async function enqueueMessages(client: Pick<PrismaClient, 'outboundDelivery'>, messages: OutboundMessage[]): Promise<number> {
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
      afterKey: m.afterKey ?? null,
      status: 'pending' as const,
      notBefore: m.notBefore ?? new Date(),
    }));
    // A key already queued (by this or another instance, now or before a restart) is left as it is.
    queued += (await client.outboundDelivery.createMany({ data, skipDuplicates: true })).count;
    // Requests that came in meanwhile are read before the next INSERT: awaiting the embedded
    // database never lets the event loop reach them (its queries run on this thread).
    if (i + ENQUEUE_CHUNK < messages.length) await new Promise((resolve) => setImmediate(resolve));
  }
  return queued;
}

/**
 * Wakes the outbox worker when rows written as due later (DUE_LATER, write-watch.ts) come
 * due: one timer for the earliest such time, not a look at the outbox per statement. Every
 * click on an item card asks for the item's card in the channel a second later; woken at
 * once, the worker looked (a locking UPDATE of the outbox, 2–4 ms on the embedded database)
 * after every batch of clicks and found nothing due.
 */
export class OutboxWake {
  private readonly listeners = new Set<() => void>();
  private timer: NodeJS.Timeout | null = null;
  /** When the timer fires, and the latest time asked for meanwhile (woken again then, if later). */
  private at = 0;
  private latest = 0;

  onDue(listener: () => void): void {
    this.listeners.add(listener);
  }

  /**
   * Rows committed now are due in `ms`: the listeners are called then. Asked again while
   * waiting, the earliest time is kept, and the latest asked for is woken for after it, so
   * every row is looked for once it is due: a look or two a second however many write.
   */
  dueIn(ms: number): void {
    const at = Date.now() + ms;
    if (this.timer && at >= this.at) {
      this.latest = Math.max(this.latest, at);
      return;
    }
    if (this.timer) {
      clearTimeout(this.timer);
      this.latest = Math.max(this.latest, this.at);
    }
    this.schedule(at);
  }

  private schedule(at: number): void {
    this.at = at;
    this.timer = setTimeout(() => {
      this.timer = null;
      const next = this.latest;
      this.latest = 0;
      this.listeners.forEach((listener) => listener());
      if (next > this.at) this.schedule(next);
    }, Math.max(0, at - Date.now()));
    this.timer.unref();
  }
}

export class PrismaOutboxRepository implements OutboxRepository {
  private readonly prisma: PrismaClient;
  private readonly sql: SqlExecutor;
  /** Calls the listener once rows added to the outbox are committed (or, written as due later, come due), whichever repository added them. */
  readonly onQueued: (listener: () => void) => void;

  constructor(db: Pick<Database, 'prisma' | 'sql' | 'onQueued'>, wake: OutboxWake = new OutboxWake()) {
    this.prisma = db.prisma;
    this.sql = db.sql;
    this.onQueued = (listener) => {
      db.onQueued(listener);
      wake.onDue(listener);
    };
  }

  enqueue(messages: OutboundMessage[]): Promise<number> {
    return enqueueMessages(this.prisma, messages);
  }

  refresh(cards: CardRefresh[]): Promise<void> {
    return refreshCards((sql, params) => this.sql.query(sql, params), cards);
  }

  async keysFor(kind: string, subjectId: string): Promise<Set<string>> {
    const rows = await this.prisma.outboundDelivery.findMany({ where: { kind, subjectId }, select: { idempotencyKey: true } });
    return new Set(rows.map((r) => r.idempotencyKey));
  }

  async claimDue(limit: number, leaseSeconds: number): Promise<ClaimedMessage[]> {
    // FOR UPDATE SKIP LOCKED: instances claiming at the same moment take different rows. A
    // row waits while the message it comes after is still to be sent.
    const rows = await this.sql.query<ClaimedMessage>(
      `WITH due AS (
        SELECT d."id" FROM "OutboundDelivery" d
        WHERE ((d."status" = 'pending' AND d."notBefore" <= now())
           OR (d."status" = 'sending' AND d."lockedUntil" < now()))
          AND (d."afterKey" IS NULL OR NOT EXISTS (
            SELECT 1 FROM "OutboundDelivery" a WHERE a."idempotencyKey" = d."afterKey" AND a."status" IN ('pending', 'sending')))
        ORDER BY d."notBefore", d."createdAt"
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
             c."committeeId", c."subjectId", c."version",
             coalesce(c."conversationId", p."personalConversationId") AS "conversationId",
             coalesce(p."serviceUrl", c."serviceUrl") AS "serviceUrl",
             coalesce(p."tenantId", c."tenantId") AS "tenantId",
             p."teamsUserId", (p."unreachableAt" IS NOT NULL) AS "unreachable"
      FROM claimed c LEFT JOIN "Person" p ON p."id" = c."personId"
      ORDER BY c."notBefore", c."createdAt"`,
      [limit, leaseSeconds],
    );
    return rows.map((r) => ({ ...r, content: r.content as MessageContent | null }));
  }

  async markSent(id: string, activityId: string | null, version?: number, record?: SentRecord): Promise<void> {
    // Asked for again while it was being sent (a newer version): queued once more, due at once.
    const mark = `UPDATE "OutboundDelivery"
      SET "status" = CASE WHEN $3::int IS NOT NULL AND "version" <> $3::int THEN 'pending'::"DeliveryStatus" ELSE 'sent'::"DeliveryStatus" END,
          "attempts" = CASE WHEN $3::int IS NOT NULL AND "version" <> $3::int THEN 0 ELSE "attempts" END,
          "sentAt" = now(), "sentActivityId" = coalesce($2, "sentActivityId"), "afterKey" = NULL,
          "lockedUntil" = NULL, "lastError" = NULL, "updatedAt" = now()
      WHERE "id" = $1::uuid`;
    if (!record) {
      await this.sql.query(mark, [id, activityId, version ?? null]);
      return;
    }
    // What the message is (the overview's, an item's or a date poll's card in the channel) is written by
    // the same statement, so a card marked sent is never one the next publish posts again.
    const recorded =
      'overviewOf' in record
        ? `UPDATE "Meeting" SET "overviewActivityId" = $2 WHERE "id" = $4::uuid`
        : 'datePollOf' in record
          ? `UPDATE "DatePoll" SET "cardActivityId" = $2 WHERE "id" = $4::uuid`
          : `UPDATE "AgendaItem" SET "cardActivityId" = $2, "cardConversationId" = $5 WHERE "id" = $4::uuid`;
    const params = 'overviewOf' in record ? [record.overviewOf] : 'datePollOf' in record ? [record.datePollOf] : [record.itemCardOf, record.conversationId];
    await this.sql.query(`WITH recorded AS (${recorded} RETURNING 1) ${mark}`, [id, activityId, version ?? null, ...params]);
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

  async release(ids: readonly string[]): Promise<void> {
    if (!ids.length) return;
    await this.sql.query(
      `UPDATE "OutboundDelivery"
       SET "status" = 'pending', "attempts" = greatest("attempts" - 1, 0), "lockedUntil" = NULL, "updatedAt" = now()
       WHERE "id" IN (SELECT jsonb_array_elements_text($1::jsonb)::uuid) AND "status" = 'sending'`,
      [JSON.stringify(ids)],
    );
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
