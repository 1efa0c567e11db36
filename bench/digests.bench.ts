// 1,000 digests to 1,000 members through a connector that enforces Teams' published
// limits (429 with Retry-After over 50 requests per second for the tenant): the time
// from the first request to the last digest against the floor those limits allow, and
// duplicates and losses. The bot runs as `npm start` runs it, on the embedded database.
import type { ChildProcess } from 'node:child_process';
import { startBot, stopBot } from './bot-child';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { executeAction } from '../test/support/activities';
import { startRecordingConnector, type Recorded } from '../test/support/recording-connector';

export const DIGEST_MEMBERS = 1000;
/** Teams' limit per app per tenant, which the connector enforces. */
const TENANT_LIMIT_PER_SECOND = 50;
const SEEDED = '2026-11-22T12:00:00+01:00';
const DUE = '2027-01-04T09:00:00+01:00';
const PORT = 3994;

export interface DigestRun {
  members: number;
  digests: number;
  duplicated: number;
  lost: number;
  requests: number;
  throttled: number;
  seconds: number;
  floorSeconds: number;
}

async function start(args: string[], env: Record<string, string>): Promise<ChildProcess> {
  return startBot(PORT, args, env);
}

const stop = stopBot;

export async function measureDigests(startArgs: string[]): Promise<DigestRun> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dagsorden-digests-'));
  const connector = await startRecordingConnector({ limits: true });
  // A digest is a message to a personal chat with the digest's summary (the demo's history
  // also reminds two of the playground users of overdue actions at the same tick).
  const isDigest = (r: Recorded) =>
    r.method === 'POST' &&
    r.conversationId.startsWith('a:personal-') &&
    String(r.body.summary ?? '').startsWith('OPSUMMERING');
  connector.roster.push(
    ...Array.from({ length: DIGEST_MEMBERS }, (_, i) => ({
      id: `29:bench-digest-${i}`,
      name: `Medlem ${i}`,
      aadObjectId: `30000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    })),
  );
  const env = { DATA_DIR: dataDir, DATABASE_URL: '' };
  try {
    // Seed the demo committee (its meetings 45 days after the clock), import the members.
    const seeding = await start(startArgs, { ...env, NOW: SEEDED, SCHEDULER_TICK_SECONDS: '0' });
    const res = await fetch(`http://127.0.0.1:${PORT}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(executeAction('setup.import-roster', {}, { serviceUrl: connector.url })),
    });
    await res.text();
    await stop(seeding);
    connector.clear();
    // Two days before the first meeting: its digests are due at the first tick.
    const bot = await start(startArgs, { ...env, NOW: DUE, SCHEDULER_TICK_SECONDS: '1' });
    const expected = DIGEST_MEMBERS + 6; // and the six playground users
    const before = connector.count();
    const until = Date.now() + 300_000;
    // Checked seldom and cheaply: the connector must not be slowed down by the watching.
    while (connector.recorded.filter(isDigest).length < expected && Date.now() < until)
      await new Promise((r) => setTimeout(r, 250));
    await new Promise((r) => setTimeout(r, 2000));
    await stop(bot);
    const times = connector.recorded.map((r) => r.at);
    const digestTimes = connector.recorded.filter(isDigest).map((r) => r.at);
    const perChat = new Map<string, number>();
    for (const r of connector.recorded.filter(isDigest))
      perChat.set(r.conversationId, (perChat.get(r.conversationId) ?? 0) + 1);
    const requests = connector.count() - before;
    return {
      members: expected,
      digests: [...perChat.values()].reduce((a, b) => a + b, 0),
      duplicated: [...perChat.values()].reduce((a, n) => a + Math.max(0, n - 1), 0),
      lost: expected - perChat.size,
      requests,
      throttled: connector.throttled(),
      seconds: (Math.max(...digestTimes) - Math.min(...times)) / 1000,
      // Every accepted request (a new personal chat, then the digest) at 50 per second.
      floorSeconds: requests / TENANT_LIMIT_PER_SECOND,
    };
  } finally {
    await connector.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
