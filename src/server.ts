// HTTP: /api/messages for Teams, /healthz for operations, /files/… for the download
// links of compiled notes and minutes, /calendar/… for the committees' .ics feeds.
// Requests are checked before they reach the bot: a body that is not an activity gets
// 400, never a crash.
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { Logger } from 'pino';
import { checkActivity } from './activity-schema';
import type { BotEndpoint } from './bot/transport/endpoint';
import { registerTabApi, serveTab, type TabApi } from './api/http';
import { jsonBytes } from './api/json-body';
import { jsonBody } from './http/body';
import { headerOf, sendBytes, sendJson } from './http/reply';
import { Router, type HttpRequest } from './http/router';

const CORRELATION_HEADER = 'x-correlation-id';
const MAX_BODY_BYTES = 512 * 1024;

export interface Health {
  database: () => Promise<string>;
  version: string;
}

/** A file behind a download link, or null when the link is wrong (404, whatever is wrong with it). */
export type FileLookup = (id: string, token: string, kind: 'docx' | 'md') => Promise<{ fileName: string; body: Uint8Array | string } | null>;

/** The kinds of file served behind download links: /files/<collection>/<id>/<token>.<docx|md>. */
export type FileCollections = Partial<Record<'input-notes' | 'minutes', FileLookup>>;

/** A committee's .ics feed, or null when the address is wrong (404, whatever is wrong with it). */
export type FeedLookup = (slug: string, token: string) => Promise<{ fileName: string; body: string } | null>;

const CONTENT_TYPES = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  md: 'text/markdown; charset=utf-8',
} as const;

function correlationIdOf(req: HttpRequest): string {
  const given = headerOf(req, CORRELATION_HEADER) || headerOf(req, 'ms-cv');
  return given && /^[\w.:/+=-]{1,128}$/.test(given) ? given : randomUUID();
}

/**
 * The route a request matched ("/files/:collection/:id/:file"), for the log: download
 * links and feed addresses carry their secret in the path. An unmatched path is logged
 * by its first segment only, as it may be a link with a wrong method (HEAD, POST).
 */
export function routeOf(req: HttpRequest): string {
  if (req.route) return req.route;
  const path = req.pathname;
  const first = /^\/[^/]*/.exec(path)?.[0] ?? '/';
  return first.length < path.length ? `${first}/…` : first;
}

/** The error for the log, with a link's token masked wherever its message or stack names it (Prisma's do: they print the query). */
function withoutSecret(err: unknown, secret: string | undefined): unknown {
  if (!secret || !(err instanceof Error)) return err;
  const mask = (text: string | undefined) => text?.split(secret).join('[skjult]');
  return { type: err.name, message: mask(err.message), stack: mask(err.stack) };
}

/** How often, at most, the log says again that requests are not authenticated. */
const UNAUTHENTICATED_WARNING_MS = 10 * 60_000;

export function createServer(
  endpoint: BotEndpoint,
  health: Health,
  log: Logger,
  files: FileCollections = {},
  feeds?: FeedLookup,
  tab?: { api: TabApi; staticDir: string },
): http.Server {
  const router = new Router();
  // Without an app id anyone who reaches the port can speak as any Teams user, and name
  // the address the bot answers to: said in the log at the first such request, then
  // every ten minutes with a count, never once per request.
  let unauthenticatedSince = 0;
  let lastWarning = -Infinity;
  const unauthenticated = (turnLog: Logger) => {
    unauthenticatedSince += 1;
    const now = Date.now();
    if (now - lastWarning < UNAUTHENTICATED_WARNING_MS) return;
    turnLog.warn(
      { requests: unauthenticatedSince },
      'Ikke-godkendte forespørgsler modtaget: MicrosoftAppId er ikke sat, så enhver der kan nå porten kan skrive som enhver Teams-bruger / unauthenticated requests accepted: no MicrosoftAppId is set',
    );
    unauthenticatedSince = 0;
    lastWarning = now;
  };
  // Bodies are JSON, read per route by the routes that take one: the bot's endpoint and
  // the tab's API, except a route that declares it takes a file's bytes (its own reader
  // and limit, after the sign-in: src/api/http.ts).
  const readJson = jsonBody(MAX_BODY_BYTES);
  const withCorrelation = (req: HttpRequest, res: http.ServerResponse) => {
    req.correlationId = correlationIdOf(req);
    res.setHeader(CORRELATION_HEADER, req.correlationId);
    return true;
  };

  router.post('/api/messages', withCorrelation, readJson, async (req, res) => {
    const correlationId = req.correlationId!;
    const turnLog = log.child({ correlationId });
    const authorization = headerOf(req, 'authorization') ?? '';
    if (endpoint.authenticates && !authorization) {
      turnLog.warn('request without a Bot Framework token refused');
      sendJson(res, 401, { error: 'unauthorized', correlationId });
      return;
    }
    if (!endpoint.authenticates) unauthenticated(turnLog);
    const checked = checkActivity(req.body);
    if (!checked.ok) {
      turnLog.warn({ problems: checked.problems }, 'invalid activity refused');
      sendJson(res, 400, { error: 'invalid_activity', problems: checked.problems, correlationId });
      return;
    }
    turnLog.debug({ type: checked.activity.type }, 'activity received');
    try {
      const answer = await endpoint.process(checked.activity, authorization, correlationId, turnLog);
      if (answer.body === undefined || answer.body === null) sendJson(res, answer.status);
      // An invoke's card is written by jsonBytes: its frozen, shared parts are serialised once (see json-body.ts).
      else sendBytes(res, answer.status, jsonBytes(answer.body), { 'content-type': 'application/json' });
    } catch (err) {
      turnLog.error({ err }, 'activity processing failed');
      if (!res.headersSent) sendJson(res, 500, { error: 'internal', correlationId });
    }
  });

  // A compiled note (/files/input-notes/<request>/<token>.docx, or .md) or a meeting's
  // minutes (/files/minutes/<meeting>/<token>.docx). The token is the link's secret
  // (random, 24 bytes); without the right one the answer is 404, as for a file that does
  // not exist. Never cached by proxies.
  router.get('/files/:collection/:id/:file', async (req, res) => {
    const match = /^([\w-]{16,64})\.(docx|md)$/.exec(String(req.params.file ?? ''));
    const id = String(req.params.id ?? '');
    const collection = String(req.params.collection ?? '');
    const lookup = Object.hasOwn(files, collection) ? files[collection as keyof FileCollections] : undefined;
    let found: Awaited<ReturnType<FileLookup>> = null;
    try {
      if (match && /^[0-9a-f-]{36}$/i.test(id) && lookup) found = await lookup(id, match[1]!, match[2] as 'docx' | 'md');
    } catch (err) {
      // Answered like a missing file (below), but never silently; the token stays out of the log.
      log.error({ err: withoutSecret(err, match?.[1]), collection, id }, 'could not read a file behind a download link');
    }
    if (!found || !match) {
      sendJson(res, 404, { error: 'not_found' });
      return;
    }
    const body = typeof found.body === 'string' ? Buffer.from(found.body, 'utf8') : found.body;
    sendBytes(res, 200, body, {
      'content-type': CONTENT_TYPES[match[2] as 'docx' | 'md'],
      'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(found.fileName)}`,
      'cache-control': 'private, no-store',
      'x-content-type-options': 'nosniff',
    });
  });

  // A committee's meetings to subscribe to: /calendar/<slug>/<token>.ics. The token is the
  // address's secret (random, 24 bytes), so a wrong one answers 404 like an unknown
  // committee. Calendar apps poll it; a minute's caching spares the database.
  router.get('/calendar/:slug/:file', async (req, res) => {
    const match = /^([\w-]{16,64})\.ics$/.exec(String(req.params.file ?? ''));
    const slug = String(req.params.slug ?? '');
    let found: Awaited<ReturnType<FeedLookup>> = null;
    try {
      if (match && /^[a-z0-9-]{1,100}$/.test(slug) && feeds) found = await feeds(slug, match[1]!);
    } catch (err) {
      log.error({ err: withoutSecret(err, match?.[1]), slug }, 'could not write a calendar feed');
    }
    if (!found) {
      sendJson(res, 404, { error: 'not_found' });
      return;
    }
    sendBytes(res, 200, Buffer.from(found.body, 'utf8'), {
      'content-type': 'text/calendar; charset=utf-8',
      'content-disposition': `inline; filename="${found.fileName.replace(/[^\w.-]/g, '_')}"`,
      'cache-control': 'private, max-age=60',
      'x-content-type-options': 'nosniff',
    });
  });

  // The tab: its API (/api/tab/…, behind the Entra token check) and its front end (/tab/…).
  if (tab) {
    registerTabApi(router, tab.api, log, withCorrelation, readJson);
    serveTab(router, tab.staticDir);
  }

  router.get('/healthz', async (_req, res) => {
    try {
      const database = await health.database();
      sendJson(res, 200, { status: 'ok', version: health.version, database });
    } catch (err) {
      log.error({ err }, 'health check: database unreachable');
      sendJson(res, 503, { status: 'unavailable', version: health.version, database: null });
    }
  });

  return http.createServer(
    router.listener({
      refused(req, status, err) {
        log.warn({ correlationId: req.correlationId ?? correlationIdOf(req), status, method: req.method, route: routeOf(req), err }, 'request refused');
      },
      failed(req, err) {
        log.error({ correlationId: req.correlationId ?? correlationIdOf(req), method: req.method, route: routeOf(req), err }, 'request failed');
      },
    }),
  );
}
