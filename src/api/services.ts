import type { AgendaService } from '../domain/agenda.service';
import type { AttendanceService } from '../domain/attendance.service';
import type { MeetingPageService } from '../domain/meeting-page.service';

/** The domain services the tab's API calls: the bot's own, built once in the composition root. */
export interface TabServices {
  pages: MeetingPageService;
  agenda: AgendaService;
  attendance: AttendanceService;
}
