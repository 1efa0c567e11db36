// The Teams meeting's side panel following the secretariat: 30 viewers poll
// GET /api/tab/meetings/:id/live as the tab does (every second after the last answer,
// with the tag they have: 304 while nothing moved), while the secretariat moves on 20
// times. Reported: the lag from the secretariat's move (its request sent) to each viewer's
// first answer showing the new item (goal ≤ 2 s, p95 and max), and the live GET's own
// p95. The server runs in this process (the developer sign-in: no token signature in the
// figure), each viewer as its own member; the viewers run in a worker thread.
//   BENCH_ONLY=panel npm run bench     (BENCH_PANEL_MOVES=20, BENCH_PANEL_GAP_MS=2500)
import { Worker } from 'node:worker_threads';
import { ALEX } from '../test/support/activities';
import { startBenchMeeting } from './tab-api';

const VIEWERS = 30;
const MOVES = Number(process.env.BENCH_PANEL_MOVES ?? 20);
/** Between the secretariat's moves: longer than a poll, as an item takes minutes in a meeting. */
const GAP_MS = Number(process.env.BENCH_PANEL_GAP_MS ?? 2500);
/** The tab's poll interval (tab/src/views/Panel.tsx). */
const POLL_MS = 1000;
const GOAL_MS = 2000;

export interface PanelRun {
  viewers: number;
  moves: number;
  /** Each viewer × move: ms from the move's request to the viewer seeing it. */
  lags: number[];
  /** Live GETs: ms each, and how many were 304. */
  polls: number[];
  notModified: number;
  seconds: number;
  moveP95: number;
}

const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))]!;
/** One clock for both threads. */
const now = () => performance.timeOrigin + performance.now();

export async function measurePanel(): Promise<PanelRun> {
  const bench = await startBenchMeeting('panel');
  try {
    const { app, meetingId } = bench;
    // The demo's roster has few members who sign in: the others of the 30 join as members who do.
    const extra = Array.from({ length: Math.max(0, VIEWERS - bench.members.length) }, (_, i) => ({
      aadObjectId: `00000000-0000-4000-9000-${String(i + 1).padStart(12, '0')}`,
      teamsUserId: `29:panel-viewer-${i}`,
      name: `Tilskuer ${i + 1}`,
      email: null,
    }));
    const alex = {
      aadObjectId: ALEX.aadObjectId,
      teamsUserId: ALEX.id,
      name: ALEX.name,
      tenantId: null,
    };
    const { committeeId } = await app.db.prisma.meeting.findUniqueOrThrow({
      where: { id: meetingId },
    });
    const committee = await app.services.committees.byId(committeeId);
    await app.services.committees.importRoster(alex, committee!, extra, {
      tenantId: null,
      serviceUrl: 'http://127.0.0.1:1',
    });
    const viewers = [...bench.members, ...extra.map((e) => e.aadObjectId)].slice(0, VIEWERS);
    const url = `${app.url}/api/tab/meetings/${meetingId}/live`;
    const worker = new Worker(VIEWER_CODE, {
      eval: true,
      workerData: { url, viewers, pollMs: POLL_MS },
    });
    const seen = new Promise<{
      sightings: Array<{ viewer: number; version: number; at: number }>;
      polls: number[];
      notModified: number;
    }>((resolve, reject) => {
      worker.on('message', (m: { kind: string }) => m.kind === 'done' && resolve(m as never));
      worker.once('error', reject);
    });
    await new Promise<void>((resolve, reject) => {
      worker.on('message', (m: { kind: string }) => m.kind === 'polling' && resolve());
      worker.once('error', reject);
    });
    const started = now();
    const moves: Array<{ version: number; at: number }> = [];
    const moveTimes: number[] = [];
    let version = 0;
    for (let i = 0; i < MOVES; i += 1) {
      await new Promise((r) => setTimeout(r, GAP_MS));
      const at = now();
      const res = await fetch(`${app.url}/api/tab/meetings/${meetingId}/current-item`, {
        method: 'PUT',
        headers: { authorization: `Dev ${ALEX.aadObjectId}`, 'content-type': 'application/json' },
        body: JSON.stringify({ move: 'next', version }),
      });
      moveTimes.push(now() - at);
      if (res.status !== 200) throw new Error(`the move answered ${res.status}`);
      version = ((await res.json()) as { version: number }).version;
      moves.push({ version, at });
    }
    // Time for the last move to reach everyone, then stop.
    await new Promise((r) => setTimeout(r, GOAL_MS + POLL_MS));
    worker.postMessage('stop');
    const { sightings, polls, notModified } = await seen;
    await worker.terminate();
    const lags: number[] = [];
    for (const move of moves) {
      for (let v = 0; v < viewers.length; v += 1) {
        // The first answer this viewer got at or after this version (a later version also shows it was passed).
        const first = sightings
          .filter((x) => x.viewer === v && x.version >= move.version)
          .sort((a, b) => a.at - b.at)[0];
        lags.push(first ? first.at - move.at : Infinity);
      }
    }
    moveTimes.sort((a, b) => a - b);
    return {
      viewers: viewers.length,
      moves: moves.length,
      lags,
      polls,
      notModified,
      seconds: (now() - started) / 1000,
      moveP95: pct(moveTimes, 95),
    };
  } finally {
    await bench.close();
  }
}

/** The viewers: each polls as the panel does, from a random start within the first second. */
const VIEWER_CODE = `
  const { parentPort, workerData } = require('node:worker_threads');
  const { url, viewers, pollMs } = workerData;
  const now = () => performance.timeOrigin + performance.now();
  const sightings = [];
  const polls = [];
  let notModified = 0;
  let stopped = false;
  parentPort.on('message', (m) => { if (m === 'stop') stopped = true; });
  async function viewer(index, aad) {
    let etag = null;
    let version = -1;
    await new Promise((r) => setTimeout(r, Math.random() * pollMs));
    while (!stopped) {
      const started = now();
      const res = await fetch(url, { headers: { authorization: 'Dev ' + aad, ...(etag ? { 'if-none-match': etag } : {}) } });
      const text = await res.text();
      const at = now();
      polls.push(at - started);
      if (res.status === 304) notModified += 1;
      else if (res.status === 200) {
        etag = res.headers.get('etag');
        const state = JSON.parse(text);
        if (state.version !== version) { version = state.version; sightings.push({ viewer: index, version, at }); }
      } else throw new Error('live state answered ' + res.status);
      await new Promise((r) => setTimeout(r, pollMs));
    }
  }
  (async () => {
    const running = viewers.map((aad, i) => viewer(i, aad));
    parentPort.postMessage({ kind: 'polling' });
    await Promise.all(running);
    parentPort.postMessage({ kind: 'done', sightings, polls, notModified });
  })().catch((err) => { throw err; });
`;

/** Prints the figures; false when a viewer saw a move later than the goal. */
export function reportPanel(run: PanelRun): boolean {
  const f = (n: number) => (Number.isFinite(n) ? n.toFixed(0) : 'never');
  const lags = [...run.lags].sort((a, b) => a - b);
  const polls = [...run.polls].sort((a, b) => a - b);
  const max = lags.at(-1)!;
  console.log(
    `side panel (${run.viewers} viewers polling GET /api/tab/meetings/:id/live every ${POLL_MS} ms, the secretariat moving on ${run.moves} times): ` +
      `lag to see the new item p50 ${f(pct(lags, 50))} ms · p95 ${f(pct(lags, 95))} ms · max ${f(max)} ms (goal ≤ ${GOAL_MS} ms, ${lags.length} sightings); ` +
      `live GET p50 ${pct(polls, 50).toFixed(1)} ms · p95 ${pct(polls, 95).toFixed(1)} ms · ${polls.length} requests (${(polls.length / run.seconds).toFixed(0)}/s, ${((run.notModified / polls.length) * 100).toFixed(0)} % 304); move PUT p95 ${run.moveP95.toFixed(1)} ms`,
  );
  return max <= GOAL_MS;
}
