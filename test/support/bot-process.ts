// The bot (`src/index.ts`) as its own process, from the bundle `npm start` runs
// (`node dist/src/index.js`, made by scripts/build.js), for tests that kill it or run two
// of it: what a deployment does, not what a test harness does. The bundle is built again
// first when the code changed since (as `npm start` does); it starts in a fraction of the
// time a TypeScript loader takes to compile the sources at every start.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { until } from './until';

const root = path.join(__dirname, '..', '..');
let built = false;

/** `node scripts/build.js --if-stale`: about 30 ms when dist/ is up to date, a build when not. */
function buildIfStale(): void {
  if (built) return;
  execFileSync(process.execPath, [path.join(root, 'scripts', 'build.js'), '--if-stale'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  built = true;
}

export interface BotProcess {
  child: ChildProcess;
  url: string;
  /** Stops it: SIGTERM waits for a clean stop, SIGKILL does not let it finish anything. */
  stop(signal?: 'SIGTERM' | 'SIGKILL'): Promise<void>;
}

export async function startBotProcess(env: Record<string, string>, port: number): Promise<BotProcess> {
  buildIfStale();
  const child = spawn(process.execPath, [path.join('dist', 'src', 'index.js')], {
    cwd: root,
    env: { ...process.env, LOG_LEVEL: 'warn', ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  await until(
    async () => {
      if (child.exitCode !== null) throw new Error(`bot exited with ${child.exitCode}`);
      return fetch(`${url}/healthz`).then(
        (res) => res.ok,
        () => false, // not listening yet
      );
    },
    60_000,
    'the bot to start',
  );
  return {
    child,
    url,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode !== null || child.signalCode) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill(signal);
      await exited;
    },
  };
}

/** POSTs an activity to the bot. */
export async function postActivity(url: string, activity: unknown): Promise<void> {
  const res = await fetch(`${url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
  if (!res.ok) throw new Error(`the bot answered ${res.status}`);
  await res.text();
}
