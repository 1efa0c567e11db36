// What date polls need from storage: polls, answers, the picks becoming meetings.
import type { CreatedEvent } from '../calendar/outlook-events';
import type { CardRefresh, OutboundMessage } from '../delivery/types';
import type { AuditEntry } from '../shared/ports';
import type { Meeting } from '../shared/types';
import type { DateAnswer, DatePoll, DatePollDraft } from './types';

/** What a change of a poll sends, built once its new state is known (queued in its transaction). */
export type PollSends = { cards: CardRefresh[]; messages: OutboundMessage[] };

export interface DatePollRepository {
  /** Creates the poll, open, sent `at`, with `audit` and what `sends` builds (its card in the channel), in one transaction. */
  create(committeeId: string, createdById: string, draft: DatePollDraft, at: Date, audit: AuditEntry, sends: (poll: DatePoll) => PollSends): Promise<DatePoll>;
  /** The poll with its groups, candidates and tallies. */
  find(id: string): Promise<DatePoll | null>;
  /** The committee's polls, newest first. */
  list(committeeId: string): Promise<DatePoll[]>;
  /** Every committee's open polls, for the scheduler. */
  listOpen(): Promise<DatePoll[]>;
  /** The person's answers on the poll: candidate id → answer. */
  answersOf(pollId: string, personId: string): Promise<Map<string, DateAnswer>>;
  /** Who has answered at least one of the poll's candidates. */
  respondents(pollId: string): Promise<Set<string>>;
  /**
   * Sets the person's answers on the poll's candidates if the poll is open and its
   * deadline (if any) after `at`; null when it is not. Only answers that differ are
   * written, with one `audit` record, and the card is asked to show the new tallies.
   */
  saveAnswers(
    pollId: string,
    personId: string,
    answers: Array<{ candidateId: string; answer: DateAnswer }>,
    at: Date,
    audit: AuditEntry,
    card: CardRefresh,
  ): Promise<{ changed: number } | null>;
  /**
   * Closes the poll if it is open, with one pick per group: each chosen candidate becomes
   * a planned meeting at the poll's place; with the audit record and what `sends` builds,
   * in one transaction. Null when the poll was not open (someone closed it first).
   * `outlook`: the meetings' Outlook events are to be written (their state "pending").
   */
  close(
    input: { pollId: string; closedById: string; picks: Array<{ groupId: string; candidateId: string }>; outlook: boolean },
    audit: AuditEntry,
    sends: (poll: DatePoll, meetings: Meeting[]) => PollSends,
  ): Promise<{ poll: DatePoll; meetings: Meeting[] } | null>;
  /** Claims, for `leaseSeconds`, one meeting whose Outlook event is to be written (pending, or claimed by a writer that stopped). */
  claimOutlook(leaseSeconds: number): Promise<{ groupId: string; pollId: string; meetingId: string } | null>;
  /** The event was written (its ids kept on the meeting), or there was none to write (null: no calendar). */
  outlookWritten(groupId: string, meetingId: string, event: CreatedEvent | null): Promise<void>;
  /** The event could not be written: why, with the messages that say so. */
  outlookFailed(groupId: string, error: string, messages: OutboundMessage[]): Promise<void>;
}
