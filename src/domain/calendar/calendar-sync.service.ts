// Keeps each committee's meetings in step with its Outlook calendar: a round of
// calendarView/delta (from the stored deltaLink, or over a fresh window), planned by
// calendar-sync-plan.ts and written in one transaction with the deltaLink, the channel's
// notices of moved and cancelled meetings (outbox, once-only keys) and the refresh of
// their posted agenda overviews. A failed round writes nothing but the failure: the next
// one starts where the last complete round ended. Instances take turns through a lease
// on the committee's row, so a calendar is never synced twice at once.
import type { Clock } from '../shared/clock';
import {
  CalendarSourceError,
  SyncStateLostError,
  type CalendarRepository,
  type CalendarRound,
  type CalendarSource,
  type CommitteeCalendar,
} from './ports';
import { meetingChangeKey, planSync, syncWindow, windowNeedsRenewal, type MeetingChange } from './calendar-sync-plan';
import { channelIdOf } from '../delivery/conversation-ids';
import type { Committee } from '../shared/types';
import type { CommitteeRepository } from '../committees/ports';
import type { CardRefresh, MessageContent, OutboundMessage } from '../delivery/types';

/** What one round did, for the log and `npm run calendar:sync`. */
export interface SyncSummary {
  committeeId: string;
  committee: string;
  mailbox: string;
  /** Instances and removals Graph reported. */
  fetched: number;
  created: number;
  /** Changed, but not cancelled (moved, renamed, restored, linked). */
  updated: number;
  cancelled: number;
  /** Requests sent to Graph, throttled ones and retries included. */
  requests: number;
  /** The round read the whole window (first round, a new window, or Graph forgot the deltaLink). */
  full: boolean;
  /** Notices queued for the channel. */
  announced: number;
}

export type SyncOutcome =
  | { status: 'synced'; summary: SyncSummary }
  | { status: 'failed'; committeeId: string; committee: string; mailbox: string; error: string; requests: number }
  /** Another instance is syncing this calendar now. */
  | { status: 'busy'; committeeId: string; committee: string };

/** How the channel is told of a change (implemented by the bot: wording and card). */
export interface CalendarLetters {
  meetingChanged(committee: Committee, change: MeetingChange): MessageContent;
}

export interface CalendarSyncOptions {
  /** A committee's calendar is synced when its last round completed this long ago. */
  intervalMinutes: number;
  /** How long a round may hold the calendar before another instance may take it. */
  leaseMinutes: number;
}

/** Another instance took the calendar over while this round ran: nothing was written. */
class LeaseLostError extends Error {}

export class CalendarSyncService {
  constructor(
    private readonly calendars: CalendarRepository,
    private readonly committees: CommitteeRepository,
    /** Null when Microsoft Graph is not configured: meetings then come from the database only. */
    private readonly source: CalendarSource | null,
    private readonly letters: CalendarLetters,
    private readonly queued: () => void,
    private readonly clock: Clock,
    private readonly options: CalendarSyncOptions,
  ) {}

  /** True when Graph is configured, so calendars can be synced. */
  get configured(): boolean {
    return this.source !== null;
  }

  /** Syncs every calendar that is due, each under a lease (the scheduler's part). */
  async syncDue(): Promise<SyncOutcome[]> {
    if (!this.source || this.options.intervalMinutes <= 0) return [];
    const now = this.clock.now();
    const lease = this.leaseFrom(now);
    const dueBefore = new Date(now.getTime() - this.options.intervalMinutes * 60_000);
    const outcomes: SyncOutcome[] = [];
    for (const committeeId of await this.calendars.claim({ now, dueBefore, leaseUntil: lease })) {
      outcomes.push(await this.run(committeeId, lease));
    }
    return outcomes;
  }

  /** Syncs now, due or not: one committee's calendar, or every one with a mailbox. */
  async syncNow(committeeId?: string): Promise<SyncOutcome[]> {
    if (!this.source) return [];
    const ids = committeeId ? [committeeId] : (await this.calendars.listWithMailbox()).map((c) => c.committeeId);
    const outcomes: SyncOutcome[] = [];
    for (const id of ids) {
      const now = this.clock.now();
      const lease = this.leaseFrom(now);
      const [claimed] = await this.calendars.claim({ now, dueBefore: null, leaseUntil: lease, committeeId: id });
      if (claimed) {
        outcomes.push(await this.run(claimed, lease));
      } else {
        const committee = await this.committees.findById(id);
        outcomes.push({ status: 'busy', committeeId: id, committee: committee?.name ?? id });
      }
    }
    return outcomes;
  }

  private leaseFrom(now: Date): Date {
    return new Date(now.getTime() + this.options.leaseMinutes * 60_000);
  }

  private async run(committeeId: string, lease: Date): Promise<SyncOutcome> {
    const [committee, calendar] = await Promise.all([this.committees.findById(committeeId), this.calendars.calendarOf(committeeId)]);
    const name = committee?.name ?? committeeId;
    const mailbox = calendar?.mailbox ?? '';
    try {
      if (!committee || !calendar?.mailbox) throw new Error('the committee has no calendar mailbox');
      return { status: 'synced', summary: await this.round(committee, calendar, calendar.mailbox, lease) };
    } catch (err) {
      if (err instanceof LeaseLostError) return { status: 'busy', committeeId, committee: name };
      const error = describe(err);
      await this.calendars.recordFailure(committeeId, lease, this.clock.now(), error);
      const requests = err instanceof CalendarSourceError ? err.requests : 0;
      return { status: 'failed', committeeId, committee: name, mailbox, error, requests };
    }
  }

  private async round(committee: Committee, calendar: CommitteeCalendar, mailbox: string, lease: Date): Promise<SyncSummary> {
    const source = this.source!;
    const now = this.clock.now();
    const fresh = syncWindow(now, committee.timeZone);
    let deltaLink = windowNeedsRenewal(calendar.windowStart, now) ? null : calendar.deltaLink;
    let requests = 0;
    let round: CalendarRound;
    try {
      round = await source.readRound(mailbox, { deltaLink, window: fresh, timeZone: committee.timeZone });
    } catch (err) {
      if (!(err instanceof SyncStateLostError) || !deltaLink) throw err;
      // Graph no longer knows where the last round ended: read the whole window again.
      requests += err.requests;
      deltaLink = null;
      round = await source.readRound(mailbox, { deltaLink: null, window: fresh, timeZone: committee.timeZone });
    }
    requests += round.requests;
    const full = deltaLink === null;
    const plan = planSync({
      changes: round.changes,
      meetings: await this.calendars.meetingsForSync(committee.id),
      match: calendar.match,
      full,
      window: fresh,
      now,
    });
    // The first round of a new calendar is how Dagsorden learns the meetings: nothing in it is news.
    const news = calendar.syncedAt !== null ? plan.updates.filter((u) => u.change) : [];
    const serviceUrl = news.length && committee.conversationId ? await this.calendars.channelServiceUrl(committee.id) : null;
    const messages = news.flatMap((u) => this.notice(committee, serviceUrl, { kind: u.change!, before: u.before, after: u.after }));
    // A posted overview shows the meeting's time, place and status: it is updated in place.
    const cards: CardRefresh[] = plan.updates
      .filter((u) => u.bumpSequence && u.before.overviewPosted)
      .map((u) => ({ kind: 'agenda-overview', subjectId: u.before.id, committeeId: committee.id }));
    const written = await this.calendars.applySync({
      committeeId: committee.id,
      lease,
      creates: plan.creates,
      updates: plan.updates.map((u) => ({ id: u.before.id, fields: u.fields, bumpSequence: u.bumpSequence })),
      deltaLink: round.deltaLink,
      windowStart: full || !calendar.windowStart ? fresh.start : calendar.windowStart,
      syncedAt: this.clock.now(),
      messages,
      cards,
    });
    if (!written) throw new LeaseLostError(committee.slug);
    if (messages.length || cards.length) this.queued();
    return {
      committeeId: committee.id,
      committee: committee.name,
      mailbox,
      fetched: plan.fetched,
      created: plan.creates.length,
      updated: plan.updates.length - plan.cancelled,
      cancelled: plan.cancelled,
      requests,
      full,
      announced: messages.length,
    };
  }

  /** The channel's notice of a change, when the committee has a channel to post in. */
  private notice(committee: Committee, serviceUrl: string | null, change: MeetingChange): OutboundMessage[] {
    if (!committee.conversationId || !serviceUrl) return [];
    return [
      {
        key: meetingChangeKey(change),
        kind: 'meeting-change',
        committeeId: committee.id,
        subjectId: change.after.id,
        to: { conversationId: channelIdOf(committee.conversationId), serviceUrl, tenantId: committee.tenantId },
        content: this.letters.meetingChanged(committee, change),
      },
    ];
  }
}

/** A failure as the secretariat may read it (stored with the committee): never a token, at most 500 characters. */
function describe(err: unknown): string {
  const text =
    err instanceof CalendarSourceError
      ? `Graph ${err.status ?? '–'}${err.code ? ` ${err.code}` : ''}: ${err.message}`
      : err instanceof Error
        ? err.message
        : String(err);
  return text.slice(0, 500);
}
