// Wiring, part 3: what runs beside the requests. The outbox worker sends what the services
// queued (woken by the store when a queueing transaction commits); the scheduler runs the
// timed jobs (digests, reminders, calendar sync, retention).
import type { Logger } from 'pino';
import type { Config } from '../config';
import type { BotServices } from '../bot/services';
import type { Clock } from '../domain/shared/clock';
import { ReminderService } from '../domain/digests/reminder.service';
import { ActionReminderJob } from '../jobs/action-reminder-job';
import { CalendarSyncJob } from '../jobs/calendar-sync-job';
import { DatePollJob } from '../jobs/date-poll-job';
import { DeadlineReminderJob } from '../jobs/deadline-reminder-job';
import { DigestJob } from '../jobs/digest-job';
import { InputRequestJob } from '../jobs/input-request-job';
import { MinutesReissueJob } from '../jobs/minutes-reissue-job';
import { OutboxRetentionJob } from '../jobs/outbox-retention-job';
import { OutboxWorker, type OutboundSender } from '../jobs/outbox-worker';
import { Scheduler } from '../jobs/scheduler';
import type { Store } from '../store';

export interface JobWiring {
  config: Config;
  log: Logger;
  clock: Clock;
  store: Store;
  services: BotServices;
  /** Sends one queued message to Teams (the bot's OutboxSender). */
  sender: OutboundSender;
  /** Whether the calendars come from Microsoft Graph (then the calendar sync runs). */
  calendarSource: boolean;
}

export function wireJobs({ config, log, clock, store, services, sender, calendarSource }: JobWiring): { outbox: OutboxWorker; scheduler: Scheduler } {
  // Proactive messages: queued by the services, sent by the worker.
  const outbox = new OutboxWorker({ outbox: store.outbox, people: store.people, sender, log });
  const reminders = new ReminderService({ committees: store.committees, meetings: store.meetings, memberships: store.memberships, clock });
  const syncCalendars = calendarSource && config.CALENDAR_SYNC_MINUTES > 0;
  const scheduler = new Scheduler(
    [
      new DigestJob(services.digests, services.deliveries, log),
      new DeadlineReminderJob(reminders, services.deliveries, log),
      new InputRequestJob(services.inputs, services.deliveries, log),
      new ActionReminderJob(services.actions, log),
      new MinutesReissueJob(services.minutes, log),
      new DatePollJob(services.datePolls, services.deliveries, log),
      new OutboxRetentionJob({ outbox: store.outbox, retentionDays: config.OUTBOX_RETENTION_DAYS, clock, log }),
      ...(syncCalendars ? [new CalendarSyncJob(services.calendarSync, log)] : []),
    ],
    config.SCHEDULER_TICK_SECONDS * 1000,
    log,
  );
  return { outbox, scheduler };
}
