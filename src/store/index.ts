// The store: repositories over one database. Nothing outside src/store talks to Prisma.
import type { Database } from './database';
import { PrismaAuditLog } from './audit.repository';
import { PrismaCommitteeRepository } from './committee.repository';
import { PrismaMeetingRepository } from './meeting.repository';
import { PrismaMembershipRepository } from './membership.repository';

export interface Store {
  committees: PrismaCommitteeRepository;
  memberships: PrismaMembershipRepository;
  meetings: PrismaMeetingRepository;
  audit: PrismaAuditLog;
}

export function createStore(db: Database): Store {
  return {
    committees: new PrismaCommitteeRepository(db.prisma),
    memberships: new PrismaMembershipRepository(db.prisma),
    meetings: new PrismaMeetingRepository(db.prisma),
    audit: new PrismaAuditLog(db.prisma),
  };
}
