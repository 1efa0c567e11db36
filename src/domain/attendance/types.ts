// Who comes to a meeting, who stands in, and what counts as a quorum.

export type AttendanceAnswer = 'attending' | 'absent';

/** A member's answer to whether they come to a meeting, and who comes instead. */
export interface AttendanceRecord {
  meetingId: string;
  personId: string;
  attendance: AttendanceAnswer;
  /** With an apology: who comes in the member's place. */
  standIn: { personId: string; name: string } | null;
  /** The member's word to the secretariat. */
  note: string | null;
  /** Who recorded it (the member, or the secretariat for them). */
  recordedBy: { personId: string; name: string } | null;
  /** Raised when the answer or the stand-in changes (not the note alone): the stand-in's letters are keyed on it. */
  version: number;
  updatedAt: Date;
}

/** "more than half" (of 20: 11), "at least half" (of 20: 10), or no rule. */
export type QuorumRule = 'more_than_half' | 'at_least_half' | 'none';

export interface QuorumSettings {
  rule: QuorumRule;
  /** At least this many organisations, whatever the rule gives. */
  minimum: number | null;
}

/** A person Dagsorden knows in an organisation (from a membership in any committee): who could stand in for a member of it. */
export interface KnownPerson {
  personId: string;
  name: string;
  organisationId: string;
  organisation: string;
}
