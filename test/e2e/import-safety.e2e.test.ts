// Files sent for import that are built to hurt (issue 22), over HTTP as Teams sends
// them: Word files that unpack to far more than they weigh, and download addresses that
// lead into the bot's own network. Each is refused in the chat, nothing is saved, the
// bot's memory stays put, and /healthz keeps answering while a document is read.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Worker, threadId } from 'node:worker_threads';
import { startRecordingConnector, type RecordingConnector } from '../support/recording-connector';
import { startTestApp, type TestApp } from '../support/app';
import { message } from '../support/activities';
import { AGENDA } from '../support/documents';
import { NOT_A_ZIP, deepDocx, longTextDocx, manyPartsDocx, repeatedXmlDocx } from '../support/docx-bombs';
import { MAX_TEXT_CHARS } from '../../src/documents/document-worker';

let app: TestApp;
let connector: RecordingConnector;
let files: http.Server;
let filesUrl: string;
let internal: http.Server;
let internalUrl: string;
let internalHits = 0;
const served = new Map<string, Buffer>();

function listen(handler: http.RequestListener): Promise<[http.Server, string]> {
  const server = http.createServer(handler);
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve([server, `http://127.0.0.1:${(server.address() as AddressInfo).port}`])),
  );
}

beforeAll(async () => {
  served.set('/bombe-60.docx', repeatedXmlDocx(60));
  served.set('/bombe-5.docx', repeatedXmlDocx(5));
  served.set('/dele.docx', manyPartsDocx(10_000));
  served.set('/dyb.docx', deepDocx(5000));
  served.set('/ikke-zip.docx', NOT_A_ZIP);
  // Just over the text limit, which the reply below names: about 1 MB of XML, not 4.
  served.set('/lang.docx', longTextDocx(MAX_TEXT_CHARS * 1.1));
  served.set('/dagsorden.md', Buffer.from(AGENDA));
  connector = await startRecordingConnector();
  // Stands in for a service inside the bot's network (or the cloud's metadata service).
  [internal, internalUrl] = await listen((_req, res) => {
    internalHits++;
    res.end('1.1 Hemmeligt punkt fra det interne net');
  });
  // Stands in for SharePoint: the one origin the bot is configured to trust here.
  [files, filesUrl] = await listen((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const to = url.searchParams.get('to');
    const body = served.get(url.pathname);
    if (to) {
      res.writeHead(302, { location: to });
      res.end();
    } else if (body) {
      res.end(body);
    } else {
      res.writeHead(404);
      res.end();
    }
  });
  app = await startTestApp({ FILE_DOWNLOAD_HOSTS: filesUrl });
});
afterAll(async () => {
  await app?.close();
  await connector?.close();
  await new Promise((r) => files?.close(r));
  await new Promise((r) => internal?.close(r));
});
beforeEach(() => {
  connector.clear();
  internalHits = 0;
});

function fileActivity(name: string, downloadUrl: string) {
  return {
    ...message('', { serviceUrl: connector.url, scope: 'personal' }),
    attachments: [
      {
        contentType: 'application/vnd.microsoft.teams.file.download.info',
        name,
        content: { downloadUrl, uniqueId: 'x', fileType: name.split('.').pop() },
      },
    ],
  };
}

/** Sends a file and answers the bot's reply, with the most the process's RSS grew meanwhile. */
async function sendFile(name: string, url: string): Promise<{ text: string; rssGrowthMb: number }> {
  const before = process.memoryUsage().rss;
  let peak = before;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 10);
  try {
    await app.post(fileActivity(name, url));
    await connector.waitFor(1);
  } finally {
    clearInterval(sampler);
  }
  return { text: String(connector.recorded[0]!.body.text), rssGrowthMb: (peak - before) / 1024 / 1024 };
}

async function savedCounts() {
  return [await app.db.prisma.documentImport.count(), await app.db.prisma.agendaItem.count()];
}

describe('Word files that unpack to far more than they weigh', () => {
  it('refuses 180 KB that unpack to 60 MB of XML, in Danish, and the memory stays put', async () => {
    const saved = await savedCounts();
    const { text, rssGrowthMb } = await sendFile('bombe.docx', `${filesUrl}/bombe-60.docx`);
    expect(text).toBe(
      'Jeg kunne ikke læse «bombe.docx»: dokumentet er for stort til at læse (det pakker sig ud til over 20 MB). ' +
        'Fjern store billeder og indlejrede filer, eller del det op. Intet er gemt.',
    );
    // It took 4.3 GB and the process died (issue 22).
    expect(rssGrowthMb).toBeLessThan(200);
    expect(await savedCounts()).toEqual(saved);
  });

  it('refuses 16 KB that unpack to 5 MB', async () => {
    const { text, rssGrowthMb } = await sendFile('bombe.docx', `${filesUrl}/bombe-5.docx`);
    expect(text).toMatch(/^Jeg kunne ikke læse «bombe\.docx»: dokumentet er for stort til at læse/);
    // It took 1.5 GB and 8.7 s (issue 22).
    expect(rssGrowthMb).toBeLessThan(200);
  });

  it('refuses 10,000 parts, XML nested 15,000 deep, and a file that is not a zip', async () => {
    const saved = await savedCounts();
    expect((await sendFile('dele.docx', `${filesUrl}/dele.docx`)).text).toMatch(/«dele\.docx»: dokumentet består af over 2000 dele/);
    connector.clear();
    expect((await sendFile('dyb.docx', `${filesUrl}/dyb.docx`)).text).toMatch(/«dyb\.docx»: dokumentets indhold er indlejret i over 200 niveauer/);
    connector.clear();
    expect((await sendFile('ikke-zip.docx', `${filesUrl}/ikke-zip.docx`)).text).toMatch(
      /«ikke-zip\.docx»: filen er ikke et læsbart Word-dokument eller en læsbar PDF .*Intet er gemt\.$/,
    );
    expect(await savedCounts()).toEqual(saved);
  });

  it('keeps answering /healthz while a long document is read, off the event loop', async () => {
    // Ordered by events, not timed: the document goes to a worker thread ('posted'), and
    // /healthz answers on this thread before that worker's answer comes back ('reply').
    // Read on this thread instead, nothing could answer between the two.
    const events: string[] = [];
    const readers: Worker[] = [];
    const original = Worker.prototype.postMessage;
    const post = jest.spyOn(Worker.prototype, 'postMessage').mockImplementation(function (this: Worker, value: unknown, transfer?: Parameters<Worker['postMessage']>[1]) {
      if (value && typeof value === 'object' && 'file' in value) {
        readers.push(this);
        events.push('posted');
        this.once('message', () => events.push('reply'));
      }
      return original.call(this, value, transfer);
    });
    try {
      const reply = app.post(fileActivity('lang.docx', `${filesUrl}/lang.docx`)).then(() => connector.waitFor(1));
      let done = false;
      void reply.then(() => {
        done = true;
        events.push('chat answered');
      });
      while (!done) {
        const res = await fetch(`${app.url}/healthz`);
        await res.text();
        expect(res.status).toBe(200);
        events.push('healthz');
        await new Promise((r) => setTimeout(r, 20));
      }
      await reply;
    } finally {
      post.mockRestore();
    }
    // One document, read by a worker thread, not this one.
    expect(readers).toHaveLength(1);
    expect(readers[0]!.threadId).not.toBe(threadId);
    // The worker's answer, or (stopped by the time limit on a slow machine) none, then the chat's.
    const posted = events.indexOf('posted');
    const answered = events.includes('reply') ? events.indexOf('reply') : events.indexOf('chat answered');
    expect(posted).toBeGreaterThanOrEqual(0);
    expect(answered).toBeGreaterThan(posted);
    // The old reading of a 5 MB document stalled /healthz for 6.8 s (issue 22): now it
    // answers while the worker reads.
    expect(events.slice(posted, answered)).toContain('healthz');
    // Read in the worker (and refused: over a million characters) or stopped by its time
    // limit on a slow machine: either way an answer.
    expect(JSON.stringify(connector.recorded[0]!.body)).toMatch(/dokumentets tekst er på over 1.000.000 tegn|tog over 15 sekunder/);
  });
});

describe('download addresses that lead into the bot’s network', () => {
  const NOT_ALLOWED = 'filen ligger ikke hos Microsoft (SharePoint eller OneDrive), hvor Teams gemmer filer, så jeg henter den ikke.';

  it('refuses a file at 127.0.0.1, at 169.254.169.254 and at a host not in the list, fetching nothing', async () => {
    const saved = await savedCounts();
    for (const url of [`${internalUrl}/dagsorden.md`, 'https://169.254.169.254/metadata/dagsorden.md', 'https://example.com/dagsorden.md']) {
      connector.clear();
      const { text } = await sendFile('dagsorden.md', url);
      expect([url, text]).toEqual([url, `Jeg kunne ikke læse «dagsorden.md»: ${NOT_ALLOWED} Send den som fil i vores chat.`]);
    }
    expect(internalHits).toBe(0);
    expect(await savedCounts()).toEqual(saved);
  });

  it('refuses a redirect from an allowed host to 127.0.0.1, fetching nothing there', async () => {
    const { text } = await sendFile('dagsorden.md', `${filesUrl}/dagsorden.md?to=${encodeURIComponent(`${internalUrl}/dagsorden.md`)}`);
    expect(text).toContain(NOT_ALLOWED);
    expect(internalHits).toBe(0);
  });

  it('still fetches from the allowed host', async () => {
    await app.post(fileActivity('dagsorden.md', `${filesUrl}/dagsorden.md`));
    await connector.waitFor(1);
    expect(JSON.stringify(connector.recorded[0]!.body)).toContain('DAGSORDEN · FORHÅNDSVISNING');
  });
});
