// Answers about a committee's meetings: above all, which one is next.
import type { Clock } from '../shared/clock';
import { isDeadlinePassed, pickNextMeeting, submissionDeadline } from './meeting-rules';
import type { Committee, Meeting } from '../shared/types';
import type { MeetingRepository } from './ports';

export interface NextMeeting {
  meeting: Meeting;
  /** Last moment to submit topics for this meeting. */
  deadline: Date;
  deadlinePassed: boolean;
}

export class MeetingService {
  constructor(
    private readonly meetings: MeetingRepository,
    private readonly clock: Clock,
  ) {}

  /** The committee's next meeting with its submission deadline, or null if none is planned. */
  async next(committee: Committee): Promise<NextMeeting | null> {
    const now = this.clock.now();
    const upcoming = await this.meetings.listUpcoming(committee.id, now, 5);
    const meeting = pickNextMeeting(upcoming, now);
    if (!meeting) return null;
    const deadline = submissionDeadline(meeting, committee.submissionDeadlineDays, committee.timeZone);
    return { meeting, deadline, deadlinePassed: isDeadlinePassed(deadline, now) };
  }

  /** A meeting by id, or null. */
  byId(id: string): Promise<Meeting | null> {
    return this.meetings.findById(id);
  }
}
