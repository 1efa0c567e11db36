// Heavy work must not stall the conversation (issue 21, item 5): while a 120 KB agenda is
// imported, the minutes are built (Word and Markdown, several times) and 1,000 digests are
// queued and sent, members' "næste møde" in the personal chat is measured, then the same
// again once all of it is done, in the same process. Goal: p95 while busy ≤ 2× idle.
// The bot runs as `npm start` runs it, on the embedded database, with the scheduler on:
// the digests are due at its first tick, a second after /healthz. The idle figure is
// taken afterwards, in the warmed-up process, so the comparison does not flatter the busy one.
import type { ChildProcess } from 'node:child_process';
import { startBot, stopBot } from './bot-child';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { executeAction, message } from '../test/support/activities';
import { startRecordingConnector, type Recorded } from '../test/support/recording-connector';
import { buildLargeAgenda } from './import.bench';
import { runLoad, type LoadResult } from './load';

const MEMBERS = 1000;
const SEEDED = '2026-11-22T12:00:00+01:00';
const DUE = '2027-01-04T09:00:00+01:00';
/** Members asking at once: few enough that p95 shows stalls, not queueing behind each other. */
const CLIENTS = Number(process.env.BENCH_STALL_CLIENTS ?? 10);
/** Requests per client once the heavy work is done. */
const IDLE_PER_CLIENT = 40;
/** Minutes builds, one after the other, while the rest runs. */
const MINUTES_BUILDS = 5;

export interface StallRun {
  busy: LoadResult;
  idle: LoadResult;
  importMs: number;
  importBytes: number;
  minutesMs: number[];
  digests: number;
  digestsMs: number;
}

/** A port free now (other benches on this machine use fixed ones). */
async function freePort(): Promise<number> {
  const probe = http.createServer();
  await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
  const { port } = probe.address() as AddressInfo;
  await new Promise((r) => probe.close(r));
  return port;
}

let PORT = 0;

async function start(args: string[], env: Record<string, string>): Promise<ChildProcess> {
  PORT = await freePort();
  return startBot(PORT, args, env);
}

const stop = stopBot;

async function post(body: unknown): Promise<void> {
  const res = await fetch(`http://127.0.0.1:${PORT}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  await res.text();
  if (!res.ok) throw new Error(`the bot answered ${res.status}`);
}

export async function measureStall(startArgs: string[]): Promise<StallRun> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dagsorden-stall-'));
  // Not throttled: a 429 would make the members' answers wait out Retry-After, and the bench
  // would measure Teams' limits, not stalls (the bot paces its proactive sends itself).
  const connector = await startRecordingConnector();
  const isDigest = (r: Recorded) =>
    r.method === 'POST' &&
    r.conversationId.startsWith('a:personal-') &&
    String(r.body.summary ?? '').startsWith('OPSUMMERING');
  const roster = Array.from({ length: MEMBERS }, (_, i) => ({
    id: `29:bench-stall-${i}`,
    name: `Medlem ${i}`,
    aadObjectId: `40000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
  }));
  connector.roster.push(...roster);
  const where = { serviceUrl: connector.url };
  // The members who ask, rotating; each has written to the bot before (their chat is stored).
  const askers = roster.slice(0, 50);
  const ask = (c: number, i: number) =>
    JSON.stringify({
      ...message('næste møde', {
        ...where,
        scope: 'personal',
        user: askers[(c * 7 + i) % askers.length]!,
      }),
      id: `stall-${c}-${i}-${Math.random()}`,
    });
  // The agenda is sent as a file, as Teams sends one (a message holds 28 KB at most); this server stands in for SharePoint.
  const agenda = buildLargeAgenda();
  const files = http.createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
    res.end(agenda);
  });
  await new Promise<void>((r) => files.listen(0, '127.0.0.1', r));
  const filesUrl = `http://127.0.0.1:${(files.address() as AddressInfo).port}`;
  const env = { DATA_DIR: dataDir, DATABASE_URL: '', FILE_DOWNLOAD_HOSTS: filesUrl };
  let seeding: ChildProcess | null = null;
  let bot: ChildProcess | null = null;
  try {
    seeding = await start(startArgs, { ...env, NOW: SEEDED, SCHEDULER_TICK_SECONDS: '0' });
    await post(executeAction('setup.import-roster', {}, where));
    for (const m of askers) await post(message('hjælp', { ...where, scope: 'personal', user: m }));
    await stop(seeding);
    connector.clear();

    bot = await start(startArgs, { ...env, NOW: DUE, SCHEDULER_TICK_SECONDS: '1' });
    const started = performance.now();
    const expected = MEMBERS + 6; // and the six playground users
    let digestsAt = 0;
    const digestsDone = (async () => {
      while (
        connector.recorded.filter(isDigest).length < expected &&
        performance.now() - started < 300_000
      )
        await new Promise((r) => setTimeout(r, 250));
      digestsAt = performance.now() - started;
    })();
    const importing = (async () => {
      const t = performance.now();
      const file = {
        contentType: 'application/vnd.microsoft.teams.file.download.info',
        name: 'dagsorden.txt',
        content: { downloadUrl: `${filesUrl}/dagsorden.txt`, uniqueId: 'stall', fileType: 'txt' },
      };
      await post({ ...message('', { ...where, scope: 'personal' }), attachments: [file] });
      return performance.now() - t;
    })();
    const minutes = (async () => {
      const times: number[] = [];
      for (let n = 0; n < MINUTES_BUILDS; n++) {
        const t = performance.now();
        await post(message('referat', { ...where, scope: 'personal' }));
        times.push(performance.now() - t);
      }
      return times;
    })();
    let done = false;
    const heavy = Promise.all([importing, minutes, digestsDone]).finally(() => {
      done = true;
    });
    const busy = await runLoad(
      `http://127.0.0.1:${PORT}/api/messages`,
      CLIENTS,
      5,
      ask,
      () => done,
    );
    const [importMs, minutesMs] = await heavy;
    const idle = await runLoad(
      `http://127.0.0.1:${PORT}/api/messages`,
      CLIENTS,
      IDLE_PER_CLIENT,
      ask,
    );
    await stop(bot);
    const built = connector.recorded.filter((r) => JSON.stringify(r.body).includes('.docx')).length;
    if (!built) throw new Error('no minutes were built (no .docx link in any reply)');
    if (!connector.recorded.some((r) => JSON.stringify(r.body).includes('import-save')))
      throw new Error('the agenda was not read (no import preview)');
    return {
      busy,
      idle,
      importMs,
      importBytes: Buffer.byteLength(agenda),
      minutesMs,
      digests: new Set(connector.recorded.filter(isDigest).map((r) => r.conversationId)).size,
      digestsMs: digestsAt,
    };
  } finally {
    if (seeding) await stop(seeding);
    if (bot) await stop(bot);
    await connector.close();
    await new Promise((r) => files.close(r));
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

const fmt = (n: number) => n.toFixed(2);

/** Prints the figures; false when the goal is missed or a request failed. */
export function reportStall(run: StallRun): boolean {
  const ratio = run.busy.p95 / run.idle.p95;
  console.log('');
  console.log(
    `heavy work beside the conversation: a ${(run.importBytes / 1024).toFixed(0)} KB import (${fmt(run.importMs)} ms), ${run.minutesMs.length} minutes builds (${run.minutesMs.map((m) => m.toFixed(0)).join(', ')} ms), ` +
      `${run.digests} digests (all delivered after ${fmt(run.digestsMs / 1000)} s)`,
  );
  console.log(
    `"næste møde" (personal, ${CLIENTS} clients) while busy: ${run.busy.requests} req, p50 ${fmt(run.busy.p50)} ms, p95 ${fmt(run.busy.p95)} ms, p99 ${fmt(run.busy.p99)} ms, errors ${run.busy.errors}`,
  );
  console.log(
    `"næste møde" (personal, ${CLIENTS} clients) idle after: ${run.idle.requests} req, p50 ${fmt(run.idle.p50)} ms, p95 ${fmt(run.idle.p95)} ms, p99 ${fmt(run.idle.p99)} ms, errors ${run.idle.errors}`,
  );
  console.log(`p95 busy / idle: ${fmt(ratio)} (goal ≤ 2)`);
  return ratio <= 2 && !run.busy.errors && !run.idle.errors && run.digests >= MEMBERS;
}
