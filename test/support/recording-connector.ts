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
  /** When it arrived (performance.now() of the connector's process). */
  at: number;
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
  /** Requests answered 429 because they were over Teams' published limits. */
  throttled(): number;
  /** Every request that reached the connector, answered or not (failed, held and throttled ones too). */
  requests(): number;
  /** Resolves when at least `count` requests have been recorded. */
  waitFor(count: number, timeoutMs?: number): Promise<Recorded[]>;
  /** From now on, record what is sent (true) or only count it (false: a bench's measured run, where nothing should grow). */
  keep(on: boolean): void;
  clear(): void;
  close(): Promise<void>;
}

export interface ConnectorOptions {
  /** false: only the count is kept (for the bench: nothing grows). */
  keep?: boolean;
  /**
   * Enforce Teams' published limits as Teams does: 429 with Retry-After for a request
   * over 50 per second for the tenant, or over 7 per second, 8 per 2 seconds, 60 per 30
   * seconds or 1,800 per hour for one conversation.
   */
  limits?: boolean;
  /** Teams user ids that blocked the bot: creating a chat with them, or writing to theirs, answers 403. */
  blocked?: Set<string>;
  /** Requests for which this returns true are never answered nor recorded (a sender killed meanwhile). */
  hold?: (method: string, path: string) => boolean;
  /** The clock the limits are counted on (ms); a test can hold it still. Date.now by default. */
  now?: () => number;
  /**
   * Teams failing a request: answered with this status (and Retry-After: seconds or an HTTP date), or
   * 'drop': the connection closed without an answer. null: answered as usual. A failed
   * request is counted (requests()), never recorded.
   */
  fail?: (method: string, path: string) => { status: number; retryAfter?: number | string } | 'drop' | null;
}

/** Sliding windows of accepted requests: how long until one more fits (0: now). */
function overLimit(times: number[], now: number, windows: Array<[number, number]>): number {
  let wait = 0;
  for (const [ms, max] of windows) {
    const inWindow = times.filter((t) => t > now - ms);
    if (inWindow.length >= max) wait = Math.max(wait, inWindow[inWindow.length - max]! + ms - now);
  }
  return wait;
}

const TENANT_WINDOWS: Array<[number, number]> = [[1000, 50]];
const CONVERSATION_WINDOWS: Array<[number, number]> = [[1000, 7], [2000, 8], [30_000, 60], [3_600_000, 1800]];

export async function startRecordingConnector(options: ConnectorOptions = {}): Promise<RecordingConnector & { count(): number }> {
  let keep = options.keep ?? true;
  let total = 0;
  let throttled = 0;
  let requests = 0;
  const tenantTimes: number[] = [];
  const conversationTimes = new Map<string, number[]>();
  /** Under the limits: records the request's time and returns 0; over them: the seconds to wait. */
  const admit = (conversation: string | null): number => {
    if (!options.limits) return 0;
    const now = (options.now ?? Date.now)();
    while (tenantTimes.length && tenantTimes[0]! <= now - 1000) tenantTimes.shift();
    const times = conversation ? (conversationTimes.get(conversation) ?? []) : [];
    const wait = Math.max(overLimit(tenantTimes, now, TENANT_WINDOWS), conversation ? overLimit(times, now, CONVERSATION_WINDOWS) : 0);
    if (wait > 0) {
      throttled += 1;
      return Math.max(1, Math.ceil(wait / 1000));
    }
    tenantTimes.push(now);
    if (conversation) conversationTimes.set(conversation, [...times.filter((t) => t > now - 3_600_000), now]);
    return 0;
  };
  const recorded: Recorded[] = [];
  const roster: RosterMember[] = [];
  const waiters: Array<() => void> = [];
  let nextId = 1;

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://connector');
      const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
        res.writeHead(status, { 'content-type': 'application/json', ...headers });
        res.end(JSON.stringify(body));
      };
      requests += 1;
      if (options.hold?.(req.method ?? '', url.pathname)) return;
      const failure = options.fail?.(req.method ?? '', url.pathname);
      if (failure === 'drop') {
        req.socket.destroy();
        return;
      }
      if (failure) {
        send(failure.status, { error: { code: 'Failure', message: `answered ${failure.status}` } }, failure.retryAfter === undefined ? {} : { 'retry-after': String(failure.retryAfter) });
        return;
      }
      const tooMany = (seconds: number) => send(429, { error: { code: 'TooManyRequests', message: 'over the limit' } }, { 'retry-after': String(seconds) });
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
        if (options.blocked?.has(member)) {
          send(403, { error: { code: 'BotDisabledByAdmin', message: 'The bot is blocked by the user' } });
          return;
        }
        const wait = admit(null);
        if (wait) return tooMany(wait);
        total += 1;
        if (keep) recorded.push({ method: 'POST', path: url.pathname, conversationId: '', activityId: null, body: params as Record<string, unknown>, at: performance.now() });
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
      const conversationId = decodeURIComponent(match[1]!);
      if ([...(options.blocked ?? [])].some((member) => conversationId === `a:personal-${member}`)) {
        send(403, { error: { code: 'BotDisabledByAdmin', message: 'The bot is blocked by the user' } });
        return;
      }
      const wait = admit(conversationId.split(';')[0]!);
      if (wait) return tooMany(wait);
      total += 1;
      if (keep) recorded.push({
        method: req.method,
        path: url.pathname,
        conversationId,
        activityId: match[2] ? decodeURIComponent(match[2]) : null,
        body,
        at: performance.now(),
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
    keep(on) {
      keep = on;
    },
    clear() {
      recorded.length = 0;
    },
    count: () => total,
    throttled: () => throttled,
    requests: () => requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
