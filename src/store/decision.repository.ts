import { DomainError } from '../domain/shared/errors';
import type { DecisionOutcome } from '../domain/shared/types';
import { actionInclude, auditRow, toActionItem } from './action-item.repository';
import { isUuid } from './committee.repository';
import type { SqlExecutor } from './database';
import type { Prisma, PrismaClient } from './generated/client';
import { refreshCards } from './outbox.repository';
import { ReadCache } from './read-cache';
import type { DecisionRecord, DecisionRepository } from '../domain/minutes/ports';
import type { ActionDraft, DecisionHit, RecordedDecision } from '../domain/minutes/types';

/** Outcomes that approve the minutes an item is about ("Godkendelse af referat"). */
const APPROVING: readonly DecisionOutcome[] = ['approved', 'approved_with_changes'];

type Tx = Prisma.TransactionClient;

function ownerColumns(owner: ActionDraft['owner']) {
  return {
    ownerPersonId: owner.kind === 'person' ? owner.personId : null,
    ownerOrganisationId: owner.kind === 'organisation' ? owner.organisationId : null,
    ownerIsSecretariat: owner.kind === 'secretariat',
  };
}

function dueColumn(dueOn: string | null): Date | null {
  return dueOn ? new Date(`${dueOn}T00:00:00Z`) : null;
}

/**
 * The decision's actions as the form has them: those it names are updated (a done one
 * stays done), new ones are added in the form's order, and those it left off are cancelled.
 */
async function saveActions(tx: Tx, decisionId: string, committeeId: string, actorPersonId: string, drafts: ActionDraft[]): Promise<void> {
  const existing = await tx.actionItem.findMany({ where: { decisionId, status: { not: 'cancelled' } } });
  const kept = new Set<string>();
  for (const [position, a] of drafts.entries()) {
    const data = { what: a.what, dueOn: dueColumn(a.dueOn), position, ...ownerColumns(a.owner) };
    const old = a.id ? existing.find((e) => e.id === a.id) : undefined;
    if (old) {
      kept.add(old.id);
      await tx.actionItem.update({ where: { id: old.id }, data });
    } else {
      await tx.actionItem.create({ data: { ...data, committeeId, decisionId, createdById: actorPersonId } });
    }
  }
  const dropped = existing.filter((e) => !kept.has(e.id)).map((e) => e.id);
  if (dropped.length) await tx.actionItem.updateMany({ where: { id: { in: dropped } }, data: { status: 'cancelled' } });
}

/** A hit as the query returns it: with the count of all matches (over the limit too). */
type HitRow = DecisionHit & { total: number };

export class PrismaDecisionRepository implements DecisionRepository {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly sql: SqlExecutor,
    /** The latest decisions ("hvad blev besluttet?"): cleared by any write to decisions, items or meetings (see read-cache.ts). */
    private readonly cache: ReadCache = new ReadCache({ ttlMs: 0 }),
  ) {}

  async find(itemId: string): Promise<RecordedDecision | null> {
    if (!isUuid(itemId)) return null;
    const row = await this.prisma.decision.findUnique({
      where: { agendaItemId: itemId },
      include: { actionItems: { where: { status: { not: 'cancelled' } }, include: actionInclude, orderBy: { position: 'asc' } } },
    });
    if (!row) return null;
    const recordedBy = row.recordedById
      ? ((await this.prisma.person.findUnique({ where: { id: row.recordedById }, select: { displayName: true } }))?.displayName ?? null)
      : null;
    return {
      itemId,
      outcome: row.outcome,
      text: row.text,
      version: row.version,
      recordedAt: row.updatedAt,
      recordedBy,
      actions: row.actionItems.map(toActionItem),
    };
  }

  async record(input: DecisionRecord): Promise<RecordedDecision | null> {
    const { itemId, draft } = input;
    const saved = await this.prisma.$transaction(
      async (tx) => {
        const item = await tx.agendaItem.findUnique({
          where: { id: itemId },
          include: { decision: true, meeting: { include: { minutes: { select: { id: true, status: true } } } } },
        });
        if (!item) throw new DomainError('invalid_input', `no item ${itemId}`);
        if ((item.decision?.version ?? 0) !== input.version) return null;
        // Published minutes change only through a correction, dated and listed in them.
        const minutes = item.meeting.minutes;
        const published = minutes && minutes.status !== 'draft';
        if (published && !input.correction) throw new DomainError('correction_needed', `minutes of ${item.meetingId} are ${minutes.status}`);
        // The write itself checks the version: of two saves of the same form, one wins, on PostgreSQL too.
        const data = { outcome: draft.outcome, text: draft.text, recordedById: input.actorPersonId };
        const { count } = item.decision
          ? await tx.decision.updateMany({ where: { id: item.decision.id, version: input.version }, data: { ...data, version: { increment: 1 } } })
          : await tx.decision.createMany({ data: { ...data, agendaItemId: itemId }, skipDuplicates: true });
        if (count === 0) return null;
        const decision = await tx.decision.findUniqueOrThrow({ where: { agendaItemId: itemId }, select: { id: true } });
        await tx.agendaItem.update({ where: { id: itemId }, data: { status: 'decided' } });
        await saveActions(tx, decision.id, input.committeeId, input.actorPersonId, draft.actions);
        await tx.auditEvent.create({ data: auditRow(input.audit) });
        if (published && input.correction) {
          await tx.minutesCorrection.create({ data: { minutesId: minutes.id, agendaItemId: itemId, note: input.correction, byId: input.actorPersonId, correctedAt: input.at } });
        }
        if (item.approvesMinutesOfId) {
          // The committee's answer on "Godkendelse af referat" is what approves the earlier minutes.
          if (APPROVING.includes(draft.outcome)) {
            await tx.minutes.updateMany({ where: { meetingId: item.approvesMinutesOfId, status: 'published' }, data: { status: 'approved', approvedAt: input.at } });
          } else {
            await tx.minutes.updateMany({ where: { meetingId: item.approvesMinutesOfId, status: 'approved' }, data: { status: 'published', approvedAt: null } });
          }
        }
        // The channel's cards show the decision (and take no more answers); one not posted is left alone.
        const cards = [];
        if (item.cardActivityId) cards.push({ kind: 'agenda-item' as const, subjectId: itemId, committeeId: input.committeeId });
        if (item.meeting.overviewActivityId) cards.push({ kind: 'agenda-overview' as const, subjectId: item.meetingId, committeeId: input.committeeId, delayMs: 1000 });
        await refreshCards((sql, params) => tx.$executeRawUnsafe(sql, ...params), cards);
        return true;
      },
      { timeout: 30_000, maxWait: 10_000 },
    );
    return saved ? this.find(itemId) : null;
  }

  search(committeeId: string, words: string, limit: number): Promise<{ hits: DecisionHit[]; total: number }> {
    // websearch_to_tsquery: the words as a person types them ("takstaftalen herberg", "-udsat", "\"fælles principper\"").
    return this.hits(
      `WITH q AS (SELECT websearch_to_tsquery('danish', $2) AS q)
       SELECT m."id" AS "meetingId", m."startsAt" AS "meetingStartsAt", i."id" AS "itemId", i."number" AS "itemNumber",
              i."title" AS "itemTitle", d."outcome", d."text", count(*) OVER ()::int AS "total"
       FROM "Decision" d
       JOIN "AgendaItem" i ON i."id" = d."agendaItemId"
       JOIN "Meeting" m ON m."id" = i."meetingId", q
       WHERE m."committeeId" = $1::uuid
         AND (to_tsvector('danish', d."text") @@ q.q OR to_tsvector('danish', i."title") @@ q.q)
       ORDER BY m."startsAt" DESC, i."position" ASC
       LIMIT $3`,
      [committeeId, words, limit],
    );
  }

  /** From the read cache: members ask for it in their own words, and each read cost as much as the rest of their turn. */
  latest(committeeId: string, limit: number): Promise<{ hits: readonly DecisionHit[]; total: number }> {
    return this.cache.get(`decisions:latest:${committeeId}:${limit}`, () => this.latestRead(committeeId, limit));
  }

  private latestRead(committeeId: string, limit: number): Promise<{ hits: DecisionHit[]; total: number }> {
    return this.hits(
      `SELECT m."id" AS "meetingId", m."startsAt" AS "meetingStartsAt", i."id" AS "itemId", i."number" AS "itemNumber",
              i."title" AS "itemTitle", d."outcome", d."text", count(*) OVER ()::int AS "total"
       FROM "Decision" d
       JOIN "AgendaItem" i ON i."id" = d."agendaItemId"
       JOIN "Meeting" m ON m."id" = i."meetingId"
       WHERE m."committeeId" = $1::uuid
       ORDER BY m."startsAt" DESC, i."position" ASC
       LIMIT $2`,
      [committeeId, limit],
    );
  }

  private async hits(sql: string, params: unknown[]): Promise<{ hits: DecisionHit[]; total: number }> {
    const rows = await this.sql.query<HitRow>(sql, params);
    return {
      total: rows[0]?.total ?? 0,
      hits: rows.map(({ total: _total, meetingStartsAt, ...hit }) => ({ ...hit, meetingStartsAt: new Date(meetingStartsAt) })),
    };
  }
}
