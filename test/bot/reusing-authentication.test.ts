// The endpoint's authentication keeps the clients botbuilder builds after a request's
// token check, one per app id, service URL and audience; the check itself runs every time.
import type { Activity } from 'botbuilder';
import { ReusingBotFrameworkAuthentication } from '../../src/bot/transport/reusing-authentication';

const activity = (serviceUrl: string) =>
  ({ type: 'message', channelId: 'msteams', serviceUrl, from: { id: '29:a' }, recipient: { id: '28:bot' }, conversation: { id: 'c1' } }) as Activity;

describe('ReusingBotFrameworkAuthentication', () => {
  it('gives every turn on one service URL the same connector client, and another URL its own', async () => {
    const auth = new ReusingBotFrameworkAuthentication({});
    const create = async (url: string) => {
      const result = await auth.authenticateRequest(activity(url), '');
      return result.connectorFactory!.create(url, result.audience);
    };
    const first = await create('https://smba.trafficmanager.net/emea/');
    const second = await create('https://smba.trafficmanager.net/emea/');
    const other = await create('https://smba.trafficmanager.net/amer/');
    expect(second).toBe(first);
    expect(other).not.toBe(first);
    expect((other as unknown as { baseUri: string }).baseUri).toBe('https://smba.trafficmanager.net/amer/');
    expect((first as unknown as { baseUri: string }).baseUri).toBe('https://smba.trafficmanager.net/emea/');
  });

  it('keeps one user token client per app id', async () => {
    const auth = new ReusingBotFrameworkAuthentication({});
    const { claimsIdentity } = await auth.authenticateRequest(activity('https://smba.trafficmanager.net/emea/'), '');
    expect(await auth.createUserTokenClient(claimsIdentity)).toBe(await auth.createUserTokenClient(claimsIdentity));
  });

  it('still checks every request: with an app id, a request without a token is refused each time', async () => {
    const auth = new ReusingBotFrameworkAuthentication({ MicrosoftAppId: '11111111-1111-1111-1111-111111111111', MicrosoftAppPassword: 'x', MicrosoftAppType: 'MultiTenant' });
    for (let i = 0; i < 2; i++) await expect(auth.authenticateRequest(activity('https://smba.trafficmanager.net/emea/'), '')).rejects.toThrow(/Unauthorized/);
  });

  it('keeps a bounded number of clients: a flood of service URLs does not grow it without end', async () => {
    const auth = new ReusingBotFrameworkAuthentication({});
    const result = await auth.authenticateRequest(activity('https://x.example/0/'), '');
    const first = await result.connectorFactory!.create('https://x.example/0/', result.audience);
    for (let i = 1; i <= 100; i++) await result.connectorFactory!.create(`https://x.example/${i}/`, result.audience);
    expect(await result.connectorFactory!.create('https://x.example/0/', result.audience)).not.toBe(first);
    expect(await result.connectorFactory!.create('https://x.example/100/', result.audience)).toBe(await result.connectorFactory!.create('https://x.example/100/', result.audience));
  });
});
