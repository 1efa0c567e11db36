// A connector client closes an idle connection before the server does, so that no send
// meets a connection the server has just closed (a reply lost to "read ECONNRESET").
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { Activity } from 'botbuilder';
import { ReusingBotFrameworkAuthentication } from '../../src/bot/transport/reusing-authentication';
import { closingIdleConnections, connectorAgents } from '../../src/bot/transport/idle-connections';
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
