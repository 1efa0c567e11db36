// The bot as a child process for the benches that measure it from outside (digests, stall):
// started on a given port and waited for until /healthz answers, stopped with SIGTERM.
// Every child a bench starts is tracked, so that a measurement that throws still stops
// them (stopChildren() in the bench's finally, and SIGKILL when the bench process exits):
// a bot left running would hold its port and fail the next run with EADDRINUSE.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const running = new Set<ChildProcess>();

/** Tracks a child until it exits. */
export function trackChild(child: ChildProcess): ChildProcess {
  running.add(child);
  child.once('exit', () => running.delete(child));
  return child;
}

/** Stops every tracked child that still runs (SIGTERM, then SIGKILL after 5 s). */
export async function stopChildren(): Promise<void> {
  await Promise.all([...running].map((child) => stopBot(child)));
}

// The last resort (process.exit, an uncaught error): no child outlives the bench.
process.once('exit', () => {
  for (const child of running)
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

/** With BENCH_PROFILE: node writes the child's CPU profile into that folder when it exits. */
export function profileArgs(): string[] {
  const dir = process.env.BENCH_PROFILE;
  return dir ? ['--cpu-prof', `--cpu-prof-dir=${dir}`] : [];
}

/** BENCH_NODE_ARGS: more node options for every bot the bench starts (a preload, --trace-gc…). */
export function benchNodeArgs(): string[] {
  return process.env.BENCH_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
}

/** With BENCH_LOOP_FILE in the child's env: it records its event loop's blocks there (loop-watch.cjs). */
function loopWatchArgs(env: Record<string, string>): string[] {
  return env.BENCH_LOOP_FILE ? ['--require', path.join(__dirname, 'loop-watch.cjs')] : [];
}

/** The blocks of the event loop a child recorded (see loop-watch.cjs): when each began (epoch ms), how long it took, and its CPU time (null: unknown). */
export function readLoopBlocks(file: string): Array<[number, number, number | null]> {
  return (JSON.parse(fs.readFileSync(file, 'utf8')) as { blocks: Array<[number, number, number | null]> }).blocks;
}

export async function startBot(
  port: number,
  args: string[],
  env: Record<string, string>,
): Promise<ChildProcess> {
  const child = trackChild(
    spawn(process.execPath, [...profileArgs(), ...loopWatchArgs(env), ...benchNodeArgs(), ...args], {
      cwd: path.join(__dirname, '..'),
      env: { ...process.env, LOG_LEVEL: 'warn', ...env, PORT: String(port), HOST: '127.0.0.1' },
      stdio: ['ignore', 'ignore', 'inherit'],
    }),
  );
  for (const until = Date.now() + 60_000; Date.now() < until;) {
    if (child.exitCode !== null) throw new Error(`the bot exited with ${child.exitCode}`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) return child;
    } catch {
      // not yet
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  await stopBot(child);
  throw new Error('the bot did not start');
}

export async function stopBot(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  // A CPU profile (BENCH_PROFILE) is written on the way out: a busy machine takes longer than 5 s for that.
  const hard = setTimeout(() => child.kill('SIGKILL'), process.env.BENCH_PROFILE ? 60_000 : 5000);
  await exited;
  clearTimeout(hard);
}
