// What meetings need from storage.
import type { Meeting } from '../shared/types';
import type { AuditEntry } from '../shared/ports';

export interface MeetingRepository {
  /** Meetings that end after `after`, earliest first, cancelled ones included. */
  listUpcoming(committeeId: string, after: Date, limit: number): Promise<Meeting[]>;
  findById(id: string): Promise<Meeting | null>;
  /** The committee's meetings starting in [from, to), earliest first. */
  listStartingBetween(committeeId: string, from: Date, to: Date): Promise<Meeting[]>;
  /** Every committee's meetings starting in [from, to), earliest first. */
  listAllStartingBetween(from: Date, to: Date): Promise<Meeting[]>;
  create(input: Omit<Meeting, 'id' | 'status' | 'submissionDeadline' | 'title'>): Promise<Meeting>;
}

/** A held meeting's item under discussion (see live-meeting.service.ts). */
export interface LiveMeetingRow {
  currentItemId: string | null;
  version: number;
  changedAt: Date;
}

export interface LiveMeetingRepository {
  /** Read fresh every time (never from the read cache): panels follow it within seconds. */
  liveState(meetingId: string): Promise<LiveMeetingRow | null>;
  /** Sets the item if the version is still `fromVersion` (0: never set), with the audit entry; null when it was not. */
  setCurrentItem(input: {
    meetingId: string;
    itemId: string | null;
    fromVersion: number;
    at: Date;
    byPersonId: string;
    audit: AuditEntry;
  }): Promise<LiveMeetingRow | null>;
}
