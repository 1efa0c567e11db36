// Answers and request headers on node's http module, as the server's routes use them.
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';

/** A request header's value (the first, where it came more than once); undefined when absent or empty. */
export function headerOf(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name.toLowerCase()];
  const first = Array.isArray(value) ? value[0] : value;
  return first || undefined;
}

/** The request's media type, without parameters and in lower case ("application/json"). */
export function mediaTypeOf(req: IncomingMessage): string {
  return (headerOf(req, 'content-type') ?? '').split(';')[0]!.trim().toLowerCase();
}

/** Answers `status` with `bytes` (a body that is already JSON, a file). */
export function sendBytes(
  res: ServerResponse,
  status: number,
  bytes: Buffer | Uint8Array,
  headers: OutgoingHttpHeaders,
): void {
  res.writeHead(status, { ...headers, 'content-length': bytes.length });
  res.end(bytes);
}

/** Answers `status` with `body` as JSON; no body at all when it is undefined. */
export function sendJson(res: ServerResponse, status: number, body?: unknown): void {
  if (body === undefined) {
    res.writeHead(status, { 'content-length': 0 });
    res.end();
    return;
  }
  sendBytes(res, status, Buffer.from(JSON.stringify(body), 'utf8'), {
    'content-type': 'application/json',
  });
}
