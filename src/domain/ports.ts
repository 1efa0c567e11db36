// What the domain needs from storage. The store implements these with Prisma;
// tests may implement them in memory.
import type { Actor, Committee, Meeting, Member, OrganisationKind, Role } from './types';

export interface ConversationRef {
  tenantId: string | null;
  teamId: string | null;
  teamAadGroupId: string | null;
  channelId: string | null;
  conversationId: string;
  serviceUrl: string;
}

export interface RosterEntry {
  aadObjectId: string | null;
  teamsUserId: string;
  name: string;
  email: string | null;
}

export interface CommitteeRepository {
  findById(id: string): Promise<Committee | null>;
  findByChannel(channelId: string): Promise<Committee | null>;
  findByTeam(teamId: string): Promise<Committee | null>;
  /** Committees where the person (by aadObjectId) has an active membership. */
  listForPerson(aadObjectId: string): Promise<Committee[]>;
  listUnlinked(): Promise<Committee[]>;
  create(input: { name: string; slug: string; tenantId: string | null }): Promise<Committee>;
  link(committeeId: string, ref: ConversationRef): Promise<Committee>;
}

export interface MembershipRepository {
  list(committeeId: string): Promise<Member[]>;
  findByAad(committeeId: string, aadObjectId: string): Promise<Member | null>;
  /** Creates or refreshes the person and gives them a membership if they have none. */
  upsertMember(committeeId: string, who: RosterEntry & { tenantId: string | null; serviceUrl: string | null }, role: Role): Promise<{ member: Member; created: boolean }>;
  update(membershipId: string, change: { role?: Role; organisationName?: string | null }): Promise<Member>;
  ensureOrganisation(name: string, kind: OrganisationKind): Promise<{ id: string }>;
}

export interface PersonRepository {
  /** Whether Dagsorden knows the person, and the language they chose (null: follow Teams). */
  findLocale(aadObjectId: string): Promise<{ known: boolean; locale: string | null }>;
  /** False when no such person is known. */
  setLocale(aadObjectId: string, locale: string | null): Promise<boolean>;
}

export interface MeetingRepository {
  /** Meetings that end after `after`, earliest first, cancelled ones included. */
  listUpcoming(committeeId: string, after: Date, limit: number): Promise<Meeting[]>;
}

export interface AuditLog {
  record(event: {
    committeeId: string | null;
    actor: Actor;
    action: string;
    subjectType: string;
    subjectId?: string | null;
    data?: Record<string, unknown>;
    correlationId?: string;
  }): Promise<void>;
}
