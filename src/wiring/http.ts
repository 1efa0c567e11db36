// Wiring, part 4: the doors. The bot's endpoint (Bot Framework auth, paced per tenant) and
// the HTTP server: /api/messages, /healthz, the file and calendar links, the tab's API and
// its front end.
import fs from 'node:fs';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import type http from 'node:http';
import { createAuthenticator } from '../api/auth';
import { allTabRoutes } from '../api/routes';
import type { TabServices } from '../api/services';
import type { ConversationPacer } from '../bot/conversation-pacer';
import { DagsordenBot } from '../bot/dagsorden-bot';
import type { BotServices } from '../bot/services';
import { createBotEndpoint, type BotEndpoint } from '../bot/transport/endpoint';
import { TeamsBot } from '../bot/transport/teams-bot';
import { botAuthSettings, isLoopback, tabAuthSettings, type Config } from '../config';
import { tenantPacer } from '../jobs/tenant-pacer';
import { createServer } from '../server';
import type { Database } from '../store/database';
import type { Store } from '../store';
import { version } from '../../package.json';

export function wireBot({
  config,
  log,
  store,
  services,
  pacer,
}: {
  config: Config;
  log: Logger;
  store: Store;
  services: BotServices;
  /** Each conversation's pace; Teams' limits unless a test brings a faster one. */
  pacer?: Pick<ConversationPacer, 'wait'>;
}): BotEndpoint {
  // One pace per tenant for everything this instance sends (shared with the others through the database).
  const tenantPace = tenantPacer(store.outbox, config.TEAMS_TENANT_RATE);
  return createBotEndpoint(
    botAuthSettings(config),
    () => new TeamsBot(new DagsordenBot(services), services.log, (messages) => services.deliveries.queue(messages)),
    log,
    tenantPace,
    undefined,
    undefined,
    pacer,
  );
}

export interface HttpWiring {
  config: Config;
  log: Logger;
  db: Database;
  endpoint: BotEndpoint;
  services: BotServices;
  tab: TabServices;
}

/** Starts listening; resolves with the server and the address it is reached at. */
export async function startHttp({
  config,
  log,
  db,
  endpoint,
  services,
  tab,
}: HttpWiring): Promise<{ server: http.Server; url: string }> {
  const server = createServer(
    endpoint,
    { database: () => db.version(), version },
    log,
    {
      'input-notes': (id, token, kind) => services.inputs.noteFile(id, token, kind),
      minutes: (id, token, kind) => services.minutes.file(id, token, kind),
    },
    (slug, token) => services.calendar.feed(slug, token),
    {
      api: {
        routes: allTabRoutes(),
        authenticate: createAuthenticator(tabAuthSettings(config), log.child({ part: 'tab' })),
        developerSignIn: tabAuthSettings(config).devSignIn,
        services: tab,
      },
      staticDir: tabStaticDir(),
    },
  );
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.PORT, config.HOST, () => resolve());
  });
  warnIfUnauthenticated(config, log);
  const address = server.address() as AddressInfo;
  const host = config.HOST === '0.0.0.0' ? '127.0.0.1' : config.HOST;
  return { server, url: `http://${host}:${address.port}` };
}

/** The tab's built front end (tab/dist at the root), from the sources (src/) or the build (dist/src/). */
function tabStaticDir(): string {
  const candidates = [
    path.join(__dirname, '..', '..', 'tab', 'dist'),
    path.join(__dirname, '..', '..', '..', 'tab', 'dist'),
  ];
  return candidates.find((d) => fs.existsSync(d)) ?? candidates[0]!;
}

function warnIfUnauthenticated(config: Config, log: Logger): void {
  if (config.MicrosoftAppId) return;
  if (isLoopback(config.HOST)) {
    log.info(
      { host: config.HOST, authenticated: false },
      'Uden MicrosoftAppId godkendes forespørgsler ikke: Dagsorden lytter kun på denne maskine (lokal brug og Agents Playground) / without MicrosoftAppId requests are not authenticated: listening on this machine only',
    );
  } else {
    log.warn(
      { host: config.HOST, authenticated: false },
      'ALLOW_UNAUTHENTICATED: Dagsorden lytter på netværket uden MicrosoftAppId, så enhver der kan nå porten kan skrive som enhver Teams-bruger / listening on the network without MicrosoftAppId: anyone who reaches the port can act as any Teams user',
    );
  }
}
