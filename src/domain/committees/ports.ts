// What committees need from storage: the committee and its channel, members, people.
import type { Recipient } from '../delivery/types';
import type { Committee, Member, OrganisationKind, Role } from '../shared/types';

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
  /** Every committee's name (to notice one named in a question); nothing else about them. */
  listNames(): Promise<readonly string[]>;
  create(input: { name: string; slug: string; tenantId: string | null }): Promise<Committee>;
  link(committeeId: string, ref: ConversationRef): Promise<Committee>;
  setServiceUrl(committeeId: string, serviceUrl: string): Promise<void>;
}

export interface MembershipRepository {
  /** The committee's active members, read from the database (for checks that guard an invariant). */
  list(committeeId: string): Promise<Member[]>;
  /**
   * The same members as list(), shared from the read cache (frozen): for what shows or counts
   * members (the minutes' participants, who still waits for a digest), not for checks that
   * guard an invariant. Another instance's changes are seen within the cache's lifetime.
   */
  roster(committeeId: string): Promise<readonly Member[]>;
  findByAad(committeeId: string, aadObjectId: string): Promise<Member | null>;
  /** Creates or refreshes the person and gives them a membership if they have none. */
  upsertMember(committeeId: string, who: RosterEntry & { tenantId: string | null; serviceUrl: string | null }, role: Role): Promise<{ member: Member; created: boolean }>;
  /**
   * upsertMember for every entry, in a few statements whatever the roster's size.
   * `added`: memberships created or reactivated (an active one is left as it is).
   */
  importMembers(committeeId: string, entries: ReadonlyArray<RosterEntry & { tenantId: string | null; serviceUrl: string | null }>, role: Role): Promise<{ added: number }>;
  update(membershipId: string, change: { role?: Role; organisationName?: string | null }): Promise<Member>;
  ensureOrganisation(name: string, kind: OrganisationKind): Promise<{ id: string }>;
  /** Active members who take part (not observers), or those with one of `roles`, as people to write to. */
  recipients(committeeId: string, roles?: readonly Role[]): Promise<Recipient[]>;
  /** Teams user ids of the committee's active members, at most `limit` of them. */
  teamsUserIds(committeeId: string, limit: number): Promise<string[]>;
}

export interface PersonRepository {
  /** The language the person chose (null: follow Teams, or no such person). */
  findLocale(aadObjectId: string): Promise<string | null>;
  /** The person's id and their personal chat with the bot as stored (null: not a person Dagsorden knows). */
  findPersonalChat(aadObjectId: string): Promise<{ personId: string; conversationId: string | null; serviceUrl: string | null } | null>;
  /** False when no such person is known. */
  setLocale(aadObjectId: string, locale: string | null): Promise<boolean>;
  /** The member's personal chat with the bot, and the serviceUrl it is reached by. */
  setPersonalConversation(personId: string, conversationId: string, serviceUrl: string): Promise<void>;
  /** Mutes or unmutes the person's digests; false when the person is unknown. */
  setDigestMuted(aadObjectId: string, muted: boolean): Promise<boolean>;
}
