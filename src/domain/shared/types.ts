// The committee's vocabulary as plain data, shared by domain services, store and bot.
import type { PublishedItemContent } from '../agenda/published-item';

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
export type ItemStatus = 'draft' | 'published' | 'decided' | 'withdrawn';
export type PositionKind = 'acknowledged' | 'can_approve' | 'wants_discussion' | 'cannot_approve';

export interface AgendaAttachment {
  id: string;
  title: string;
  url: string | null;
  closed: boolean;
  /** "eftersendes": announced, not there yet. */
  toFollow: boolean;
}

export interface AgendaItem {
  id: string;
  meetingId: string;
  number: string;
  position: number;
  section: SectionKind;
  sectionTitle: string | null;
  title: string;
  presenter: string | null;
  recommendationIntro: string | null;
  recommendations: string[];
  caseText: string;
  /** "Lukket punkt": the channel shows only number and title; members get the text personally. */
  closed: boolean;
  status: ItemStatus;
  changedSincePublish: boolean;
  /** The last publish changed it (its cards say so until the next publish). */
  changedInPublish: boolean;
  cardActivityId: string | null;
  cardConversationId: string | null;
  attachments: AgendaAttachment[];
  /** The recorded Referat, with the actions it agreed (cancelled ones left out). */
  decision: { outcome: DecisionOutcome; text: string; actions: DecisionAction[] } | null;
  /** "Godkendelse af referat": the earlier meeting whose minutes this item approves. */
  approvesMinutesOf: string | null;
  /** Current answers per kind. */
  tally: Record<PositionKind, number>;
  /** Its content as the last publish showed members (null: never published); see asPublished. */
  published: PublishedItemContent | null;
}

export interface Agenda {
  meeting: Meeting & { overviewActivityId: string | null; agendaPublishedAt: Date | null };
  items: AgendaItem[];
}

export type SubmissionPurpose = 'decision' | 'discussion' | 'information';
export type SubmissionStatus = 'submitted' | 'accepted' | 'moved' | 'declined' | 'withdrawn';

/** A topic a member submitted for a meeting ("Punkter til mødet kan meldes ind …"). */
export interface TopicSubmission {
  id: string;
  committeeId: string;
  /** The meeting it goes to (for a late one: the one after the meeting it missed). */
  meetingId: string;
  /** Submitted after this meeting's deadline; the secretariat may still take it there. */
  lateForMeetingId: string | null;
  submitter: { personId: string; name: string; organisation: string | null };
  title: string;
  purpose: SubmissionPurpose;
  description: string;
  presenter: string | null;
  links: string[];
  status: SubmissionStatus;
  /** Why it was declined. */
  reason: string | null;
  /** The secretariat's latest question to the submitter. */
  question: string | null;
  reviewerName: string | null;
  reviewedAt: Date | null;
  /** The agenda item it became. */
  agendaItemId: string | null;
  /** Raised by every change: a review or an edit names the version it saw. */
  version: number;
  createdAt: Date;
}

export type InputAudience = 'every_member' | 'one_per_organisation';
export type InputRequestStatus = 'draft' | 'open' | 'closed' | 'compiled';

/** Written input the secretariat asks members for (for a dialogue meeting, say). */
export interface InputRequest {
  id: string;
  committeeId: string;
  /** The meeting it is for, whose items the note can be attached to. */
  meetingId: string | null;
  title: string;
  context: string;
  /** One to five questions, in order. */
  questions: string[];
  deadline: Date;
  audience: InputAudience;
  /** The answers and the note are closed (lukket bilag). */
  confidential: boolean;
  /** Non-responders are reminded this many days before the deadline. */
  reminderDaysBefore: number;
  status: InputRequestStatus;
  compiledAt: Date | null;
  createdAt: Date;
}

/** A member's answers to a request, one per question. */
export interface InputResponse {
  personId: string;
  name: string;
  organisationId: string | null;
  organisation: string | null;
  answers: string[];
  updatedAt: Date;
}

export type ActionStatus = 'open' | 'done' | 'cancelled';

/** An action as its decision shows it. */
export interface DecisionAction {
  what: string;
  owner: ActionOwner;
  /** YYYY-MM-DD */
  dueOn: string | null;
  status: ActionStatus;
}

/** Who follows up an action: a person, an organisation, or the secretariat. */
export type ActionOwner =
  | { kind: 'person'; personId: string; name: string }
  | { kind: 'organisation'; organisationId: string; name: string }
  | { kind: 'secretariat' };

/** A follow-up agreed in a decision ("Sekretariatet undersøger … til næste møde"). */
export interface ActionItem {
  id: string;
  committeeId: string;
  what: string;
  owner: ActionOwner;
  /** The last day, YYYY-MM-DD in the committee's time zone; null when none was set. */
  dueOn: string | null;
  status: ActionStatus;
  doneAt: Date | null;
  /** Where it was agreed. */
  origin: { meetingId: string; meetingStartsAt: Date; itemId: string; itemNumber: string; itemTitle: string } | null;
}

export type MinutesStatus = 'draft' | 'published' | 'approved';

/** A meeting's minutes as last built (the document itself is stored with it). */
export interface Minutes {
  meetingId: string;
  status: MinutesStatus;
  version: number;
  /** The secret part of the download links. */
  token: string;
  /** When the token was issued: the links expire FILE_LINK_DAYS from then. */
  tokenIssuedAt: Date;
  builtAt: Date;
  publishedAt: Date | null;
  approvedAt: Date | null;
}

/** A correction to published minutes, listed in them with its date. */
export interface MinutesCorrection {
  id: string;
  note: string;
  itemId: string | null;
  correctedAt: Date;
  /** The version of the minutes that first carried it; null until they are issued again. */
  issuedIn: number | null;
}

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

/** "Passer", "Passer helst", "Passer ikke". */
export type DateAnswer = 'yes' | 'preferred' | 'no';

export interface DatePollCandidate {
  id: string;
  startsAt: Date;
  endsAt: Date;
  /** Current answers per kind. */
  tally: Record<DateAnswer, number>;
}

/** One meeting a poll finds a date for ("Første møde"), with its candidates. */
export interface DatePollGroup {
  id: string;
  /** 0: "Første møde", 1: "Andet møde" … */
  position: number;
  candidates: DatePollCandidate[];
  chosenCandidateId: string | null;
  /** The meeting the chosen date became. */
  meetingId: string | null;
  /** The meeting's Outlook event: null (not written), pending, creating, created, skipped or failed. */
  outlookState: string | null;
  outlookError: string | null;
}

export interface DatePoll {
  id: string;
  committeeId: string;
  title: string;
  place: string | null;
  /** Answers are taken until then (null: until it is closed). */
  deadline: Date | null;
  status: 'open' | 'closed';
  createdById: string | null;
  closedBy: { personId: string; name: string } | null;
  closedAt: Date | null;
  /** The poll's card in the channel, once posted. */
  cardActivityId: string | null;
  groups: DatePollGroup[];
  createdAt: Date;
}
