// The committee's vocabulary as plain data, shared by domain services, store and bot.

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
  tenantId: string | null;
  teamId: string | null;
  channelId: string | null;
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
