import type { Organisation } from '../domain/shared/types';
import { isUuid } from './committee.repository';
import { toRecipient } from './membership.repository';
import type { Prisma, PrismaClient } from './generated/client';
import { enqueueMessages } from './outbox.repository';
import { ReadCache } from './read-cache';
import type { OutboundMessage, Recipient } from '../domain/delivery/types';
import type { AttendanceAnswer, AttendanceRecord, KnownPerson, QuorumSettings } from '../domain/attendance/types';
import type { AuditEntry } from '../domain/shared/ports';
import type { AttendanceChange, AttendanceRepository } from '../domain/attendance/ports';

const include = {
  standIn: { select: { id: true, displayName: true } },
  recordedBy: { select: { id: true, displayName: true } },
} satisfies Prisma.MeetingAttendanceInclude;

type Row = Prisma.MeetingAttendanceGetPayload<{ include: typeof include }>;
type Tx = Prisma.TransactionClient;

function toRecord(row: Row): AttendanceRecord {
  return {
    meetingId: row.meetingId,
    personId: row.personId,
    attendance: row.attendance,
    standIn: row.standIn ? { personId: row.standIn.id, name: row.standIn.displayName } : null,
    note: row.note,
    recordedBy: row.recordedBy ? { personId: row.recordedBy.id, name: row.recordedBy.displayName } : null,
    version: row.version,
    updatedAt: row.updatedAt,
  };
}

/** A record the caller may change: the shared ones are frozen. */
function copyRecord(record: AttendanceRecord): AttendanceRecord {
  return { ...record, standIn: record.standIn && { ...record.standIn }, recordedBy: record.recordedBy && { ...record.recordedBy } };
}

function auditRow(audit: AuditEntry) {
  return {
    committeeId: audit.committeeId,
    actorId: audit.actorPersonId,
    action: audit.action,
    subjectType: audit.subjectType,
    subjectId: audit.subjectId,
    data: audit.data as Prisma.InputJsonValue,
    correlationId: audit.correlationId,
  };
}

/** Members' answers to whether they come, their stand-ins, and the committee's quorum rule. */
export class PrismaAttendanceRepository implements AttendanceRepository {
  constructor(
    private readonly prisma: PrismaClient,
    /** Memberships and stand-ins: cleared by any write to them (see read-cache.ts). */
    private readonly cache: ReadCache = new ReadCache({ ttlMs: 0 }),
    /** The answers: cleared by every write of this process, answers included. */
    private readonly live: ReadCache = new ReadCache({ ttlMs: 0 }),
  ) {}

  /** Every answer to the meeting, from the live cache (each member's own digest reads them), copied for the caller. */
  async forMeeting(meetingId: string): Promise<AttendanceRecord[]> {
    if (!isUuid(meetingId)) return [];
    return (await this.answersTo(meetingId)).map(copyRecord);
  }

  /** Every answer to the meeting read once, shared (frozen) until someone answers: cleared by every write of this process. */
  private answersTo(meetingId: string): Promise<readonly AttendanceRecord[]> {
    return this.live.get(`attendance:meeting:${meetingId}`, async () => {
      const rows = await this.prisma.meetingAttendance.findMany({ where: { meetingId }, include, orderBy: { createdAt: 'asc' } });
      return rows.map(toRecord);
    });
  }

  async find(meetingId: string, personId: string): Promise<AttendanceRecord | null> {
    if (!isUuid(meetingId) || !isUuid(personId)) return null;
    const row = await this.prisma.meetingAttendance.findUnique({ where: { meetingId_personId: { meetingId, personId } }, include });
    return row && toRecord(row);
  }

  /** Every answer to the meeting read once, shared by every member's next-meeting card until someone answers. */
  async findForView(meetingId: string, personId: string): Promise<AttendanceRecord | null> {
    if (!isUuid(meetingId) || !isUuid(personId)) return null;
    const record = (await this.answersTo(meetingId)).find((r) => r.personId === personId);
    return record ? copyRecord(record) : null;
  }

  set(
    input: { meetingId: string; personId: string; attendance: AttendanceAnswer; standInId: string | null; note: string | null; recordedById: string },
    audit: AuditEntry,
    letters: (change: AttendanceChange) => OutboundMessage[],
  ): Promise<{ changed: boolean; record: AttendanceRecord; before: AttendanceRecord | null }> {
    const where = { meetingId_personId: { meetingId: input.meetingId, personId: input.personId } };
    return this.prisma.$transaction(
      async (tx) => {
        // A new answer is inserted; an existing one is locked first, so two clicks of the
        // same member are written one after the other and each compares with the last.
        const inserted = await tx.$queryRawUnsafe<Array<{ id: string }>>(
          `INSERT INTO "MeetingAttendance" ("id", "meetingId", "personId", "attendance", "standInId", "note", "recordedById", "updatedAt")
           VALUES (gen_random_uuid(), $1::uuid, $2::uuid, $3::"Attendance", $4::uuid, $5, $6::uuid, now())
           ON CONFLICT ("meetingId", "personId") DO NOTHING RETURNING "id"`,
          input.meetingId,
          input.personId,
          input.attendance,
          input.standInId,
          input.note,
          input.recordedById,
        );
        let before: AttendanceRecord | null = null;
        if (!inserted.length) {
          await tx.$queryRawUnsafe(`SELECT 1 FROM "MeetingAttendance" WHERE "meetingId" = $1::uuid AND "personId" = $2::uuid FOR UPDATE`, input.meetingId, input.personId);
          before = toRecord(await tx.meetingAttendance.findUniqueOrThrow({ where, include }));
          const sameAnswer = before.attendance === input.attendance && (before.standIn?.personId ?? null) === input.standInId;
          if (sameAnswer && before.note === input.note) return { changed: false, record: before, before };
          // A new note alone keeps the version: it sends nothing, and what was sent stays current.
          await tx.meetingAttendance.update({
            where,
            data: { attendance: input.attendance, standInId: input.standInId, note: input.note, recordedById: input.recordedById, version: { increment: sameAnswer ? 0 : 1 } },
          });
        }
        const record = toRecord(await tx.meetingAttendance.findUniqueOrThrow({ where, include }));
        await tx.auditEvent.create({ data: auditRow(audit) });
        await enqueueMessages(tx, letters({ before, after: record }));
        return { changed: true, record, before };
      },
      { timeout: 30_000, maxWait: 10_000 },
    );
  }

  /** Cached: every member's next-meeting card offers their organisation's people as stand-ins. */
  async peopleOf(organisationIds: string[]): Promise<KnownPerson[]> {
    if (!organisationIds.length) return [];
    const people = await this.cache.get(`attendance:people-of:${[...organisationIds].sort().join(',')}`, () => this.readPeopleOf(organisationIds));
    return people.map((p) => ({ ...p }));
  }

  private async readPeopleOf(organisationIds: string[]): Promise<KnownPerson[]> {
    const rows = await this.prisma.membership.findMany({
      where: { active: true, organisationId: { in: organisationIds } },
      select: { person: { select: { id: true, displayName: true } }, organisation: { select: { id: true, name: true } } },
      orderBy: { person: { displayName: 'asc' } },
    });
    const seen = new Set<string>();
    return rows.flatMap((r) => {
      const key = `${r.person.id}|${r.organisation!.id}`;
      if (seen.has(key)) return [];
      seen.add(key);
      return [{ personId: r.person.id, name: r.person.displayName, organisationId: r.organisation!.id, organisation: r.organisation!.name }];
    });
  }

  /** Cached with the memberships (every member's next-meeting card asks). */
  async standingStandIns(committeeId: string): Promise<Map<string, { personId: string; name: string }>> {
    const pairs = await this.cache.get(`attendance:standing:${committeeId}`, async () => {
      const rows = await this.prisma.membership.findMany({
        where: { committeeId, active: true, standInId: { not: null } },
        select: { personId: true, standIn: { select: { id: true, displayName: true } } },
      });
      return rows.flatMap((r) => (r.standIn ? [[r.personId, { personId: r.standIn.id, name: r.standIn.displayName }] as const] : []));
    });
    return new Map(pairs.map(([personId, standIn]) => [personId, { ...standIn }]));
  }

  setStandingStandIn(membershipId: string, standInId: string | null, audit: AuditEntry): Promise<boolean> {
    return this.prisma.$transaction(async (tx: Tx) => {
      const row = await tx.membership.findUnique({ where: { id: membershipId }, select: { standInId: true } });
      if (!row || row.standInId === standInId) return false;
      await tx.membership.update({ where: { id: membershipId }, data: { standInId } });
      await tx.auditEvent.create({ data: auditRow(audit) });
      return true;
    });
  }

  async recipientsOf(personIds: string[]): Promise<Recipient[]> {
    const ids = personIds.filter(isUuid);
    if (!ids.length) return [];
    const rows = await this.prisma.person.findMany({ where: { id: { in: ids } }, orderBy: { displayName: 'asc' } });
    return rows.map(toRecipient);
  }

  async isStandIn(meetingId: string, personId: string): Promise<boolean> {
    if (!isUuid(meetingId) || !isUuid(personId)) return false;
    return (await this.prisma.meetingAttendance.count({ where: { meetingId, standInId: personId, attendance: 'absent' } })) > 0;
  }

  async isParticipant(committeeId: string, personId: string): Promise<boolean> {
    if (!isUuid(committeeId) || !isUuid(personId)) return false;
    return (await this.prisma.membership.count({ where: { committeeId, personId, active: true, role: { not: 'observer' } } })) > 0;
  }

  async countedOrganisations(committeeId: string): Promise<Organisation[]> {
    const rows = await this.prisma.committeeOrganisation.findMany({
      where: { committeeId, organisation: { kind: { not: 'secretariat' } } },
      include: { organisation: true },
    });
    // Municipalities by name, the region last: the order the committee's documents use.
    return rows
      .map((r) => ({ id: r.organisation.id, name: r.organisation.name, kind: r.organisation.kind }))
      .sort((a, b) => (a.kind === 'region') !== (b.kind === 'region') ? (a.kind === 'region' ? 1 : -1) : a.name.localeCompare(b.name, 'da'));
  }

  async quorumSettings(committeeId: string): Promise<QuorumSettings> {
    const row = await this.prisma.committee.findUnique({ where: { id: committeeId }, select: { quorumRule: true, quorumMinimum: true } });
    return { rule: row?.quorumRule ?? 'more_than_half', minimum: row?.quorumMinimum ?? null };
  }

  async setQuorumSettings(committeeId: string, settings: QuorumSettings, audit: AuditEntry): Promise<void> {
    await this.prisma.$transaction([
      this.prisma.committee.update({ where: { id: committeeId }, data: { quorumRule: settings.rule, quorumMinimum: settings.minimum } }),
      this.prisma.auditEvent.create({ data: auditRow(audit) }),
    ]);
  }
}
