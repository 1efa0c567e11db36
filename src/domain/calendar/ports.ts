// What the calendar sync needs from the world: the committee's Outlook calendar as a
// source of changes (Microsoft Graph in src/calendar/), and storage for the calendar's
// state and the meetings it feeds (src/store/). Kept apart from ports.ts, which holds
// the rest of the store's ports.
import type { Meeting, MeetingStatus } from '../shared/types';
import type { CardRefresh, OutboundMessage } from '../delivery/types';

/** The stretch of time a delta round tracks; Graph fixes it for the life of the deltaLink. */
export interface CalendarWindow {
  start: Date;
  end: Date;
}

export type CalendarEventType = 'singleInstance' | 'occurrence' | 'exception' | 'seriesMaster';

/** One instance in the calendar view (a single event, or an occurrence or exception of a series). */
export interface CalendarEvent {
  /** Graph's immutable id (Prefer: IdType="ImmutableId"). */
  eventId: string;
  /** Unique per instance, also per occurrence of a series; the meeting's link to the calendar. */
  iCalUId: string | null;
  type: CalendarEventType;
  seriesMasterId: string | null;
  subject: string;
  categories: string[];
  startsAt: Date;
  endsAt: Date;
  place: string | null;
  room: string | null;
  onlineUrl: string | null;
  isCancelled: boolean;
}

/** What a delta round says about one instance: how it is now, or that it left the view. */
export type CalendarChange =
  | { kind: 'event'; event: CalendarEvent }
  | { kind: 'removed'; eventId: string; reason: string };

/** A complete delta round: every change, and the deltaLink to continue from next time. */
export interface CalendarRound {
  changes: CalendarChange[];
  deltaLink: string;
  /** Requests sent to Graph for it, throttled ones and retries included. */
  requests: number;
}

/** The committee's Outlook calendar, read as rounds of changes (calendarView/delta). */
export interface CalendarSource {
  /**
   * One complete round: the changes since `deltaLink`, or every instance in `window` when
   * there is none. Throws SyncStateLostError when Graph no longer knows the deltaLink, and
   * CalendarSourceError when Graph refuses or fails; nothing of a failed round is returned.
   * `timeZone`: the zone Graph is asked to give times in (the committee's).
   */
  readRound(mailbox: string, from: { deltaLink: string | null; window: CalendarWindow; timeZone: string }): Promise<CalendarRound>;
}

/** Graph refused or failed; `status` null when it did not answer at all. */
export class CalendarSourceError extends Error {
  constructor(
    message: string,
    readonly status: number | null,
    readonly code: string | null,
    /** Requests the failed round had sent. */
    readonly requests: number,
  ) {
    super(message);
    this.name = 'CalendarSourceError';
  }
}

/** Graph no longer knows the deltaLink (410 Gone, syncStateNotFound): the next round starts over. */
export class SyncStateLostError extends CalendarSourceError {
  constructor(message: string, status: number | null, code: string | null, requests: number) {
    super(message, status, code, requests);
    this.name = 'SyncStateLostError';
  }
}

/** A committee's calendar and how its sync stands. */
export interface CommitteeCalendar {
  committeeId: string;
  mailbox: string | null;
  match: string | null;
  deltaLink: string | null;
  windowStart: Date | null;
  syncedAt: Date | null;
  failedAt: Date | null;
  error: string | null;
}

/** A meeting as the sync compares it with the calendar. */
export interface SyncedMeeting extends Meeting {
  calendarEventId: string | null;
  iCalUId: string | null;
  sequence: number;
  /** Its agenda has been published (a restored meeting goes back to agenda_published). */
  agendaPublished: boolean;
  /** Its agenda's overview card is in the channel (refreshed when the meeting changes). */
  overviewPosted: boolean;
}

/** The fields a calendar event gives a meeting. */
export interface MeetingFromEvent {
  title: string | null;
  startsAt: Date;
  endsAt: Date;
  place: string | null;
  room: string | null;
  onlineUrl: string | null;
  calendarEventId: string;
  iCalUId: string | null;
}

/** Everything a completed round writes, in one transaction. */
export interface SyncWrite {
  committeeId: string;
  /** The lease the round ran under: the write is refused when another instance took over. */
  lease: Date;
  creates: MeetingFromEvent[];
  updates: Array<{ id: string; fields: Partial<MeetingFromEvent> & { status?: MeetingStatus }; bumpSequence: boolean }>;
  deltaLink: string;
  windowStart: Date;
  syncedAt: Date;
  messages: OutboundMessage[];
  cards: CardRefresh[];
}

/** A meeting as the committee's .ics feed shows it. */
export interface FeedMeeting extends Meeting {
  iCalUId: string | null;
  sequence: number;
  updatedAt: Date;
}

/** A meeting the secretariat enters in Dagsorden ("nyt møde"). */
export interface NewMeeting {
  committeeId: string;
  startsAt: Date;
  endsAt: Date;
  place: string | null;
  room: string | null;
  onlineUrl: string | null;
  submissionDeadline: Date | null;
}

export interface CalendarRepository {
  calendarOf(committeeId: string): Promise<CommitteeCalendar | null>;
  /** Every committee with a mailbox. */
  listWithMailbox(): Promise<CommitteeCalendar[]>;
  /**
   * Claims the calendars due (a mailbox, last round completed before `dueBefore` or never,
   * no other instance holding them) until `leaseUntil`; returns their committees' ids.
   * `committeeId`: only that committee, whether due or not.
   */
  claim(input: { now: Date; dueBefore: Date | null; leaseUntil: Date; committeeId?: string }): Promise<string[]>;
  /** The committee's meetings as the sync compares them (all of them: a committee has tens a year). */
  meetingsForSync(committeeId: string): Promise<SyncedMeeting[]>;
  /** Writes a completed round; false (nothing written) when the lease is no longer this round's. */
  applySync(write: SyncWrite): Promise<boolean>;
  /** Records a failed round (the lease is let go); the last successful round stays as it was. */
  recordFailure(committeeId: string, lease: Date, at: Date, error: string): Promise<void>;
  /** Sets the committee's mailbox and match; a change starts the calendar over. False if unchanged. */
  setCalendar(committeeId: string, mailbox: string | null, match: string | null): Promise<boolean>;
  /** The committee's feed token, created with `newToken` the first time. */
  feedToken(committeeId: string, newToken: () => string): Promise<string>;
  /** Replaces the committee's feed token: the old address then answers 404. */
  replaceFeedToken(committeeId: string, token: string): Promise<void>;
  /** The committee whose feed has this slug and token, or null. */
  committeeByFeed(slug: string, token: string): Promise<string | null>;
  /** The committee's meetings ending after `from`, earliest first, cancelled ones included. */
  feedMeetings(committeeId: string, from: Date): Promise<FeedMeeting[]>;
  /**
   * Creates the meeting, unless the committee has one (not cancelled) with the same start
   * and end already: then that one, `created` false. Checked and written under a lock on
   * the committee, so two clicks at once create one meeting.
   */
  createMeeting(input: NewMeeting): Promise<{ meeting: Meeting; created: boolean }>;
  /**
   * The serviceUrl the committee's channel is reached by: its own, else the one a member
   * of it was last reached by (a tenant's conversations share one), else null.
   */
  channelServiceUrl(committeeId: string): Promise<string | null>;
  /** Links a meeting to the Outlook event that now holds it. */
  linkEvent(meetingId: string, eventId: string, iCalUId: string): Promise<void>;
}
