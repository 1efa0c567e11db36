// `npm run bench`: Dagsorden's "næste møde" over HTTP against the real server vs a
// bare botbuilder echo bot on the same HTTP stack (src/server.ts), in the same run; start-up time
// to /healthz on the embedded database; the bot process's memory (RSS) idle and
// across the run. Each bot runs in its own process; load and connector run here.
//   BENCH_CLIENTS=50 BENCH_REQUESTS=2000 (per client)
//   BENCH_PORT=4088           → the bot on this port and the echo bot on the next (default 3988)
//   BENCH_PROFILE=/tmp/prof   → CPU profiles of the processes (node --cpu-prof) in that folder
//   BENCH_NODE_ARGS='--heapsnapshot-signal=SIGUSR2' → more node options for the processes
//   BENCH_GC=1                → BENCH_ONLY=paths also counts each process's garbage collections and their pauses in each path's run (bench/gc-log.cjs)
//   BENCH_STDOUT=/tmp/out     → each process's standard output in that folder (<pid>.out), e.g. with BENCH_NODE_ARGS=--trace-gc
//   BENCH_PG_URL=postgresql://postgres@127.0.0.1:5432/postgres → the answers again on a PostgreSQL server
//   BENCH_ONLY=answers        → only the answers on item cards (for working on them)
//   BENCH_ONLY=start          → only start-up to /healthz: a first start and BENCH_START_RESTARTS (5) restarts, with the goals
//   BENCH_ONLY=digests        → only the 1,000 digests through the rate-limited connector
//   BENCH_ONLY=calendar       → only the calendar sync (2,000 events, throttled; then 10 changes)
//   BENCH_ONLY=pdf            → only the import of a 40-page agenda PDF (time, memory peak)
//   BENCH_ONLY=import         → only the document import: parse time and the corpus per layout
//   BENCH_ONLY=text           → only reading a message's text: 100 KB of each markup unit, 500 K odd characters cleaned (goal < 1000 ms each, as the tests once asserted)
//   BENCH_ONLY=panel          → only the meeting side panel: 30 viewers polling the live state, the secretariat moving on 20 times (lag p95 and max, goal ≤ 2 s; the live GET's p95)
//   BENCH_ONLY=tab            → only the tab: its meeting page's API (30 items, 30 members, 20 at a time: p95), its JavaScript gzipped, its cold first render in Chromium
//   BENCH_ENTRY=.scratch/base/src/index.js → start that build of the bot instead of dist/src/index.js (a copy of dist/ from before a change, to compare in the same minute)
//   BENCH_ONLY=stall          → only "næste møde" while an import, minutes builds and 1,000 digests run, vs idle, in rounds (BENCH_STALL_CLIENTS, default 10; BENCH_STALL_ROUNDS, default 3)
//   BENCH_ONLY=paths          → only the paths members use, each vs the echo bot (BENCH_PATH_REQUESTS per client, default 160, in BENCH_PATH_ROUNDS turns of each process, default 4); BENCH_PHRASE='…' asks the own-words path that one question only (to find the costly ones), with memory idle and at the peak, then the tab's meeting page API
import { spawn, type ChildProcess } from 'node:child_process';
import { Client } from 'pg';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { message } from '../test/support/activities';
import { startRecordingConnector } from '../test/support/recording-connector';
import { buildBot, startCommandArgs } from '../scripts/start-command';
import { openDatabase, type DatabaseTarget } from '../src/store/database';
import {
  cardsShowingFinalCounts,
  checkAnswers,
  itemIdOfCard,
  runAnswers,
  setUpAgenda,
  storedAnswers,
} from './answers.bench';
import { measureDigests, type DigestRun } from './digests.bench';
import { benchImport } from './import.bench';
import { benchText, reportText } from './text.bench';
import { benchPdfImport, reportPdfImport } from './pdf-import';
import { formatScores, scoreCorpus } from './import-corpus';
import { generateCorpus } from './corpus/generate';
import { measureCalendar, reportCalendar } from './calendar.bench';
import { runLoad, type LoadResult } from './load';
import { measureTabApi, reportTabApi } from './tab-api';
import { measurePanel, reportPanel } from './panel.bench';
import { measureTabRender, reportTabRender } from './tab-render';
import { measurePaths, reportPaths } from './paths.bench';
import { measureStall, reportStall } from './stall.bench';
import { benchNodeArgs, profileArgs, stopBot, stopChildren, trackChild } from './bot-child';

const root = path.join(__dirname, '..');
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 50);
const PER_CLIENT = Number(process.env.BENCH_REQUESTS ?? 2000);
// BENCH_PORT: another base port, for a second bench on the same machine (the echo bot takes the next one).
const DAGSORDEN_PORT = Number(process.env.BENCH_PORT ?? 3988);
const ECHO_PORT = DAGSORDEN_PORT + 1;
const ONLY_ANSWERS = process.env.BENCH_ONLY === 'answers';
const ONLY_DIGESTS = process.env.BENCH_ONLY === 'digests';
const ONLY_CALENDAR = process.env.BENCH_ONLY === 'calendar';
const ONLY_PDF = process.env.BENCH_ONLY === 'pdf';
const ONLY_IMPORT = process.env.BENCH_ONLY === 'import';
const ONLY_TEXT = process.env.BENCH_ONLY === 'text';
const ONLY_TAB = process.env.BENCH_ONLY === 'tab';
const ONLY_PANEL = process.env.BENCH_ONLY === 'panel';
const ONLY_PATHS = process.env.BENCH_ONLY === 'paths';
const ONLY_STALL = process.env.BENCH_ONLY === 'stall';
const ONLY_START = process.env.BENCH_ONLY === 'start';
/** Restarts measured by BENCH_ONLY=start and the full run (BENCH_ONLY=paths measures one). */
const START_RESTARTS = Number(process.env.BENCH_START_RESTARTS ?? 5);
// 160 a client: 8,000 requests a path, some 5 s measured. With 40 (2,000 requests, under
// 2 s) one pause of either process moved a path's p95 ratio by half its value from run
// to run on the same code (stop 30: 1.44–1.98 for «dagsorden»).
const PATH_REQUESTS = Number(process.env.BENCH_PATH_REQUESTS ?? 160);
// The echo bot and Dagsorden take turns at a path's requests, in this many rounds each
// (paths.bench.ts): 4 rounds of 40 requests a client, about 1.3 s a round.
const PATH_ROUNDS = Number(process.env.BENCH_PATH_ROUNDS ?? 4);
/** BENCH_GC: the folder the processes write their garbage collections to (bench/gc-log.cjs). */
const GC_LOG = process.env.BENCH_GC ? fs.mkdtempSync(path.join(os.tmpdir(), 'dagsorden-bench-gc-')) : undefined;

interface Running {
  child: ChildProcess;
  startupMs: number;
}

async function waitForHealth(url: string, timeoutMs: number, child: ChildProcess): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`process exited with ${child.exitCode}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not yet
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`${url} not ready in ${timeoutMs} ms`);
}

/** Starts an entry point in one node process, so the pid is the server's. */
async function start(args: string[], env: Record<string, string>, port: number): Promise<Running> {
  // Another process answering on the port would be measured in place of this one.
  if (await fetch(`http://127.0.0.1:${port}/healthz`).then(() => true, () => false))
    throw new Error(`port ${port} is taken (another bench on this machine?): set BENCH_PORT`);
  const started = performance.now();
  const child = trackChild(
    spawn(
      process.execPath,
      [
        ...profileArgs(),
        ...(GC_LOG ? ['--require', path.join(root, 'bench', 'gc-log.cjs')] : []),
        ...benchNodeArgs(),
        ...args,
      ],
      {
        cwd: root,
        env: { ...process.env, LOG_LEVEL: 'warn', ...env, ...(GC_LOG ? { BENCH_GC_LOG: GC_LOG } : {}), PORT: String(port), HOST: '127.0.0.1' },
        // BENCH_STDOUT=<folder>: each process's standard output (e.g. V8's --trace-gc lines) in <folder>/<pid>.out.
        stdio: ['ignore', process.env.BENCH_STDOUT ? 'pipe' : 'ignore', 'inherit'],
      },
    ),
  );
  if (process.env.BENCH_STDOUT) child.stdout?.pipe(fs.createWriteStream(path.join(process.env.BENCH_STDOUT, `${child.pid}.out`)));
  await waitForHealth(`http://127.0.0.1:${port}/healthz`, 60_000, child);
  return { child, startupMs: performance.now() - started };
}

const stop = stopBot;

function rssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
  return Math.round(kb / 102.4) / 10;
}

const fmt = (n: number) => n.toFixed(2);

function line(name: string, r: LoadResult): string {
  return `${name.padEnd(22)} ${String(r.requests).padStart(7)} req  ${fmt(r.requests / r.seconds).padStart(8)} req/s  p50 ${fmt(r.p50).padStart(7)} ms  p95 ${fmt(r.p95).padStart(7)} ms  p99 ${fmt(r.p99).padStart(7)} ms  errors ${r.errors}`;
}

async function main(): Promise<void> {
  const connector = await startRecordingConnector({ keep: false });
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dagsorden-bench-'));
  // The turns are measured here, not the scheduled jobs (the digests are, below): no
  // reminders going out to the bench's members in the middle of the answers.
  const env = {
    DATA_DIR: dataDir,
    DATABASE_URL: '',
    NOW: '2026-11-22T12:00:00+01:00',
    SCHEDULER_TICK_SECONDS: '0',
  };
  const body = (port: number) => (c: number, i: number) =>
    JSON.stringify({
      ...message('næste møde', { serviceUrl: connector.url }),
      id: `bench-${port}-${c}-${i}`,
    });

  console.log(
    `Dagsorden bench · ${os.cpus().length} cores · node ${process.version} · ${CLIENTS} clients × ${PER_CLIENT} requests\n`,
  );
  if (ONLY_PDF) {
    if (!reportPdfImport(await benchPdfImport())) process.exitCode = 1;
    await connector.close();
    return;
  }
  if (ONLY_TEXT) {
    if (!reportText(benchText())) process.exitCode = 1;
    await connector.close();
    return;
  }
  if (ONLY_IMPORT) {
    reportImport();
    await connector.close();
    return;
  }
  if (ONLY_TAB) {
    if (!reportTabApi(await measureTabApi())) process.exitCode = 1;
    if (!reportTabRender(await measureTabRender())) process.exitCode = 1;
    await connector.close();
    return;
  }
  if (ONLY_PANEL) {
    if (!reportPanel(await measurePanel())) process.exitCode = 1;
    await connector.close();
    return;
  }
  if (ONLY_CALENDAR) {
    if (!reportCalendar(await measureCalendar())) process.exitCode = 1;
    await connector.close();
    return;
  }

  // Dagsorden runs as `npm start` runs it: compiled, with the same node options.
  buildBot();
  // BENCH_ENTRY: another build's entry point (a copy of dist/ from before a change), measured the same way in the same minute.
  const startArgs = process.env.BENCH_ENTRY ? [...startCommandArgs().slice(0, -1), process.env.BENCH_ENTRY] : startCommandArgs();
  if (ONLY_DIGESTS) {
    reportDigests(await measureDigests(startArgs));
    await connector.close();
    return;
  }
  if (ONLY_STALL) {
    if (!reportStall(await measureStall(startArgs))) process.exitCode = 1;
    await connector.close();
    return;
  }
  if (ONLY_START) {
    const { cold, restarts, last } = await startAndRestart(startArgs, env);
    await stop(last.child);
    if (!reportStartup(cold.startupMs, restarts)) process.exitCode = 1;
    fs.rmSync(dataDir, { recursive: true, force: true });
    await connector.close();
    return;
  }
  if (ONLY_PATHS) {
    await pathsOnly(startArgs, env, dataDir);
    await connector.close();
    return;
  }
  if (ONLY_ANSWERS) {
    await answersOnly(startArgs, env, dataDir);
    await connector.close();
    return;
  }
  // Start-up to /healthz, as BENCH_ONLY=start measures it; the last restart runs on.
  const { cold, restarts, last: app } = await startAndRestart(startArgs, env);
  if (!reportStartup(cold.startupMs, restarts)) process.exitCode = 1;
  const echo = await start(['--import', 'tsx', 'bench/echo-bot.ts'], {}, ECHO_PORT);

  await new Promise((r) => setTimeout(r, 2000));
  const idle = rssMb(app.child.pid!);

  const warm = Math.max(1, Math.round(PER_CLIENT / 10));
  await runLoad(`http://127.0.0.1:${ECHO_PORT}/api/messages`, CLIENTS, warm, body(ECHO_PORT));
  await runLoad(
    `http://127.0.0.1:${DAGSORDEN_PORT}/api/messages`,
    CLIENTS,
    warm,
    body(DAGSORDEN_PORT),
  );
  const afterWarmup = rssMb(app.child.pid!);

  const sentBefore = connector.count();
  const echoResult = await runLoad(
    `http://127.0.0.1:${ECHO_PORT}/api/messages`,
    CLIENTS,
    PER_CLIENT,
    body(ECHO_PORT),
  );
  const midRun = rssMb(app.child.pid!);
  // RSS sampled through the run: a leak shows as a rise from the second quarter of the
  // run to the last, once the heap has reached its working size under load.
  const samples: number[] = [];
  const sampler = setInterval(() => samples.push(rssMb(app.child.pid!)), 250);
  const appResult = await runLoad(
    `http://127.0.0.1:${DAGSORDEN_PORT}/api/messages`,
    CLIENTS,
    PER_CLIENT,
    body(DAGSORDEN_PORT),
  );
  clearInterval(sampler);
  const afterRun = rssMb(app.child.pid!);
  const quarter = (q: number) => {
    const part = samples.slice(
      Math.floor((samples.length * q) / 4),
      Math.floor((samples.length * (q + 1)) / 4),
    );
    return part.length ? part.reduce((a, b) => a + b, 0) / part.length : NaN;
  };
  const growth = quarter(3) - quarter(1);
  await new Promise((r) => setTimeout(r, 2000));
  const settled = rssMb(app.child.pid!);
  const replies = connector.count() - sentBefore;

  console.log('');
  console.log(line('echo bot (baseline)', echoResult));
  console.log(line('Dagsorden "næste møde"', appResult));
  console.log(
    `replies at the connector: ${replies} of ${echoResult.requests + appResult.requests}`,
  );
  console.log(
    `p95 ratio Dagsorden / echo: ${fmt(appResult.p95 / echoResult.p95)} (goal ≤ 1.5); p50 ratio ${fmt(appResult.p50 / echoResult.p50)}`,
  );
  console.log('');
  console.log(
    `memory (RSS) of the Dagsorden process, embedded database: before the run ${idle} MB (the goals are on the idle figure and the peak of the paths below)`,
  );
  console.log(
    `  after warm-up (${CLIENTS * warm} turns) ${afterWarmup} MB · before its run ${midRun} MB · after ${appResult.requests} turns ${afterRun} MB · 2 s later ${settled} MB`,
  );
  console.log(
    `  under load, mean per quarter of the run: ${[0, 1, 2, 3].map((q) => fmt(quarter(q))).join(' · ')} MB; peak ${fmt(Math.max(...samples))} MB`,
  );
  console.log(
    `  growth from the 2nd to the 4th quarter: ${fmt(growth)} MB (${fmt((growth * 1024 * 1024) / (appResult.requests / 2))} bytes per turn)`,
  );

  // Answers on a published agenda: 1,000 from 500 members on 20 cards, vs the echo bot.
  const answers = await measureAnswers(
    `http://127.0.0.1:${DAGSORDEN_PORT}`,
    `http://127.0.0.1:${ECHO_PORT}`,
  );

  reportImport();
  if (!reportText(benchText())) process.exitCode = 1;
  if (!reportPdfImport(await benchPdfImport())) process.exitCode = 1;
  if (!reportTabApi(await measureTabApi())) process.exitCode = 1;
  if (!reportTabRender(await measureTabRender())) process.exitCode = 1;
  if (!reportPanel(await measurePanel())) process.exitCode = 1;

  await stop(app.child);
  await stop(echo.child);
  await connector.close();

  // The database after the run: every member's last answer, once.
  await reportAnswers('on item cards', 'in the database', answers, { kind: 'embedded', dataDir });

  await answersOnPostgres(startArgs, env);
  fs.rmSync(dataDir, { recursive: true, force: true });

  // 1,000 digests through a connector that enforces Teams' limits.
  reportDigests(await measureDigests(startArgs));
  // "næste møde" while an import, minutes builds and 1,000 digests run.
  if (!reportStall(await measureStall(startArgs))) process.exitCode = 1;
  // The calendar sync: 2,000 events, throttled, then 10 changes.
  if (!reportCalendar(await measureCalendar())) process.exitCode = 1;
  // The paths members use, each against the echo bot, with the bot's memory idle and at
  // their peak (what BENCH_ONLY=paths runs), on a database of their own: one run prints every goal.
  const pathsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dagsorden-bench-paths-'));
  await pathsOnly(startArgs, { ...env, DATA_DIR: pathsDir }, pathsDir, { startup: false, tab: false });
  if (appResult.errors || echoResult.errors) process.exitCode = 1;
}

/** Parse time of a 120 KB agenda, and the generated corpus read per layout (goal ≥ 98 % each). */
function reportImport(): void {
  const parse = benchImport();
  console.log('');
  console.log(
    `document import: ${(parse.bytes / 1024).toFixed(0)} KB agenda, ${parse.items} items, parsed in ${fmt(parse.ms)} ms (median; goal < 50 ms)`,
  );
  const scores = scoreCorpus(generateCorpus(40));
  console.log('document import corpus, items read exactly (goal ≥ 98 % per layout):');
  console.log(formatScores(scores));
  if (scores.some((s) => s.exact < 0.98 * s.items)) process.exitCode = 1;
}

function reportDigests(run: DigestRun): void {
  console.log('');
  console.log(
    `digests: ${run.digests} to ${run.members} members through a connector enforcing Teams' limits: ${fmt(run.seconds)} s from the first request to the last digest; ` +
      `floor ${fmt(run.floorSeconds)} s (${run.requests} requests at 50/s); ratio ${fmt(run.seconds / run.floorSeconds)} (goal ≤ 1.15)`,
  );
  console.log(
    `digests duplicated ${run.duplicated} · lost ${run.lost} (goal 0, 0) · answered 429 by the connector: ${run.throttled}`,
  );
  if (run.duplicated || run.lost) process.exitCode = 1;
}

/**
 * Start-up to /healthz on the embedded database, with its goals (issue 21, item 3): the first
 * start (the data folder made from the template, migrated, seeded) ≤ 3 s, a restart ≤ 1 s (the
 * median of the restarts measured, with their spread). The machine's load is printed beside
 * them: on a busy machine the figures are not the bot's alone. False when a goal is missed.
 */
function reportStartup(firstMs: number, restartMs: number[]): boolean {
  const sorted = [...restartMs].sort((a, b) => a - b);
  const median = sorted[Math.floor((sorted.length - 1) / 2)]!;
  const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  const firstMet = firstMs <= 3000;
  const restartMet = median <= 1000;
  const spread = sorted.length > 1 ? ` (median of ${sorted.length}: ${sorted.map(s).join(', ')})` : '';
  console.log(
    `start-up to /healthz, embedded: first start ${s(firstMs)} (goal ≤ 3 s: ${firstMet ? 'met' : 'NOT met'}), restart ${s(median)}${spread} (goal ≤ 1 s: ${restartMet ? 'met' : 'NOT met'}); load average ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} cores`,
  );
  return firstMet && restartMet;
}

/**
 * A first start (the data folder made, migrated, seeded), stopped, then START_RESTARTS
 * restarts, each stopped but the last, which is left running for the caller.
 */
async function startAndRestart(
  startArgs: string[],
  env: Record<string, string>,
): Promise<{ cold: Running; restarts: number[]; last: Running }> {
  const cold = await start(startArgs, env, DAGSORDEN_PORT);
  await stop(cold.child);
  const restarts: number[] = [];
  for (let i = 1; ; i++) {
    const again = await start(startArgs, env, DAGSORDEN_PORT);
    restarts.push(again.startupMs);
    if (i >= START_RESTARTS) return { cold, restarts, last: again };
    await stop(again.child);
  }
}

/** The process's largest memory mappings by resident size ("anon" ones are the V8 heap, WebAssembly memory, malloc). */
function largestMappings(pid: number): string {
  const blocks = fs.readFileSync(`/proc/${pid}/smaps`, 'utf8').split(/\n(?=[0-9a-f]+-[0-9a-f]+ )/);
  return blocks
    .map((b) => {
      const head = b.split('\n')[0]!.trim().split(/\s+/);
      return {
        name: head[5] ? path.basename(head[5]) : 'anon',
        size: Number(/\nSize:\s+(\d+)/.exec(b)?.[1] ?? 0) / 1024,
        rss: Number(/\nRss:\s+(\d+)/.exec(b)?.[1] ?? 0) / 1024,
      };
    })
    .sort((a, b) => b.rss - a.rss)
    .slice(0, 5)
    .map((m) => `${m.name} ${m.rss.toFixed(0)}/${m.size.toFixed(0)} MB`)
    .join(' · ');
}

/** RSS of a process sampled every 250 ms until stopped: the peak, and the mean of each quarter (a leak shows as a rise). */
function sampleRss(pid: number) {
  const samples: number[] = [];
  const timer = setInterval(() => samples.push(rssMb(pid)), 250);
  return {
    stop() {
      clearInterval(timer);
      const quarter = (q: number) => {
        const part = samples.slice(
          Math.floor((samples.length * q) / 4),
          Math.floor((samples.length * (q + 1)) / 4),
        );
        return part.length ? part.reduce((a, b) => a + b, 0) / part.length : NaN;
      };
      return { peak: Math.max(...samples), quarters: [0, 1, 2, 3].map(quarter) };
    },
  };
}

/** The paths members use, each against the echo bot (BENCH_ONLY=paths), with the bot's memory. */
async function pathsOnly(
  startArgs: string[],
  env: Record<string, string>,
  dataDir: string,
  /** The whole run has measured start-up and the tab's page already. */
  also: { startup: boolean; tab: boolean } = { startup: true, tab: true },
): Promise<void> {
  const cold = await start(startArgs, env, DAGSORDEN_PORT);
  await stop(cold.child);
  const app = await start(startArgs, env, DAGSORDEN_PORT);
  if (also.startup) reportStartup(cold.startupMs, [app.startupMs]);
  const echo = await start(['--import', 'tsx', 'bench/echo-bot.ts'], {}, ECHO_PORT);
  await new Promise((r) => setTimeout(r, 10_000));
  const idle = rssMb(app.child.pid!);
  const rss = sampleRss(app.child.pid!);
  const perPath: string[] = [];
  let before = rssMb(app.child.pid!);
  // A connector that keeps what it receives: the setup reads the bot's cards from it.
  const recording = await startRecordingConnector();
  const runs = await measurePaths(
    `http://127.0.0.1:${DAGSORDEN_PORT}`,
    `http://127.0.0.1:${ECHO_PORT}`,
    recording,
    { app: app.child.pid!, echo: echo.child.pid! },
    CLIENTS,
    PATH_REQUESTS,
    (name) => {
      const now = rssMb(app.child.pid!);
      perPath.push(`${name} ${fmt(now - before)}`);
      before = now;
    },
    PATH_ROUNDS,
  );
  const memory = rss.stop();
  const maps = largestMappings(app.child.pid!);
  await recording.close();
  await new Promise((r) => setTimeout(r, 2000));
  const settled = rssMb(app.child.pid!);
  if (!reportPaths(runs, CLIENTS, GC_LOG ? { dir: GC_LOG, app: app.child.pid!, echo: echo.child.pid! } : undefined)) process.exitCode = 1;
  if (GC_LOG) fs.rmSync(GC_LOG, { recursive: true, force: true });
  console.log('');
  console.log(
    `memory (RSS) of the Dagsorden process, embedded database: idle (10 s after /healthz) ${idle} MB (goal ≤ 150 MB); peak over the paths ${fmt(memory.peak)} MB (goal ≤ 300 MB); 2 s after ${settled} MB`,
  );
  console.log(
    `  mean per quarter of the run: ${memory.quarters.map(fmt).join(' · ')} MB; change up to each path's measured run: ${perPath.join(' · ')} MB`,
  );
  console.log(`  largest mappings at the end (resident / size): ${maps}`);
  if (idle > 150 || memory.peak > 300) process.exitCode = 1;
  await stop(app.child);
  await stop(echo.child);
  fs.rmSync(dataDir, { recursive: true, force: true });
  // The tab's meeting page is a path members use too (its own goal: p95 ≤ 50 ms).
  if (!also.tab) return;
  console.log('');
  if (!reportTabApi(await measureTabApi())) process.exitCode = 1;
}

/** The answers alone, on a fresh embedded database (BENCH_ONLY=answers), then on PostgreSQL if asked. */
async function answersOnly(
  startArgs: string[],
  env: Record<string, string>,
  dataDir: string,
): Promise<void> {
  const app = await start(startArgs, env, DAGSORDEN_PORT);
  const echo = await start(['--import', 'tsx', 'bench/echo-bot.ts'], {}, ECHO_PORT);
  const answers = await measureAnswers(
    `http://127.0.0.1:${DAGSORDEN_PORT}`,
    `http://127.0.0.1:${ECHO_PORT}`,
  );
  await stop(app.child);
  await stop(echo.child);
  await reportAnswers('on item cards', 'in the database', answers, { kind: 'embedded', dataDir });
  await answersOnPostgres(startArgs, env);
  fs.rmSync(dataDir, { recursive: true, force: true });
}

/** The same answers with the bot on a PostgreSQL server (BENCH_PG_URL, e.g. the CI machine's). */
async function answersOnPostgres(startArgs: string[], env: Record<string, string>): Promise<void> {
  const pgUrl = process.env.BENCH_PG_URL;
  if (pgUrl) {
    const url = new URL(pgUrl);
    url.pathname = '/dagsorden_bench';
    const admin = new Client({ connectionString: pgUrl });
    await admin.connect();
    await admin.query('DROP DATABASE IF EXISTS dagsorden_bench WITH (FORCE)');
    await admin.query('CREATE DATABASE dagsorden_bench');
    const echoAgain = await start(['--import', 'tsx', 'bench/echo-bot.ts'], {}, ECHO_PORT);
    const pgApp = await start(
      startArgs,
      { ...env, DATABASE_URL: url.toString(), DEMO_SEED: 'true' },
      DAGSORDEN_PORT,
    );
    const pgAnswers = await measureAnswers(
      `http://127.0.0.1:${DAGSORDEN_PORT}`,
      `http://127.0.0.1:${ECHO_PORT}`,
    );
    await stop(pgApp.child);
    await stop(echoAgain.child);
    await reportAnswers('on PostgreSQL', 'in PostgreSQL', pgAnswers, {
      kind: 'postgres',
      url: url.toString(),
    });
    await admin.query('DROP DATABASE IF EXISTS dagsorden_bench WITH (FORCE)');
    await admin.end();
  }
}

interface AnswersRun {
  echo: LoadResult;
  answers: LoadResult;
  expected: Map<string, string>;
  cardUpdates: number;
  /** The last card each item's message showed in the channel (its JSON). */
  lastCards: Map<string, string>;
}

/** Sets up a published agenda on the running bot and sends it the answers, with the echo bot's figures in the same shape. */
async function measureAnswers(appUrl: string, echoUrl: string): Promise<AnswersRun> {
  const connector = await startRecordingConnector();
  const { items } = await setUpAgenda(appUrl, connector);
  const echo = await runLoad(`${echoUrl}/api/messages`, 50, 20, (c, i) =>
    JSON.stringify({
      ...message('næste møde', { serviceUrl: connector.url }),
      id: `bench-echo-${c}-${i}`,
    }),
  );
  const { result: answers, expected } = await runAnswers(appUrl, connector, items);
  // Let the coalesced card updates go out (the channel takes 8 in 2 seconds), until 3 s pass without one.
  for (let seen = -1, until = Date.now() + 60_000; Date.now() < until;) {
    const now = connector.recorded.length;
    if (now === seen) break;
    seen = now;
    await new Promise((r) => setTimeout(r, 3000));
  }
  const updates = connector.recorded.filter((r) => r.method === 'PUT');
  const lastCards = new Map(updates.map((r) => [itemIdOfCard(r.body), JSON.stringify(r.body)]));
  await connector.close();
  return { echo, answers, expected, cardUpdates: updates.length, lastCards };
}

/** Checks the stored answers (the bot must have stopped, for the embedded database) and prints the figures. */
async function reportAnswers(
  where: string,
  stored: string,
  run: AnswersRun,
  target: DatabaseTarget,
): Promise<void> {
  const db = await openDatabase(target);
  const answers = await storedAnswers(db);
  const check = checkAnswers(answers, run.expected);
  await db.close();
  const current = cardsShowingFinalCounts(answers, run.lastCards);
  console.log('');
  console.log(line('echo bot (same shape)', run.echo));
  console.log(line(`answers ${where}`, run.answers));
  console.log(
    `answers p95 ratio Dagsorden ${where} / echo: ${fmt(run.answers.p95 / run.echo.p95)} (goal ≤ 2)`,
  );
  console.log(
    `answers ${stored}: ${check.stored} of ${check.expected} expected · lost ${check.lost} · duplicated ${check.duplicated} · wrong answer kept ${check.wrong} (goal 0, 0, 0)`,
  );
  console.log(
    `channel cards showing the final counts: ${current.showing} of ${current.items} (goal all), after ${run.cardUpdates} updates for ${run.answers.requests} answers (coalesced per item)`,
  );
  if (
    check.lost ||
    check.duplicated ||
    check.wrong ||
    run.answers.errors ||
    current.showing < current.items
  )
    process.exitCode = 1;
}

// Whatever happens in a measurement, the bots it started are stopped (their ports freed).
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.once(signal, () => void stopChildren().then(() => process.exit(130)));
main()
  .catch((err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  })
  .finally(async () => {
    await stopChildren();
    if (process.exitCode) process.exit(process.exitCode);
  });
