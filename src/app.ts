// The composition root: config → database (migrated) → store → domain services → bot
// → HTTP server, outbox and scheduler. Each part is wired in src/wiring/; index.ts starts
// the app for real, tests and the bench start it in-process.
import type { Logger } from 'pino';
import type http from 'node:http';
import type { ConversationPacer } from './bot/conversation-pacer';
import type { BotServices } from './bot/services';
import { OutboxSender } from './bot/outbox-sender';
import type { GraphClientOptions } from './calendar/graph-client';
import type { Config } from './config';
import { createClock, type Clock } from './domain/shared/clock';
import type { OutlookEventWriter } from './domain/calendar/outlook-events';
import type { OutboxWorker } from './jobs/outbox-worker';
import type { Scheduler } from './jobs/scheduler';
import type { Database } from './store/database';
import { startHttp, wireBot } from './wiring/http';
import { wireJobs } from './wiring/jobs';
import { wireServices } from './wiring/services';
import { wireStore } from './wiring/store';

export interface App {
  server: http.Server;
  db: Database;
  services: BotServices;
  /** Runs the scheduled jobs (digests); `tick()` runs them now. */
  scheduler: Scheduler;
  /** Sends what the outbox holds. */
  outbox: OutboxWorker;
  /** http://host:port of the running server. */
  url: string;
  /** When each step of the start-up was done, in ms since the process started (the log shows it). */
  startup: Record<string, number>;
  close(): Promise<void>;
}

export interface StartOptions {
  /** A database the caller opened and closes (tests, the bench). */
  db?: Database;
  /** The configuration's database, already opening (index.ts): the app's own, closed with it. */
  opening?: Promise<Database>;
  clock?: Clock;
  /** Seed the demo meeting's agenda too (default true). */
  demoAgenda?: boolean;
  /** Microsoft Graph's credential and waits, replaced in tests (a local Graph over http). */
  graph?: GraphClientOptions;
  /** Writes meetings chosen in date polls into Outlook instead of Graph's writer (tests bring a fake). */
  outlookWriter?: OutlookEventWriter | null;
  /**
   * When the language model is loaded: 'at-start' (the default) once the server listens;
   * 'on-first-question' when a free-text question first needs it (tests, most of which
   * never ask one: loading it costs each of them CPU time).
   */
  language?: 'at-start' | 'on-first-question';
  /** Each conversation's pace: Teams' limits (the default), or a faster one for tests that post much to one channel. */
  conversationPacer?: Pick<ConversationPacer, 'wait'>;
}

export async function startApp(config: Config, log: Logger, options: StartOptions = {}): Promise<App> {
  const startup: Record<string, number> = {};
  const mark = (phase: string) => (startup[phase] = Math.round(performance.now()));
  mark('modules');
  const clock = options.clock ?? createClock(config.NOW);
  const { db, store } = await wireStore({ config, log, clock, db: options.db, opening: options.opening, demoAgenda: options.demoAgenda, mark });
  const { services, tab, graph, startLanguage } = await wireServices({ config, log, clock, store, graph: options.graph, outlookWriter: options.outlookWriter });
  const endpoint = wireBot({ config, log, store, services, pacer: options.conversationPacer });
  const sender = new OutboxSender(endpoint.messenger, services, graph?.files ?? null);
  const { outbox, scheduler } = wireJobs({ config, log, clock, store, services, sender, calendarSource: Boolean(graph) });
  mark('services');
  const { server, url } = await startHttp({ config, log, db, endpoint, services, tab });
  mark('listening');
  if (options.language !== 'on-first-question') startLanguage();
  // The embedded database belongs to this process alone, so what a stopped process left
  // mid-send is queued again at once; on PostgreSQL the claims' leases decide.
  await outbox.start(db.kind === 'embedded');
  if (config.SCHEDULER_TICK_SECONDS > 0) scheduler.start();
  return {
    server,
    db,
    services,
    scheduler,
    outbox,
    url,
    startup,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await scheduler.stop();
      await outbox.stop();
      await services.documents.close();
      if (!options.db) await db.close();
    },
  };
}
