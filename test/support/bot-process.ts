// The bot as its own process (`node --import tsx src/index.ts`), for tests that kill it
// or run two of it: what a deployment does, not what a test harness does.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

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
  const until = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`bot exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) break;
    } catch {
      // not yet
    }
    if (Date.now() > until) throw new Error('bot did not start');
    await new Promise((r) => setTimeout(r, 50));
  }
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
