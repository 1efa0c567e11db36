import type { AgendaPublisher } from '../domain/agenda/agenda-publisher';
import type { Logger } from 'pino';
import type { Clock } from '../domain/shared/clock';
import type { AgendaService } from '../domain/agenda/agenda.service';
import type { CommitteeService } from '../domain/committees/committee.service';
import type { DeliveryService } from '../domain/delivery/delivery.service';
import type { DigestService } from '../domain/digests/digest.service';
import type { DocumentImportService } from '../domain/import/document-import.service';
import type { LanguageService } from '../domain/language/language.service';
import type { MeetingService } from '../domain/meetings/meeting.service';
import type { SubmissionService } from '../domain/submissions/submission.service';
import type { InputService } from '../domain/input/input.service';
import type { ActionItemService } from '../domain/minutes/action-item.service';
import type { DecisionService } from '../domain/minutes/decision.service';
import type { MinutesService } from '../domain/minutes/minutes.service';
import type { CalendarService } from '../domain/calendar/calendar.service';
import type { CalendarSyncService } from '../domain/calendar/calendar-sync.service';
import type { OutlookEventWriter } from '../domain/calendar/outlook-events';
import type { AttendanceService } from '../domain/attendance/attendance.service';
import type { DatePollService } from '../domain/date-polls/date-poll.service';
import type { DocumentReader } from '../documents/document-reader';
import type { DownloadPolicy } from './document-upload';
import type { IntentModel } from '../language/intent-model';

/** The domain services the bot calls, built once in the composition root. */
export interface BotServices {
  committees: CommitteeService;
  meetings: MeetingService;
  language: LanguageService;
  imports: DocumentImportService;
  agenda: AgendaService;
  /** Publishes an agenda to the channel: the one publish of the bot and the tab. */
  publisher: AgendaPublisher;
  deliveries: DeliveryService;
  digests: DigestService;
  submissions: SubmissionService;
  inputs: InputService;
  decisions: DecisionService;
  minutes: MinutesService;
  actions: ActionItemService;
  /** The committee's calendar: where its dates come from, the .ics feed, "nyt møde". */
  calendar: CalendarService;
  calendarSync: CalendarSyncService;
  /** Writes meetings into the committee's Outlook calendar (null answers where it may not). */
  outlookEvents: OutlookEventWriter;
  attendance: AttendanceService;
  datePolls: DatePollService;
  /** Reads imported documents in a worker thread, with memory and time limits. */
  documents: DocumentReader;
  /** Where uploaded files may be fetched from. */
  downloads: DownloadPolicy;
  /** Understands members' own words; loading at start, awaited at the first question that needs it. */
  words: Promise<IntentModel>;
  /** Where members' browsers reach this bot (download links). */
  publicUrl: string;
  /** The Teams app's id (TEAMS_APP_ID): item cards link to the item in the channel tab; unset, they do not. */
  teamsAppId?: string | null;
  clock: Clock;
  log: Logger;
}
