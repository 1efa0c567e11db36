// Posts and updates messages in a committee's channel outside the turn that caused
// them (proactively), within Teams' limits: at most one message per conversation every
// PACE_MS, retrying 429/412/5xx after Retry-After or with backoff and jitter, and never
// retrying other 4xx.
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
import { cardMessage } from './reply';

/** Teams allows 7 messages per second per conversation; a little under that. */
const PACE_MS = 160;
const MAX_ATTEMPTS = 5;
const RETRYABLE = new Set([412, 429, 502, 503, 504]);

export interface ChannelTarget {
  /** The channel's conversation id ("19:…@thread.tacv2"): a post there starts a thread. */
  conversationId: string;
  serviceUrl: string;
  tenantId: string | null;
}

export class ChannelMessenger {
  private readonly lastSent = new Map<string, number>();

  constructor(
    private readonly adapter: CloudAdapter,
    private readonly appId: string,
    private readonly log: Logger,
  ) {}

  /** Starts a new thread in the channel with the card; returns the message id. */
  post(target: ChannelTarget, card: AdaptiveCard, summary?: string): Promise<string> {
    return this.send(target, target.conversationId, cardMessage(card, summary));
  }

  /** Replies in the thread of `rootId` with the card; returns the message id. */
  reply(target: ChannelTarget, rootId: string, card: AdaptiveCard, summary?: string): Promise<string> {
    return this.send(target, threadOf(target.conversationId, rootId), cardMessage(card, summary));
  }

  /** Replies in the thread of `rootId` with a text (Markdown). */
  replyText(target: ChannelTarget, rootId: string, text: string): Promise<string> {
    return this.send(target, threadOf(target.conversationId, rootId), MessageFactory.text(text));
  }

  /**
   * Writes to a member in their personal chat with the bot: the stored conversation, or a
   * new one (Teams returns the same chat for the same bot and user).
   */
  async sendPersonal(
    to: { teamsUserId: string; tenantId: string | null; serviceUrl: string; conversationId: string | null },
    text: string,
  ): Promise<{ conversationId: string; activityId: string }> {
    let conversationId = to.conversationId;
    if (!conversationId) {
      await this.withRetries(`create:${to.teamsUserId}`, () =>
        this.adapter.createConversationAsync(
          this.appId,
          'msteams',
          to.serviceUrl,
          '',
          {
            isGroup: false,
            members: [{ id: to.teamsUserId, name: '' }],
            tenantId: to.tenantId ?? undefined,
            channelData: { tenant: { id: to.tenantId ?? undefined } },
            activity: undefined as unknown as Activity,
            bot: { id: this.appId || 'dagsorden', name: 'Dagsorden' },
          },
          async (ctx) => {
            conversationId = ctx.activity.conversation?.id ?? null;
          },
        ),
      );
    }
    if (!conversationId) throw new Error('Teams returned no personal conversation');
    const target = { conversationId, serviceUrl: to.serviceUrl, tenantId: to.tenantId };
    let activityId = '';
    await this.withRetries(conversationId, () =>
      this.continueIn(target, conversationId!, async (ctx) => {
        activityId = (await ctx.sendActivity(MessageFactory.text(text)))?.id ?? '';
      }, 'personal'),
    );
    return { conversationId, activityId };
  }

  /** Replaces a posted card for everyone. */
  async update(target: ChannelTarget, conversationId: string, activityId: string, card: AdaptiveCard): Promise<void> {
    await this.withRetries(conversationId, () =>
      this.continueIn(target, conversationId, async (ctx) => {
        await ctx.updateActivity({ ...cardMessage(card), id: activityId, type: ActivityTypes.Message });
      }),
    );
  }

  private async send(target: ChannelTarget, conversationId: string, activity: Partial<Activity>): Promise<string> {
    let id = '';
    await this.withRetries(conversationId, () =>
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

  private async withRetries(conversationId: string, work: () => Promise<void>): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      await this.pace(conversationId);
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

  private async pace(conversationId: string): Promise<void> {
    const channel = channelIdOf(conversationId);
    // Each sender reserves its slot before waiting, so concurrent senders queue up
    // instead of all waking at the same moment.
    const now = Date.now();
    const slot = Math.max(now, (this.lastSent.get(channel) ?? 0) + PACE_MS);
    this.lastSent.set(channel, slot);
    if (slot > now) await new Promise((r) => setTimeout(r, slot - now));
    // Bounded: only the most recent channels are remembered.
    if (this.lastSent.size > 500) this.lastSent.delete(this.lastSent.keys().next().value as string);
  }
}

/** The channel's own conversation id, from that of a thread in it ("19:…;messageid=…"). */
export function channelIdOf(conversationId: string): string {
  return conversationId.split(';')[0] ?? conversationId;
}

/** The conversation id of a reply in a channel thread. */
export function threadOf(channelConversationId: string, rootId: string): string {
  return `${channelIdOf(channelConversationId)};messageid=${rootId}`;
}

/** The HTTP status of a failed Bot Connector call, if it has one. */
export function statusOf(err: unknown): number | null {
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
