// What meetings need from storage.
import type { Meeting } from '../shared/types';

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
