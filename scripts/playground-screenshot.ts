// Takes the README's screenshot: starts Dagsorden (fresh embedded database in a temp
// folder, demo committee) and the Agents Playground, opens it in Debian's Chromium,
// writes as Alex Wilber (personal chat, or the General channel of "My Team"), and saves docs/*.png.
//   npx tsx scripts/playground-screenshot.ts [message …]
//   SHOT_CHAT=channel SHOT_NAME=agenda.png SHOT_HEIGHT=1600 npx tsx scripts/playground-screenshot.ts …
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { buildBot, startCommandArgs } from './start-command';

const root = path.join(__dirname, '..');
// PORT and PLAYGROUND_PORT as for `npm run playground`, so two can run side by side.
const BOT_PORT = Number(process.env.PORT ?? 3978);
const UI_PORT = Number(process.env.PLAYGROUND_PORT ?? 56150);
const messages = process.argv.slice(2).length ? process.argv.slice(2) : ['hej', 'næste møde'];
/** SHOT_CHAT=channel writes in My Team's General channel; the default is the personal chat. */
const CHAT = process.env.SHOT_CHAT === 'channel' ? 'channel' : 'personal';
const OUT = process.env.SHOT_NAME ?? 'playground.png';
const HEIGHT = Number(process.env.SHOT_HEIGHT ?? 1200);
const children: ChildProcess[] = [];

async function waitFor(url: string): Promise<void> {
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not answer`);
}

async function main(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dagsorden-shot-'));
  buildBot();
  children.push(
    spawn(process.execPath, startCommandArgs(), {
      cwd: root,
      env: { ...process.env, DATA_DIR: dataDir, PORT: String(BOT_PORT), LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' },
      stdio: 'inherit',
    }),
  );
  await waitFor(`http://127.0.0.1:${BOT_PORT}/healthz`);
  children.push(
    spawn(
      process.execPath,
      [require.resolve('@microsoft/m365agentsplayground/cli.js'), '-e', `http://127.0.0.1:${BOT_PORT}/api/messages`, '-c', 'msteams', '-p', String(UI_PORT), '--disable-telemetry'],
      { cwd: root, env: process.env, stdio: 'ignore' },
    ),
  );
  await waitFor(`http://127.0.0.1:${UI_PORT}`);

  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const page = await browser.newPage({ viewport: { width: 1280, height: HEIGHT }, locale: 'da-DK' });
  await page.goto(`http://127.0.0.1:${UI_PORT}`, { waitUntil: 'networkidle' });
  await page.getByText(CHAT === 'channel' ? 'General' : 'Personal Chat', { exact: true }).click();
  await page.waitForTimeout(1500);
  for (const text of messages) {
    if (CHAT === 'channel') {
      // A new post in the channel (the reply boxes under posts belong to their threads).
      await page.getByRole('textbox').first().click();
      await page.keyboard.type(text);
      await page.getByRole('button', { name: 'Post' }).click();
    } else {
      const input = page.getByRole('textbox').last();
      await input.click();
      await input.fill(text);
      await page.keyboard.press('Enter');
    }
    await page.waitForTimeout(Number(process.env.SHOT_WAIT ?? 2500));
  }
  // SHOT_THEN=channel: look at the channel afterwards (what a message in the chat posted there).
  if (process.env.SHOT_THEN === 'channel') {
    await page.getByText('General', { exact: true }).click();
    await page.waitForTimeout(1500);
  }
  const out = path.join(root, 'docs', OUT);
  await page.screenshot({ path: out });
  process.stdout.write(`${out}\n`);
  await browser.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
}

main()
  .catch((err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  })
  .finally(() => children.forEach((c) => c.kill('SIGTERM')));
