// What members do, path by path, each against the echo bot in the same run with the
// same requests: "næste møde" in the personal chat (many members) and in the channel,
// "dagsorden" and "mine opgaver" in the personal chat, questions in members' own words, a position click on an item
// card, and the refresh Teams sends (adaptiveCard/action, trigger automatic) each time
// a member's client shows an item card. Setup as in answers.bench.ts: a 500-member
// roster and a published 20-item agenda.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { executeAction, message } from '../test/support/activities';
import type { RecordingConnector } from '../test/support/recording-connector';
import { benchRoster, setUpAgenda } from './answers.bench';
import { percentile, runLoad, type LoadResult } from './load';

export interface PathRun {
  name: string;
  echo: LoadResult;
  app: LoadResult;
  /** CPU time (user + system) each process spent per request of the run, in ms: unlike latency, what another busy process on the machine hardly moves. */
  echoCpuMs: number;
  appCpuMs: number;
  /** The measured rounds on the monotonic clock (µs), each process's. */
  echoWindows: Array<[bigint, bigint]>;
  appWindows: Array<[bigint, bigint]>;
}

/** CPU time a process has used so far, in ms (Linux: /proc/<pid>/stat, in clock ticks of 10 ms). */
export function cpuMs(pid: number): number {
  const fields = fs
    .readFileSync(`/proc/${pid}/stat`, 'utf8')
    .replace(/^.*\) /, '')
    .split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** A process's figures over all its rounds of a path. */
function pooled(side: { latencies: number[]; errors: number; seconds: number }): LoadResult {
  const sorted = [...side.latencies].sort((a, b) => a - b);
  return {
    requests: sorted.length,
    errors: side.errors,
    seconds: side.seconds,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted.length ? sorted[sorted.length - 1]! : NaN,
  };
}

type Body = (client: number, i: number) => unknown;

/** Questions in members' own words that the bot answers by reading (written for the bench: not the language model's training or held-out phrases). */
const OWN_WORDS = [
  'Hvornår er næste møde?',
  'hvornår mødes styregruppen igen',
  'Hvad er der på dagsordenen til næste møde?',
  'kan jeg se dagsordenen',
  'Hvilke opgaver har jeg?',
  'Hvornår skal punkter være meldt ind?',
  'tak for hjælpen',
  'Hej',
  'Hvem sidder i styregruppen?',
  'Hvad blev der besluttet sidst?',
  'Er referatet klar?',
  'hvad kan du hjælpe med?',
  'Hvor holdes mødet?',
  'Hvad skal jeg nå inden mødet?',
];

/** The requests of each path; members rotate so that many different people ask. */
function paths(
  serviceUrl: string,
  items: Array<{ id: string; decision: boolean }>,
): Array<{ name: string; body: Body }> {
  const roster = benchRoster();
  const member = (c: number, i: number) => {
    const m = roster[(c * 7 + i) % roster.length]!;
    return { id: m.id, aadObjectId: m.aadObjectId, name: m.name };
  };
  const decisions = items.filter((it) => it.decision);
  const kinds = ['can_approve', 'wants_discussion', 'cannot_approve'];
  return [
    {
      name: 'næste møde (personal)',
      body: (c, i) => message('næste møde', { serviceUrl, scope: 'personal', user: member(c, i) }),
    },
    {
      // Members write to the bot as they would to a colleague (issue 18), so most of what it
      // is asked goes through the intent model and not a command's word: questions it answers
      // by reading (no answer, attendance or setting is written), in turn.
      name: 'egne ord (personal)',
      body: (c, i) =>
        message(process.env.BENCH_PHRASE ?? OWN_WORDS[(c + i) % OWN_WORDS.length]!, { serviceUrl, scope: 'personal', user: member(c, i) }),
    },
    {
      name: 'næste møde (channel)',
      body: (c, i) => message('næste møde', { serviceUrl, user: member(c, i) }),
    },
    {
      name: 'dagsorden (personal)',
      body: (c, i) => message('dagsorden', { serviceUrl, scope: 'personal', user: member(c, i) }),
    },
    {
      name: 'mine opgaver (personal)',
      body: (c, i) =>
        message('mine opgaver', { serviceUrl, scope: 'personal', user: member(c, i) }),
    },
    {
      name: 'position click',
      body: (c, i) =>
        executeAction(
          'position',
          {
            itemId: decisions[(c + i) % decisions.length]!.id,
            kind: kinds[(c + i) % kinds.length],
          },
          { serviceUrl, user: member(c, i) },
        ),
    },
    {
      name: 'card refresh (automatic)',
      body: (c, i) => {
        const invoke = executeAction(
          'item-refresh',
          { itemId: items[(c + i) % items.length]!.id },
          { serviceUrl, user: member(c, i) },
        );
        return { ...invoke, value: { ...invoke.value, trigger: 'automatic' } };
      },
    },
  ];
}

/** Sets up the agenda, then for each path: a warm-up, then the echo bot and Dagsorden in turns, with the same requests. */
export async function measurePaths(
  appUrl: string,
  echoUrl: string,
  connector: RecordingConnector & { count(): number },
  pids: { app: number; echo: number },
  clients: number,
  perClient: number,
  onPath: (name: string) => void = () => undefined,
  /** How many turns each process takes at a path's requests (BENCH_PATH_ROUNDS). */
  rounds = 4,
): Promise<PathRun[]> {
  const { items } = await setUpAgenda(appUrl, connector);
  // Each member has written to the bot in the personal chat once before (it then stores
  // their chat, once): the paths measure the everyday turn, not the first contact.
  const roster = benchRoster();
  await runLoad(`${appUrl}/api/messages`, clients, Math.ceil(roster.length / clients), (c, i) => {
    const m = roster[(c * Math.ceil(roster.length / clients) + i) % roster.length]!;
    return JSON.stringify(
      message('hjælp', {
        serviceUrl: connector.url,
        scope: 'personal',
        user: { id: m.id, aadObjectId: m.aadObjectId, name: m.name },
      }),
    );
  });
  connector.clear();
  // Teams keeps nothing of ours in the bot's process nor in the load's; the stand-in, which
  // runs in this process beside the load, would keep every reply (a member's «dagsorden» is
  // a 20-item card): its memory and its garbage collections would stretch the latencies
  // measured here, more on the paths with larger replies. From here on it only counts them.
  connector.keep(false);
  const runs: PathRun[] = [];
  // BENCH_PATHS=personal: only the paths whose name contains that (for profiling one).
  const only = process.env.BENCH_PATHS;
  for (const path of paths(connector.url, items).filter((p) => !only || p.name.includes(only))) {
    const payload = (c: number, i: number) =>
      JSON.stringify({ ...(path.body(c, i) as object), id: randomUUID() });
    // The first path warms both processes as long as it measures them: the echo bot has
    // served nothing before it, and measured cold it spent 1.6–2.3× the CPU per request it
    // spent on the later paths (the first path's ratio looked better than it was).
    const warm = runs.length ? Math.max(1, Math.round(perClient / 10)) : perClient;
    await runLoad(`${echoUrl}/api/messages`, clients, warm, payload);
    await runLoad(`${appUrl}/api/messages`, clients, warm, payload);
    onPath(path.name);
    // The two processes take turns, in rounds of a part of the requests each (echo bot,
    // Dagsorden; then Dagsorden, echo bot; …), and each one's figures are over all its
    // rounds. Measured one after the other in a single run each, a change in what else the
    // machine was doing between the two (the same echo bot's p50 was 38 ms in one run and
    // 60 ms in the next, minutes apart) went wholly into the ratio.
    const side = (url: string, pid: number) => ({ url, pid, latencies: [] as number[], errors: 0, seconds: 0, cpu: 0, windows: [] as Array<[bigint, bigint]> });
    const sides = { echo: side(echoUrl, pids.echo), app: side(appUrl, pids.app) };
    const perRound = Math.max(1, Math.ceil(perClient / rounds));
    for (let round = 0; round < rounds; round++) {
      for (const side of round % 2 ? [sides.app, sides.echo] : [sides.echo, sides.app]) {
        const cpuBefore = cpuMs(side.pid);
        const from = process.hrtime.bigint() / 1000n;
        const result = await runLoad(`${side.url}/api/messages`, clients, perRound, payload, undefined, (_, ms) => void side.latencies.push(ms));
        side.windows.push([from, process.hrtime.bigint() / 1000n]);
        side.cpu += cpuMs(side.pid) - cpuBefore;
        side.errors += result.errors;
        side.seconds += result.seconds;
      }
    }
    // With BENCH_PROFILE: the measured windows on the monotonic clock the CPU profiles use (µs), to cut a path's own share out of them.
    if (process.env.BENCH_PROFILE)
      console.log(`profile windows ${path.name}: ${sides.app.windows.map(([a, b]) => `${a}–${b}`).join(', ')} µs (echo bot ${sides.echo.windows.map(([a, b]) => `${a}–${b}`).join(', ')} µs)`);
    connector.clear();
    runs.push({
      name: path.name,
      echo: pooled(sides.echo),
      app: pooled(sides.app),
      echoCpuMs: sides.echo.cpu / Math.max(1, sides.echo.latencies.length),
      appCpuMs: sides.app.cpu / Math.max(1, sides.app.latencies.length),
      echoWindows: sides.echo.windows,
      appWindows: sides.app.windows,
    });
  }
  return runs;
}

const fmt = (n: number) => n.toFixed(2);

/** Collections of one kind in a window: how many, their pauses summed and the longest (ms). */
interface GcCount {
  n: number;
  ms: number;
  max: number;
}

/** A process's garbage collections in a window, from what bench/gc-log.cjs wrote (BENCH_GC). */
export function gcIn(dir: string, pid: number, windows: Array<[bigint, bigint]>): { minor: GcCount; major: GcCount } {
  const counts = { minor: { n: 0, ms: 0, max: 0 }, major: { n: 0, ms: 0, max: 0 } };
  let text = '';
  try {
    text = fs.readFileSync(`${dir}/${pid}.gc`, 'utf8');
  } catch {
    return counts;
  }
  for (const line of text.split('\n')) {
    const [kind, at, ms] = line.split(' ');
    if (!kind || !at || !ms || !windows.some(([from, to]) => BigInt(at) >= from && BigInt(at) <= to)) continue;
    // Incremental marking's steps are the major collection's pauses too; only the final one counts as a collection.
    const into = kind === 'minor' ? counts.minor : kind === 'major' || kind === 'incremental' ? counts.major : undefined;
    if (!into) continue;
    if (kind !== 'incremental') into.n += 1;
    into.ms += Number(ms);
    into.max = Math.max(into.max, Number(ms));
  }
  return counts;
}

const gcLine = (c: { minor: GcCount; major: GcCount }) =>
  `scavenges ${c.minor.n} (${c.minor.ms.toFixed(0)} ms, longest ${c.minor.max.toFixed(1)}), mark-compacts ${c.major.n} (${c.major.ms.toFixed(0)} ms, longest ${c.major.max.toFixed(1)})`;

/** The goal of each path: its p95 at most this many times the echo bot's. */
export const PATH_P95_GOAL = 1.5;

/** One line per path (with BENCH_GC, a line of each process's garbage collections in its run); false when a path had errors or missed its goal. */
export function reportPaths(runs: PathRun[], clients: number, gc?: { dir: string; app: number; echo: number }): boolean {
  console.log('');
  console.log(
    `paths members use, ${clients} concurrent clients, each against the echo bot with the same requests, the two taking turns (goal p95 ≤ ${PATH_P95_GOAL}× echo, 0 errors):`,
  );
  console.log(
    `(CPU ms/req: the process's CPU time per request of the run, echo bot / Dagsorden, and their ratio: what the ratio of p95 comes to on a machine not shared with other work)`,
  );
  console.log(
    `${'path'.padEnd(26)} ${'echo p50'.padStart(9)} ${'echo p95'.padStart(9)} ${'p50'.padStart(8)} ${'p95'.padStart(8)} ${'p95 ×echo'.padStart(10)} ${'req/s'.padStart(8)} ${'CPU ms/req'.padStart(12)} ${'CPU ×echo'.padStart(10)} errors`,
  );
  let ok = true;
  for (const r of runs) {
    const errors = r.app.errors + r.echo.errors;
    // The ratio as printed (two decimals): what the line shows is what is judged.
    if (errors || Number(fmt(r.app.p95 / r.echo.p95)) > PATH_P95_GOAL) ok = false;
    console.log(
      `${r.name.padEnd(26)} ${fmt(r.echo.p50).padStart(9)} ${fmt(r.echo.p95).padStart(9)} ${fmt(r.app.p50).padStart(8)} ${fmt(r.app.p95).padStart(8)} ${fmt(r.app.p95 / r.echo.p95).padStart(10)} ${fmt(r.app.requests / r.app.seconds).padStart(8)} ${`${fmt(r.echoCpuMs)}/${fmt(r.appCpuMs)}`.padStart(12)} ${fmt(r.appCpuMs / r.echoCpuMs).padStart(10)} ${r.app.errors}${r.echo.errors ? ` (echo ${r.echo.errors})` : ''}`,
    );
    if (gc) {
      console.log(`${''.padEnd(26)} GC echo bot: ${gcLine(gcIn(gc.dir, gc.echo, r.echoWindows))}`);
      console.log(`${''.padEnd(26)} GC Dagsorden: ${gcLine(gcIn(gc.dir, gc.app, r.appWindows))}`);
    }
  }
  return ok;
}
