// Draws every sample card (test/support/card-samples.ts) with the Adaptive Cards
// renderer in headless Chromium, in a Teams-like width and host config, and saves one
// PNG per card in build/cards/ — to look at what members will see.
//   npx tsx scripts/card-gallery.ts [name filter]
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { sampleCards } from '../test/support/card-samples';

const root = path.join(__dirname, '..');
const out = path.join(root, 'build', 'cards');
const filter = process.argv[2]?.toLowerCase() ?? '';

/** Close to Teams' light theme: Segoe-like font, its accent and container colours. */
const hostConfig = {
  fontFamily: "'Segoe UI', 'Helvetica Neue', Arial, sans-serif",
  spacing: { small: 4, default: 8, medium: 16, large: 20, extraLarge: 24, padding: 16 },
  containerStyles: {
    default: { backgroundColor: '#FFFFFF', foregroundColors: { default: { default: '#242424', subtle: '#616161' }, accent: { default: '#5B5FC7' }, good: { default: '#0E700E' }, warning: { default: '#835B00' }, attention: { default: '#C4314B' } } },
    emphasis: { backgroundColor: '#F5F5F5', foregroundColors: { default: { default: '#242424', subtle: '#616161' } } },
    good: { backgroundColor: '#E7F2DA', foregroundColors: { default: { default: '#242424' } } },
    attention: { backgroundColor: '#FCF4F6', foregroundColors: { default: { default: '#242424' } } },
    warning: { backgroundColor: '#FBF6D9', foregroundColors: { default: { default: '#242424' } } },
    accent: { backgroundColor: '#E8EBFA', foregroundColors: { default: { default: '#242424' } } },
  },
  actions: { maxActions: 6, buttonSpacing: 8, actionsOrientation: 'horizontal', actionAlignment: 'left' },
};

async function main(): Promise<void> {
  fs.mkdirSync(out, { recursive: true });
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const page = await browser.newPage({ viewport: { width: 560, height: 400 }, deviceScaleFactor: 1 });
  await page.setContent(
    '<html><body style="margin:0;background:#EBEBEB;font-family:Segoe UI,Arial,sans-serif"><div id="card" style="width:520px;margin:16px;background:#fff;border-radius:6px;box-shadow:0 1px 3px rgba(0,0,0,.2)"></div></body></html>',
  );
  await page.addScriptTag({ path: require.resolve('adaptivecards/dist/adaptivecards.min.js') });
  await page.addStyleTag({
    content: `.ac-pushButton{border:1px solid #D1D1D1;border-radius:4px;background:#fff;padding:6px 12px;font-weight:600;font-size:14px;margin-right:8px}
      .ac-pushButton.style-positive{background:#5B5FC7;color:#fff;border-color:#5B5FC7}
      .ac-input{font-size:14px;padding:4px} .ac-textBlock a{color:#5B5FC7}`,
  });
  for (const [name, card] of sampleCards) {
    if (filter && !name.toLowerCase().includes(filter)) continue;
    await page.evaluate(
      ({ card, hostConfig }) => {
        // Runs in the page: the browser's globals, typed as far as used.
        const page = globalThis as unknown as {
          AdaptiveCards: any; // eslint-disable-line @typescript-eslint/no-explicit-any
          document: { getElementById(id: string): { innerHTML: string; appendChild(node: unknown): void } };
        };
        const AC = page.AdaptiveCards;
        AC.AdaptiveCard.onProcessMarkdown = (text: string, result: { outputHtml: string; didProcess: boolean }) => {
          const esc = text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
          // What Teams renders of Markdown in a TextBlock: bold, links, line breaks.
          result.outputHtml = esc
            .replace(/\*\*(.+?)\*\*/g, '<b>$1</b>')
            .replace(/\[([^\]]+)\]\((https?:[^)\s]+)\)/g, '<a href="$2">$1</a>')
            .replace(/\n/g, '<br>');
          result.didProcess = true;
        };
        const adaptive = new AC.AdaptiveCard();
        adaptive.hostConfig = new AC.HostConfig(hostConfig);
        adaptive.parse(card);
        const target = page.document.getElementById('card');
        target.innerHTML = '';
        target.appendChild(adaptive.render());
      },
      { card, hostConfig },
    );
    const file = path.join(out, `${name.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}.png`);
    await page.locator('#card').screenshot({ path: file });
    process.stdout.write(`${path.relative(root, file)}\n`);
  }
  await browser.close();
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
