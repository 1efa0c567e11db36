// The server's routing and body reading on node's http (src/http/): what matches, what is
// refused and how, and that a refusal or a failure is told to the owner for the log.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { jsonBody } from '../../src/http/body';
import { sendJson } from '../../src/http/reply';
import { HttpRefusal, Router, type HttpRequest } from '../../src/http/router';

const refused: Array<{ status: number; route: string | undefined; path: string; type: string }> =
  [];
const failed: unknown[] = [];
let server: http.Server;
let url: string;

beforeAll(async () => {
  const router = new Router();
  const echo = (req: HttpRequest, res: http.ServerResponse) =>
    sendJson(res, 200, { route: req.route, params: req.params, body: req.body ?? null });
  router.get('/files/:collection/:id/:file', echo);
  router.get('/static/*', echo);
  router.post('/json', jsonBody(64), echo);
  router.post(
    '/traced',
    (req) => {
      req.correlationId = 'c-1';
      return true;
    },
    jsonBody(64),
    echo,
  );
  router.put('/json', jsonBody(64), echo);
  router.del('/items/:id', echo);
  router.get(
    '/steps',
    (_req, res) => {
      res.setHeader('x-first', 'yes');
      return true;
    },
    echo,
  );
  router.get('/stop', (_req, res) => sendJson(res, 204), echo);
  router.get('/throws', () => {
    throw new Error('broken');
  });
  router.get('/refuses', () => {
    throw new HttpRefusal(409, 'conflict', 'no');
  });
  server = http.createServer(
    router.listener({
      refused: (req, status, err) =>
        refused.push({ status, route: req.route, path: req.pathname, type: err.type }),
      failed: (_req, err) => failed.push(err),
    }),
  );
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((r) => server.close(() => r()));
});
beforeEach(() => {
  refused.length = 0;
  failed.length = 0;
});

/** A raw request (fetch would not send a body that is chunked and larger than said, or none). */
function raw(
  method: string,
  path: string,
  headers: Record<string, string>,
  chunks: string[],
): Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    const req = http.request(`${url}${path}`, { method, headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode!, body, headers: res.headers }));
    });
    req.on('error', reject);
    for (const c of chunks) req.write(c);
    req.end();
  });
}

describe('routes', () => {
  it('matches a path with parameters, decoded, and ignores the query', async () => {
    const res = await fetch(`${url}/files/minutes/abc%20d/x.docx?download=1`);
    expect(await res.json()).toEqual({
      route: '/files/:collection/:id/:file',
      params: { collection: 'minutes', id: 'abc d', file: 'x.docx' },
      body: null,
    });
  });

  it('gives a trailing wildcard the rest of the path, empty included', async () => {
    expect((await (await fetch(`${url}/static/a/b.js`)).json()).params).toEqual({ '*': 'a/b.js' });
    expect((await (await fetch(`${url}/static/`)).json()).params).toEqual({ '*': '' });
  });

  it('answers 404 for an unknown path or a malformed escape, and tells the owner with no route matched', async () => {
    for (const path of [
      '/nope',
      '/files/minutes/x',
      '/files/minutes/x/y.docx/extra',
      '/static/%E0%A4%A',
    ]) {
      const res = await fetch(`${url}${path}`);
      expect([path, res.status, await res.json()]).toEqual([path, 404, { error: 'not_found' }]);
    }
    expect(refused.map((r) => [r.status, r.route])).toEqual([
      [404, undefined],
      [404, undefined],
      [404, undefined],
      [404, undefined],
    ]);
  });

  it('answers 405 with Allow for a known path asked with another method (HEAD and OPTIONS too)', async () => {
    for (const method of ['POST', 'HEAD', 'OPTIONS', 'PATCH']) {
      const res = await fetch(`${url}/files/a/b/c.md`, { method });
      expect([method, res.status, res.headers.get('allow')]).toEqual([method, 405, 'GET']);
    }
    const res = await fetch(`${url}/json`, { method: 'DELETE' });
    expect([res.status, res.headers.get('allow')]).toEqual([405, 'POST, PUT']);
    expect(refused.every((r) => r.status === 405 && r.type === 'MethodNotAllowed')).toBe(true);
  });

  it('runs the steps in turn while each hands on, and stops at one that answers', async () => {
    const res = await fetch(`${url}/steps`);
    expect([res.status, res.headers.get('x-first')]).toEqual([200, 'yes']);
    const stopped = await fetch(`${url}/stop`);
    expect([stopped.status, await stopped.text()]).toEqual([204, '']);
  });

  it('answers 500 for a step that throws and tells the owner; a refusal gets its own status', async () => {
    const res = await fetch(`${url}/throws`);
    expect([res.status, await res.json()]).toEqual([500, { error: 'internal' }]);
    expect(failed).toHaveLength(1);
    const no = await fetch(`${url}/refuses`);
    expect([no.status, await no.json()]).toEqual([409, { error: 'conflict' }]);
    expect(refused).toEqual([
      { status: 409, route: '/refuses', path: '/refuses', type: 'HttpRefusal' },
    ]);
  });

  it('refuses a route written without its leading slash, or twice', () => {
    expect(() => new Router().get('nope', () => undefined)).toThrow(/begins with/);
    const router = new Router();
    router.get('/a/:id', () => undefined);
    router.post('/a/:id', () => undefined);
    expect(() => router.get('/a/:id', () => undefined)).toThrow(/twice/);
  });

  it('tries a fixed segment before a parameter and a parameter before the wildcard, whatever the order they were added in', () => {
    const router = new Router();
    router.get('/m/*', () => undefined);
    router.get('/m/:id/items', () => undefined);
    router.get('/m/:id', () => undefined);
    router.get('/m/upcoming', () => undefined);
    const route = (path: string) => {
      const found = router.find('GET', path);
      return 'route' in found ? found.route.pattern : null;
    };
    expect([route('/m/upcoming'), route('/m/7'), route('/m/7/items'), route('/m/7/other')]).toEqual(
      ['/m/upcoming', '/m/:id', '/m/:id/items', '/m/*'],
    );
  });
});

describe('JSON bodies', () => {
  const post = (body: string, type = 'application/json') =>
    fetch(`${url}/json`, { method: 'POST', headers: { 'content-type': type }, body });

  it('reads JSON, with a charset or as a +json type, and goes on without a body when there is none', async () => {
    expect((await (await post('{"a":1}')).json()).body).toEqual({ a: 1 });
    expect((await (await post('[1]', 'application/json; charset=utf-8')).json()).body).toEqual([1]);
    expect((await (await post('{"p":2}', 'application/problem+json')).json()).body).toEqual({
      p: 2,
    });
    const none = await fetch(`${url}/json`, { method: 'PUT' });
    expect([none.status, (await none.json()).body]).toEqual([200, null]);
  });

  it('refuses another media type (415), what is not JSON (400) and a body over the limit (413)', async () => {
    const text = await post('{"a":1}', 'text/plain');
    expect([text.status, await text.json()]).toEqual([415, { error: 'unsupported_media_type' }]);
    const form = await post('a=1', 'application/x-www-form-urlencoded');
    expect(form.status).toBe(415);
    const broken = await post('{"a":');
    expect([broken.status, await broken.json()]).toEqual([400, { error: 'invalid_json' }]);
    const big = await post(JSON.stringify({ text: 'x'.repeat(100) }));
    expect([big.status, await big.json()]).toEqual([413, { error: 'too_large' }]);
    expect(refused.map((r) => r.status)).toEqual([415, 415, 400, 413]);
  });

  it("names the request's correlation id in a refusal, once a step has given it one", async () => {
    const res = await fetch(`${url}/traced`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: 'x',
    });
    expect([res.status, await res.json()]).toEqual([
      415,
      { error: 'unsupported_media_type', correlationId: 'c-1' },
    ]);
  });

  it('refuses a chunked body once it passes the limit, answers, and closes the connection', async () => {
    const res = await raw(
      'POST',
      '/json',
      { 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
      ['{"text":"', 'y'.repeat(40), 'y'.repeat(40), '"}'],
    );
    expect([res.status, JSON.parse(res.body), res.headers.connection]).toEqual([
      413,
      { error: 'too_large' },
      'close',
    ]);
    const under = await raw(
      'POST',
      '/json',
      { 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
      ['{"a":', '2}'],
    );
    expect([under.status, JSON.parse(under.body).body]).toEqual([200, { a: 2 }]);
  });
});
