// The composition root: config → database (migrated) → store → domain services → bot
// → HTTP server. index.ts starts it for real; tests and the bench start it in-process.
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import type restify from 'restify';
import { DagsordenBot } from './bot/dagsorden-bot';
import { createBotEndpoint } from './bot/transport/endpoint';
import { TeamsBot } from './bot/transport/teams-bot';
import type { BotServices } from './bot/services';
import { botAuthSettings, graphSettings, isLoopback, tabAuthSettings, type Config } from './config';
import { createAuthenticator } from './api/auth';
import { tabRoutes } from './api/routes';
import { MeetingPageService } from './domain/meetings/meeting-page.service';
import fs from 'node:fs';
import path from 'node:path';
import { createClock, type Clock } from './domain/shared/clock';
import { CommitteeService } from './domain/committees/committee.service';
import { AgendaService } from './domain/agenda/agenda.service';
import { DeliveryService } from './domain/delivery/delivery.service';
import { DigestService } from './domain/digests/digest.service';
import { ReminderService } from './domain/digests/reminder.service';
import { DocumentImportService } from './domain/import/document-import.service';
import { LanguageService } from './domain/language/language.service';
import { MeetingService } from './domain/meetings/meeting.service';
import { DeadlineReminderJob } from './jobs/deadline-reminder-job';
import { DigestJob } from './jobs/digest-job';
import { OutboxRetentionJob } from './jobs/outbox-retention-job';
import { OutboxWorker } from './jobs/outbox-worker';
import { OutboxSender } from './bot/outbox-sender';
import { submissionLetters } from './bot/letters/submission-letters';
import { inputLetters } from './bot/letters/input-letters';
import { InputService } from './domain/input/input.service';
import { noteWriter } from './documents/input-note';
import { SubmissionService } from './domain/submissions/submission.service';
import { AttendanceService } from './domain/attendance/attendance.service';
import { attendanceLetters } from './bot/letters/attendance-letters';
import { DatePollService } from './domain/date-polls/date-poll.service';
import { datePollLetters } from './bot/letters/date-poll-letters';
import { DatePollJob } from './jobs/date-poll-job';
import type { OutlookEventWriter } from './domain/calendar/outlook-events';
import { Scheduler } from './jobs/scheduler';
import { InputRequestJob } from './jobs/input-request-job';
import { ActionItemService } from './domain/minutes/action-item.service';
import { DecisionService } from './domain/minutes/decision.service';
import { MinutesService } from './domain/minutes/minutes.service';
import { minutesDocx } from './documents/minutes-docx';
import { minutesMarkdown } from './documents/minutes-markdown';
import { minutesLetters } from './bot/letters/minutes-letters';
import { actionLetters } from './bot/letters/action-letters';
import { formatShortDate } from './i18n/format';
import { ActionReminderJob } from './jobs/action-reminder-job';
import { MinutesReissueJob } from './jobs/minutes-reissue-job';
import { tenantPacer } from './jobs/tenant-pacer';
import { createServer } from './server';
import { openDatabase, type Database, type DatabaseTarget } from './store/database';
import { seedDemoCommittee } from './store/demo-seed';
import { createStore } from './store';
import { migrate } from './store/migrate';
import { randomBytes } from 'node:crypto';
import { calendarLetters } from './bot/letters/calendar-letters';
import type { GraphClientOptions } from './calendar/graph-client';
import { openGraph } from './calendar/open-graph';
import { NO_OUTLOOK } from './domain/calendar/outlook-events';
import { writeIcs } from './documents/ics-writer';
import { CalendarService } from './domain/calendar/calendar.service';
import { CalendarSyncService } from './domain/calendar/calendar-sync.service';
import { CalendarSyncJob } from './jobs/calendar-sync-job';
import { DocumentReader } from './documents/document-reader';
import { version } from '../package.json';
import { loadIntentModel } from './language/model-store';

export interface App {
  server: restify.Server;
  db: Database;
  services: BotServices;
  /** Runs the scheduled jobs (digests); `tick()` runs them now. */
  scheduler: Scheduler;
  /** Sends what the outbox holds. */
  outbox: OutboxWorker;
  /** http://host:port of the running server. */
  url: string;
  close(): Promise<void>;
}

export function databaseTarget(config: Config): DatabaseTarget {
  return config.DATABASE_URL
    ? { kind: 'postgres', url: config.DATABASE_URL }
    : { kind: 'embedded', dataDir: config.DATA_DIR };
}

export async function startApp(
  config: Config,
  log: Logger,
  options: {
    db?: Database;
    clock?: Clock;
    /** Seed the demo meeting's agenda too (default true). */
    demoAgenda?: boolean;
    /** Microsoft Graph's credential and waits, replaced in tests (a local Graph over http). */
    graph?: GraphClientOptions;
    /** Writes meetings chosen in date polls into Outlook instead of Graph's writer (tests bring a fake). */
    outlookWriter?: OutlookEventWriter | null;
  } = {},
): Promise<App> {
  const db = options.db ?? (await openDatabase(databaseTarget(config)));
  const clock = options.clock ?? createClock(config.NOW);
  try {
    const { applied } = await migrate(db, (msg) => log.info(msg));
    if (applied.length) log.info({ applied }, 'database migrated');
    const seed = config.DEMO_SEED ?? db.kind === 'embedded';
    if (seed && (await seedDemoCommittee(db, clock, { agenda: options.demoAgenda }))) {
      log.info('demo committee DASSOS seeded');
    }
  } catch (err) {
    await db.close();
    throw err;
  }

  const store = createStore(db, { cacheTtlMs: config.READ_CACHE_SECONDS * 1000 });
  const publicUrl = config.PUBLIC_URL ?? `http://localhost:${config.PORT}`;
  const committees = new CommitteeService(store.committees, store.memberships, store.audit);
  // The committees' Outlook calendars, when Graph is configured; otherwise meetings come from the database.
  const graph = graphSettings(config);
  const opened = graph ? await openGraph(graph, options.graph, store.calendars, log.child({ part: 'calendar' })) : null;
  const calendarSource = opened?.source ?? null;
  const outlookEvents = opened?.writer ?? NO_OUTLOOK;
  if (config.CALENDAR_MAILBOX && (await store.calendars.setDemoCalendar(config.CALENDAR_MAILBOX, config.CALENDAR_MATCH ?? null))) {
    log.info({ mailbox: config.CALENDAR_MAILBOX, match: config.CALENDAR_MATCH ?? null }, 'demo committee: calendar mailbox set');
  }
  const decisions = new DecisionService(committees, store.agenda, store.decisions, store.minutes, store.memberships, store.inputs, store.meetings, clock);
  const attendance = new AttendanceService(committees, store.meetings, store.memberships, store.attendance, store.agenda, clock, attendanceLetters);
  const documents = new DocumentReader(log.child({ part: 'documents' }));
  // Loaded beside the database's start; the first free-text question waits for it if need be.
  const words = loadIntentModel().then((loaded) => {
    log.info({ source: loaded.source, ms: Math.round(loaded.ms) }, 'language model ready');
    return loaded.model;
  });
  words.catch((err: unknown) => log.error({ err }, 'language model failed to load'));
  const services: BotServices = {
    words,
    committees,
    documents,
    downloads: { trustedOrigins: config.FILE_DOWNLOAD_HOSTS ?? [] },
    meetings: new MeetingService(store.meetings, clock),
    language: new LanguageService(store.people, store.audit),
    agenda: new AgendaService(committees, store.meetings, store.memberships, store.agenda, store.audit, clock, store.inputs, { attendance: store.attendance, people: store.people }),
    deliveries: new DeliveryService(store.outbox, store.people),
    digests: new DigestService(store.committees, store.meetings, store.memberships, store.agenda, store.people, store.audit, clock, store.inputs, store.submissions, store.actions, attendance),
    submissions: new SubmissionService(committees, store.meetings, store.memberships, store.submissions, store.audit, clock, submissionLetters),
    inputs: new InputService(
      committees,
      store.meetings,
      store.memberships,
      store.inputs,
      store.agenda,
      store.audit,
      clock,
      inputLetters(publicUrl),
      noteWriter,
      config.FILE_LINK_DAYS,
    ),
    decisions,
    minutes: new MinutesService(
      committees,
      store.minutes,
      store.agenda,
      store.meetings,
      attendance,
      { markdown: minutesMarkdown, docx: minutesDocx },
      minutesLetters(publicUrl),
      (committee) => decisions.recordingMeeting(committee),
      (date, timeZone) => formatShortDate(date, 'da', timeZone),
      clock,
      config.FILE_LINK_DAYS,
    ),
    actions: new ActionItemService(committees, store.committees, store.actions, actionLetters, clock),
    calendar: new CalendarService(committees, store.calendars, outlookEvents, store.audit, clock, writeIcs, () => randomBytes(24).toString('base64url'), {
      graphConfigured: Boolean(graph),
      writeEnabled: graph?.write ?? false,
    }),
    calendarSync: new CalendarSyncService(store.calendars, store.committees, calendarSource, calendarLetters, () => services.deliveries.queuedElsewhere(), clock, {
      intervalMinutes: config.CALENDAR_SYNC_MINUTES,
      leaseMinutes: 10,
    }),
    outlookEvents,
    attendance,
    datePolls: new DatePollService(committees, store.meetings, store.memberships, store.datePolls, clock, datePollLetters, options.outlookWriter ?? outlookEvents),
    publicUrl,
    teamsAppId: config.TEAMS_APP_ID ?? null,
    imports: new DocumentImportService(committees, store.imports, store.meetings, store.agenda, store.audit, () => clock.now()),
    clock,
    log,
  };
  // One pace per tenant for everything this instance sends (shared with the others through the database).
  const tenantPace = tenantPacer(store.outbox, config.TEAMS_TENANT_RATE);
  const endpoint = createBotEndpoint(botAuthSettings(config), () => new TeamsBot(new DagsordenBot(services), services.log), log, tenantPace);
  // Proactive messages: queued by the services, sent by the worker. The embedded
  // database belongs to this process alone, so what a stopped process left mid-send is
  // queued again at once; on PostgreSQL the claims' leases decide.
  const outbox = new OutboxWorker(store.outbox, store.people, new OutboxSender(endpoint.messenger, services, opened?.files ?? null), log);
  services.deliveries.onQueued(() => outbox.kick());
  const reminders = new ReminderService(store.committees, store.meetings, store.memberships, clock);
  const scheduler = new Scheduler(
    [
      new DigestJob(services.digests, services.deliveries, log),
      new DeadlineReminderJob(reminders, services.deliveries, log),
      new InputRequestJob(services.inputs, services.deliveries, log),
      new ActionReminderJob(services.actions, services.deliveries, log),
      new MinutesReissueJob(services.minutes, services.deliveries, log),
      new DatePollJob(services.datePolls, services.deliveries, log),
      new OutboxRetentionJob(store.outbox, config.OUTBOX_RETENTION_DAYS, clock, log),
      ...(calendarSource && config.CALENDAR_SYNC_MINUTES > 0 ? [new CalendarSyncJob(services.calendarSync, log)] : []),
    ],
    config.SCHEDULER_TICK_SECONDS * 1000,
    log,
  );
  const server = createServer(
    endpoint,
    { database: () => db.version(), version },
    log,
    {
      'input-notes': (id, token, kind) => services.inputs.noteFile(id, token, kind),
      minutes: (id, token, kind) => services.minutes.file(id, token, kind),
    },
    (slug, token) => services.calendar.feed(slug, token),
    {
      api: {
        routes: tabRoutes,
        authenticate: createAuthenticator(tabAuthSettings(config), log.child({ part: 'tab' })),
        developerSignIn: tabAuthSettings(config).devSignIn,
        services: {
          pages: new MeetingPageService(
            committees,
            store.committees,
            store.memberships,
            store.meetings,
            store.agenda,
            services.agenda,
            attendance,
            services.inputs,
            services.submissions,
            services.digests,
            services.actions,
            clock,
            store.reads,
            store.liveReads,
          ),
          agenda: services.agenda,
          attendance,
          deliveries: services.deliveries,
        },
      },
      // From the sources (src/) or the build (dist/src/): the front end is built to tab/dist at the root.
      staticDir: [path.join(__dirname, '..', 'tab', 'dist'), path.join(__dirname, '..', '..', 'tab', 'dist')].find((d) => fs.existsSync(d)) ?? path.join(__dirname, '..', 'tab', 'dist'),
    },
  );
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.PORT, config.HOST, () => resolve());
  });
  if (!config.MicrosoftAppId) {
    if (isLoopback(config.HOST)) {
      log.info(
        { host: config.HOST, authenticated: false },
        'Uden MicrosoftAppId godkendes forespørgsler ikke: Dagsorden lytter kun på denne maskine (lokal brug og Agents Playground) / without MicrosoftAppId requests are not authenticated: listening on this machine only',
      );
    } else {
      log.warn(
        { host: config.HOST, authenticated: false },
        'ALLOW_UNAUTHENTICATED: Dagsorden lytter på netværket uden MicrosoftAppId, så enhver der kan nå porten kan skrive som enhver Teams-bruger / listening on the network without MicrosoftAppId: anyone who reaches the port can act as any Teams user',
      );
    }
  }
  await outbox.start(db.kind === 'embedded');
  if (config.SCHEDULER_TICK_SECONDS > 0) scheduler.start();
  const address = server.address() as AddressInfo;
  const host = config.HOST === '0.0.0.0' ? '127.0.0.1' : config.HOST;
  return {
    server,
    db,
    services,
    scheduler,
    outbox,
    url: `http://${host}:${address.port}`,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await scheduler.stop();
      await outbox.stop();
      await documents.close();
      if (!options.db) await db.close();
    },
  };
}
