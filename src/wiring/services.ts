// Wiring, part 2: the domain services over the store, and what they need from outside
// (Microsoft Graph where it is configured, the documents' reader, the language model).
// The bot and the tab's API get the same services.
import { randomBytes } from 'node:crypto';
import type { Logger } from 'pino';
import { graphSettings, type Config } from '../config';
import type { TabServices } from '../api/services';
import type { BotServices } from '../bot/services';
import { actionLetters } from '../bot/letters/action-letters';
import { attendanceLetters } from '../bot/letters/attendance-letters';
import { calendarLetters } from '../bot/letters/calendar-letters';
import { datePollLetters } from '../bot/letters/date-poll-letters';
import { inputLetters } from '../bot/letters/input-letters';
import { minutesLetters } from '../bot/letters/minutes-letters';
import { publishLetters } from '../bot/letters/publish-letters';
import { submissionLetters } from '../bot/letters/submission-letters';
import type { GraphClientOptions } from '../calendar/graph-client';
import { openGraph, type OpenGraph } from '../calendar/open-graph';
import { DocumentReader } from '../documents/document-reader';
import { writeIcs } from '../documents/ics-writer';
import { noteWriter } from '../documents/input-note';
import { minutesDocx } from '../documents/minutes-docx';
import { minutesMarkdown } from '../documents/minutes-markdown';
import { ActionItemService } from '../domain/minutes/action-item.service';
import { AgendaService } from '../domain/agenda/agenda.service';
import { AgendaWorkbench } from '../domain/agenda/agenda-workbench.service';
import { AgendaPublisher } from '../domain/agenda/agenda-publisher';
import { AttendanceService } from '../domain/attendance/attendance.service';
import { CalendarService } from '../domain/calendar/calendar.service';
import { CalendarSyncService } from '../domain/calendar/calendar-sync.service';
import type { Clock } from '../domain/shared/clock';
import { CommitteeService } from '../domain/committees/committee.service';
import { DatePollService } from '../domain/date-polls/date-poll.service';
import { DecisionService } from '../domain/minutes/decision.service';
import { DeliveryService } from '../domain/delivery/delivery.service';
import { DigestService } from '../domain/digests/digest.service';
import { DocumentImportService } from '../domain/import/document-import.service';
import { InputService } from '../domain/input/input.service';
import { LanguageService } from '../domain/language/language.service';
import { LiveMeetingService } from '../domain/meetings/live-meeting.service';
import { MeetingPageService } from '../domain/meetings/meeting-page.service';
import { MeetingService } from '../domain/meetings/meeting.service';
import { MinutesService } from '../domain/minutes/minutes.service';
import { NO_OUTLOOK, type OutlookEventWriter } from '../domain/calendar/outlook-events';
import { SubmissionService } from '../domain/submissions/submission.service';
import { formatShortDate } from '../i18n/format';
import { loadIntentModel } from '../language/model-store';
import type { Store } from '../store';

export interface ServiceWiring {
  config: Config;
  log: Logger;
  clock: Clock;
  store: Store;
  /** Microsoft Graph's credential and waits, replaced in tests (a local Graph over http). */
  graph?: GraphClientOptions;
  /** Writes meetings chosen in date polls into Outlook instead of Graph's writer (tests bring a fake). */
  outlookWriter?: OutlookEventWriter | null;
}

export interface WiredServices {
  /** What the bot's handlers and jobs call. */
  services: BotServices;
  /** What the tab's API calls: the same services, and the meeting page built from them. */
  tab: TabServices;
  /** Microsoft Graph, when configured: the calendars' source and the channels' files. */
  graph: OpenGraph | null;
  /** Starts loading the language model (`services.words`); until called, or the model asked for, it is not loaded. */
  startLanguage: () => void;
}

export async function wireServices({
  config,
  log,
  clock,
  store,
  graph: graphOptions,
  outlookWriter,
}: ServiceWiring): Promise<WiredServices> {
  const publicUrl = config.PUBLIC_URL ?? `http://localhost:${config.PORT}`;
  // The committees' Outlook calendars, when Graph is configured; otherwise meetings come from the database.
  const settings = graphSettings(config);
  const graph = settings
    ? await openGraph(settings, graphOptions, store.calendars, log.child({ part: 'calendar' }))
    : null;
  const outlookEvents = graph?.writer ?? NO_OUTLOOK;

  // Loaded once the server listens (startLanguage, called by startApp), not before: the
  // start-up need not wait for it. It is read in steps with the event loop free between
  // them (IntentModel.fromJSON); a free-text question asked before it is in waits for it.
  let startLanguage!: () => void;
  const words = new Promise<void>((resolve) => (startLanguage = resolve))
    .then(() => loadIntentModel())
    .then((loaded) => {
      log.info({ source: loaded.source, ms: Math.round(loaded.ms) }, 'language model ready');
      return loaded.model;
    });
  words.catch((err: unknown) => log.error({ err }, 'language model failed to load'));

  const committees = new CommitteeService(store.committees, store.memberships, store.audit);
  const meetings = new MeetingService(store.meetings, clock);
  const deliveries = new DeliveryService(store.outbox, store.people);
  const attendance = new AttendanceService({
    committees,
    meetings: store.meetings,
    memberships: store.memberships,
    attendance: store.attendance,
    agenda: store.agenda,
    clock,
    letters: attendanceLetters,
  });
  const agenda = new AgendaService({
    committees,
    meetings: store.meetings,
    memberships: store.memberships,
    agenda: store.agenda,
    audit: store.audit,
    clock,
    notes: store.inputs,
    standIns: { attendance: store.attendance, people: store.people },
  });
  const decisions: DecisionService = new DecisionService({
    committees,
    agenda: store.agenda,
    decisions: store.decisions,
    minutes: store.minutes,
    memberships: store.memberships,
    organisations: store.inputs,
    meetings: store.meetings,
    // Built next: called only once both exist.
    minutesIssue: { reissue: (meetingId: string): Promise<boolean> => minutes.reissue(meetingId) },
    clock,
  });
  const minutes: MinutesService = new MinutesService({
    committees,
    minutes: store.minutes,
    agenda: store.agenda,
    meetings: store.meetings,
    attendance,
    writer: { markdown: minutesMarkdown, docx: minutesDocx },
    letters: minutesLetters(publicUrl),
    recordingMeeting: (committee) => decisions.recordingMeeting(committee),
    formatDay: (date, timeZone) => formatShortDate(date, 'da', timeZone),
    clock,
    linkDays: config.FILE_LINK_DAYS,
  });
  const digests = new DigestService({
    committees: store.committees,
    meetings: store.meetings,
    memberships: store.memberships,
    agenda: store.agenda,
    people: store.people,
    audit: store.audit,
    clock,
    inputs: store.inputs,
    submissions: store.submissions,
    actions: store.actions,
    attendance,
  });
  const submissions = new SubmissionService({
    committees,
    meetings: store.meetings,
    memberships: store.memberships,
    submissions: store.submissions,
    audit: store.audit,
    clock,
    letters: submissionLetters,
  });
  const inputs = new InputService({
    committees,
    meetings: store.meetings,
    memberships: store.memberships,
    requests: store.inputs,
    agenda: store.agenda,
    audit: store.audit,
    clock,
    letters: inputLetters(publicUrl),
    writer: noteWriter,
    linkDays: config.FILE_LINK_DAYS,
  });
  const actions = new ActionItemService({
    committees,
    committeeRepo: store.committees,
    actions: store.actions,
    letters: actionLetters,
    clock,
  });
  const calendar = new CalendarService({
    committees,
    calendars: store.calendars,
    writer: outlookEvents,
    audit: store.audit,
    clock,
    feedWriter: writeIcs,
    newToken: () => randomBytes(24).toString('base64url'),
    options: { graphConfigured: Boolean(settings), writeEnabled: settings?.write ?? false },
  });
  const calendarSync = new CalendarSyncService({
    calendars: store.calendars,
    committees: store.committees,
    source: graph?.source ?? null,
    letters: calendarLetters,
    clock,
    options: { intervalMinutes: config.CALENDAR_SYNC_MINUTES, leaseMinutes: 10 },
  });
  const datePolls = new DatePollService({
    committees,
    meetings: store.meetings,
    memberships: store.memberships,
    polls: store.datePolls,
    clock,
    letters: datePollLetters,
    outlook: outlookWriter ?? outlookEvents,
  });
  const imports = new DocumentImportService({
    committees,
    imports: store.imports,
    meetings: store.meetings,
    agenda: store.agenda,
    audit: store.audit,
    now: () => clock.now(),
  });

  const publisher = new AgendaPublisher({
    agenda,
    committees,
    deliveries,
    attendance,
    letters: publishLetters,
  });

  const services: BotServices = {
    // Asked for, the model starts loading if it has not yet (startApp's `language` option).
    get words() {
      startLanguage();
      return words;
    },
    committees,
    documents: new DocumentReader(log.child({ part: 'documents' })),
    downloads: { trustedOrigins: config.FILE_DOWNLOAD_HOSTS ?? [] },
    meetings,
    language: new LanguageService(store.people, store.audit),
    agenda,
    publisher,
    deliveries,
    digests,
    submissions,
    inputs,
    decisions,
    minutes,
    actions,
    calendar,
    calendarSync,
    outlookEvents,
    attendance,
    datePolls,
    publicUrl,
    teamsAppId: config.TEAMS_APP_ID ?? null,
    imports,
    clock,
    log,
  };
  const pages = new MeetingPageService({
    committees,
    committeeRepo: store.committees,
    memberships: store.memberships,
    meetings: store.meetings,
    agendaRepo: store.agenda,
    agenda,
    attendance,
    inputs,
    submissions,
    digests,
    actions,
    clock,
    reads: store.reads,
    liveReads: store.liveReads,
  });
  const workbench = new AgendaWorkbench({
    committees,
    meetings: store.meetings,
    agenda: store.agenda,
    audit: store.audit,
    clock,
  });
  const live = new LiveMeetingService({
    committees,
    memberships: store.memberships,
    agenda,
    meetings: store.meetings,
    agendaRepo: store.agenda,
    live: store.live,
    clock,
  });
  return {
    services,
    tab: {
      pages,
      agenda,
      attendance,
      submissions,
      decisions,
      minutes,
      live,
      workbench,
      imports,
      documents: services.documents,
      publisher,
      committees,
      inputs,
      datePolls,
      actions,
      calendar,
      publicUrl,
    },
    graph,
    startLanguage,
  };
}
