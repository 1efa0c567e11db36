// The Bot Framework endpoint: CloudAdapter with ConfigurationBotFrameworkAuthentication.
// With an app id configured, requests without a valid Bot Framework token are refused
// by the adapter before the bot sees them.
import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type ConfigurationBotFrameworkAuthenticationOptions,
  type Request,
  type Response,
  type TurnContext,
} from 'botbuilder';
import type { Logger } from 'pino';
import { messages } from '../i18n/messages';
import { langOf } from '../i18n/locale';
import type { TenantPace } from '../jobs/tenant-pacer';
import { ChannelMessenger } from './channel-messenger';
import { CORRELATION_KEY, LOGGER_KEY } from './turn';

export interface BotEndpoint {
  /** True when an app id is configured and every request must carry a token. */
  readonly authenticates: boolean;
  process(req: Request, res: Response, correlationId: string, log: Logger): Promise<void>;
  /** What sends outside a turn, on the same adapter (the outbox worker's sender). */
  readonly messenger: ChannelMessenger;
}

/** The bot that answers; DagsordenBot in the app, a bare echo bot in the bench. */
export interface TurnHandler {
  run(ctx: TurnContext): Promise<void>;
}

/**
 * The endpoint, and the bot it runs; its channel messenger, built on the same adapter,
 * sends what the outbox holds (outside any turn).
 */
export function createBotEndpoint(
  auth: Record<string, string | undefined>,
  makeBot: () => TurnHandler,
  log: Logger,
  tenantPace?: TenantPace,
): BotEndpoint {
  const adapter = new CloudAdapter(
    new ConfigurationBotFrameworkAuthentication(auth as ConfigurationBotFrameworkAuthenticationOptions),
  );
  const messenger = new ChannelMessenger(adapter, auth.MicrosoftAppId ?? '', tenantPace);
  const bot = makeBot();
  adapter.onTurnError = async (ctx, err) => {
    const turnLog = (ctx.turnState.get(LOGGER_KEY) as Logger | undefined) ?? log;
    const correlationId = (ctx.turnState.get(CORRELATION_KEY) as string | undefined) ?? 'turn';
    turnLog.error({ err }, 'unhandled turn error');
    if (ctx.activity.type === 'message') {
      await ctx
        .sendActivity(messages(langOf(ctx.activity.locale)).unexpectedError(correlationId))
        .catch((sendErr: unknown) => turnLog.warn({ err: sendErr }, 'could not report the error to the user'));
    }
  };
  return {
    authenticates: Boolean(auth.MicrosoftAppId),
    messenger,
    process(req, res, correlationId, log) {
      return adapter.process(req, res, async (ctx) => {
        ctx.turnState.set(LOGGER_KEY, log);
        ctx.turnState.set(CORRELATION_KEY, correlationId);
        await bot.run(ctx);
      });
    },
  };
}
