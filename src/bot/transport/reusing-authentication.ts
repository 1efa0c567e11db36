// The Bot Framework's authentication, with the clients it makes kept for the next turn.
// botbuilder's CloudAdapter builds a new ConnectorClient and a new UserTokenClient, each
// with its own HTTP pipeline, for every incoming activity: a tenth of a turn's CPU and
// much of its garbage. They hold no turn's state (a connector client is its service URL
// and the credentials for the bot's app id and the audience; a user token client is the
// app id's credentials), so one per (app id, service URL, audience) serves every turn, as
// the older BotFrameworkAdapter kept them. Every request's token is still checked, each
// time: only the clients built after the check are reused. The connector clients send
// their cards from bytes written once (written-cards.ts), and make one request per call
// (one-attempt.ts: retries are the outbox's), over connections closed before the server
// closes them (idle-connections.ts).
import { ConfigurationBotFrameworkAuthentication, type Activity } from 'botbuilder';
import { closingIdleConnections } from './idle-connections';
import { oneAttempt } from './one-attempt';
import { writeCardsOnce } from './written-cards';
import { BoundedMap } from '../../domain/shared/bounded-map';

// botbuilder re-exports the class, not the types of its parts (they live in botframework-connector).
type Base = ConfigurationBotFrameworkAuthentication;
type AuthenticateRequestResult = Awaited<ReturnType<Base['authenticateRequest']>>;
type ClaimsIdentity = Parameters<Base['createUserTokenClient']>[0];
type ConnectorFactory = ReturnType<Base['createConnectorFactory']>;
type ConnectorClient = Awaited<ReturnType<ConnectorFactory['create']>>;
type UserTokenClient = Awaited<ReturnType<Base['createUserTokenClient']>>;

/** Kept clients per kind; a service URL comes from the request, so the count is bounded. */
const MAX_CLIENTS = 64;

/** The bot's app id as botbuilder reads it from the claims (audience for a channel, appid for the emulator). */
function appIdOf(claims: ClaimsIdentity): string {
  return claims.getClaimValue('aud') ?? claims.getClaimValue('appid') ?? '';
}

/** The memo of an async factory: a failed build is forgotten, the oldest entry goes first. */
function remember<T>(known: BoundedMap<string, Promise<T>>, key: string, build: () => Promise<T>): Promise<T> {
  const hit = known.get(key);
  if (hit) return hit;
  const made = build();
  known.set(key, made);
  made.catch(() => {
    if (known.get(key) === made) known.delete(key);
  });
  return made;
}

export class ReusingBotFrameworkAuthentication extends ConfigurationBotFrameworkAuthentication {
  private readonly connectors = new BoundedMap<string, Promise<ConnectorClient>>(MAX_CLIENTS);
  private readonly tokenClients = new BoundedMap<string, Promise<UserTokenClient>>(MAX_CLIENTS);

  override async authenticateRequest(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    const result = await super.authenticateRequest(activity, authHeader);
    if (!result.connectorFactory) return result;
    return { ...result, connectorFactory: this.reusing(result.connectorFactory, appIdOf(result.claimsIdentity)) };
  }

  override createConnectorFactory(claimsIdentity: ClaimsIdentity): ConnectorFactory {
    return this.reusing(super.createConnectorFactory(claimsIdentity), appIdOf(claimsIdentity));
  }

  override createUserTokenClient(claimsIdentity: ClaimsIdentity): Promise<UserTokenClient> {
    return remember(this.tokenClients, appIdOf(claimsIdentity), () => super.createUserTokenClient(claimsIdentity));
  }

  private reusing(factory: ConnectorFactory, appId: string): ConnectorFactory {
    return {
      create: (serviceUrl: string, audience?: string) =>
        remember(this.connectors, JSON.stringify([appId, serviceUrl, audience ?? null]), async () => writeCardsOnce(closingIdleConnections(oneAttempt(await factory.create(serviceUrl, audience))))),
    };
  }
}
