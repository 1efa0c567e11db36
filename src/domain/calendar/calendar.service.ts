// The committee's calendar as its people meet it: where the meeting dates come from and
// how fresh they are ("næste møde" says so when Outlook has not been read for a day),
// the .ics feed members subscribe to, and meetings the secretariat enters in Dagsorden
// ("nyt møde") — written to Outlook too where the app may (CALENDAR_WRITE).
import type { Clock } from '../shared/clock';
import type { CommitteeService } from '../committees/committee.service';
import type { CalendarRepository, FeedMeeting } from './ports';
import { DomainError } from '../shared/errors';
import { submissionDeadline } from '../meetings/meeting-rules';
import type { OutlookEventWriter } from './outlook-events';
import type { Actor, Committee, Meeting } from '../shared/types';
import type { AuditLog } from '../shared/ports';

const DAY_MS = 86_400_000;
/** "næste møde" mentions when the dates were last read from Outlook once that is longer ago than this. */
export const STALE_AFTER_MS = DAY_MS;
/** The feed keeps meetings this long after they ended, so one just held does not vanish from subscribers' calendars. */
export const FEED_DAYS_BACK = 30;
export const MEETING_LIMITS = { place: 200, room: 100, onlineUrl: 2000 } as const;

export interface CalendarStatus {
  /** Where the dates come from now: the committee's Outlook calendar, or Dagsorden alone. */
  source: 'outlook' | 'dagsorden';
  mailbox: string | null;
  syncedAt: Date | null;
  failedAt: Date | null;
  /** The committee has an Outlook calendar and its last good read is over a day old (or none succeeded yet). */
  stale: boolean;
  /** Meetings entered in Dagsorden are written to Outlook too. */
  writes: boolean;
}

/** A meeting as the secretariat writes it on the form. */
export interface MeetingDraft {
  startsAt: Date | null;
  endsAt: Date | null;
  place: string | null;
  room: string | null;
  onlineUrl: string | null;
  submissionDeadline: Date | null;
}

/** Something wrong with the form, naming the limit or the meeting in the way. */
export interface MeetingProblem {
  field: 'date' | 'end' | 'place' | 'room' | 'onlineUrl' | 'deadline';
  problem: 'empty' | 'past' | 'before_start' | 'too_long' | 'not_a_link' | 'after_meeting' | 'overlap';
  limit?: number;
  /** The committee's meeting at that time (overlap). */
  other?: Meeting;
}

export type MeetingCreated =
  | { kind: 'created'; meeting: Meeting; committee: Committee; outlook: 'written' | 'not_written' | 'failed' }
  /** The same meeting was already there (a second click): nothing new. */
  | { kind: 'exists'; meeting: Meeting; committee: Committee };

/** One meeting of the feed, as the .ics writer needs it. */
export interface FeedEvent {
  uid: string;
  sequence: number;
  /** When it last changed (DTSTAMP). */
  stamp: Date;
  title: string | null;
  startsAt: Date;
  endsAt: Date;
  location: string | null;
  onlineUrl: string | null;
  cancelled: boolean;
  /** Topics may be submitted until then. */
  deadline: Date;
}

export interface CalendarFeed {
  committee: string;
  timeZone: string;
  locale: string;
  events: FeedEvent[];
}

/** Writes a feed as an iCalendar file (src/documents/ics-writer.ts). */
export type CalendarFeedWriter = (feed: CalendarFeed) => string;

/** Every problem with the draft: empty or past date, end before start, over a limit, not a link, a clash with `others`. */
export function checkMeeting(draft: MeetingDraft, others: readonly Meeting[], now: Date): MeetingProblem[] {
  const problems: MeetingProblem[] = [];
  const { startsAt, endsAt } = draft;
  if (!startsAt) problems.push({ field: 'date', problem: 'empty' });
  else if (startsAt.getTime() <= now.getTime()) problems.push({ field: 'date', problem: 'past' });
  if (startsAt && endsAt && endsAt.getTime() <= startsAt.getTime()) problems.push({ field: 'end', problem: 'before_start' });
  if ((draft.place ?? '').length > MEETING_LIMITS.place) problems.push({ field: 'place', problem: 'too_long', limit: MEETING_LIMITS.place });
  if ((draft.room ?? '').length > MEETING_LIMITS.room) problems.push({ field: 'room', problem: 'too_long', limit: MEETING_LIMITS.room });
  if (draft.onlineUrl && (draft.onlineUrl.length > MEETING_LIMITS.onlineUrl || !/^https:\/\/[^\s]+$/i.test(draft.onlineUrl))) {
    problems.push({ field: 'onlineUrl', problem: 'not_a_link' });
  }
  const deadline = draft.submissionDeadline;
  if (deadline && startsAt && deadline.getTime() >= startsAt.getTime()) problems.push({ field: 'deadline', problem: 'after_meeting' });
  else if (deadline && deadline.getTime() <= now.getTime()) problems.push({ field: 'deadline', problem: 'past' });
  if (startsAt && endsAt && endsAt > startsAt) {
    // The very same meeting is no clash: it is there already (a second click), and creating it again creates nothing.
    const same = (m: Meeting) => m.startsAt.getTime() === startsAt.getTime() && m.endsAt.getTime() === endsAt.getTime();
    const other = others.find((m) => m.status !== 'cancelled' && !same(m) && m.startsAt < endsAt && m.endsAt > startsAt);
    if (other) problems.push({ field: 'date', problem: 'overlap', other });
  }
  return problems;
}

export class CalendarService {
  constructor(
    private readonly committees: CommitteeService,
    private readonly calendars: CalendarRepository,
    private readonly writer: OutlookEventWriter,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
    private readonly feedWriter: CalendarFeedWriter,
    private readonly newToken: () => string,
    private readonly options: { graphConfigured: boolean; writeEnabled: boolean },
  ) {}

  /** Where the committee's dates come from, and whether they are stale. */
  async status(committee: Committee): Promise<CalendarStatus> {
    const calendar = await this.calendars.calendarOf(committee.id);
    const mailbox = calendar?.mailbox ?? null;
    const syncedAt = calendar?.syncedAt ?? null;
    const failedAt = calendar?.failedAt ?? null;
    const now = this.clock.now().getTime();
    const stale = Boolean(mailbox) && (syncedAt ? now - syncedAt.getTime() > STALE_AFTER_MS : failedAt !== null);
    const outlook = Boolean(mailbox) && this.options.graphConfigured;
    return { source: outlook ? 'outlook' : 'dagsorden', mailbox, syncedAt, failedAt, stale, writes: outlook && this.options.writeEnabled };
  }

  /** The secret part of the committee's feed address, for a member; with where the dates come from. */
  async feedLink(committee: Committee, actor: Actor): Promise<{ token: string; status: CalendarStatus }> {
    await this.committees.requireMember(committee, actor);
    const token = await this.calendars.feedToken(committee.id, this.newToken);
    return { token, status: await this.status(committee) };
  }

  /**
   * "ny kalenderadresse": a new feed address for the committee, the old one answering 404
   * from now (secretariat). The address is meant to be long-lived, so it does not expire;
   * this is how one that got out is withdrawn.
   */
  async replaceFeedLink(committee: Committee, actor: Actor, correlationId?: string): Promise<{ token: string; status: CalendarStatus }> {
    await this.committees.requireRole(committee, actor, ['secretariat']);
    const token = this.newToken();
    await this.calendars.replaceFeedToken(committee.id, token);
    await this.audit.record({ committeeId: committee.id, actor, action: 'calendar.feed_replaced', subjectType: 'committee', subjectId: committee.id, data: {}, correlationId });
    return { token, status: await this.status(committee) };
  }

  /** The .ics file behind a feed address (the token is its secret), or null: the committee's meetings from 30 days back. */
  async feed(slug: string, token: string): Promise<{ fileName: string; body: string } | null> {
    const committeeId = await this.calendars.committeeByFeed(slug, token);
    const committee = committeeId ? await this.committees.byId(committeeId) : null;
    if (!committee) return null;
    const from = new Date(this.clock.now().getTime() - FEED_DAYS_BACK * DAY_MS);
    const meetings = await this.calendars.feedMeetings(committee.id, from);
    const body = this.feedWriter({
      committee: committee.name,
      timeZone: committee.timeZone,
      locale: committee.locale,
      events: meetings.map((m) => feedEvent(committee, m)),
    });
    return { fileName: `${committee.slug}.ics`, body };
  }

  /** What the "nyt møde" form needs (secretariat): the committee and where its dates come from. */
  async formView(committee: Committee, actor: Actor): Promise<{ committee: Committee; status: CalendarStatus }> {
    await this.committees.requireRole(committee, actor, ['secretariat']);
    return { committee, status: await this.status(committee) };
  }

  /** The problems with a draft for the committee, clashes with its coming meetings included. */
  async problems(committee: Committee, draft: MeetingDraft): Promise<MeetingProblem[]> {
    const now = this.clock.now();
    return checkMeeting(draft, await this.calendars.feedMeetings(committee.id, now), now);
  }

  /**
   * Enters a meeting (secretariat). The same meeting twice (a second click) is created once;
   * one that clashes with another of the committee's meetings is refused. Where the app may
   * write to the committee's Outlook calendar, the meeting goes there too; if Outlook
   * refuses, the meeting stays in Dagsorden and the answer says so.
   */
  async createMeeting(actor: Actor, committeeId: string, draft: MeetingDraft, correlationId?: string): Promise<MeetingCreated> {
    const { committee } = await this.committees.getForRole(committeeId, actor, ['secretariat']);
    const clean: MeetingDraft = {
      ...draft,
      place: draft.place?.replace(/\s+/g, ' ').trim() || null,
      room: draft.room?.replace(/\s+/g, ' ').trim() || null,
      onlineUrl: draft.onlineUrl?.trim() || null,
    };
    const now = this.clock.now();
    const coming = await this.calendars.feedMeetings(committee.id, now);
    const same = coming.find((m) => m.status !== 'cancelled' && m.startsAt.getTime() === clean.startsAt?.getTime() && m.endsAt.getTime() === clean.endsAt?.getTime());
    if (same) return { kind: 'exists', meeting: same, committee };
    if (checkMeeting(clean, coming, now).length || !clean.startsAt || !clean.endsAt) throw new DomainError('invalid_input', 'meeting draft');
    const { meeting, created } = await this.calendars.createMeeting({
      committeeId: committee.id,
      startsAt: clean.startsAt,
      endsAt: clean.endsAt,
      place: clean.place,
      room: clean.room,
      onlineUrl: clean.onlineUrl,
      submissionDeadline: clean.submissionDeadline,
    });
    if (!created) return { kind: 'exists', meeting, committee };
    let outlook: 'written' | 'not_written' | 'failed' = 'not_written';
    let failure: string | null = null;
    try {
      const event = await this.writer.createEvent(committee, meeting);
      if (event) {
        await this.calendars.linkEvent(meeting.id, event.eventId, event.iCalUId);
        outlook = 'written';
      }
    } catch (err) {
      outlook = 'failed';
      failure = (err instanceof Error ? err.message : String(err)).slice(0, 300);
    }
    await this.audit.record({
      committeeId: committee.id,
      actor,
      action: 'meeting.created',
      subjectType: 'meeting',
      subjectId: meeting.id,
      data: { startsAt: meeting.startsAt.toISOString(), outlook, ...(failure ? { failure } : {}) },
      correlationId,
    });
    return { kind: 'created', meeting, committee, outlook };
  }
}

function feedEvent(committee: Committee, m: FeedMeeting): FeedEvent {
  return {
    uid: m.iCalUId ?? `${m.id}@dagsorden`,
    sequence: m.sequence,
    stamp: m.updatedAt,
    title: m.title,
    startsAt: m.startsAt,
    endsAt: m.endsAt,
    location: [m.place, m.room].filter(Boolean).join(', ') || null,
    onlineUrl: m.onlineUrl,
    cancelled: m.status === 'cancelled',
    deadline: submissionDeadline(m, committee.submissionDeadlineDays, committee.timeZone),
  };
}
