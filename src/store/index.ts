// The store: repositories over one database. Nothing outside src/store talks to Prisma.
import type { Database } from './database';
import { PrismaAgendaRepository } from './agenda.repository';
import { PrismaAuditLog } from './audit.repository';
import { PrismaCommitteeRepository } from './committee.repository';
import { PrismaDocumentImportRepository } from './document-import.repository';
import { PrismaMeetingRepository } from './meeting.repository';
import { PrismaMembershipRepository } from './membership.repository';
import { OutboxWake, PrismaOutboxRepository } from './outbox.repository';
import { PrismaPersonRepository } from './person.repository';
import { ReadCache } from './read-cache';
import { PrismaSubmissionRepository } from './submission.repository';
import { PrismaInputRequestRepository } from './input-request.repository';
import { PrismaActionItemRepository } from './action-item.repository';
import { PrismaDecisionRepository } from './decision.repository';
import { PrismaMinutesRepository } from './minutes.repository';
import { PrismaCalendarRepository } from './calendar.repository';
import { PrismaAttendanceRepository } from './attendance.repository';
import { PrismaDatePollRepository } from './date-poll.repository';
import { PrismaLiveMeetingRepository } from './live-meeting.repository';
import type { SharedReads } from '../domain/shared/ports';

export interface Store {
  committees: PrismaCommitteeRepository;
  memberships: PrismaMembershipRepository;
  meetings: PrismaMeetingRepository;
  audit: PrismaAuditLog;
  people: PrismaPersonRepository;
  imports: PrismaDocumentImportRepository;
  agenda: PrismaAgendaRepository;
  outbox: PrismaOutboxRepository;
  submissions: PrismaSubmissionRepository;
  inputs: PrismaInputRequestRepository;
  decisions: PrismaDecisionRepository;
  minutes: PrismaMinutesRepository;
  actions: PrismaActionItemRepository;
  calendars: PrismaCalendarRepository;
  attendance: PrismaAttendanceRepository;
  datePolls: PrismaDatePollRepository;
  /** A held meeting's item under discussion (never cached). */
  live: PrismaLiveMeetingRepository;
  /** The read cache itself, for read models many readers share (the tab's meeting page). */
  reads: SharedReads;
  /** The same for what members change all day (answers, attendance): cleared by every write of this process. */
  liveReads: SharedReads;
}

export interface StoreOptions {
  /** How long committee and meeting reads are served from memory (see read-cache.ts); 0: never. */
  cacheTtlMs?: number;
}

export function createStore(db: Database, options: StoreOptions = {}): Store {
  const cache = new ReadCache({ ttlMs: options.cacheTtlMs ?? 0 });
  db.onWrite((scope) => cache.invalidate(scope));
  const live = new ReadCache({ ttlMs: options.cacheTtlMs ?? 0 });
  db.onAnyWrite(() => live.invalidate());
  const wake = new OutboxWake();
  return {
    committees: new PrismaCommitteeRepository(db.prisma, cache),
    memberships: new PrismaMembershipRepository(db.prisma, cache),
    meetings: new PrismaMeetingRepository(db.prisma, cache),
    audit: new PrismaAuditLog(db.prisma),
    people: new PrismaPersonRepository(db.prisma, cache),
    imports: new PrismaDocumentImportRepository(db.prisma),
    agenda: new PrismaAgendaRepository(db, cache, live, wake),
    outbox: new PrismaOutboxRepository(db, wake),
    submissions: new PrismaSubmissionRepository(db.prisma, cache),
    inputs: new PrismaInputRequestRepository(db.prisma, db.sql, cache),
    decisions: new PrismaDecisionRepository(db.prisma, db.sql, cache),
    minutes: new PrismaMinutesRepository(db.prisma, db.sql, cache),
    actions: new PrismaActionItemRepository(db.prisma, db.sql, cache),
    calendars: new PrismaCalendarRepository(db.prisma, cache),
    attendance: new PrismaAttendanceRepository(db.prisma, cache, live),
    datePolls: new PrismaDatePollRepository(db.prisma),
    live: new PrismaLiveMeetingRepository(db.prisma),
    reads: cache,
    liveReads: live,
  };
}
