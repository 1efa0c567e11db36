// What tests read back from the database, named for what they ask (what was queued, what
// the audit trail holds, a member's answers) rather than written as Prisma queries in
// every test. Reads only: a test that sets up a state writes it where it does so.
import type { Database } from '../../src/store/database';

type DeliveryStatus = 'pending' | 'sending' | 'sent' | 'failed' | 'unreachable';

export interface OutboxFilter {
  kind?: string;
  status?: DeliveryStatus | DeliveryStatus[];
  subjectId?: string;
  /** The once-only key ("digest:<meeting>:<person>"). */
  key?: string;
  /** A member's messages; null: those to a conversation (the channel). */
  personId?: string | null;
}

export function read(db: Pick<Database, 'prisma'>) {
  const { prisma } = db;
  const outboxWhere = (f: OutboxFilter = {}) => ({
    kind: f.kind,
    subjectId: f.subjectId,
    idempotencyKey: f.key,
    personId: f.personId,
    status: Array.isArray(f.status) ? { in: f.status } : f.status,
  });
  return {
    /** How many audit events of this action there are (about this subject). */
    audited: (action: string, subjectId?: string) => prisma.auditEvent.count({ where: { action, subjectId } }),
    /** The outbox's rows that match, oldest first. */
    outbox: (filter?: OutboxFilter) => prisma.outboundDelivery.findMany({ where: outboxWhere(filter), orderBy: [{ createdAt: 'asc' }, { idempotencyKey: 'asc' }] }),
    /** How many of the outbox's rows match. */
    queued: (filter?: OutboxFilter) => prisma.outboundDelivery.count({ where: outboxWhere(filter) }),
    /** The outbox's row with this once-only key, if queued. */
    delivery: (key: string) => prisma.outboundDelivery.findUnique({ where: { idempotencyKey: key } }),
    /** The person with this Entra object id (a member seen in Teams). */
    person: (aadObjectId: string) => prisma.person.findUniqueOrThrow({ where: { aadObjectId } }),
    /** A meeting's agenda items, in agenda order. */
    items: (meetingId: string) => prisma.agendaItem.findMany({ where: { meetingId }, orderBy: { position: 'asc' } }),
    /** The members' answers on an agenda item. */
    positions: (itemId: string) => prisma.position.findMany({ where: { agendaItemId: itemId } }),
    /** A meeting's minutes, if there are any. */
    minutes: (meetingId: string) => prisma.minutes.findUnique({ where: { meetingId } }),
  };
}

export type Reads = ReturnType<typeof read>;
