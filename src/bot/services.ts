import type { Logger } from 'pino';
import type { Clock } from '../domain/clock';
import type { AgendaService } from '../domain/agenda.service';
import type { CommitteeService } from '../domain/committee.service';
import type { DeliveryService } from '../domain/delivery.service';
import type { DigestService } from '../domain/digest.service';
import type { DocumentImportService } from '../domain/document-import.service';
import type { LanguageService } from '../domain/language.service';
import type { MeetingService } from '../domain/meeting.service';
import type { SubmissionService } from '../domain/submission.service';
import type { InputService } from '../domain/input.service';
import type { AttendanceService } from '../domain/attendance.service';
import type { DatePollService } from '../domain/date-poll.service';

/** The domain services the bot calls, built once in the composition root. */
export interface BotServices {
  committees: CommitteeService;
  meetings: MeetingService;
  language: LanguageService;
  imports: DocumentImportService;
  agenda: AgendaService;
  deliveries: DeliveryService;
  digests: DigestService;
  submissions: SubmissionService;
  inputs: InputService;
  attendance: AttendanceService;
  datePolls: DatePollService;
  /** Where members' browsers reach this bot (download links). */
  publicUrl: string;
  clock: Clock;
  log: Logger;
}
