// The endpoint's connector clients send each card from bytes written once
// (src/bot/transport/written-cards.ts): what reaches Teams must be byte for byte what
// botbuilder's own serialisation sends, and each send must carry its own card, never one
// another member's send was carrying at the same moment.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ConfigurationBotFrameworkAuthentication, type Activity } from 'botbuilder';
import { ReusingBotFrameworkAuthentication } from '../../src/bot/transport/reusing-authentication';
import { cardMessage } from '../../src/bot/transport/reply';
import { renderRefreshingCard, renderCard, type AdaptiveCard } from '../../src/cards/render';

interface Received {
  url: string;
  body: Buffer;
}

async function startRecorder(): Promise<{ url: string; received: Received[]; close(): Promise<void> }> {
  const received: Received[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ url: req.url ?? '', body: Buffer.concat(chunks) });
      // Answers out of order: the later request first.
      // Not chained: a server library may replace http.ServerResponse's writeHead with one
      // that returns nothing (restify, which the bot once used, did).
      setTimeout(
        () => {
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end('{"id":"sent"}');
        },
        received.length % 2 ? 30 : 1,
      );
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  return { url, received, close: () => new Promise((r) => server.close(() => r())) };
}

const activityFor = (serviceUrl: string) =>
  ({ type: 'message', channelId: 'msteams', serviceUrl, from: { id: '29:a' }, recipient: { id: '28:bot' }, conversation: { id: 'c1' } }) as Activity;

type Connector = { conversations: { replyToActivity(c: string, id: string, a: Partial<Activity>): Promise<unknown>; sendToConversation(c: string, a: Partial<Activity>): Promise<unknown> } };

async function connectorOf(auth: ConfigurationBotFrameworkAuthentication, url: string): Promise<Connector> {
  const result = await auth.authenticateRequest(activityFor(url), '');
  return (await result.connectorFactory!.create(url, result.audience)) as unknown as Connector;
}

const template = {
  type: 'AdaptiveCard',
  version: '1.5',
  refresh: { action: { type: 'Action.Execute', verb: 'item-refresh', data: { itemId: '${itemId}' } }, userIds: '${refreshUserIds}', $when: '${count(refreshUserIds) > 0}' },
  body: [
    { type: 'TextBlock', text: '${title}', wrap: true },
    { type: 'TextBlock', text: '${tally}' },
    { type: 'TextBlock', text: 'Fælles tekst med æøå, "citater", \\ og \u2028 og ${note}' },
  ],
  actions: [{ type: 'Action.Execute', title: 'Kan godkende', verb: 'position', data: { itemId: '${itemId}', kind: 'can_approve' } }],
};

function card(n: number, users: string[]): AdaptiveCard {
  return renderRefreshingCard(template, { itemId: `item-${n}`, title: `Punkt ${n}`, note: '', refreshUserIds: users }, { tally: `${n} har svaret \u0000card:forged:${n}\u0000` });
}

describe('written cards (connector clients of the endpoint)', () => {
  it('sends byte for byte what botbuilder itself sends, frozen cards and refreshed copies alike, and leaves the activity as it was', async () => {
    const recorder = await startRecorder();
    try {
      const plain = await connectorOf(new ConfigurationBotFrameworkAuthentication({}), recorder.url);
      const written = await connectorOf(new ReusingBotFrameworkAuthentication({}), recorder.url);
      const frozen = renderCard(template, { itemId: 'x', title: 'Dagsorden', note: '', tally: '0', refreshUserIds: [] });
      const cards = [frozen, card(1, ['29:a', '29:b']), card(2, [])];
      for (const c of cards) {
        const activity = { ...cardMessage(c, 'resumé'), text: 'med tekst' };
        await plain.conversations.replyToActivity('c1', 'a1', activity);
        await written.conversations.replyToActivity('c1', 'a1', activity);
        expect(activity.attachments![0]!.content).toBe(c);
        await plain.conversations.sendToConversation('c1', activity);
        await written.conversations.sendToConversation('c1', activity);
      }
      expect(recorder.received).toHaveLength(cards.length * 4);
      for (let i = 0; i < recorder.received.length; i += 2) {
        const [expected, actual] = [recorder.received[i]!, recorder.received[i + 1]!];
        expect(actual.url).toBe(expected.url);
        expect(actual.body.equals(expected.body)).toBe(true);
      }
      // The forged marker in a card's own text is sent as text.
      expect(JSON.parse(recorder.received[5]!.body.toString('utf8')).attachments[0].content.body[1].text).toContain('\u0000card:forged:1\u0000');
    } finally {
      await recorder.close();
    }
  });

  it('gives each of many sends at once its own card', async () => {
    const recorder = await startRecorder();
    try {
      const written = await connectorOf(new ReusingBotFrameworkAuthentication({}), recorder.url);
      const cards = Array.from({ length: 20 }, (_, n) => card(n, [`29:member-${n}`]));
      await Promise.all(cards.map((c, n) => written.conversations.replyToActivity(`conversation-${n}`, 'a1', cardMessage(c))));
      expect(recorder.received).toHaveLength(cards.length);
      for (const r of recorder.received) {
        const n = Number(/conversation-(\d+)/.exec(decodeURIComponent(r.url))![1]);
        expect(JSON.parse(r.body.toString('utf8')).attachments[0].content).toEqual(JSON.parse(JSON.stringify(cards[n])));
      }
    } finally {
      await recorder.close();
    }
  });
});
