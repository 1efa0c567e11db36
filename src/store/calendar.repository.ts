import { timingSafeEqual } from 'node:crypto';
import type {
  CalendarRepository,
  CommitteeCalendar,
  FeedMeeting,
  NewMeeting,
  SyncedMeeting,
  SyncWrite,
} from '../domain/calendar/ports';
import type { Meeting } from '../domain/shared/types';
import type { Prisma, PrismaClient } from './generated/client';
import { toMeeting } from './mappers';
import { enqueueMessages, refreshCards } from './outbox.repository';
import { isUuid } from './committee.repository';
import { ReadCache } from './read-cache';

const calendarFields = {
  id: true,
  calendarMailbox: true,
  calendarMatch: true,
  calendarDeltaLink: true,
  calendarWindowStart: true,
  calendarSyncedAt: true,
  calendarSyncFailedAt: true,
  calendarSyncError: true,
} satisfies Prisma.CommitteeSelect;

type CalendarRow = Prisma.CommitteeGetPayload<{ select: typeof calendarFields }>;

function toCalendar(row: CalendarRow): CommitteeCalendar {
  return {
    committeeId: row.id,
    mailbox: row.calendarMailbox,
    match: row.calendarMatch,
    deltaLink: row.calendarDeltaLink,
    windowStart: row.calendarWindowStart,
    syncedAt: row.calendarSyncedAt,
    failedAt: row.calendarSyncFailedAt,
    error: row.calendarSyncError,
  };
}

/** The demo committee's slug (demo-seed.ts). */
const DEMO_SLUG = 'dassos';

/** A large first round (thousands of events) is one transaction: give it time. */
const SYNC_TRANSACTION = { timeout: 120_000, maxWait: 10_000 };

/** The committee's calendar and its sync state, and the meetings the calendar feeds. */
export class PrismaCalendarRepository implements CalendarRepository {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly cache: ReadCache = new ReadCache({ ttlMs: 0 }),
  ) {}

  /** Cached like the committee itself: every "næste møde" asks whether the dates are fresh. */
  calendarOf(committeeId: string): Promise<CommitteeCalendar | null> {
    if (!isUuid(committeeId)) return Promise.resolve(null);
    return this.cache.get(`calendar:${committeeId}`, async () => {
      const row = await this.prisma.committee.findUnique({ where: { id: committeeId }, select: calendarFields });
      return row && toCalendar(row);
    });
  }

  async listWithMailbox(): Promise<CommitteeCalendar[]> {
    const rows = await this.prisma.committee.findMany({ where: { calendarMailbox: { not: null } }, select: calendarFields, orderBy: { name: 'asc' } });
    return rows.map(toCalendar);
  }

  async claim(input: { now: Date; dueBefore: Date | null; leaseUntil: Date; committeeId?: string }): Promise<string[]> {
    if (input.committeeId !== undefined && !isUuid(input.committeeId)) return [];
    // One statement: of instances claiming at once, each row goes to one. A calendar whose
    // last round failed waits an interval too, so a refusal (403, say) is not asked every tick.
    const rows = await this.prisma.$queryRawUnsafe<Array<{ id: string }>>(
      `UPDATE "Committee" SET "calendarSyncLeaseUntil" = $1::timestamptz
       WHERE "calendarMailbox" IS NOT NULL
         AND ("calendarSyncLeaseUntil" IS NULL OR "calendarSyncLeaseUntil" < $2::timestamptz)
         AND ($3::timestamptz IS NULL OR (("calendarSyncedAt" IS NULL OR "calendarSyncedAt" < $3::timestamptz)
                                          AND ("calendarSyncFailedAt" IS NULL OR "calendarSyncFailedAt" < $3::timestamptz)))
         AND ($4::uuid IS NULL OR "id" = $4::uuid)
       RETURNING "id"`,
      input.leaseUntil.toISOString(),
      input.now.toISOString(),
      input.dueBefore?.toISOString() ?? null,
      input.committeeId ?? null,
    );
    return rows.map((r) => r.id);
  }

  async meetingsForSync(committeeId: string): Promise<SyncedMeeting[]> {
    const rows = await this.prisma.meeting.findMany({ where: { committeeId }, orderBy: { startsAt: 'asc' } });
    return rows.map((row) => ({
      ...toMeeting(row),
      calendarEventId: row.calendarEventId,
      iCalUId: row.iCalUId,
      sequence: row.sequence,
      agendaPublished: row.agendaPublishedAt !== null,
      overviewPosted: row.overviewActivityId !== null,
    }));
  }

  async applySync(write: SyncWrite): Promise<boolean> {
    return this.prisma.$transaction(async (tx) => {
      // The round's lease first: if another instance took the calendar over, nothing is written.
      const { count } = await tx.committee.updateMany({
        where: { id: write.committeeId, calendarSyncLeaseUntil: write.lease },
        data: {
          calendarDeltaLink: write.deltaLink,
          calendarWindowStart: write.windowStart,
          calendarSyncedAt: write.syncedAt,
          calendarSyncFailedAt: null,
          calendarSyncError: null,
          calendarSyncLeaseUntil: null,
        },
      });
      if (count !== 1) return false;
      if (write.creates.length) {
        await tx.meeting.createMany({ data: write.creates.map((m) => ({ ...m, committeeId: write.committeeId, status: 'planned' as const })) });
      }
      for (const u of write.updates) {
        await tx.meeting.update({
          where: { id: u.id },
          data: { ...u.fields, ...(u.bumpSequence ? { sequence: { increment: 1 } } : {}) },
        });
      }
      await refreshCards((sql, params) => tx.$executeRawUnsafe(sql, ...params), write.cards);
      await enqueueMessages(tx, write.messages);
      return true;
    }, SYNC_TRANSACTION);
  }

  async recordFailure(committeeId: string, lease: Date, at: Date, error: string): Promise<void> {
    await this.prisma.committee.updateMany({
      where: { id: committeeId, calendarSyncLeaseUntil: lease },
      data: { calendarSyncFailedAt: at, calendarSyncError: error, calendarSyncLeaseUntil: null },
    });
  }

  async setCalendar(committeeId: string, mailbox: string | null, match: string | null): Promise<boolean> {
    const row = await this.prisma.committee.findUnique({ where: { id: committeeId }, select: { calendarMailbox: true, calendarMatch: true } });
    if (!row || (row.calendarMailbox === mailbox && row.calendarMatch === match)) return false;
    // Another mailbox, or another way to recognise the meetings, is another calendar: it is
    // read afresh, and its first round announces nothing.
    await this.prisma.committee.update({
      where: { id: committeeId },
      data: {
        calendarMailbox: mailbox,
        calendarMatch: match,
        calendarDeltaLink: null,
        calendarWindowStart: null,
        calendarSyncedAt: null,
        calendarSyncFailedAt: null,
        calendarSyncError: null,
      },
    });
    return true;
  }

  /** The demo committee's calendar, from CALENDAR_MAILBOX and CALENDAR_MATCH at start-up; false when unchanged or there is no demo committee. */
  async setDemoCalendar(mailbox: string, match: string | null): Promise<boolean> {
    const demo = await this.prisma.committee.findFirst({ where: { slug: DEMO_SLUG, isDemo: true }, select: { id: true } });
    return demo ? this.setCalendar(demo.id, mailbox, match) : false;
  }

  async feedToken(committeeId: string, newToken: () => string): Promise<string> {
    const read = () => this.prisma.committee.findUniqueOrThrow({ where: { id: committeeId }, select: { calendarFeedToken: true } });
    const row = await read();
    if (row.calendarFeedToken) return row.calendarFeedToken;
    // Two members asking at once: the first token written stays (the address never changes).
    await this.prisma.committee.updateMany({ where: { id: committeeId, calendarFeedToken: null }, data: { calendarFeedToken: newToken() } });
    return (await read()).calendarFeedToken!;
  }

  async replaceFeedToken(committeeId: string, token: string): Promise<void> {
    await this.prisma.committee.update({ where: { id: committeeId }, data: { calendarFeedToken: token } });
  }

  async committeeByFeed(slug: string, token: string): Promise<string | null> {
    const row = await this.prisma.committee.findUnique({ where: { slug }, select: { id: true, calendarFeedToken: true } });
    return row?.calendarFeedToken && sameSecret(row.calendarFeedToken, token) ? row.id : null;
  }

  async feedMeetings(committeeId: string, from: Date): Promise<FeedMeeting[]> {
    const rows = await this.prisma.meeting.findMany({ where: { committeeId, endsAt: { gt: from } }, orderBy: { startsAt: 'asc' } });
    return rows.map((row) => ({ ...toMeeting(row), iCalUId: row.iCalUId, sequence: row.sequence, updatedAt: row.updatedAt }));
  }

  async createMeeting(input: NewMeeting): Promise<{ meeting: Meeting; created: boolean }> {
    return this.prisma.$transaction(async (tx) => {
      // Two clicks at once take turns here, so the second finds the first's meeting.
      await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(hashtext($1))`, `meeting:${input.committeeId}`);
      const same = await tx.meeting.findFirst({
        where: { committeeId: input.committeeId, startsAt: input.startsAt, endsAt: input.endsAt, status: { not: 'cancelled' } },
      });
      if (same) return { meeting: toMeeting(same), created: false };
      return { meeting: toMeeting(await tx.meeting.create({ data: input })), created: true };
    });
  }

  async channelServiceUrl(committeeId: string): Promise<string | null> {
    const committee = await this.prisma.committee.findUnique({ where: { id: committeeId }, select: { serviceUrl: true, tenantId: true } });
    if (!committee) return null;
    if (committee.serviceUrl) return committee.serviceUrl;
    const member = await this.prisma.person.findFirst({
      where: { serviceUrl: { not: null }, tenantId: committee.tenantId, memberships: { some: { committeeId, active: true } } },
      select: { serviceUrl: true },
      orderBy: { updatedAt: 'desc' },
    });
    return member?.serviceUrl ?? null;
  }

  async linkEvent(meetingId: string, eventId: string, iCalUId: string): Promise<void> {
    await this.prisma.meeting.update({ where: { id: meetingId }, data: { calendarEventId: eventId, iCalUId } });
  }
}

/** Compares secrets in time that does not depend on where they differ. */
function sameSecret(a: string, b: string): boolean {
  const [x, y] = [Buffer.from(a), Buffer.from(b)];
  return x.length === y.length && timingSafeEqual(x, y);
}
