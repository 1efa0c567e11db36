// The Bot Framework endpoint: CloudAdapter with ConfigurationBotFrameworkAuthentication.
// With an app id configured, requests without a valid Bot Framework token are refused
// before the bot sees them. The token is checked here rather than in the adapter's
// process(): that one answers every failure with the error's own text (a 500 naming
// the key endpoint when the keys cannot be fetched) and logs it to the console only.
import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type Activity,
  type ConfigurationBotFrameworkAuthenticationOptions,
  type TurnContext,
} from 'botbuilder';
import type { Logger } from 'pino';
import { messages } from '../../i18n/messages';
import { langOf } from '../../i18n/locale';
import type { TenantPace } from '../../jobs/tenant-pacer';
import type { ConversationPacer } from '../conversation-pacer';
import { ChannelMessenger } from './channel-messenger';
import { ReusingBotFrameworkAuthentication } from './reusing-authentication';
import { CORRELATION_KEY, LOGGER_KEY } from './teams-turn';

/** What /api/messages answers: the invoke's response, or 200; 401/503 when the token is refused or cannot be checked. */
export interface EndpointAnswer {
  status: number;
  body?: unknown;
}

/** How long the token's check may wait for Microsoft's signing keys before the request is answered 503. */
const AUTH_TIMEOUT_MS = 10_000;

export interface BotEndpoint {
  /** True when an app id is configured and every request must carry a token. */
  readonly authenticates: boolean;
  /** Runs a checked activity (see activity-schema.ts) with the request's Authorization header. */
  process(activity: Record<string, unknown>, authorization: string, correlationId: string, log: Logger): Promise<EndpointAnswer>;
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
  authTimeoutMs = AUTH_TIMEOUT_MS,
  /** Keep the connector and token clients between turns (reusing-authentication.ts); false: a new one each turn, as bare botbuilder does (the bench's echo bot). */
  reuseClients = true,
  /** Each conversation's pace (Teams' limits); tests that post much to one channel bring a faster one. */
  pacer?: Pick<ConversationPacer, 'wait'>,
): BotEndpoint {
  const options = auth as ConfigurationBotFrameworkAuthenticationOptions;
  const authentication = reuseClients ? new ReusingBotFrameworkAuthentication(options) : new ConfigurationBotFrameworkAuthentication(options);
  const adapter = new CheckedAdapter(authentication);
  const messenger = new ChannelMessenger(adapter, auth.MicrosoftAppId ?? '', tenantPace, pacer, log);
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
    async process(body, authorization, correlationId, log) {
      const activity = withDates(body);
      let authenticated: Awaited<ReturnType<typeof authentication.authenticateRequest>>;
      try {
        authenticated = await withTimeout(authentication.authenticateRequest(activity, authorization), authTimeoutMs);
      } catch (err) {
        if (keysUnavailable(err)) {
          log.error({ err: errorSummary(err) }, 'Bot Framework token could not be checked: signing keys unavailable');
          return { status: 503, body: { error: 'unavailable', correlationId } };
        }
        log.warn({ err: errorSummary(err) }, 'Bot Framework token refused');
        return { status: 401, body: { error: 'unauthorized', correlationId } };
      }
      const invokeResponse = await adapter.run(authenticated, activity, async (ctx) => {
        ctx.turnState.set(LOGGER_KEY, log);
        ctx.turnState.set(CORRELATION_KEY, correlationId);
        await bot.run(ctx);
      });
      return { status: invokeResponse?.status ?? 200, body: invokeResponse?.body };
    },
  };
}

/** The adapter, given a request whose token this endpoint has already checked. */
class CheckedAdapter extends CloudAdapter {
  run(...args: Parameters<CloudAdapter['processActivity']>) {
    return this.processActivity(...args);
  }
}

/** The activity as botbuilder's own parsing leaves it: its times as dates, the text kept beside them. */
function withDates(body: Record<string, unknown>): Activity {
  const activity = { ...body } as Record<string, unknown>;
  for (const [field, raw] of [['timestamp', 'rawTimestamp'], ['localTimestamp', 'rawLocalTimestamp'], ['expiration', 'rawExpiration']] as const) {
    if (typeof activity[field] === 'string') {
      activity[raw] = activity[field];
      activity[field] = new Date(activity[field]);
    }
  }
  return activity as unknown as Activity;
}

class AuthTimeout extends Error {
  constructor(ms: number) {
    super(`no answer from the signing key endpoint within ${ms} ms`);
    this.name = 'AuthTimeout';
  }
}

/** botbuilder fetches the keys without a timeout of its own: a silent network would hold the request for minutes. */
function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new AuthTimeout(ms)), ms);
    timer.unref();
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Whether the token could not be checked at all (the keys or the OpenID metadata could not
 * be fetched), as opposed to being checked and refused. botbuilder reports the first as a
 * FetchError from node-fetch, or as an AuthenticationError with status 500 ("Failed to
 * load openID config: 503").
 */
function keysUnavailable(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  const e = err as Error & { statusCode?: unknown; code?: unknown; type?: unknown };
  if (e instanceof AuthTimeout || e.name === 'FetchError' || e.name === 'AbortError') return true;
  if (typeof e.statusCode === 'number' && e.statusCode >= 500) return true;
  return typeof e.code === 'string' && /^(ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH)$/.test(e.code);
}

/** The error for the log without its stack's noise; never the token. */
function errorSummary(err: unknown): { type: string; message: string; code?: string; status?: number } {
  if (!(err instanceof Error)) return { type: typeof err, message: String(err).slice(0, 300) };
  const e = err as Error & { statusCode?: unknown; code?: unknown };
  return {
    type: e.constructor?.name && e.constructor.name !== 'Object' ? e.constructor.name : e.name,
    message: e.message.slice(0, 300),
    ...(typeof e.code === 'string' ? { code: e.code } : {}),
    ...(typeof e.statusCode === 'number' ? { status: e.statusCode } : {}),
  };
}
