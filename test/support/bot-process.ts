// The bot as its own process (`node --import tsx src/index.ts`), for tests that kill it
// or run two of it: what a deployment does, not what a test harness does.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { until } from './until';

const root = path.join(__dirname, '..', '..');

export interface BotProcess {
  child: ChildProcess;
  url: string;
  /** Stops it: SIGTERM waits for a clean stop, SIGKILL does not let it finish anything. */
  stop(signal?: 'SIGTERM' | 'SIGKILL'): Promise<void>;
}

export async function startBotProcess(env: Record<string, string>, port: number): Promise<BotProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/index.ts'], {
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
