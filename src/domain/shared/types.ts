// The committee's vocabulary every feature shares, as plain data: the committee, its
// members and organisations, meetings, who acts. Each feature's own types are in its folder.

export type Role = 'chair' | 'secretariat' | 'member' | 'observer';
export type OrganisationKind = 'municipality' | 'region' | 'secretariat' | 'other';
export type MeetingStatus = 'planned' | 'agenda_published' | 'held' | 'minutes_published' | 'cancelled';

export interface Committee {
  id: string;
  slug: string;
  name: string;
  fullName: string | null;
  timeZone: string;
  locale: string;
  submissionDeadlineDays: number;
  /** Members get their digest this many days before each meeting. */
  digestDaysBefore: number;
  tenantId: string | null;
  teamId: string | null;
  /** The team's Microsoft 365 group (Graph's id of the team), where Teams passed it. */
  teamAadGroupId: string | null;
  channelId: string | null;
  /** Where the bot posts in the channel outside a turn: the channel's conversation and serviceUrl. */
  conversationId: string | null;
  serviceUrl: string | null;
  isDemo: boolean;
}

export interface Organisation {
  id: string;
  name: string;
  kind: OrganisationKind;
}

export interface Member {
  membershipId: string;
  personId: string;
  displayName: string;
  aadObjectId: string | null;
  /** Teams user id ("29:…"), once the person has been seen in Teams. */
  teamsUserId: string | null;
  role: Role;
  title: string | null;
  organisation: Organisation | null;
}

export interface Meeting {
  id: string;
  committeeId: string;
  title: string | null;
  startsAt: Date;
  endsAt: Date;
  place: string | null;
  room: string | null;
  onlineUrl: string | null;
  status: MeetingStatus;
  submissionDeadline: Date | null;
}

/** Who is acting, as the activity says (never the card data). */
export interface Actor {
  aadObjectId: string | null;
  teamsUserId: string;
  name: string;
  tenantId: string | null;
}

export type DecisionOutcome =
  | 'approved'
  | 'approved_with_changes'
  | 'noted'
  | 'discussed'
  | 'postponed'
  | 'rejected';

export type SectionKind = 'decision' | 'information' | 'upcoming' | 'written' | 'other';
