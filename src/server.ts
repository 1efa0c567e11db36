// HTTP: /api/messages for Teams, /healthz for operations, /files/… for the download
// links of compiled notes and minutes, /calendar/… for the committees' .ics feeds.
// Requests are checked before they reach the bot: a body that is not an activity gets
// 400, never a crash.
import { randomUUID } from 'node:crypto';
import restify from 'restify';
import type { Logger } from 'pino';
import { z } from 'zod';
import type { BotEndpoint } from './bot/endpoint';

/** Activity types of the Bot Framework protocol; anything else is refused. */
const ACTIVITY_TYPES = [
  'message', 'conversationUpdate', 'contactRelationUpdate', 'typing', 'endOfConversation', 'event',
  'invoke', 'deleteUserData', 'messageUpdate', 'messageDelete', 'installationUpdate', 'messageReaction',
  'suggestion', 'trace', 'handoff', 'command', 'commandResult', 'invokeResponse',
] as const;

const activitySchema = z.object({
  type: z.enum(ACTIVITY_TYPES),
  serviceUrl: z.string().url().max(2048),
  conversation: z.object({ id: z.string().min(1).max(1024) }).passthrough(),
  from: z.object({ id: z.string().min(1).max(1024) }).passthrough(),
  channelId: z.string().min(1).max(64),
  text: z.string().optional(),
}).passthrough();

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

function correlationIdOf(req: restify.Request): string {
  const given = req.header(CORRELATION_HEADER) || req.header('ms-cv');
  return given && /^[\w.:/+=-]{1,128}$/.test(given) ? given : randomUUID();
}

export function createServer(endpoint: BotEndpoint, health: Health, log: Logger, files: FileCollections = {}, feeds?: FeedLookup): restify.Server {
  const server = restify.createServer({ name: 'dagsorden', handleUncaughtExceptions: false });
  server.use(restify.plugins.bodyParser({ maxBodySize: MAX_BODY_BYTES, mapParams: false, rejectUnknown: true }));

  server.on('restifyError', (req: restify.Request, res: restify.Response, err: Error & { statusCode?: number }, cb: () => void) => {
    const correlationId = (req as restify.Request & { correlationId?: string }).correlationId ?? correlationIdOf(req);
    log.warn({ correlationId, status: err.statusCode, path: req.path(), err: err.message }, 'request refused');
    cb();
  });

  server.post('/api/messages', async (req: restify.Request, res: restify.Response) => {
    const correlationId = correlationIdOf(req);
    (req as restify.Request & { correlationId?: string }).correlationId = correlationId;
    res.header(CORRELATION_HEADER, correlationId);
    const turnLog = log.child({ correlationId });
    if (endpoint.authenticates && !req.header('authorization')) {
      turnLog.warn('request without a Bot Framework token refused');
      res.send(401, { error: 'unauthorized', correlationId });
      return;
    }
    const parsed = activitySchema.safeParse(req.body);
    if (!parsed.success) {
      const problems = parsed.error.issues.slice(0, 5).map((i) => `${i.path.join('.') || 'body'}: ${i.message}`);
      turnLog.warn({ problems }, 'invalid activity refused');
      res.send(400, { error: 'invalid_activity', problems, correlationId });
      return;
    }
    turnLog.debug({ type: parsed.data.type }, 'activity received');
    try {
      await endpoint.process(req, res, correlationId, turnLog);
    } catch (err) {
      turnLog.error({ err }, 'activity processing failed');
      if (!res.headersSent) res.send(500, { error: 'internal', correlationId });
    }
  });

  // A compiled note (/files/input-notes/<request>/<token>.docx, or .md) or a meeting's
  // minutes (/files/minutes/<meeting>/<token>.docx). The token is the link's secret
  // (random, 24 bytes); without the right one the answer is 404, as for a file that does
  // not exist. Never cached by proxies.
  server.get('/files/:collection/:id/:file', async (req: restify.Request, res: restify.Response) => {
    const match = /^([\w-]{16,64})\.(docx|md)$/.exec(String(req.params.file ?? ''));
    const id = String(req.params.id ?? '');
    const collection = String(req.params.collection ?? '');
    const lookup = Object.hasOwn(files, collection) ? files[collection as keyof FileCollections] : undefined;
    let found: Awaited<ReturnType<FileLookup>> = null;
    try {
      if (match && /^[0-9a-f-]{36}$/i.test(id) && lookup) found = await lookup(id, match[1]!, match[2] as 'docx' | 'md');
    } catch (err) {
      // Answered like a missing file (below), but never silently.
      log.error({ err, collection, id }, 'could not read a file behind a download link');
    }
    if (!found || !match) {
      res.send(404, { error: 'not_found' });
      return;
    }
    const body = typeof found.body === 'string' ? Buffer.from(found.body, 'utf8') : Buffer.from(found.body);
    res.writeHead(200, {
      'content-type': CONTENT_TYPES[match[2] as 'docx' | 'md'],
      'content-length': body.length,
      'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(found.fileName)}`,
      'cache-control': 'private, no-store',
      'x-content-type-options': 'nosniff',
    });
    res.end(body);
  });

  // A committee's meetings to subscribe to: /calendar/<slug>/<token>.ics. The token is the
  // address's secret (random, 24 bytes), so a wrong one answers 404 like an unknown
  // committee. Calendar apps poll it; a minute's caching spares the database.
  server.get('/calendar/:slug/:file', async (req: restify.Request, res: restify.Response) => {
    const match = /^([\w-]{16,64})\.ics$/.exec(String(req.params.file ?? ''));
    const slug = String(req.params.slug ?? '');
    let found: Awaited<ReturnType<FeedLookup>> = null;
    try {
      if (match && /^[a-z0-9-]{1,100}$/.test(slug) && feeds) found = await feeds(slug, match[1]!);
    } catch (err) {
      log.error({ err, slug }, 'could not write a calendar feed');
    }
    if (!found) {
      res.send(404, { error: 'not_found' });
      return;
    }
    const body = Buffer.from(found.body, 'utf8');
    res.writeHead(200, {
      'content-type': 'text/calendar; charset=utf-8',
      'content-length': body.length,
      'content-disposition': `inline; filename="${found.fileName.replace(/[^\w.-]/g, '_')}"`,
      'cache-control': 'private, max-age=60',
      'x-content-type-options': 'nosniff',
    });
    res.end(body);
  });

  server.get('/healthz', async (_req: restify.Request, res: restify.Response) => {
    try {
      const database = await health.database();
      res.send(200, { status: 'ok', version: health.version, database });
    } catch (err) {
      log.error({ err }, 'health check: database unreachable');
      res.send(503, { status: 'unavailable', version: health.version, database: null });
    }
  });

  return server;
}
