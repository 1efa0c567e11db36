/// <reference lib="dom" />
// A stand-in for Teams around the tab in the browser tests: a page that frames the tab and
// answers TeamsJS's messages to its host as Teams does (initialize, getContext,
// authentication.getAuthToken, settings.setSettings, executeDeepLink) and sends it theme
// changes and "save". It is on the app's own origin (TeamsJS trusts its own origin
// without asking the network for Teams' list), and records what the tab asked for.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type Frame,
  type Page,
} from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';

const ROOT = path.join(__dirname, '..', '..');
/** Where the browser tests save their screenshots: docs/, only with TAB_SCREENSHOTS set. */
export const SHOTS = process.env.TAB_SCREENSHOTS ? path.join(ROOT, 'docs') : null;

/**
 * `describe` for the tab's browser tests: skipped where Debian's chromium is missing, except
 * in CI, where .ci/run installs it and a missing browser is an error, never a skip.
 */
export function chromiumSuite(): jest.Describe {
  const present = fs.existsSync(CHROMIUM);
  if (!present && process.env.CI)
    throw new Error(`${CHROMIUM} is missing: the tab's browser tests cannot run`);
  // Called as a suite is collected, so this hook is the test file's: its browser closes
  // after the file's last suite (registered once per suite; closing twice does nothing).
  afterAll(closeFileBrowser);
  return present ? describe : describe.skip;
}

/** Builds the tab's front end when its sources changed (as npm install does). */
export function buildTab(): void {
  const built = spawnSync(
    process.execPath,
    [path.join(ROOT, 'scripts', 'build-tab.js'), '--if-stale', '--quiet'],
    { stdio: 'inherit' },
  );
  if (built.status !== 0) throw new Error('the tab did not build');
}

/** No horizontal scrolling inside the tab, once its layout has followed the viewport (a resize reflows it). */
export const fits = (frame: Frame): Promise<boolean> =>
  frame
    .waitForFunction(
      () => document.documentElement.scrollWidth <= document.documentElement.clientWidth,
      null,
      { timeout: 5_000 },
    )
    .then(
      () => true,
      () => false,
    );
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  // Nothing leaves 127.0.0.1 (TeamsJS asks a CDN for Teams' list of origins): every other
  // host name fails to resolve. A rule at launch rather than a route per context: Playwright's
  // routing turns the HTTP cache off and passes every request through this process, so
  // each of a file's 30-odd page loads fetched the tab's 780 kB bundle afresh over it.
  '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1',
  // One renderer process for every context and page (all on 127.0.0.1): each new context
  // otherwise started a renderer of its own, about 1.5 s of CPU apiece. tab.test.ts, two
  // pairs run side by side: 94.8 → 91.6 s and 90.6 → 86.6 s of jest + Chromium CPU.
  '--renderer-process-limit=1',
  '--disable-site-isolation-trials',
  // V8's baseline tiers only, as the tests' node runs (package.json's --liftoff-only): a
  // page lives a few seconds, and its optimising compiles cost more CPU than they save.
  // Eight opens of «Mine møder», each with an axe run: 7.4–8.3 → 5.9–7.4 s of Chromium CPU.
  '--js-flags=--no-opt,--no-maglev',
];

/**
 * One Chromium for a test file, launched when first asked for: each of the file's suites
 * opens its own contexts in it, and none launches a browser of its own.
 */
let fileBrowser: Promise<Browser> | null = null;
function launchedBrowser(): Promise<Browser> {
  fileBrowser ??= chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
  return fileBrowser;
}
/** Closes the browser browse() launched, and axe's server (a test file's chromiumSuite does it after its last suite). */
export async function closeFileBrowser(): Promise<void> {
  const launched = fileBrowser;
  fileBrowser = null;
  await (await launched?.catch(() => null))?.close();
  const served = axeServer;
  axeServer = null;
  const server = (await served?.catch(() => null))?.server;
  if (server) await new Promise((resolve) => server.close(resolve));
}

export interface HostOptions {
  /** The tab's URL path: /tab/index.html?view=… */
  src: string;
  /** 'content' for a tab, 'settings' for its configuration page, 'sidePanel' for a Teams meeting's side panel. */
  frameContext?: 'content' | 'settings' | 'sidePanel';
  /** TeamsJS's context as the host sends it (its v1 shape: userObjectId, locale, theme, subEntityId, channelId; in a meeting meetingId and chatId…). */
  context: Record<string, unknown>;
  /** What getAuthToken answers: a token, or null for Teams' refusal. */
  token?: string | null;
}

/** The runtime a current Teams web client reports (the capabilities the tab uses). */
const RUNTIME = {
  apiVersion: 4,
  hostVersionsInfo: { adaptiveCardSchemaVersion: { majorVersion: 1, minorVersion: 5 } },
  isLegacyTeams: false,
  supports: {
    app: {},
    appEntity: {},
    authentication: {},
    pages: { appButton: {}, tabs: {}, config: {}, backStack: {}, fullTrust: {}, currentApp: {} },
    teamsCore: {},
  },
};

const HOST_HTML = `<!doctype html><html lang="da"><head><meta charset="utf-8"><title>Teams (test)</title>
<style>html,body{margin:0;height:100%}iframe{border:0;width:100%;height:100%;display:block}</style></head>
<body><script>
let options = null;
let frame = null;
// Opens the tab afresh in a new frame (the old one, if any, unloaded as a navigation would), with what the host recorded cleared.
window.openTab = (next) => {
  options = next;
  window.hostLog = [];
  window.openedLinks = [];
  window.savedConfig = null;
  window.saveResult = null;
  frame?.remove();
  frame = document.createElement('iframe');
  frame.title = 'Dagsorden';
  frame.src = options.src;
  document.body.appendChild(frame);
};
openTab(JSON.parse(decodeURIComponent(location.hash.slice(1))));
window.addEventListener('message', (event) => {
  const msg = event.data;
  if (event.source !== frame.contentWindow || !msg || typeof msg.func !== 'string') return;
  window.hostLog.push({ func: msg.func, args: msg.args });
  const reply = (args) => frame.contentWindow.postMessage({ id: msg.id, uuidAsString: msg.uuidAsString, args }, '*');
  switch (msg.func) {
    case 'initialize': return reply([options.frameContext, 'web', JSON.stringify(${JSON.stringify(RUNTIME)}), '2.58.0']);
    case 'getContext': return reply([options.context]);
    case 'authentication.getAuthToken': return reply(options.token ? [true, options.token] : [false, 'resourceDisabled']);
    case 'settings.setSettings': window.savedConfig = msg.args[0]; return reply([true]);
    case 'executeDeepLink': window.openedLinks.push(msg.args[0]); return reply([true]);
    case 'settings.save.success': window.saveResult = 'success'; return;
    case 'settings.save.failure': window.saveResult = 'failure: ' + msg.args[0]; return;
  }
});
window.sendToTab = (func, args) => frame.contentWindow.postMessage({ func, args }, '*');
</script></body></html>`;

export interface Browsing {
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** Opens the tab inside the host; resolves with the tab's frame once it has rendered `ready` (a selector). */
  open(options: HostOptions, ready: string): Promise<Frame>;
  close(): Promise<void>;
}

/** A context (and one page, reused) in the test file's browser, or in `shared`; nothing leaves 127.0.0.1 (FLAGS). */
export async function browse(
  appUrl: string,
  viewport = { width: 1024, height: 800 },
  shared?: Browser,
): Promise<Browsing> {
  const browser = shared ?? (await launchedBrowser());
  // Reduced motion: Fluent then skips its colour transitions, so axe never judges a colour half-way through a theme change.
  const context = await browser.newContext({
    viewport,
    deviceScaleFactor: 1,
    locale: 'da-DK',
    timezoneId: 'Europe/Copenhagen',
    reducedMotion: 'reduce',
  });
  const page = await context.newPage();
  let opened = 0;
  return {
    browser,
    context,
    page,
    async open(options, ready) {
      const hostOptions = { frameContext: 'content', token: null, ...options };
      // The host this page shows already (the last open's): the tab is opened afresh in a new
      // frame of it, with the host's records cleared (openTab), and the page is not loaded
      // again: 0.15-0.25 s of CPU less an open (jest and Chromium; docs/performance.md).
      const hosting = await page.evaluate(
        (origin) =>
          'openTab' in window &&
          location.origin === origin &&
          location.pathname === '/teams-host.html',
        new URL(appUrl).origin,
      );
      if (!hosting) {
        const hash = encodeURIComponent(JSON.stringify(hostOptions));
        // The app has no such page (its 404): the host is written into that document, which
        // puts it on the app's origin with no route (see FLAGS).
        await page.goto(`${appUrl}/teams-host.html?n=${++opened}#${hash}`);
        await page.setContent(HOST_HTML);
      } else {
        await page.evaluate(
          (o) => (window as unknown as { openTab(o: unknown): void }).openTab(o),
          hostOptions,
        );
      }
      const frame = await tabFrame(page);
      await frame.waitForSelector(ready, { timeout: 15_000 });
      return frame;
    },
    async close() {
      // The browser is the file's: it closes after the file's last suite (chromiumSuite).
      await context.close();
    },
  };
}

export async function tabFrame(page: Page): Promise<Frame> {
  const handle = await page.waitForSelector('iframe');
  const frame = await handle.contentFrame();
  if (!frame) throw new Error('the tab has no frame');
  return frame;
}

/**
 * axe-core, served to the file's browser from 127.0.0.1 as a file it may keep. Loaded by URL,
 * Chromium takes it from its cache and reuses its compiled code; written inline (addScriptTag's
 * `path`), its 0.5 MB went over the protocol and was compiled afresh on every page: eight
 * injections cost 2.0 s of Chromium CPU that way, 0.5 s by URL.
 */
let axeServer: Promise<{ url: string; server: http.Server }> | null = null;
async function axeUrl(): Promise<string> {
  axeServer ??= new Promise((resolve, reject) => {
    const body = fs.readFileSync(require.resolve('axe-core/axe.min.js'));
    const server = http.createServer((_req, res) => {
      res.writeHead(200, {
        'content-type': 'text/javascript; charset=utf-8',
        'content-length': body.length,
        'cache-control': 'public, max-age=31536000, immutable',
      });
      res.end(body);
    });
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      resolve({
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/axe.min.js`,
        server,
      });
    });
  });
  return (await axeServer).url;
}

/** axe-core's serious and critical violations in the frame (WCAG 2.1 A and AA rules). */
export async function axeViolations(
  frame: Frame,
): Promise<Array<{ id: string; impact: string; nodes: string[] }>> {
  if (!(await frame.evaluate(() => 'axe' in window)))
    await frame.addScriptTag({ url: await axeUrl() });
  // Colours are judged at rest: a transition or an element's entrance still running (a
  // button's hover or pressed colour, a message fading in) is waited for first, or axe reads
  // a colour half-way (it failed once on a button just pressed). Endless ones (a spinner) are not.
  await frame.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((a) => Number.isFinite(Number(a.effect?.getComputedTiming().endTime)))
        .map((a) => a.finished.catch(() => undefined)),
    ),
  );
  const results = (await frame.evaluate(() =>
    (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<unknown> } }).axe.run(
      document,
      {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
        resultTypes: ['violations'],
      },
    ),
  )) as { violations: Array<{ id: string; impact: string; nodes: Array<{ target: string[] }> }> };
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({
      id: v.id,
      impact: v.impact,
      nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5),
    }));
}

/** The host presses «Gem» on a configuration page: what the tab answered, and the tab it saved. */
export async function saveConfiguration(
  page: Page,
): Promise<{ result: string; config: Record<string, string> }> {
  await page.evaluate(() =>
    (window as unknown as { sendToTab(f: string, a: unknown[]): void }).sendToTab('settings.save', [
      {},
    ]),
  );
  await page.waitForFunction(
    () => (window as unknown as { saveResult: string | null }).saveResult !== null,
  );
  return page.evaluate(() => ({
    result: (window as unknown as { saveResult: string }).saveResult,
    config: (window as unknown as { savedConfig: Record<string, string> }).savedConfig,
  }));
}
