import { isUuid } from './committee.repository';
import type { SqlExecutor } from './database';
import type { Prisma, PrismaClient } from './generated/client';
import { toRecipient } from './membership.repository';
import { enqueueMessages, refreshCards } from './outbox.repository';
import { ReadCache } from './read-cache';
import type { ActionItem, ActionOwner } from '../domain/minutes/types';
import type { OutboundMessage, Recipient } from '../domain/delivery/types';
import type { AuditEntry } from '../domain/shared/ports';
import type { ActionItemRepository } from '../domain/minutes/ports';

/** What an action is read with: its owner's name and where it was agreed. */
export const actionInclude = {
  ownerPerson: { select: { displayName: true } },
  ownerOrganisation: { select: { name: true } },
  decision: { select: { agendaItem: { select: { id: true, number: true, title: true, meeting: { select: { id: true, startsAt: true } } } } } },
} satisfies Prisma.ActionItemInclude;

type ActionRow = Prisma.ActionItemGetPayload<{ include: typeof actionInclude }>;

/** A day column (stored as midnight UTC) as YYYY-MM-DD. */
export function isoDay(date: Date | null): string | null {
  return date ? date.toISOString().slice(0, 10) : null;
}

/** Who an action row is for, named. */
export function ownerOf(row: {
  ownerPersonId: string | null;
  ownerOrganisationId: string | null;
  ownerPerson: { displayName: string } | null;
  ownerOrganisation: { name: string } | null;
}): ActionOwner {
  if (row.ownerPersonId) return { kind: 'person', personId: row.ownerPersonId, name: row.ownerPerson?.displayName ?? '' };
  if (row.ownerOrganisationId) return { kind: 'organisation', organisationId: row.ownerOrganisationId, name: row.ownerOrganisation?.name ?? '' };
  return { kind: 'secretariat' };
}

export function toActionItem(row: ActionRow): ActionItem {
  const item = row.decision?.agendaItem;
  return {
    id: row.id,
    committeeId: row.committeeId,
    what: row.what,
    owner: ownerOf(row),
    dueOn: isoDay(row.dueOn),
    status: row.status,
    doneAt: row.doneAt,
    origin: item ? { meetingId: item.meeting.id, meetingStartsAt: item.meeting.startsAt, itemId: item.id, itemNumber: item.number, itemTitle: item.title } : null,
  };
}

/** Open first by their last day (none last), then in the order they were agreed. */
const ORDER: Prisma.ActionItemOrderByWithRelationInput[] = [{ dueOn: { sort: 'asc', nulls: 'last' } }, { createdAt: 'asc' }, { position: 'asc' }];

export class PrismaActionItemRepository implements ActionItemRepository {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly sql: SqlExecutor,
    private readonly cache: ReadCache = new ReadCache({ ttlMs: 0 }),
  ) {}

  async find(id: string): Promise<ActionItem | null> {
    if (!isUuid(id)) return null;
    const row = await this.prisma.actionItem.findUnique({ where: { id }, include: actionInclude });
    return row && toActionItem(row);
  }

  /**
   * The committee's open actions are read once and cached (every "mine opgaver" asks; any
   * write to actions clears the cache), then each member's picked out: theirs, their
   * organisation's, and the secretariat's for its members.
   */
  async listOpen(committeeId: string, who: { personId: string; organisationId: string | null; secretariat: boolean } | 'all'): Promise<ActionItem[]> {
    if (!isUuid(committeeId)) return [];
    const open = await this.cache.get(`actions:open:${committeeId}`, async () => {
      const rows = await this.prisma.actionItem.findMany({ where: { committeeId, status: 'open' }, include: actionInclude, orderBy: ORDER });
      return rows.map((row) => ({ action: toActionItem(row), person: row.ownerPersonId, organisation: row.ownerOrganisationId, secretariat: row.ownerIsSecretariat }));
    });
    // The owners a query "the person's, or their organisation's, or (for its members) the secretariat's" picks.
    const mine = (o: (typeof open)[number]) =>
      who === 'all' || o.person === who.personId || (who.organisationId !== null && o.organisation === who.organisationId) || (who.secretariat && o.secretariat);
    return open.filter(mine).map(({ action: a }) => ({ ...a, owner: { ...a.owner }, origin: a.origin && { ...a.origin } }));
  }

  async openBefore(committeeId: string, before: Date): Promise<ActionItem[]> {
    const rows = await this.prisma.actionItem.findMany({
      where: { committeeId, status: 'open', decision: { agendaItem: { meeting: { startsAt: { lt: before } } } } },
      include: actionInclude,
      orderBy: ORDER,
    });
    return rows.map(toActionItem);
  }

  async markDone(id: string, personId: string, at: Date, audit: AuditEntry): Promise<boolean> {
    return this.prisma.$transaction(async (tx) => {
      const { count } = await tx.actionItem.updateMany({ where: { id, status: 'open' }, data: { status: 'done', doneAt: at, doneById: personId } });
      if (count === 0) return false;
      await tx.auditEvent.create({ data: auditRow(audit) });
      // The cards in the channel that show it: its item's (ticked), and the coming agendas' follow-up.
      const row = await tx.actionItem.findUniqueOrThrow({ where: { id }, select: { committeeId: true, decision: { select: { agendaItem: { select: { id: true, cardActivityId: true } } } } } });
      const coming = await tx.meeting.findMany({ where: { committeeId: row.committeeId, overviewActivityId: { not: null }, endsAt: { gt: at } }, select: { id: true } });
      const item = row.decision?.agendaItem;
      await refreshCards((sql, params) => tx.$executeRawUnsafe(sql, ...params), [
        ...(item?.cardActivityId ? [{ kind: 'agenda-item' as const, subjectId: item.id, committeeId: row.committeeId }] : []),
        ...coming.map((m) => ({ kind: 'agenda-overview' as const, subjectId: m.id, committeeId: row.committeeId, delayMs: 1000 })),
      ]);
      return true;
    });
  }

  async overdue(today: string): Promise<ActionItem[]> {
    // Asked on every scheduler tick and nearly always empty: one plain statement, and the
    // full read (with owners and origin) only for what it finds.
    const due = await this.sql.query<{ id: string }>(
      `SELECT "id" FROM "ActionItem" WHERE "status" = 'open' AND "remindedAt" IS NULL AND "dueOn" < $1::date`,
      [today],
    );
    if (!due.length) return [];
    const rows = await this.prisma.actionItem.findMany({
      where: { id: { in: due.map((d) => d.id) }, status: 'open', remindedAt: null },
      include: actionInclude,
      orderBy: ORDER,
    });
    return rows.map(toActionItem);
  }

  async markReminded(id: string, at: Date, messages: OutboundMessage[]): Promise<boolean> {
    return this.prisma.$transaction(async (tx) => {
      const { count } = await tx.actionItem.updateMany({ where: { id, status: 'open', remindedAt: null }, data: { remindedAt: at } });
      if (count === 0) return false;
      await enqueueMessages(tx, messages);
      return true;
    });
  }

  async ownersOf(committeeId: string, action: ActionItem): Promise<Recipient[]> {
    const where: Prisma.MembershipWhereInput =
      action.owner.kind === 'person'
        ? { personId: action.owner.personId }
        : action.owner.kind === 'organisation'
          ? { organisationId: action.owner.organisationId, role: { in: ['chair', 'member'] } }
          : { role: 'secretariat' };
    const rows = await this.prisma.membership.findMany({ where: { committeeId, active: true, ...where }, include: { person: true }, orderBy: { createdAt: 'asc' } });
    return rows.map((m) => toRecipient(m.person));
  }
}

/** An audit entry as its row. */
export function auditRow(a: AuditEntry): Prisma.AuditEventUncheckedCreateInput {
  return {
    committeeId: a.committeeId,
    actorId: a.actorPersonId,
    action: a.action,
    subjectType: a.subjectType,
    subjectId: a.subjectId,
    data: a.data as Prisma.InputJsonValue,
    correlationId: a.correlationId,
  };
}
