import type { AgendaService } from '../domain/agenda/agenda.service';
import type { AgendaWorkbench } from '../domain/agenda/agenda-workbench.service';
import type { AttendanceService } from '../domain/attendance/attendance.service';
import type { MeetingPageService } from '../domain/meetings/meeting-page.service';

/** The domain services the tab's API calls: the bot's own, built once in the composition root. */
export interface TabServices {
  pages: MeetingPageService;
  agenda: AgendaService;
  attendance: AttendanceService;
  /** The secretariat's agenda in the tab: its view and its order. */
  workbench: AgendaWorkbench;
}
