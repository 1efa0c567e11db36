import type { AgendaService } from '../domain/agenda/agenda.service';
import type { AgendaWorkbench } from '../domain/agenda/agenda-workbench.service';
import type { AgendaPublisher } from '../domain/agenda/agenda-publisher';
import type { AttendanceService } from '../domain/attendance/attendance.service';
import type { CalendarService } from '../domain/calendar/calendar.service';
import type { CommitteeService } from '../domain/committees/committee.service';
import type { DatePollService } from '../domain/date-polls/date-poll.service';
import type { InputService } from '../domain/input/input.service';
import type { LiveMeetingService } from '../domain/meetings/live-meeting.service';
import type { MeetingPageService } from '../domain/meetings/meeting-page.service';
import type { ActionItemService } from '../domain/minutes/action-item.service';
import type { DecisionService } from '../domain/minutes/decision.service';
import type { MinutesService } from '../domain/minutes/minutes.service';
import type { SubmissionService } from '../domain/submissions/submission.service';
import type { DocumentImportService } from '../domain/import/document-import.service';
import type { DocumentReader } from '../documents/document-reader';

/** The domain services the tab's API calls: the bot's own, built once in the composition root. */
export interface TabServices {
  pages: MeetingPageService;
  agenda: AgendaService;
  attendance: AttendanceService;
  committees: CommitteeService;
  inputs: InputService;
  submissions: SubmissionService;
  datePolls: DatePollService;
  actions: ActionItemService;
  calendar: CalendarService;
  decisions: DecisionService;
  minutes: MinutesService;
  /** The secretariat's agenda in the tab: its view and its order. */
  workbench: AgendaWorkbench;
  /** A document's import: the bot's preview, save and cancel. */
  imports: DocumentImportService;
  /** The bot's document reader (in its worker, with its limits). */
  documents: Pick<DocumentReader, 'read'>;
  /** The one publish of the bot and the tab: the channel's cards and the letters beside them. */
  publisher: AgendaPublisher;
  /** A held meeting's item under discussion (the side panel). */
  live: LiveMeetingService;
  /** The bot's public address: the compiled notes' download links are on it. */
  publicUrl: string;
}
