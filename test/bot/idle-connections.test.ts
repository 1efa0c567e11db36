// A connector client closes an idle connection before the server does, so that no send
// meets a connection the server has just closed (a reply lost to "read ECONNRESET").
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { Worker } from 'node:worker_threads';
import type { Activity } from 'botbuilder';
import { ReusingBotFrameworkAuthentication } from '../../src/bot/transport/reusing-authentication';
import { SETTLE_AFTER_MS, closingIdleConnections, connectorAgents } from '../../src/bot/transport/idle-connections';
import { until } from '../support/until';

/** A connector that closes idle connections after `keepAliveMs` (announcing it, as Node's server does) and notes who closed each. */
async function connector(keepAliveMs: number) {
  const connections: Array<{ closedBy?: 'client' | 'server' }> = [];
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: `a${connections.length}` }));
    });
  });
  server.keepAliveTimeout = keepAliveMs;
  server.on('connection', (socket: Socket) => {
    const connection: { closedBy?: 'client' | 'server' } = {};
    connections.push(connection);
    // The client's close arrives as the end of its stream; the server's own timeout destroys the socket without one.
    socket.on('end', () => (connection.closedBy ??= 'client'));
    socket.on('close', () => (connection.closedBy ??= 'server'));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  return { url, connections, close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }) };
}

/**
 * A connector on an event loop of its own (a worker thread), so that it closes a connection
 * while the bot's loop is busy: it announces no timeout, and closes each connection
 * `closeAfterMs` after its answer. Counts the requests it has read.
 */
async function connectorOnItsOwnLoop(closeAfterMs: number) {
  const worker = new Worker(
    `const http = require('node:http');
     const { parentPort } = require('node:worker_threads');
     let requests = 0;
     const server = http.createServer((req, res) => {
       requests += 1;
       req.resume();
       req.on('end', () => {
         res.on('finish', () => setTimeout(() => req.socket.destroy(), ${closeAfterMs}));
         res.writeHead(200, { 'content-type': 'application/json' });
         res.end(JSON.stringify({ id: 'a' + requests }));
       });
     });
     server.keepAliveTimeout = 0;
     server.listen(0, '127.0.0.1', () => parentPort.postMessage({ port: server.address().port }));
     parentPort.on('message', () => parentPort.postMessage({ requests }));`,
    { eval: true },
  );
  const { port } = await new Promise<{ port: number }>((resolve) => worker.once('message', resolve));
  return {
    url: `http://127.0.0.1:${port}/`,
    requests: () => new Promise<number>((resolve) => { worker.once('message', (m: { requests: number }) => resolve(m.requests)); worker.postMessage('count'); }),
    close: () => worker.terminate(),
  };
}

/** Holds this thread's event loop, as a turn's own work does. */
function busy(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until);
}

async function clientFor(serviceUrl: string) {
  const auth = new ReusingBotFrameworkAuthentication({});
  const activity = { type: 'message', channelId: 'msteams', serviceUrl, from: { id: '29:a' }, recipient: { id: '28:bot' }, conversation: { id: 'c1' } } as Activity;
  const result = await auth.authenticateRequest(activity, '');
  return result.connectorFactory!.create(serviceUrl, result.audience);
}

describe('connections to Teams', () => {
  it('are closed by the bot a second before the time the server announced, and a later send opens a new one', async () => {
    const teams = await connector(2500);
    try {
      const client = await clientFor(teams.url);
      await client.conversations.sendToConversation('c1', { type: 'message', text: 'første' });
      expect(teams.connections).toHaveLength(1);
      await until(() => teams.connections[0]!.closedBy !== undefined);
      expect(teams.connections[0]!.closedBy).toBe('client');

      await client.conversations.sendToConversation('c1', { type: 'message', text: 'anden' });
      expect(teams.connections).toHaveLength(2);
    } finally {
      await teams.close();
    }
  });

  it('are reused while the server keeps them open', async () => {
    const teams = await connector(10_000);
    try {
      const client = await clientFor(teams.url);
      for (const text of ['en', 'to', 'tre']) await client.conversations.sendToConversation('c1', { type: 'message', text });
      expect(teams.connections).toHaveLength(1);
    } finally {
      await teams.close();
    }
  });

  it('are not written to once the server has closed them while the bot was busy: the send opens a new one', async () => {
    const teams = await connectorOnItsOwnLoop(300);
    try {
      const client = await clientFor(teams.url);
      await client.conversations.sendToConversation('c1', { type: 'message', text: 'første' });
      // The server closes the connection while this loop is held; the close waits, unread, as the next send starts.
      busy(SETTLE_AFTER_MS + 100);
      const second = client.conversations.sendToConversation('c1', { type: 'message', text: 'anden' });
      await expect(second).resolves.toMatchObject({ id: 'a2' });
      expect(await teams.requests()).toBe(2);
    } finally {
      await teams.close();
    }
  });

  it('are taken at once while the newest free one is in use, however long older ones have idled', async () => {
    const teams = await connector(60_000);
    const { port } = new URL(teams.url);
    const agent = connectorAgents().http;
    const get = () => new Promise<void>((resolve, reject) => http.request({ agent, host: '127.0.0.1', port, path: '/', method: 'POST' }, (res) => res.resume().on('end', resolve)).on('error', reject).end());
    const free = () => Object.entries(agent.freeSockets).find(([name]) => name.includes(`:${port}:`))?.[1]?.length ?? 0;
    try {
      await Promise.all([get(), get()]);
      expect(free()).toBe(2);
      await new Promise((r) => setTimeout(r, SETTLE_AFTER_MS + 100));
      // Both have idled: the send looks at what arrived first, then takes the newest; the other idles on.
      await get();
      expect(free()).toBe(2);
      // The newest is fresh: the next send takes it as it is made, not after the loop has polled.
      const request = get();
      expect(free()).toBe(1);
      await request;
      expect(teams.connections).toHaveLength(2);
    } finally {
      await teams.close();
    }
  });

  it('keep a proxy’s agent, and the policy is added once however often the client is passed through', async () => {
    const client = await clientFor('https://smba.trafficmanager.net/emea/');
    const pipeline = (client as unknown as { client: { pipeline: { getOrderedPolicies(): Array<{ name: string; sendRequest: (r: unknown, next: (r: unknown) => Promise<unknown>) => Promise<unknown> }> } } }).client.pipeline;
    closingIdleConnections(client);
    const ours = pipeline.getOrderedPolicies().filter((p) => p.name === 'dagsorden-idle-connections');
    expect(ours).toHaveLength(1);
    const names = pipeline.getOrderedPolicies().map((p) => p.name);
    expect(names.indexOf('dagsorden-idle-connections')).toBeGreaterThan(names.indexOf('proxyPolicy'));

    const seen: unknown[] = [];
    const proxyAgent = new http.Agent();
    for (const request of [{ url: 'https://x/', agent: proxyAgent }, { url: 'https://x/' }, { url: 'http://x/' }, { url: 'https://x/', disableKeepAlive: true }]) {
      await ours[0]!.sendRequest(request, async (r) => seen.push((r as { agent?: unknown }).agent));
    }
    expect(seen).toEqual([proxyAgent, connectorAgents().https, connectorAgents().http, undefined]);
  });
});
