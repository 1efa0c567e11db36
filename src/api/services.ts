import type { AgendaService } from '../domain/agenda/agenda.service';
import type { AttendanceService } from '../domain/attendance/attendance.service';
import type { LiveMeetingService } from '../domain/meetings/live-meeting.service';
import type { MeetingPageService } from '../domain/meetings/meeting-page.service';

/** The domain services the tab's API calls: the bot's own, built once in the composition root. */
export interface TabServices {
  pages: MeetingPageService;
  agenda: AgendaService;
  attendance: AttendanceService;
  /** A held meeting's item under discussion (the side panel). */
  live: LiveMeetingService;
}
