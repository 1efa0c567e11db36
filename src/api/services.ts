import type { AgendaService } from '../domain/agenda/agenda.service';
import type { AttendanceService } from '../domain/attendance/attendance.service';
import type { LiveMeetingService } from '../domain/meetings/live-meeting.service';
import type { MeetingPageService } from '../domain/meetings/meeting-page.service';
import type { DecisionService } from '../domain/minutes/decision.service';
import type { MinutesService } from '../domain/minutes/minutes.service';
import type { SubmissionService } from '../domain/submissions/submission.service';

/** The domain services the tab's API calls: the bot's own, built once in the composition root. */
export interface TabServices {
  pages: MeetingPageService;
  agenda: AgendaService;
  attendance: AttendanceService;
  submissions: SubmissionService;
  decisions: DecisionService;
  minutes: MinutesService;
  /** A held meeting's item under discussion (the side panel). */
  live: LiveMeetingService;
}
