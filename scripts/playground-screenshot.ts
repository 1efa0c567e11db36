// Takes the README's screenshot: starts Dagsorden (fresh embedded database in a temp
// folder, demo committee) and the Agents Playground, opens it in Debian's Chromium,
// writes as Alex Wilber (personal chat, or the General channel of "My Team"), and saves docs/*.png.
//   npx tsx scripts/playground-screenshot.ts [step …]
//   SHOT_CHAT=channel SHOT_NAME=agenda.png SHOT_HEIGHT=1600 npx tsx scripts/playground-screenshot.ts …
// A step is a message to write, or:
//   file:<path>     sends the file as Teams sends an attachment (a download URL in the activity).
//                   The playground has no button for files, so the activity goes through its
//                   "Mock an Activity → Custom activity" dialog; the file is served from this
//                   process at http://127.0.0.1:<free port>, which the bot is told to trust with
//                   FILE_DOWNLOAD_HOSTS (it fetches only from Microsoft's file hosts otherwise).
//                   The playground does not show a custom activity in the chat: only the answer.
//   click:<label>   clicks the last button with that label (or a label starting with it) in the chat.
//   shot:<name.png> saves docs/<name.png> now; the run still ends with SHOT_NAME.
//   wait:<ms>       waits longer than SHOT_WAIT.
// For example the README's PDF import, with an agenda PDF made by test/support/pdf-fixture.ts:
//   npx tsx -e "const f = require('./test/support/pdf-fixture'); f.agendaPdf(f.dassosAgenda(6))
//     .then((a) => require('node:fs').writeFileSync('/tmp/Dagsorden DASSOS.pdf', a.pdf))"
//   SHOT_NAME=import-pdf.png npx tsx scripts/playground-screenshot.ts "file:/tmp/Dagsorden DASSOS.pdf" click:Gem
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Page } from 'playwright-core';
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
/** Run at the end, also after a failure: the file server stops, the temp database goes. */
const cleanups: Array<() => void> = [];

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

/** Serves the files of the file: steps, each under /<n>/<its name>, on a free port of this machine. */
async function serveFiles(files: string[]): Promise<{ server: http.Server; urls: Map<string, string> }> {
  const server = http.createServer((req, res) => {
    const file = files[Number(req.url?.split('/')[1])];
    if (!file) return void res.writeHead(404).end();
    const type = /\.pdf$/i.test(file) ? 'application/pdf' : 'application/octet-stream';
    res.writeHead(200, { 'content-type': type }).end(fs.readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const urls = new Map(files.map((f, i) => [f, `http://127.0.0.1:${port}/${i}/${encodeURIComponent(path.basename(f))}`]));
  return { server, urls };
}

/** Sends a message with the file attached, as Teams does (its download info), through "Custom activity". */
async function sendFile(page: Page, name: string, url: string): Promise<void> {
  await page.getByText('Mock an Activity', { exact: true }).click();
  await page.getByText('Custom activity', { exact: true }).click();
  const editor = page.getByRole('dialog').locator('.monaco-editor').first();
  await editor.waitFor();
  await editor.click();
  // The dialog starts with an activity of this conversation, from this user: keep those.
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Control+C');
  const activity = JSON.parse(await page.evaluate<string>('navigator.clipboard.readText()')) as Record<string, unknown>;
  const fileType = path.extname(name).slice(1).toLowerCase();
  const message = {
    ...activity,
    type: 'message',
    text: '',
    from: { ...(activity.from as object), name: 'Alex Wilber' },
    attachments: [
      {
        contentType: 'application/vnd.microsoft.teams.file.download.info',
        name,
        contentUrl: url,
        content: { downloadUrl: url, uniqueId: randomUUID(), fileType },
      },
    ],
  };
  // Pasted, not typed: the editor would close every bracket and quote typed.
  await page.evaluate(`navigator.clipboard.writeText(${JSON.stringify(JSON.stringify(message, null, 2))})`);
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Control+V');
  await page.getByRole('button', { name: 'Send activity' }).click();
}

async function main(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dagsorden-shot-'));
  cleanups.push(() => fs.rmSync(dataDir, { recursive: true, force: true }));
  const files = messages.filter((m) => m.startsWith('file:')).map((m) => path.resolve(m.slice('file:'.length)));
  for (const file of files) if (!fs.existsSync(file)) throw new Error(`${file} does not exist`);
  const served = files.length ? await serveFiles(files) : undefined;
  if (served) cleanups.push(() => served.server.close());
  const trusted = served ? new URL([...served.urls.values()][0]!).origin : undefined;
  buildBot();
  children.push(
    spawn(process.execPath, startCommandArgs(), {
      cwd: root,
      env: {
        ...process.env,
        DATA_DIR: dataDir,
        PORT: String(BOT_PORT),
        LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
        ...(trusted ? { FILE_DOWNLOAD_HOSTS: trusted } : {}),
      },
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
  cleanups.unshift(() => void browser.close().catch(() => undefined));
  // The clipboard carries a file's activity into the playground's editor.
  const context = await browser.newContext({
    viewport: { width: 1280, height: HEIGHT },
    locale: 'da-DK',
    permissions: ['clipboard-read', 'clipboard-write'],
  });
  const page = await context.newPage();
  await page.goto(`http://127.0.0.1:${UI_PORT}`, { waitUntil: 'networkidle' });
  await page.getByText(CHAT === 'channel' ? 'General' : 'Personal Chat', { exact: true }).click();
  await page.waitForTimeout(1500);
  const pause = (): Promise<void> => page.waitForTimeout(Number(process.env.SHOT_WAIT ?? 2500));
  for (const text of messages) {
    if (text.startsWith('file:')) {
      const file = path.resolve(text.slice('file:'.length));
      await sendFile(page, path.basename(file), served!.urls.get(file)!);
      await pause();
      continue;
    }
    if (text.startsWith('click:')) {
      const label = text.slice('click:'.length);
      const buttons = page.getByRole('button', { name: new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) });
      await buttons.last().click();
      await pause();
      continue;
    }
    if (text.startsWith('shot:')) {
      const out = path.join(root, 'docs', text.slice('shot:'.length));
      await page.screenshot({ path: out });
      process.stdout.write(`${out}\n`);
      continue;
    }
    if (text.startsWith('wait:')) {
      await page.waitForTimeout(Number(text.slice('wait:'.length)));
      continue;
    }
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
    await pause();
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
}

main()
  .catch((err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  })
  .finally(() => {
    children.forEach((c) => c.kill('SIGTERM'));
    // The bot holds the database open until it has stopped.
    setTimeout(() => cleanups.forEach((f) => f()), 1000);
  });
