// A small stand-in for Teams' Bot Connector: records what the bot sends
// (POST and PUT under /v3/conversations/...) and answers the roster calls.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Recorded {
  method: string;
  path: string;
  conversationId: string;
  /** The activity id in the path: replyToId for replies, the updated id for PUT. */
  activityId: string | null;
  body: Record<string, unknown>;
}

export interface RosterMember {
  id: string;
  name: string;
  aadObjectId: string;
  email?: string;
}

export interface RecordingConnector {
  url: string;
  recorded: Recorded[];
  roster: RosterMember[];
  /** Resolves when at least `count` requests have been recorded. */
  waitFor(count: number, timeoutMs?: number): Promise<Recorded[]>;
  clear(): void;
  close(): Promise<void>;
}

/** With keep: false only the count is kept (for the bench: nothing grows). */
export async function startRecordingConnector(options: { keep?: boolean } = {}): Promise<RecordingConnector & { count(): number }> {
  const keep = options.keep ?? true;
  let total = 0;
  const recorded: Recorded[] = [];
  const roster: RosterMember[] = [];
  const waiters: Array<() => void> = [];
  let nextId = 1;

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://connector');
      const send = (status: number, body: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      };
      const members = /^\/v3\/conversations\/([^/]+)\/pagedmembers$/.exec(url.pathname);
      if (req.method === 'GET' && members) {
        send(200, { members: roster.map((m) => ({ ...m, userPrincipalName: m.email })) });
        return;
      }
      if (req.method === 'POST' && url.pathname === '/v3/conversations') {
        // createConversation: a personal chat with the one member named.
        let params: { members?: Array<{ id?: string }> } = {};
        try {
          params = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
        } catch {
          send(400, { error: { code: 'BadSyntax' } });
          return;
        }
        const member = params.members?.[0]?.id ?? 'unknown';
        total += 1;
        if (keep) recorded.push({ method: 'POST', path: url.pathname, conversationId: '', activityId: null, body: params as Record<string, unknown> });
        waiters.splice(0).forEach((w) => w());
        send(201, { id: `a:personal-${member}` });
        return;
      }
      const match = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?$/.exec(url.pathname);
      if (!match || (req.method !== 'POST' && req.method !== 'PUT')) {
        send(404, { error: { code: 'NotFound', message: `${req.method} ${url.pathname}` } });
        return;
      }
      let body: Record<string, unknown> = {};
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
      } catch {
        send(400, { error: { code: 'BadSyntax' } });
        return;
      }
      total += 1;
      if (keep) recorded.push({
        method: req.method,
        path: url.pathname,
        conversationId: decodeURIComponent(match[1]!),
        activityId: match[2] ? decodeURIComponent(match[2]) : null,
        body,
      });
      waiters.splice(0).forEach((w) => w());
      send(200, { id: req.method === 'PUT' ? match[2] : `sent-${nextId++}` });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    recorded,
    roster,
    async waitFor(count, timeoutMs = 5000) {
      const until = Date.now() + timeoutMs;
      while (recorded.length < count) {
        if (Date.now() > until) throw new Error(`connector got ${recorded.length} of ${count} requests`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 50);
        });
      }
      return recorded;
    },
    clear() {
      recorded.length = 0;
    },
    count: () => total,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
