// `npm run playground`: starts Dagsorden on the embedded database with the demo
// committee and the Microsoft 365 Agents Playground (a Teams-like client, offline,
// channel "msteams") against it. Ctrl+C stops both.
//   PORT=3978, PLAYGROUND_PORT=56150        → ports
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { buildBot, startCommandArgs } from './start-command';

const root = path.join(__dirname, '..');
const botPort = process.env.PORT ?? '3978';
const uiPort = process.env.PLAYGROUND_PORT ?? '56150';
const children: ChildProcess[] = [];

function stopAll(code: number): never {
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  process.exit(code);
}

async function waitForHealth(url: string, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`Dagsorden svarede ikke på ${url} inden for ${timeoutMs / 1000} s`);
}

async function main(): Promise<void> {
  buildBot();
  const bot = spawn(process.execPath, startCommandArgs(), {
    cwd: root,
    env: { ...process.env, PORT: botPort },
    stdio: 'inherit',
  });
  children.push(bot);
  bot.on('exit', (code) => stopAll(code ?? 1));
  await waitForHealth(`http://127.0.0.1:${botPort}/healthz`, 60_000);

  const ui = spawn(
    process.execPath,
    [
      require.resolve('@microsoft/m365agentsplayground/cli.js'),
      '-e', `http://127.0.0.1:${botPort}/api/messages`,
      '-c', 'msteams',
      '-p', uiPort,
      '--disable-telemetry',
    ],
    { cwd: root, env: process.env, stdio: 'inherit' },
  );
  children.push(ui);
  ui.on('exit', (code) => stopAll(code ?? 0));
  process.stdout.write(`\nÅbn http://127.0.0.1:${uiPort} i en browser. Ctrl+C stopper.\n\n`);
}

process.on('SIGINT', () => stopAll(0));
process.on('SIGTERM', () => stopAll(0));
main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  stopAll(1);
});
