// Starts the real server in-process on a fresh database, with logs captured.
import { Writable } from 'node:stream';
import pino from 'pino';
import { startApp, type App } from '../../src/app';
import type { ConversationPacer } from '../../src/bot/conversation-pacer';
import type { GraphClientOptions } from '../../src/calendar/graph-client';
import { loadConfig } from '../../src/config';
import { createClock } from '../../src/domain/shared/clock';
import type { OutlookEventWriter } from '../../src/domain/calendar/outlook-events';
import type { Database } from '../../src/store/database';
import { databaseKind, freshDatabase, seededDatabase } from './db';

export const NOW = '2026-11-22T12:00:00+01:00';

export interface TestApp extends App {
  logs: Array<Record<string, unknown>>;
  post(body: unknown, headers?: Record<string, string>): Promise<Response>;
}

/**
 * The demo committee without its demo agenda, unless `demoAgenda` (tests bring their own);
 * `graph`: Microsoft Graph's credential and waits (a local Graph over http); `outlookWriter`:
 * a stand-in for Microsoft Graph writing meetings into Outlook; `conversationPacer`: a faster
 * pace per conversation than Teams' limits (test/support/pacer.ts); `db`: another app's
 * database, shared rather than a seeded copy loaded (seconds of CPU on the embedded one) when
 * a test only needs a second configuration; it is left open on close.
 */
export async function startTestApp(
  env: Record<string, string> = {},
  demoAgenda = false,
  options: { graph?: GraphClientOptions; outlookWriter?: OutlookEventWriter | null; conversationPacer?: Pick<ConversationPacer, 'wait'>; db?: Database } = {},
): Promise<TestApp> {
  const logs: Array<Record<string, unknown>> = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const line of chunk.toString('utf8').split('\n')) if (line.trim()) logs.push(JSON.parse(line));
      done();
    },
  });
  // Scheduled jobs run when a test ticks them (app.scheduler.tick()), not on their own.
  const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', DEMO_SEED: 'true', LOG_LEVEL: 'debug', SCHEDULER_TICK_SECONDS: '0', ...env });
  const clock = createClock(env.NOW ?? NOW);
  // Seeded as the app would (DEMO_SEED), from this run's copy of that seeding (test/support/db.ts).
  const seed = config.DEMO_SEED ?? databaseKind === 'embedded';
  const db = options.db ?? (seed ? await seededDatabase(databaseKind, clock, demoAgenda) : await freshDatabase(databaseKind));
  const app = await startApp(config, pino({ level: 'debug' }, sink), {
    db,
    clock,
    demoAgenda,
    graph: options.graph,
    outlookWriter: options.outlookWriter,
    conversationPacer: options.conversationPacer,
    // Most tests ask no free-text question: the model is loaded by the first that does.
    language: 'on-first-question',
  });
  return {
    ...app,
    logs,
    post: (body, headers = {}) =>
      fetch(`${app.url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      }),
    async close() {
      await app.close();
      if (!options.db) await db.close();
    },
  };
}
