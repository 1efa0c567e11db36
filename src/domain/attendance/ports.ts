// What attendance needs from storage: answers, stand-ins and the quorum rule.
import type { OutboundMessage, Recipient } from '../delivery/types';
import type { AuditEntry } from '../shared/ports';
import type { Organisation } from '../shared/types';
import type { AttendanceAnswer, AttendanceRecord, KnownPerson, QuorumSettings } from './types';

/** An answer as it was before a change and as it is after. */
export interface AttendanceChange {
  before: AttendanceRecord | null;
  after: AttendanceRecord;
}

export interface AttendanceRepository {
  /** Every answer for the meeting. */
  forMeeting(meetingId: string): Promise<AttendanceRecord[]>;
  find(meetingId: string, personId: string): Promise<AttendanceRecord | null>;
  /**
   * The same answer as a card shows it, possibly from the read cache: this process's
   * writes clear it, another instance's show within READ_CACHE_SECONDS. Not for deciding
   * a change (find() reads the database).
   */
  findForView(meetingId: string, personId: string): Promise<AttendanceRecord | null>;
  /**
   * Sets the person's one answer for the meeting. When it is what is there already,
   * nothing is written (`changed` false); otherwise, in one transaction: the answer (its
   * version raised when the answer or the stand-in changed), `audit`, and the messages
   * `letters` builds from the change.
   */
  set(
    input: { meetingId: string; personId: string; attendance: AttendanceAnswer; standInId: string | null; note: string | null; recordedById: string },
    audit: AuditEntry,
    letters: (change: AttendanceChange) => OutboundMessage[],
  ): Promise<{ changed: boolean; record: AttendanceRecord; before: AttendanceRecord | null }>;
  /** People with an active membership (in any committee) for one of the organisations, by name. */
  peopleOf(organisationIds: string[]): Promise<KnownPerson[]>;
  /** The standing stand-ins of the committee's members: member's person id → stand-in. */
  standingStandIns(committeeId: string): Promise<Map<string, { personId: string; name: string }>>;
  /** Sets a member's standing stand-in (Membership.standInId) with `audit`; false when it was that already. */
  setStandingStandIn(membershipId: string, standInId: string | null, audit: AuditEntry): Promise<boolean>;
  /** People as someone the bot can write to: stand-ins need not be members of the committee. */
  recipientsOf(personIds: string[]): Promise<Recipient[]>;
  /** True when the person is someone's named stand-in for the meeting now. */
  isStandIn(meetingId: string, personId: string): Promise<boolean>;
  /** True when the person has an active membership of the committee other than an observer's. */
  isParticipant(committeeId: string, personId: string): Promise<boolean>;
  /** The organisations the committee counts for a quorum (municipalities and region; not the secretariat). */
  countedOrganisations(committeeId: string): Promise<Organisation[]>;
  quorumSettings(committeeId: string): Promise<QuorumSettings>;
  /** Changes the committee's quorum rule with `audit`. */
  setQuorumSettings(committeeId: string, settings: QuorumSettings, audit: AuditEntry): Promise<void>;
}
