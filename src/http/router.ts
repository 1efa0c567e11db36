// The HTTP server's routes, on node's own http module: a method and a path pattern per
// route ("/files/:collection/:id/:file", "/tab/*"), each with the handlers that run in
// turn (a body's reader, then the route's own). What matches nothing is answered here:
// 404 for an unknown path, 405 (with Allow) for a known path asked with another method,
// each logged as refused by its route or its path's first segment only (download links
// carry their secret in the path). A handler that throws is answered 500.
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { sendJson } from './reply';

export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** A request as the handlers see it: node's, with the matched route and its parameters. */
export interface HttpRequest extends IncomingMessage {
  /** The path without its query ("/tab/index.html"). */
  pathname: string;
  /** The route's parameters, decoded ("*" for the rest after a trailing wildcard). */
  params: Record<string, string>;
  /** The pattern matched ("/files/:collection/:id/:file"), or undefined when none did. */
  route?: string;
  /** The JSON body, once a reader has read it (src/http/body.ts). */
  body?: unknown;
  correlationId?: string;
}

/**
 * One step of a route. It returns true to hand the request to the next step (a body's
 * reader does); anything else ends the route, which has then answered.
 */
export type Handler = (
  req: HttpRequest,
  res: ServerResponse,
) => void | boolean | Promise<void | boolean>;

/** An error a step throws to refuse a request with a status of its own (400, 413, 415). */
export class HttpRefusal extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'HttpRefusal';
  }
}

interface Route {
  method: Method;
  pattern: string;
  match: RegExp;
  names: string[];
  steps: Handler[];
  /** Each segment's kind (0 a fixed word, 1 a parameter, 2 the wildcard): the more fixed, the earlier tried. */
  rank: number[];
}

/** Negative when `a` is tried before `b`: at the first segment where they differ, the fixed one first. */
function byRank(a: Route, b: Route): number {
  for (let i = 0; i < Math.min(a.rank.length, b.rank.length); i++) {
    if (a.rank[i] !== b.rank[i]) return a.rank[i]! - b.rank[i]!;
  }
  return 0;
}

/** What the listener tells its owner: a refused request (4xx from here) or a step that failed. */
export interface RouterEvents {
  refused(req: HttpRequest, status: number, err: { type: string; message: string }): void;
  failed(req: HttpRequest, err: unknown): void;
}

export class Router {
  private readonly routes: Route[] = [];

  get(pattern: string, ...steps: Handler[]): void {
    this.add('GET', pattern, steps);
  }
  post(pattern: string, ...steps: Handler[]): void {
    this.add('POST', pattern, steps);
  }
  put(pattern: string, ...steps: Handler[]): void {
    this.add('PUT', pattern, steps);
  }
  del(pattern: string, ...steps: Handler[]): void {
    this.add('DELETE', pattern, steps);
  }

  add(method: Method, pattern: string, steps: Handler[]): void {
    if (!pattern.startsWith('/')) throw new Error(`a route's path begins with /: ${pattern}`);
    if (this.routes.some((r) => r.method === method && r.pattern === pattern))
      throw new Error(`${method} ${pattern} is routed twice`);
    const names: string[] = [];
    const rank: number[] = [];
    const source = pattern
      .split('/')
      .map((segment, i, all) => {
        if (segment === '*' && i === all.length - 1) {
          names.push('*');
          rank.push(2);
          return '(.*)';
        }
        if (segment.startsWith(':')) {
          names.push(segment.slice(1));
          rank.push(1);
          return '([^/]+)';
        }
        rank.push(0);
        return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      })
      .join('/');
    this.routes.push({ method, pattern, match: new RegExp(`^${source}$`), names, steps, rank });
    // Stable: among routes of one rank, the first added is tried first.
    this.routes.sort(byRank);
  }

  /** The route for `method` and `pathname`; else the methods the path is known by (405), or none (404). */
  find(
    method: string,
    pathname: string,
  ): { route: Route; params: Record<string, string> } | { allowed: Method[] } {
    const allowed: Method[] = [];
    for (const route of this.routes) {
      const found = route.match.exec(pathname);
      if (!found) continue;
      if (route.method !== method) {
        if (!allowed.includes(route.method)) allowed.push(route.method);
        continue;
      }
      const params: Record<string, string> = {};
      for (const [i, name] of route.names.entries()) {
        const raw = found[i + 1] ?? '';
        try {
          params[name] = decodeURIComponent(raw);
        } catch {
          // A malformed escape names nothing this route serves.
          return { allowed: [] };
        }
      }
      return { route, params };
    }
    return { allowed };
  }

  /** The listener for http.createServer. */
  listener(events: RouterEvents): RequestListener {
    return (incoming, res) => {
      const req = incoming as HttpRequest;
      const url = req.url ?? '/';
      const query = url.indexOf('?');
      req.pathname = query < 0 ? url : url.slice(0, query);
      req.params = {};
      const found = this.find(req.method ?? 'GET', req.pathname);
      if ('allowed' in found) {
        const status = found.allowed.length ? 405 : 404;
        if (status === 405) res.setHeader('allow', found.allowed.join(', '));
        events.refused(req, status, {
          type: status === 405 ? 'MethodNotAllowed' : 'NotFound',
          message: status === 405 ? `${req.method} is not allowed here` : 'no such route',
        });
        // The body of a refused request is not read: the connection is closed after the answer.
        refuse(req, res, status, status === 405 ? 'method_not_allowed' : 'not_found');
        return;
      }
      req.route = found.route.pattern;
      req.params = found.params;
      void run(found.route.steps, req, res, events);
    };
  }
}

async function run(
  steps: Handler[],
  req: HttpRequest,
  res: ServerResponse,
  events: RouterEvents,
): Promise<void> {
  try {
    for (const step of steps) {
      if ((await step(req, res)) !== true) return;
    }
  } catch (err) {
    if (err instanceof HttpRefusal) {
      events.refused(req, err.status, { type: err.name, message: err.message });
      refuse(req, res, err.status, err.code);
      return;
    }
    events.failed(req, err);
    if (!res.headersSent)
      sendJson(res, 500, { error: 'internal', correlationId: req.correlationId });
    else res.destroy();
  }
}

function refuse(req: HttpRequest, res: ServerResponse, status: number, error: string): void {
  if (res.headersSent) return;
  // A body left unread would be taken for the next request on the connection.
  if (!req.complete) res.setHeader('connection', 'close');
  // The correlation id, where a step has given the request one (JSON leaves it out otherwise).
  sendJson(res, status, { error, correlationId: req.correlationId });
}
