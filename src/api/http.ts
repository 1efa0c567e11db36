// The tab's API and front end on the server: /api/tab/… (each route from routes/, behind
// the token check) and /tab/… (the built front end from tab/dist, when it is built).
import fs from 'node:fs';
import path from 'node:path';
import type { ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { z } from 'zod';
import { SigningKeysUnavailable, type Authenticate, type TabIdentity } from './auth';
import { jsonBytes } from './json-body';
import { HttpRefusal, type Handler, type HttpRequest, type Router } from '../http/router';
import { readBytes } from '../http/body';
import { headerOf, mediaTypeOf, sendBytes, sendJson } from '../http/reply';
import { toHttp, type Route } from './route';
import type { TabServices } from './services';

export interface TabApi {
  routes: readonly Route[];
  authenticate: Authenticate;
  services: TabServices;
  /** The developer sign-in is on (no MicrosoftAppId, loopback): the front end asks, to know whether to use it. */
  developerSignIn: boolean;
}

/**
 * Registers every route under /api/tab; `withCorrelation` is the server's step that gives
 * a request its correlation id. Each route reads its body with `jsonBody` (the server's
 * JSON reader), except one that declares an upload: it reads the file's bytes itself,
 * after the sign-in, up to its own limit.
 */
export function registerTabApi(
  router: Router,
  api: TabApi,
  log: Logger,
  withCorrelation: Handler,
  jsonBody: Handler,
): void {
  // Asked before signing in, and tells nothing about anyone: only whether this server
  // takes "Authorization: Dev <object id>" (never where an app id is set).
  router.get('/api/tab/sign-in', (_req, res) => {
    res.setHeader('cache-control', 'no-store');
    sendJson(res, 200, { developer: api.developerSignIn });
  });
  for (const route of api.routes) {
    const handler = async (req: HttpRequest, res: ServerResponse) => {
      const correlationId = req.correlationId!;
      // Answers are the caller's own: no cache may keep or share them.
      res.setHeader('cache-control', 'private, no-store');
      const reqLog = log.child({ correlationId, route: `${route.method} /api/tab${route.path}` });
      let identity: TabIdentity | null = null;
      try {
        identity = await api.authenticate(headerOf(req, 'authorization'));
      } catch (err) {
        // The token's own text is not in these errors (jose names the key set, not the token).
        reqLog.error(
          { err: { type: (err as Error).name, cause: String((err as Error).cause ?? '') } },
          'tab sign-in could not be checked',
        );
        sendJson(res, err instanceof SigningKeysUnavailable ? 503 : 500, {
          error: 'unavailable',
          correlationId,
        });
        return;
      }
      if (!identity) {
        res.setHeader('www-authenticate', 'Bearer');
        sendJson(res, 401, { error: 'unauthorized', correlationId });
        return;
      }
      const params = route.params.safeParse(req.params);
      // An id that cannot name anything is answered as one that names nothing.
      if (!params.success) {
        sendJson(res, 404, { error: 'not_found', correlationId });
        return;
      }
      // A file that is not sent as bytes, or is too large, is refused by the router (415, 413).
      const raw: unknown = route.upload ? await readUpload(req, route.upload.maxBytes) : req.body;
      const body = route.body
        ? route.body.safeParse(raw)
        : ({ success: true, data: undefined } as const);
      if (!body.success) {
        sendJson(res, 400, {
          error: 'invalid_request',
          problems: problemsOf(body.error),
          correlationId,
        });
        return;
      }
      const actor = {
        aadObjectId: identity.aadObjectId,
        teamsUserId: '',
        name: identity.name,
        tenantId: identity.tenantId,
      };
      try {
        const answer = await route.run(
          { actor, services: api.services, correlationId, log: reqLog },
          params.data,
          body.data,
        );
        if (route.method === 'GET' && route.etag) {
          const tag = `"${route.etag(answer)}"`;
          res.setHeader('etag', tag);
          // The tab asks with the tag it has (its answers are no-store, so no browser cache does).
          if (unchanged(headerOf(req, 'if-none-match'), tag)) {
            res.writeHead(304);
            res.end();
            return;
          }
        }
        // Written by jsonBytes: what many readers share is serialised once (see json-body.ts).
        sendBytes(res, 200, jsonBytes(answer ?? {}), { 'content-type': 'application/json' });
      } catch (err) {
        const mapped = toHttp(err);
        if (mapped) {
          reqLog.info({ status: mapped.status, code: mapped.body.error }, 'tab request refused');
          sendJson(res, mapped.status, { ...mapped.body, correlationId });
          return;
        }
        reqLog.error({ err }, 'tab request failed');
        if (!res.headersSent) sendJson(res, 500, { error: 'internal', correlationId });
      }
    };
    const at = `/api/tab${route.path}`;
    router.add(route.method, at, [withCorrelation, ...(route.upload ? [] : [jsonBody]), handler]);
  }
}

/**
 * A file sent as its bytes (else 415): refused unsent (413) when its declared length is
 * over the limit, and cut off when more arrives than allowed; its name from X-File-Name
 * (URI-encoded, as the tab sends it).
 */
async function readUpload(req: HttpRequest, maxBytes: number): Promise<{ name: string; bytes: Buffer }> {
  const type = mediaTypeOf(req);
  if (type !== 'application/octet-stream') throw new HttpRefusal(415, 'unsupported_media_type', `an upload's content type is ${type || '(none)'}`);
  const bytes = await readBytes(req, maxBytes);
  let name = '';
  try {
    name = decodeURIComponent(headerOf(req, 'x-file-name') ?? '');
  } catch {
    // A malformed name is no name: the route refuses it.
  }
  return { name, bytes };
}

/** Whether If-None-Match names `tag` (a list, weak or strong, or "*"). */
function unchanged(ifNoneMatch: string | undefined, tag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch
    .split(',')
    .map((t) => t.trim().replace(/^W\//, ''))
    .some((t) => t === tag || t === '*');
}

/** Where a body is wrong, by field: no values echoed back. */
function problemsOf(error: z.ZodError): string[] {
  return error.issues.map((i) => `${i.path.join('.') || '(body)'}: ${i.code}`);
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
};
/** A bundler's content-hashed name ("index-3fa9c2d1.js"): it never changes, so it may be cached for good. */
const HASHED = /[.-][A-Za-z0-9_]{8,}\.(js|css|woff2|png|svg|map)$/;

/** Serves the built front end from `dir` (tab/dist) under /tab/; 404 for anything else, or when it is not built. */
export function serveTab(router: Router, dir: string): void {
  const root = path.resolve(dir);
  // "*" is the rest of the path, decoded (a malformed escape matches no route: 404).
  const serve = async (req: HttpRequest, res: ServerResponse) => {
    const wanted = req.params['*'] || 'index.html';
    const file = path.resolve(root, wanted);
    const inside = file.startsWith(root + path.sep);
    const type = CONTENT_TYPES[path.extname(file)];
    let body: Buffer | null = null;
    let gzipped = false;
    if (wanted && inside && type && !wanted.includes('\0')) {
      // The build's gzip beside a hashed file (scripts/build-tab.js), for a browser that takes it.
      if (HASHED.test(file) && /\bgzip\b/.test(headerOf(req, 'accept-encoding') ?? '')) {
        body = await fs.promises.readFile(`${file}.gz`).catch(() => null);
        gzipped = Boolean(body);
      }
      body ??= await fs.promises.readFile(file).catch(() => null);
    }
    if (!body) {
      sendJson(res, 404, { error: 'not_found' });
      return;
    }
    sendBytes(res, 200, body, {
      'content-type': type!,
      'cache-control': HASHED.test(file) ? 'public, max-age=31536000, immutable' : 'no-cache',
      'x-content-type-options': 'nosniff',
      ...(HASHED.test(file) ? { vary: 'accept-encoding' } : {}),
      ...(gzipped ? { 'content-encoding': 'gzip' } : {}),
    });
  };
  router.get('/tab/*', serve);
}
