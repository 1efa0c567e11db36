// The tab's meeting page over HTTP: GET /api/tab/meetings/:id for a published agenda of
// 30 items and a committee of at least 30 members, 20 requests at a time, p95 (goal ≤ 50 ms).
// The server runs in this process on the embedded database with the developer sign-in
// (no app id, loopback), so a token's signature check is not in the figure; the clients
// run in a worker thread.
//   BENCH_ONLY=tab npm run bench       (BENCH_TAB_REQUESTS=2000 in all)
//   BENCH_TAB_PG_URL=postgresql://…/an_empty_database → on a PostgreSQL server instead
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import pino from 'pino';
import { startApp } from '../src/app';
import { loadConfig } from '../src/config';
import { createClock } from '../src/domain/shared/clock';
import { ALEX, MEGAN } from '../test/support/activities';

const ITEMS = 30;
const MEMBERS = 30;
const CONCURRENCY = 20;
const REQUESTS = Number(process.env.BENCH_TAB_REQUESTS ?? 2000);
const GOAL_MS = 50;

export interface TabApiRun {
  items: number;
  members: number;
  requests: number;
  p50: number;
  p95: number;
  p99: number;
  bytes: number;
  /** /healthz under the same load in the same run. */
  healthzP95: number;
}

const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))]!;

/** A meeting as the tab benches measure it: the demo's, published with 30 items, in a committee of 30 members (their object ids GUIDs, for the developer sign-in). */
export interface BenchMeeting {
  app: Awaited<ReturnType<typeof startApp>>;
  meetingId: string;
  items: number;
  /** The committee's size (everyone on the roster). */
  memberCount: number;
  /** The object ids of the members who are not of the secretariat, Megan's first. */
  members: string[];
  close(): Promise<void>;
}

export async function startBenchMeeting(prefix: string): Promise<BenchMeeting> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `dagsorden-bench-${prefix}-`));
  const NOW = '2026-11-22T12:00:00+01:00';
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    DATABASE_URL: process.env.BENCH_TAB_PG_URL ?? '',
    DEMO_SEED: 'true',
    NOW,
    SCHEDULER_TICK_SECONDS: '0',
  });
  const app = await startApp(config, pino({ level: 'error' }), {
    clock: createClock(NOW),
    demoAgenda: true,
  });
  const close = async () => {
    await app.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    const { services, db } = app;
    const alex = {
      aadObjectId: ALEX.aadObjectId,
      teamsUserId: ALEX.id,
      name: ALEX.name,
      tenantId: null,
    };
    const committee = (await services.committees.resolve(
      { type: 'personal', teamId: null, channelId: null },
      alex,
    )) as { kind: 'one'; committee: Parameters<typeof services.agenda.preparePublish>[0] };
    const members = (await services.committees.listMembers(committee.committee, alex)).members;
    if (members.length < MEMBERS) {
      const roster = Array.from({ length: MEMBERS - members.length }, (_, i) => ({
        aadObjectId: `00000000-0000-4000-8000-${String(i + 1).padStart(12, '0')}`,
        teamsUserId: `29:bench-${i}`,
        name: `Medlem ${i + 1}`,
        email: null,
      }));
      await services.committees.importRoster(alex, committee.committee, roster, {
        tenantId: null,
        serviceUrl: 'http://127.0.0.1:1',
      });
    }
    const agenda = await services.agenda.current(committee.committee);
    if (!agenda) throw new Error('the demo agenda is missing');
    const meetingId = agenda.meeting.id;
    for (let n = agenda.items.length; n < ITEMS; n += 1) {
      await services.agenda.saveItem(alex, {
        itemId: null,
        meetingId,
        draft: {
          number: `5.${n + 1}`,
          section: n % 2 ? 'information' : 'decision',
          title: `Punkt ${n + 1} til belastningsmåling`,
          presenter: 'Ved sekretariatet',
          recommendationIntro: 'Det indstilles, at DASSOS:',
          recommendations: ['Godkender oplægget', 'Drøfter den videre proces'],
          caseText: 'Sagsfremstilling. '.repeat(120),
        },
      });
    }
    const plan = await services.agenda.preparePublish(committee.committee, alex, meetingId);
    await services.agenda.publish(plan, alex, {
      confirmedCpr: plan.fingerprint,
      cards: [],
      messages: [],
      announced: [],
    });
    const published = await services.agenda.publishedAgenda(meetingId);
    const megan = {
      aadObjectId: MEGAN.aadObjectId,
      teamsUserId: MEGAN.id,
      name: MEGAN.name,
      tenantId: null,
    };
    for (const item of published!.agenda.items.slice(0, 10)) {
      await services.agenda.setPosition(
        megan,
        item.id,
        item.section === 'decision' ? 'can_approve' : 'acknowledged',
        null,
      );
    }
    const itemCount = await db.prisma.agendaItem.count({ where: { meetingId } });
    const all = (await services.committees.listMembers(committee.committee, alex)).members;
    const ids = all.flatMap((m) =>
      m.aadObjectId && m.role !== 'secretariat' ? [m.aadObjectId] : [],
    );
    return {
      app,
      meetingId,
      items: itemCount,
      memberCount: all.length,
      members: [MEGAN.aadObjectId, ...ids.filter((id) => id !== MEGAN.aadObjectId)],
      close,
    };
  } catch (err) {
    await close();
    throw err;
  }
}

export async function measureTabApi(): Promise<TabApiRun> {
  const bench = await startBenchMeeting('tab');
  try {
    const { app, meetingId } = bench;
    const url = `${app.url}/api/tab/meetings/${meetingId}`;
    const { times, bytes } = await load(url, `Dev ${MEGAN.aadObjectId}`);
    // The same load on /healthz (one small query) in the same run: what this machine gives any route now.
    const baseline = (await load(`${app.url}/healthz`, '')).times.sort((a, b) => a - b);
    times.sort((a, b) => a - b);
    return {
      items: bench.items,
      members: bench.memberCount,
      requests: times.length,
      p50: pct(times, 50),
      p95: pct(times, 95),
      p99: pct(times, 99),
      bytes,
      healthzP95: pct(baseline, 95),
    };
  } finally {
    await bench.close();
  }
}

/**
 * The requests, from a worker thread: the clients' own work (sending, reading 70 KB
 * answers) then runs beside the server's event loop, not in it, as a browser's would.
 */
async function load(
  url: string,
  authorization: string,
): Promise<{ times: number[]; bytes: number }> {
  const code = `
    const { parentPort, workerData } = require('node:worker_threads');
    const { url, authorization, requests, concurrency } = workerData;
    const once = async () => {
      const started = performance.now();
      const res = await fetch(url, { headers: authorization ? { authorization } : {} });
      const body = await res.arrayBuffer();
      if (res.status !== 200) throw new Error('meeting page answered ' + res.status);
      return { ms: performance.now() - started, bytes: body.byteLength };
    };
    (async () => {
      for (let i = 0; i < 50; i += 1) await once();
      const times = [];
      let next = 0;
      let bytes = 0;
      await Promise.all(Array.from({ length: concurrency }, async () => {
        while (next < requests) {
          next += 1;
          const r = await once();
          times.push(r.ms);
          bytes = r.bytes;
        }
      }));
      parentPort.postMessage({ times, bytes });
    })().catch((err) => { throw err; });
  `;
  const worker = new Worker(code, {
    eval: true,
    workerData: { url, authorization, requests: REQUESTS, concurrency: CONCURRENCY },
  });
  try {
    return await new Promise((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
  } finally {
    await worker.terminate();
  }
}

/** Prints the figure; false when the goal is missed. */
export function reportTabApi(run: TabApiRun): boolean {
  const f = (n: number) => n.toFixed(1);
  console.log(
    `tab meeting page (GET /api/tab/meetings/:id, ${run.items} items, ${run.members} members, ${CONCURRENCY} at a time, ${run.requests} requests, ${(run.bytes / 1024).toFixed(0)} KB): p50 ${f(run.p50)} ms · p95 ${f(run.p95)} ms (goal ≤ ${GOAL_MS} ms) · p99 ${f(run.p99)} ms; /healthz p95 ${f(run.healthzP95)} ms in the same run (page/healthz ${(run.p95 / run.healthzP95).toFixed(1)}×)`,
  );
  return run.p95 <= GOAL_MS;
}
