// Posts and updates messages outside the turn that caused them (proactively), within
// Teams' limits: each conversation's (ConversationPacer) and the tenant's (a slot
// reserved in the database, shared by all instances). Two ways to send:
// - post/reply/update: while the caller waits (publishing, card updates), retrying
//   429/412/5xx after Retry-After or with backoff and jitter, never other 4xx;
// - send: one attempt at a message from the outbox; the outbox worker decides on retries.
import {
  ActivityTypes,
  MessageFactory,
  type Activity,
  type CloudAdapter,
  type ConversationReference,
  type TurnContext,
} from 'botbuilder';
import type { Logger } from 'pino';
import type { AdaptiveCard } from '../cards/render';
import { channelIdOf, threadOf } from '../domain/conversation-ids';
import type { ClaimedMessage, MessageContent } from '../domain/ports';
import { SendError, type OutboundSender, type SendResult } from '../jobs/outbox-worker';
import type { TenantPace } from '../jobs/tenant-pacer';
import { ConversationPacer } from './conversation-pacer';
import { cardMessage } from './reply';

const MAX_ATTEMPTS = 5;
const RETRYABLE = new Set([412, 429, 502, 503, 504]);

export interface ChannelTarget {
  /** The channel's conversation id ("19:…@thread.tacv2"): a post there starts a thread. */
  conversationId: string;
  serviceUrl: string;
  tenantId: string | null;
}

export class ChannelMessenger implements OutboundSender {
  constructor(
    private readonly adapter: CloudAdapter,
    private readonly appId: string,
    private readonly log: Logger,
    private readonly tenantPace: TenantPace = async () => undefined,
    private readonly pacer = new ConversationPacer(),
  ) {}

  /** Sends one message from the outbox: one attempt, failures as SendError (see OutboxWorker). */
  async send(message: ClaimedMessage): Promise<SendResult> {
    const serviceUrl = message.serviceUrl;
    if (!serviceUrl) throw new SendError('no serviceUrl to reach the member by', 400, null);
    const personal = Boolean(message.personId);
    let conversationId = message.conversationId;
    let created: string | undefined;
    try {
      if (!conversationId) {
        await this.tenantPace(message.tenantId);
        conversationId = created = await this.createPersonalChat(message.teamsUserId!, message.tenantId, serviceUrl);
      }
      await this.pace(conversationId, message.tenantId);
      let activityId: string | null = null;
      await this.continueIn({ conversationId, serviceUrl, tenantId: message.tenantId }, conversationId, async (ctx) => {
        activityId = (await ctx.sendActivity(activityOf(message.content)))?.id ?? null;
      }, personal ? 'personal' : 'channel');
      return { activityId, createdConversationId: created };
    } catch (err) {
      if (err instanceof SendError) throw err;
      throw new SendError(err instanceof Error ? err.message : String(err), statusOf(err), retryAfterMs(err));
    }
  }

  /** Starts a new thread in the channel with the card; returns the message id. */
  post(target: ChannelTarget, card: AdaptiveCard, summary?: string): Promise<string> {
    return this.sendNow(target, target.conversationId, cardMessage(card, summary));
  }

  /** Replies in the thread of `rootId` with the card; returns the message id. */
  reply(target: ChannelTarget, rootId: string, card: AdaptiveCard, summary?: string): Promise<string> {
    return this.sendNow(target, threadOf(target.conversationId, rootId), cardMessage(card, summary));
  }


  /** Creates (or, as Teams does for the same bot and user, finds) the personal chat with a member. */
  private async createPersonalChat(teamsUserId: string, tenantId: string | null, serviceUrl: string): Promise<string> {
    let conversationId: string | null = null;
    await this.adapter.createConversationAsync(
      this.appId,
      'msteams',
      serviceUrl,
      '',
      {
        isGroup: false,
        members: [{ id: teamsUserId, name: '' }],
        tenantId: tenantId ?? undefined,
        channelData: { tenant: { id: tenantId ?? undefined } },
        activity: undefined as unknown as Activity,
        bot: { id: this.appId || 'dagsorden', name: 'Dagsorden' },
      },
      async (ctx) => {
        conversationId = ctx.activity.conversation?.id ?? null;
      },
    );
    if (!conversationId) throw new Error('Teams returned no personal conversation');
    return conversationId;
  }

  /** Replaces a posted card for everyone. */
  async update(target: ChannelTarget, conversationId: string, activityId: string, card: AdaptiveCard): Promise<void> {
    await this.withRetries(conversationId, target.tenantId, () =>
      this.continueIn(target, conversationId, async (ctx) => {
        await ctx.updateActivity({ ...cardMessage(card), id: activityId, type: ActivityTypes.Message });
      }),
    );
  }

  private async sendNow(target: ChannelTarget, conversationId: string, activity: Partial<Activity>): Promise<string> {
    let id = '';
    await this.withRetries(conversationId, target.tenantId, () =>
      this.continueIn(target, conversationId, async (ctx) => {
        id = (await ctx.sendActivity(activity))?.id ?? '';
      }),
    );
    if (!id) throw new Error('the channel did not return a message id');
    return id;
  }

  private continueIn(
    target: ChannelTarget,
    conversationId: string,
    logic: (ctx: TurnContext) => Promise<void>,
    kind: 'channel' | 'personal' = 'channel',
  ): Promise<void> {
    const reference: Partial<ConversationReference> = {
      channelId: 'msteams',
      serviceUrl: target.serviceUrl,
      conversation: {
        id: conversationId,
        isGroup: kind === 'channel',
        conversationType: kind,
        tenantId: target.tenantId ?? undefined,
        name: '',
      },
    };
    return this.adapter.continueConversationAsync(this.appId, reference, logic);
  }

  private async withRetries(conversationId: string, tenantId: string | null, work: () => Promise<void>): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      await this.pace(conversationId, tenantId);
      try {
        await work();
        return;
      } catch (err) {
        const status = statusOf(err);
        if (!status || !RETRYABLE.has(status) || attempt >= MAX_ATTEMPTS) throw err;
        const wait = retryAfterMs(err) ?? Math.min(8000, 500 * 2 ** (attempt - 1)) * (0.5 + Math.random());
        this.log.warn({ status, attempt, wait: Math.round(wait) }, 'channel send throttled, retrying');
        await new Promise((r) => setTimeout(r, wait));
      }
    }
  }

  private async pace(conversationId: string, tenantId: string | null): Promise<void> {
    await this.pacer.wait(channelIdOf(conversationId));
    await this.tenantPace(tenantId);
  }
}

/** The activity for a queued message: its text, its card, or both. */
function activityOf(content: MessageContent): Partial<Activity> {
  if (!content.card) return MessageFactory.text(content.text ?? '');
  const activity = cardMessage(content.card as AdaptiveCard, content.summary);
  return content.text ? { ...activity, text: content.text } : activity;
}

/** The HTTP status of a failed Bot Connector call, if it has one. */
function statusOf(err: unknown): number | null {
  const e = err as { statusCode?: unknown; response?: { status?: unknown } };
  const status = e?.statusCode ?? e?.response?.status;
  return typeof status === 'number' ? status : null;
}

function retryAfterMs(err: unknown): number | null {
  const headers = (err as { response?: { headers?: { get?: (name: string) => string | undefined } } })?.response?.headers;
  const value = headers?.get?.('retry-after');
  const seconds = value ? Number(value) : NaN;
  return Number.isFinite(seconds) ? seconds * 1000 : null;
}
