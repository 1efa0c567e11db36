// With an app id configured, a request whose token is refused gets 401 and one whose
// token cannot be checked (Microsoft's signing keys out of reach) gets 503; neither answer
// carries the error's text, and both causes are logged. botbuilder's own answer was a 500
// naming the key endpoint, logged to the console only.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import pino from 'pino';
import { createBotEndpoint } from '../../src/bot/transport/endpoint';
import { createServer } from '../../src/server';
import { startTestApp, type TestApp } from '../support/app';
import { message } from '../support/activities';

const APP_ID = '11111111-1111-1111-1111-111111111111';
const AUTH = { MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'geheim-kodeord', MicrosoftAppType: 'SingleTenant', MicrosoftAppTenantId: '22222222-2222-2222-2222-222222222222' };

/** A token shaped like the channel's (RS256, Bot Framework issuer, our audience), signed by no one. */
function forgedToken(): string {
  const part = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  return `Bearer ${part({ alg: 'RS256', kid: 'forged-key', typ: 'JWT' })}.${part({ iss: 'https://api.botframework.com', aud: APP_ID, serviceurl: 'https://attacker.example/', nbf: now - 60, exp: now + 3600 })}.${Buffer.from('not a signature').toString('base64url')}`;
}

const activity = () => message('næste møde', { serviceUrl: 'https://attacker.example/', scope: 'personal' });

function expectNoInternals(body: Record<string, unknown>) {
  expect(Object.keys(body).sort()).toEqual(['correlationId', 'error']);
  expect(JSON.stringify(body)).not.toMatch(/botframework|openid|getaddrinfo|ENOTFOUND|ECONNREFUSED|Failed/i);
}

describe('the real adapter, keys out of reach (no network here)', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ ...AUTH, HOST: '127.0.0.1' });
  });
  afterAll(async () => app?.close());

  it('answers a forged token without internals, and logs why', async () => {
    // Not timed: that it answers at all, rather than waiting on keys out of reach, is what
    // counts, and the test's timeout is the guard.
    const res = await app.post(activity(), { authorization: forgedToken() });
    // 503 where the keys cannot be fetched (here); 401 where they can (the key is unknown).
    expect([401, 503]).toContain(res.status);
    expectNoInternals((await res.json()) as Record<string, unknown>);
    const logged = app.logs.find((l) => /token (refused|could not be checked)/.test(String(l.msg)));
    expect(logged).toBeDefined();
    expect(logged!.level).toBe(res.status === 503 ? 50 : 40);
    expect(JSON.stringify(app.logs)).not.toContain('geheim-kodeord');
  });

  it('answers 401 to a request without a token, or with one that is no JWT', async () => {
    const none = await app.post(activity());
    expect(none.status).toBe(401);
    const garbage = await app.post(activity(), { authorization: 'Bearer garbage' });
    expect(garbage.status).toBe(401);
    expectNoInternals((await garbage.json()) as Record<string, unknown>);
  });

  it('says nothing of unauthenticated requests (they are not)', () => {
    expect(app.logs.some((l) => /Ikke-godkendte|Uden MicrosoftAppId/.test(String(l.msg)))).toBe(false);
  });
});

describe('the key endpoint failing in each way', () => {
  let metadata: http.Server;
  let metadataUrl = '';
  let mode: 'error' | 'hang' = 'error';
  const held: http.ServerResponse[] = [];

  beforeAll(async () => {
    metadata = http.createServer((_req, res) => {
      if (mode === 'hang') {
        held.push(res);
        return;
      }
      res.writeHead(502);
      res.end('bad gateway');
    });
    await new Promise<void>((r) => metadata.listen(0, '127.0.0.1', r));
    metadataUrl = `http://127.0.0.1:${(metadata.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    held.forEach((r) => r.destroy());
    metadata.closeAllConnections();
    await new Promise((r) => metadata.close(r));
  });

  async function serve(metadataPath: string) {
    const logs: Array<Record<string, unknown>> = [];
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        for (const line of chunk.toString('utf8').split('\n')) if (line.trim()) logs.push(JSON.parse(line));
        done();
      },
    });
    const log = pino({ level: 'debug' }, sink);
    let ran = 0;
    const endpoint = createBotEndpoint({ ...AUTH, ToBotFromChannelOpenIdMetadataUrl: metadataPath, ToBotFromChannelTokenIssuer: 'https://api.botframework.com', ToBotFromEmulatorOpenIdMetadataUrl: metadataPath, ToChannelFromBotLoginUrl: 'https://login.microsoftonline.com/22222222-2222-2222-2222-222222222222', ToChannelFromBotOAuthScope: 'https://api.botframework.com' }, () => ({ run: async () => void (ran += 1) }), log, undefined, 300);
    const server: http.Server = createServer(endpoint, { database: async () => 'none', version: 'test' }, log);
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/messages`;
    const post = () => fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: forgedToken() }, body: JSON.stringify(activity()) });
    return { logs, post, ran: () => ran, close: () => new Promise<void>((r) => server.close(() => r())) };
  }

  it.each([
    ['answers an error', () => `${metadataUrl}/error/openid`],
    ['refuses connections', () => 'http://127.0.0.1:9/openid'],
    ['never answers', () => `${metadataUrl}/hang/openid`],
  ])('answers 503 when the key endpoint %s, logged as an error with its cause, nothing run', async (name, url) => {
    mode = name === 'never answers' ? 'hang' : 'error';
    const s = await serve(url());
    try {
      const res = await s.post();
      expect(res.status).toBe(503);
      const body = (await res.json()) as Record<string, unknown>;
      expect(body.error).toBe('unavailable');
      expectNoInternals(body);
      const logged = s.logs.find((l) => String(l.msg).includes('signing keys unavailable'));
      expect(logged?.level).toBe(50);
      expect(JSON.stringify(logged)).toMatch(/502|ECONNREFUSED|no answer/);
      expect(s.ran()).toBe(0);
    } finally {
      await s.close();
    }
  });
});
