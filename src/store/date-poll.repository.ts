import { DomainError } from '../domain/shared/errors';
import type { CreatedEvent } from '../domain/calendar/outlook-events';
import type { Meeting } from '../domain/shared/types';
import { isUuid } from './committee.repository';
import type { Prisma, PrismaClient } from './generated/client';
import { toMeeting } from './mappers';
import { enqueueMessages, refreshCards } from './outbox.repository';
import type { DatePollRepository, PollSends } from '../domain/date-polls/ports';
import type { DateAnswer, DatePoll, DatePollDraft } from '../domain/date-polls/types';
import type { CardRefresh, OutboundMessage } from '../domain/delivery/types';
import type { AuditEntry } from '../domain/shared/ports';

const include = {
  closedBy: { select: { id: true, displayName: true } },
  groups: { orderBy: { position: 'asc' }, include: { candidates: { orderBy: { position: 'asc' } } } },
} satisfies Prisma.DatePollInclude;

type Row = Prisma.DatePollGetPayload<{ include: typeof include }>;
type Tx = Prisma.TransactionClient;
type Client = Pick<PrismaClient, 'datePollAnswer'>;

const NO_ANSWERS: Record<DateAnswer, number> = { yes: 0, preferred: 0, no: 0 };

async function tallies(client: Client, candidateIds: string[]): Promise<Map<string, Record<DateAnswer, number>>> {
  const out = new Map<string, Record<DateAnswer, number>>();
  if (!candidateIds.length) return out;
  const groups = await client.datePollAnswer.groupBy({ by: ['candidateId', 'answer'], where: { candidateId: { in: candidateIds } }, _count: { _all: true } });
  for (const g of groups) {
    const tally = out.get(g.candidateId) ?? { ...NO_ANSWERS };
    tally[g.answer] = g._count._all;
    out.set(g.candidateId, tally);
  }
  return out;
}

function toPoll(row: Row, counts: Map<string, Record<DateAnswer, number>>): DatePoll {
  return {
    id: row.id,
    committeeId: row.committeeId,
    title: row.title,
    place: row.place,
    deadline: row.deadline,
    status: row.status,
    createdById: row.createdById,
    closedBy: row.closedBy ? { personId: row.closedBy.id, name: row.closedBy.displayName } : null,
    closedAt: row.closedAt,
    cardActivityId: row.cardActivityId,
    groups: row.groups.map((g) => ({
      id: g.id,
      position: g.position,
      candidates: g.candidates.map((c) => ({ id: c.id, startsAt: c.startsAt, endsAt: c.endsAt, tally: { ...NO_ANSWERS, ...counts.get(c.id) } })),
      chosenCandidateId: g.chosenCandidateId,
      meetingId: g.meetingId,
      outlookState: g.outlookState,
      outlookError: g.outlookError,
    })),
    createdAt: row.createdAt,
  };
}

async function load(client: Pick<PrismaClient, 'datePoll' | 'datePollAnswer'>, id: string): Promise<DatePoll | null> {
  const row = await client.datePoll.findUnique({ where: { id }, include });
  if (!row) return null;
  return toPoll(row, await tallies(client, row.groups.flatMap((g) => g.candidates.map((c) => c.id))));
}

function auditRow(audit: AuditEntry, subjectId: string) {
  return {
    committeeId: audit.committeeId,
    actorId: audit.actorPersonId,
    action: audit.action,
    subjectType: audit.subjectType,
    subjectId,
    data: audit.data as Prisma.InputJsonValue,
    correlationId: audit.correlationId,
  };
}

/** Runs SQL in the transaction (refreshCards' seam). */
const runIn = (tx: Tx) => (sql: string, params: unknown[]) => tx.$executeRawUnsafe(sql, ...params);

async function send(tx: Tx, sends: PollSends): Promise<void> {
  await refreshCards(runIn(tx), sends.cards);
  await enqueueMessages(tx, sends.messages);
}

/** A group whose Outlook event is due: never written, or its writer's claim ran out. */
const OUTLOOK_DUE = `"meetingId" IS NOT NULL AND ("outlookState" = 'pending' OR ("outlookState" = 'creating' AND "outlookClaimedUntil" < now()))`;

/** Date polls, their answers and what closing them creates; each change with what it sends in one transaction. */
export class PrismaDatePollRepository implements DatePollRepository {
  constructor(private readonly prisma: PrismaClient) {}

  create(committeeId: string, createdById: string, draft: DatePollDraft, at: Date, audit: AuditEntry, sends: (poll: DatePoll) => PollSends): Promise<DatePoll> {
    return this.prisma.$transaction(async (tx) => {
      const row = await tx.datePoll.create({
        data: {
          committeeId,
          createdById,
          title: draft.title,
          place: draft.place,
          deadline: draft.deadline,
          // The domain's clock: the reminder's time is reckoned from it.
          createdAt: at,
          groups: {
            create: draft.groups.map((g, position) => ({
              position,
              candidates: { create: g.candidates.map((c, n) => ({ position: n, startsAt: c.startsAt, endsAt: c.endsAt })) },
            })),
          },
        },
        select: { id: true },
      });
      const poll = (await load(tx, row.id))!;
      await tx.auditEvent.create({ data: auditRow(audit, poll.id) });
      await send(tx, sends(poll));
      return poll;
    });
  }

  find(id: string): Promise<DatePoll | null> {
    return isUuid(id) ? load(this.prisma, id) : Promise.resolve(null);
  }

  async list(committeeId: string): Promise<DatePoll[]> {
    const rows = await this.prisma.datePoll.findMany({ where: { committeeId }, include, orderBy: { createdAt: 'desc' } });
    const counts = await tallies(this.prisma, rows.flatMap((r) => r.groups.flatMap((g) => g.candidates.map((c) => c.id))));
    return rows.map((r) => toPoll(r, counts));
  }

  async listOpen(): Promise<DatePoll[]> {
    const rows = await this.prisma.datePoll.findMany({ where: { status: 'open' }, include, orderBy: { createdAt: 'asc' } });
    const counts = await tallies(this.prisma, rows.flatMap((r) => r.groups.flatMap((g) => g.candidates.map((c) => c.id))));
    return rows.map((r) => toPoll(r, counts));
  }

  async answersOf(pollId: string, personId: string): Promise<Map<string, DateAnswer>> {
    if (!isUuid(pollId) || !isUuid(personId)) return new Map();
    const rows = await this.prisma.datePollAnswer.findMany({ where: { personId, candidate: { group: { pollId } } }, select: { candidateId: true, answer: true } });
    return new Map(rows.map((r) => [r.candidateId, r.answer]));
  }

  async respondents(pollId: string): Promise<Set<string>> {
    const rows = await this.prisma.datePollAnswer.findMany({ where: { candidate: { group: { pollId } } }, select: { personId: true }, distinct: ['personId'] });
    return new Set(rows.map((r) => r.personId));
  }

  saveAnswers(
    pollId: string,
    personId: string,
    answers: Array<{ candidateId: string; answer: DateAnswer }>,
    at: Date,
    audit: AuditEntry,
    card: CardRefresh,
  ): Promise<{ changed: number } | null> {
    return this.prisma.$transaction(async (tx) => {
      // The poll's row is held (shared) while the answers are written: a close waits for
      // them, and answers arriving after a close find it closed.
      const [poll] = await tx.$queryRawUnsafe<Array<{ open: boolean }>>(
        `SELECT ("status" = 'open' AND ("deadline" IS NULL OR "deadline" > $2::timestamptz)) AS "open" FROM "DatePoll" WHERE "id" = $1::uuid FOR SHARE`,
        pollId,
        at.toISOString(),
      );
      if (!poll?.open) return null;
      const rows = answers.map((a) => ({ candidateId: a.candidateId, answer: a.answer })).sort((a, b) => a.candidateId.localeCompare(b.candidateId));
      // Only the poll's own candidates take answers, and only answers that differ are written.
      const changed = await tx.$queryRawUnsafe<Array<{ id: string }>>(
        `INSERT INTO "DatePollAnswer" ("id", "candidateId", "personId", "answer", "updatedAt")
         SELECT gen_random_uuid(), x."candidateId", $2::uuid, x."answer", now()
         FROM jsonb_to_recordset($3::jsonb) AS x("candidateId" uuid, "answer" "DateAnswer")
         JOIN "DatePollCandidate" c ON c."id" = x."candidateId"
         JOIN "DatePollGroup" g ON g."id" = c."groupId" AND g."pollId" = $1::uuid
         ORDER BY x."candidateId"
         ON CONFLICT ("candidateId", "personId") DO UPDATE SET "answer" = EXCLUDED."answer", "updatedAt" = now()
           WHERE "DatePollAnswer"."answer" IS DISTINCT FROM EXCLUDED."answer"
         RETURNING "id"`,
        pollId,
        personId,
        JSON.stringify(rows),
      );
      if (changed.length) {
        await tx.auditEvent.create({ data: auditRow({ ...audit, data: { ...audit.data, changed: changed.length } }, pollId) });
        await refreshCards(runIn(tx), [card]);
      }
      return { changed: changed.length };
    });
  }

  close(
    input: { pollId: string; closedById: string; picks: Array<{ groupId: string; candidateId: string }>; outlook: boolean },
    audit: AuditEntry,
    sends: (poll: DatePoll, meetings: Meeting[]) => PollSends,
  ): Promise<{ poll: DatePoll; meetings: Meeting[] } | null> {
    return this.prisma.$transaction(
      async (tx) => {
        // Claiming the open poll first: of two closing at once, one wins; a second click finds it closed.
        const claimed = await tx.datePoll.updateMany({ where: { id: input.pollId, status: 'open' }, data: { status: 'closed', closedById: input.closedById, closedAt: new Date() } });
        if (claimed.count === 0) return null;
        const row = await tx.datePoll.findUniqueOrThrow({ where: { id: input.pollId }, include });
        const meetings: Meeting[] = [];
        for (const pick of input.picks) {
          const group = row.groups.find((g) => g.id === pick.groupId);
          const candidate = group?.candidates.find((c) => c.id === pick.candidateId);
          if (!group || !candidate) throw new DomainError('invalid_input', `no candidate ${pick.candidateId} in group ${pick.groupId}`);
          const meeting = await tx.meeting.create({
            data: { committeeId: row.committeeId, startsAt: candidate.startsAt, endsAt: candidate.endsAt, place: row.place, status: 'planned' },
          });
          await tx.datePollGroup.update({
            where: { id: group.id },
            data: { chosenCandidateId: candidate.id, meetingId: meeting.id, outlookState: input.outlook ? 'pending' : null },
          });
          meetings.push(toMeeting(meeting));
        }
        await tx.auditEvent.create({ data: auditRow({ ...audit, data: { ...audit.data, meetings: meetings.map((m) => m.id) } }, input.pollId) });
        const poll = (await load(tx, input.pollId))!;
        await send(tx, sends(poll, meetings));
        return { poll, meetings };
      },
      { timeout: 30_000, maxWait: 10_000 },
    );
  }

  async claimOutlook(leaseSeconds: number): Promise<{ groupId: string; pollId: string; meetingId: string } | null> {
    // Asked on every scheduler tick, and nearly always nothing is due: looked for with a
    // plain read first, as an UPDATE, even one that changes no row, counts as a write and
    // empties the read cache (write-watch.ts): every roster would be read again after each
    // tick (with 1,000 members, three reads of some 100 ms each on the embedded database).
    const due = await this.prisma.$queryRawUnsafe<unknown[]>(
      `SELECT 1 FROM "DatePollGroup" WHERE ${OUTLOOK_DUE} LIMIT 1`,
    );
    if (!due.length) return null;
    // SKIP LOCKED: two instances never write the same meeting's event; a claim whose writer
    // stopped runs out and is taken again.
    const [row] = await this.prisma.$queryRawUnsafe<Array<{ id: string; pollId: string; meetingId: string }>>(
      `UPDATE "DatePollGroup" SET "outlookState" = 'creating', "outlookClaimedUntil" = now() + make_interval(secs => $1::float8)
       WHERE "id" = (
         SELECT "id" FROM "DatePollGroup"
         WHERE ${OUTLOOK_DUE}
         ORDER BY "id" LIMIT 1 FOR UPDATE SKIP LOCKED)
       RETURNING "id", "pollId", "meetingId"`,
      leaseSeconds,
    );
    return row ? { groupId: row.id, pollId: row.pollId, meetingId: row.meetingId } : null;
  }

  async outlookWritten(groupId: string, meetingId: string, event: CreatedEvent | null): Promise<void> {
    await this.prisma.$transaction(async (tx) => {
      if (event) await tx.meeting.update({ where: { id: meetingId }, data: { calendarEventId: event.eventId, iCalUId: event.iCalUId } });
      await tx.datePollGroup.update({ where: { id: groupId }, data: { outlookState: event ? 'created' : 'skipped', outlookClaimedUntil: null, outlookError: null } });
    });
  }

  async outlookFailed(groupId: string, error: string, messages: OutboundMessage[]): Promise<void> {
    await this.prisma.$transaction(async (tx) => {
      await tx.datePollGroup.update({ where: { id: groupId }, data: { outlookState: 'failed', outlookClaimedUntil: null, outlookError: error.slice(0, 500) } });
      await enqueueMessages(tx, messages);
    });
  }
}
