import type { Committee, Meeting } from '../shared/types';
import type { MeetingRepository } from './ports';
import type { CommitteeRepository } from '../committees/ports';

/** Every committee's meetings starting in [from, to) that are not cancelled, each with its committee. */
export async function comingMeetings(
  meetings: MeetingRepository,
  committees: CommitteeRepository,
  from: Date,
  to: Date,
): Promise<Array<{ committee: Committee; meeting: Meeting }>> {
  const out: Array<{ committee: Committee; meeting: Meeting }> = [];
  for (const meeting of await meetings.listAllStartingBetween(from, to)) {
    if (meeting.status === 'cancelled') continue;
    const committee = await committees.findById(meeting.committeeId);
    if (committee) out.push({ committee, meeting });
  }
  return out;
}
