// The reading worker for real: a worker thread loading the TypeScript sources (as under
// `npm run dev`), with its memory cap, time limit, queue and idle exit.
import fs from 'node:fs';
import path from 'node:path';
import { Worker, threadId } from 'node:worker_threads';
import pino from 'pino';
import { DocumentReader } from '../../src/documents/document-reader';
import { longDocx, repeatedXmlDocx } from '../support/docx-bombs';
import { AGENDA } from '../support/documents';
import { until } from '../support/until';

const silent = pino({ level: 'silent' });
let reader: DocumentReader | null = null;
afterEach(async () => {
  await reader?.close();
  reader = null;
});

/** The process's peak memory (RSS), sampled every 10 ms while `work` ran. */
async function withPeakRss<T>(work: Promise<T>): Promise<{ result: T; peakRssMb: number }> {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 10);
  try {
    return { result: await work, peakRssMb: peak / 1024 / 1024 };
  } finally {
    clearInterval(timer);
  }
}

describe('DocumentReader', () => {
  it('reads and parses a file in a worker, and pasted text too', async () => {
    reader = new DocumentReader(silent);
    expect(reader.running).toBe(false);
    const outcome = await reader.read({ name: 'dagsorden.md', bytes: Buffer.from(AGENDA) });
    expect('parsed' in outcome && outcome.parsed.items.map((i) => i.number)).toEqual(['1.1', '2.1', '2.2']);
    expect(reader.running).toBe(true);
    const pasted = await reader.parse(AGENDA);
    expect('parsed' in pasted && pasted.parsed.meeting.date).toBe('2027-01-06');
  });

  it('refuses a bomb with the limit it broke, and the worker reads the next document', async () => {
    reader = new DocumentReader(silent);
    await expect(reader.read({ name: 'bombe.docx', bytes: repeatedXmlDocx(60) })).resolves.toEqual({ refusal: { code: 'too_large', limit: 20 } });
    await expect(reader.read({ name: 'noter.pdf', bytes: Buffer.from('%PDF') })).resolves.toEqual({ refusal: { code: 'damaged', limit: null } });
    await expect(reader.read({ name: 'noter.odt', bytes: Buffer.from('PK') })).resolves.toEqual({ refusal: { code: 'unsupported', limit: null } });
    const next = await reader.read({ name: 'dagsorden.md', bytes: Buffer.from(AGENDA) });
    expect('parsed' in next && next.parsed.items).toHaveLength(3);
  });

  it('refuses text over a million characters before parsing it', async () => {
    reader = new DocumentReader(silent);
    await expect(reader.parse('x'.repeat(1_000_001))).resolves.toEqual({ refusal: { code: 'too_long', limit: 1_000_000 } });
  });

  it('refuses a document that needs more memory than the cap, and the bot lives on', async () => {
    // 3 MB of honest XML takes mammoth some 70 MB of heap: over a 32 MB cap.
    reader = new DocumentReader(silent, { heapMb: 32 });
    const before = process.memoryUsage().rss / 1024 / 1024;
    const { result, peakRssMb } = await withPeakRss(reader.read({ name: 'lang.docx', bytes: longDocx(3) }));
    expect(result).toEqual({ refusal: { code: 'too_heavy', limit: 32 } });
    expect(peakRssMb - before).toBeLessThan(300);
    expect(reader.running).toBe(false);
    const next = await reader.read({ name: 'dagsorden.md', bytes: Buffer.from(AGENDA) });
    expect('parsed' in next).toBe(true);
  });

  it('stops a document that takes longer than the time limit, without stalling the event loop', async () => {
    reader = new DocumentReader(silent, { timeoutMs: 300 });
    // Ordered by events, not timed: the document goes to a worker thread ('posted'), and a
    // timer on this thread runs ('tick') before the refusal comes back. Read on this
    // thread, no timer could run in between.
    const events: string[] = [];
    const readers: Worker[] = [];
    const original = Worker.prototype.postMessage;
    const post = jest.spyOn(Worker.prototype, 'postMessage').mockImplementation(function (this: Worker, value: unknown, transfer?: Parameters<Worker['postMessage']>[1]) {
      if (value && typeof value === 'object' && 'file' in value) {
        readers.push(this);
        events.push('posted');
      }
      return original.call(this, value, transfer);
    });
    const timer = setInterval(() => events.push('tick'), 10);
    try {
      const result = await reader.read({ name: 'lang.docx', bytes: longDocx(2) });
      events.push('refused');
      expect(result).toEqual({ refusal: { code: 'too_slow', limit: 1 } });
    } finally {
      clearInterval(timer);
      post.mockRestore();
    }
    expect(readers).toHaveLength(1);
    expect(readers[0]!.threadId).not.toBe(threadId);
    expect(events.slice(events.indexOf('posted'), events.indexOf('refused'))).toContain('tick');
  });

  it('reads one document at a time, and refuses more than it will queue', async () => {
    reader = new DocumentReader(silent, { maxWaiting: 1 });
    const first = reader.read({ name: 'lang.docx', bytes: longDocx(0.5) });
    const second = reader.read({ name: 'dagsorden.md', bytes: Buffer.from(AGENDA) });
    const third = reader.read({ name: 'dagsorden.md', bytes: Buffer.from(AGENDA) });
    await expect(third).resolves.toEqual({ refusal: { code: 'busy', limit: null } });
    expect('parsed' in (await first)).toBe(true);
    expect('parsed' in (await second)).toBe(true);
  });

  it('exits its worker when idle, and starts one again for the next document', async () => {
    reader = new DocumentReader(silent, { idleMs: 50 });
    await reader.parse(AGENDA);
    expect(reader.running).toBe(true);
    await until(() => !reader!.running, 10_000, 'the idle worker to exit');
    const again = await reader.parse(AGENDA);
    expect('parsed' in again).toBe(true);
  });
});

describe('the worker under `npm start`', () => {
  it('is bundled beside the reader: the build starts from index.ts and the worker entries', () => {
    // Nothing imports a worker's entry, so the build must name it, or the built bot would
    // look for dist/src/documents/document-worker.js (or minutes-worker.js) in vain.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { ENTRIES } = require('../../scripts/bundle') as { ENTRIES: string[] };
    for (const entry of ['src/documents/document-worker.ts', 'src/documents/minutes-worker.ts']) {
      expect(ENTRIES).toContain(entry);
      expect(fs.existsSync(path.join(__dirname, '../..', entry))).toBe(true);
    }
  });
});
