// The tab's API and front end on the server: /api/tab/… (each route from routes/, behind
// the token check) and /tab/… (the built front end from tab/dist, when it is built).
import fs from 'node:fs';
import path from 'node:path';
import type restify from 'restify';
import type { Logger } from 'pino';
import { z } from 'zod';
import { SigningKeysUnavailable, type Authenticate, type TabIdentity } from './auth';
import { jsonBytes } from './json-body';
import { toHttp, type Route } from './route';
import type { TabServices } from './services';

export interface TabApi {
  routes: readonly Route[];
  authenticate: Authenticate;
  services: TabServices;
  /** The developer sign-in is on (no MicrosoftAppId, loopback): the front end asks, to know whether to use it. */
  developerSignIn: boolean;
}

type WithCorrelation = restify.Request & { correlationId?: string };

/**
 * Registers every route under /api/tab; `correlationIdOf` is the server's own. Each route
 * reads its body with `jsonBody` (the server's JSON parser), except one that declares an
 * upload: it reads the file's bytes itself, after the sign-in, up to its own limit.
 */
export function registerTabApi(
  server: restify.Server,
  api: TabApi,
  log: Logger,
  correlationIdOf: (req: restify.Request) => string,
  jsonBody: restify.RequestHandler[],
): void {
  // Asked before signing in, and tells nothing about anyone: only whether this server
  // takes "Authorization: Dev <object id>" (never where an app id is set).
  server.get('/api/tab/sign-in', async (_req: restify.Request, res: restify.Response) => {
    res.header('cache-control', 'no-store');
    res.send(200, { developer: api.developerSignIn });
  });
  for (const route of api.routes) {
    const handler = async (req: restify.Request, res: restify.Response) => {
      const correlationId = correlationIdOf(req);
      (req as WithCorrelation).correlationId = correlationId;
      res.header('x-correlation-id', correlationId);
      // Answers are the caller's own: no cache may keep or share them.
      res.header('cache-control', 'private, no-store');
      const reqLog = log.child({ correlationId, route: `${route.method} /api/tab${route.path}` });
      let identity: TabIdentity | null = null;
      try {
        identity = await api.authenticate(req.header('authorization') || undefined);
      } catch (err) {
        // The token's own text is not in these errors (jose names the key set, not the token).
        reqLog.error(
          { err: { type: (err as Error).name, cause: String((err as Error).cause ?? '') } },
          'tab sign-in could not be checked',
        );
        res.send(err instanceof SigningKeysUnavailable ? 503 : 500, {
          error: 'unavailable',
          correlationId,
        });
        return;
      }
      if (!identity) {
        res.header('www-authenticate', 'Bearer');
        res.send(401, { error: 'unauthorized', correlationId });
        return;
      }
      const params = route.params.safeParse(req.params ?? {});
      // An id that cannot name anything is answered as one that names nothing.
      if (!params.success) {
        res.send(404, { error: 'not_found', correlationId });
        return;
      }
      let raw: unknown = req.body ?? undefined;
      if (route.upload) {
        const file = await readUpload(req, route.upload.maxBytes);
        if ('refused' in file) {
          res.send(file.refused, {
            error: file.refused === 413 ? 'too_large' : 'unsupported_media_type',
            correlationId,
          });
          return;
        }
        raw = file;
      }
      const body = route.body
        ? route.body.safeParse(raw)
        : ({ success: true, data: undefined } as const);
      if (!body.success) {
        res.send(400, {
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
          res.header('etag', tag);
          // The tab asks with the tag it has (its answers are no-store, so no browser cache does).
          if (unchanged(req.header('if-none-match'), tag)) {
            res.status(304);
            res.end();
            return;
          }
        }
        // Written by jsonBytes: what many readers share is serialised once (see json-body.ts).
        const bytes = jsonBytes(answer ?? {});
        res.sendRaw(200, bytes, {
          'content-type': 'application/json',
          'content-length': String(bytes.length),
        });
      } catch (err) {
        const mapped = toHttp(err);
        if (mapped) {
          reqLog.info({ status: mapped.status, code: mapped.body.error }, 'tab request refused');
          res.send(mapped.status, { ...mapped.body, correlationId });
          return;
        }
        reqLog.error({ err }, 'tab request failed');
        if (!res.headersSent) res.send(500, { error: 'internal', correlationId });
      }
    };
    const at = `/api/tab${route.path}`;
    const chain = [...(route.upload ? [] : jsonBody), handler];
    if (route.method === 'GET') server.get(at, ...chain);
    else if (route.method === 'PUT') server.put(at, ...chain);
    else if (route.method === 'POST') server.post(at, ...chain);
    else server.del(at, ...chain);
  }
}

/**
 * A file sent as its bytes: refused unsent (413) when its declared length is over the
 * limit, and cut off when more arrives than declared or allowed; its name from
 * X-File-Name (URI-encoded, as the tab sends it).
 */
async function readUpload(
  req: restify.Request,
  maxBytes: number,
): Promise<{ name: string; bytes: Buffer } | { refused: 413 | 415 }> {
  if (req.contentType() !== 'application/octet-stream') return { refused: 415 };
  const declared = Number(req.header('content-length') ?? NaN);
  if (declared > maxBytes) return { refused: 413 };
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) return { refused: 413 };
    chunks.push(chunk);
  }
  let name = '';
  try {
    name = decodeURIComponent(req.header('x-file-name') ?? '');
  } catch {
    // A malformed name is no name: the route refuses it.
  }
  return { name, bytes: Buffer.concat(chunks) };
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
export function serveTab(server: restify.Server, dir: string): void {
  const root = path.resolve(dir);
  server.get('/tab/*', async (req: restify.Request, res: restify.Response) => {
    let wanted = '';
    try {
      wanted = decodeURIComponent(req.path().replace(/^\/tab\/?/, '')) || 'index.html';
    } catch {
      // A malformed escape names no file.
    }
    const file = path.resolve(root, wanted);
    const inside = file.startsWith(root + path.sep);
    const type = CONTENT_TYPES[path.extname(file)];
    let body: Buffer | null = null;
    let gzipped = false;
    if (wanted && inside && type && !wanted.includes('\0')) {
      // The build's gzip beside a hashed file (scripts/build-tab.js), for a browser that takes it.
      if (HASHED.test(file) && /\bgzip\b/.test(req.header('accept-encoding') ?? '')) {
        body = await fs.promises.readFile(`${file}.gz`).catch(() => null);
        gzipped = Boolean(body);
      }
      body ??= await fs.promises.readFile(file).catch(() => null);
    }
    if (!body) {
      res.send(404, { error: 'not_found' });
      return;
    }
    res.writeHead(200, {
      'content-type': type!,
      'content-length': body.length,
      'cache-control': HASHED.test(file) ? 'public, max-age=31536000, immutable' : 'no-cache',
      'x-content-type-options': 'nosniff',
      ...(HASHED.test(file) ? { vary: 'accept-encoding' } : {}),
      ...(gzipped ? { 'content-encoding': 'gzip' } : {}),
    });
    res.end(body);
  });
}
