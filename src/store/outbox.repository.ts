import type { OutboxRepository } from '../domain/ports';
import type { PrismaClient } from './generated/client';

/** How long a sender holds a claimed message before another may take it over. */
const LOCK_SECONDS = 120;

export class PrismaOutboxRepository implements OutboxRepository {
  constructor(private readonly prisma: PrismaClient) {}

  async claim(entries: Array<{ key: string; personId: string | null; text: string }>): Promise<string[]> {
    const claimed: string[] = [];
    for (const e of entries) {
      // Insert, or take over a failed try or one whose sender stopped (its lock ran out);
      // a row another sender holds, or that has been sent, is left alone.
      const rows = await this.prisma.$queryRaw<Array<{ key: string }>>`
        INSERT INTO "OutboundDelivery" ("id", "idempotencyKey", "personId", "activity", "status", "attempts", "lockedUntil", "updatedAt")
        VALUES (gen_random_uuid(), ${e.key}, ${e.personId}::uuid, ${JSON.stringify({ text: e.text })}::jsonb, 'sending', 1,
                now() + make_interval(secs => ${LOCK_SECONDS}), now())
        ON CONFLICT ("idempotencyKey") DO UPDATE
          SET "status" = 'sending', "attempts" = "OutboundDelivery"."attempts" + 1,
              "lockedUntil" = now() + make_interval(secs => ${LOCK_SECONDS}), "updatedAt" = now()
          WHERE "OutboundDelivery"."status" = 'failed'
             OR ("OutboundDelivery"."status" = 'sending' AND "OutboundDelivery"."lockedUntil" < now())
        RETURNING "idempotencyKey" AS key`;
      if (rows.length) claimed.push(e.key);
    }
    return claimed;
  }

  async markSent(keys: string[], activityId: string | null): Promise<void> {
    await this.prisma.outboundDelivery.updateMany({
      where: { idempotencyKey: { in: keys } },
      data: { status: 'sent', sentAt: new Date(), sentActivityId: activityId },
    });
  }

  async markFailed(keys: string[], error: string, unreachable: boolean): Promise<void> {
    await this.prisma.outboundDelivery.updateMany({
      where: { idempotencyKey: { in: keys } },
      data: { status: unreachable ? 'unreachable' : 'failed', lastError: error.slice(0, 500) },
    });
  }
}
