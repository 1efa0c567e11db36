// The committee's Outlook calendar as the domain writes to it: where the app has
// Calendars.ReadWrite on the committee's mailbox, a meeting the secretariat creates in
// Dagsorden (a date chosen in a poll, say) becomes an Outlook event there too. The
// calendar sync later recognises the event as that meeting by its iCalUId.
import type { Committee, Meeting } from '../shared/types';

/** The Outlook event that now holds a meeting. */
export interface CreatedEvent {
  /** Graph's (immutable) event id. */
  eventId: string;
  /** The event's iCalUId: the meeting's link to the calendar (unique per committee). */
  iCalUId: string;
}

export interface OutlookEventWriter {
  /**
   * Creates an event for the meeting in the committee's calendar mailbox. Null when the
   * committee has no calendar configured or the app may only read it; throws when Graph
   * refuses or fails.
   */
  createEvent(committee: Committee, meeting: Meeting): Promise<CreatedEvent | null>;
}

/** Where Microsoft Graph is not configured: no meeting is written to Outlook. */
export const NO_OUTLOOK: OutlookEventWriter = { createEvent: async () => null };
