// Sends messages outside the turn that caused them (proactively), for the outbox worker:
// one attempt each, failures as SendError (the worker decides on retries), within Teams'
// limits: each conversation's (ConversationPacer) and the tenant's (a slot reserved in
// the database, shared by all instances).
import {
  ActivityTypes,
  MessageFactory,
  type Activity,
  type CloudAdapter,
  type ConversationReference,
  type TurnContext,
} from 'botbuilder';
import type { AdaptiveCard } from '../../cards/render';
import type { SharedFile } from '../../domain/delivery/channel-files';
import { channelIdOf, isPersonalChat } from '../../domain/delivery/conversation-ids';
import { SendError, type SendResult } from '../../jobs/outbox-worker';
import type { TenantPace } from '../../jobs/tenant-pacer';
import { ConversationPacer } from '../conversation-pacer';
import { fileCard } from './file-card';
import { cardMessage } from './reply';
import type { ReplacedCardLog } from './fit-for-teams';
import type { MessageContent } from '../../domain/delivery/types';
import type { ClaimedMessage } from '../../domain/delivery/ports';

export interface ChannelTarget {
  /** The channel's conversation id ("19:…@thread.tacv2"): a post there starts a thread. */
  conversationId: string;
  serviceUrl: string;
  tenantId: string | null;
}

/** A card in a channel: posted in `conversationId` (the channel, or a thread in it), or updating `activityId` there. */
export interface ChannelCard {
  target: ChannelTarget;
  conversationId: string;
  card: AdaptiveCard;
  summary?: string;
  activityId?: string | null;
}

export class ChannelMessenger {
  constructor(
    private readonly adapter: CloudAdapter,
    private readonly appId: string,
    private readonly tenantPace: TenantPace = async () => undefined,
    private readonly pacer: Pick<ConversationPacer, 'wait'> = new ConversationPacer(),
    /** Where a card replaced for its size is told (fit-for-teams.ts). */
    private readonly log?: ReplacedCardLog,
  ) {}

  /** Sends one message from the outbox to its conversation, or to the member's personal chat (created if needed). */
  async send(message: ClaimedMessage & { content: MessageContent }, files: readonly SharedFile[] = []): Promise<SendResult> {
    const serviceUrl = message.serviceUrl;
    if (!serviceUrl) throw new SendError('no serviceUrl to reach the member by', 400, null);
    // A reply the turn handed on goes to its conversation by id, a personal chat too.
    const personal = Boolean(message.personId) || (message.conversationId !== null && isPersonalChat(message.conversationId));
    let conversationId = message.conversationId;
    let created: string | undefined;
    return attempt(async () => {
      if (!conversationId) {
        await this.tenantPace(message.tenantId);
        conversationId = created = await this.createPersonalChat(message.teamsUserId!, message.tenantId, serviceUrl);
      }
      await this.pace(conversationId, message.tenantId);
      let activityId: string | null = null;
      await this.continueIn({ conversationId, serviceUrl, tenantId: message.tenantId }, conversationId, async (ctx) => {
        const activity = activityOf(message.content, this.log);
        // botbuilder makes every message sent in a turn a reply to the turn's activity; here that is a
        // continuation with an id of its own, unless the message answers one (a reply the turn could not send).
        if (message.content.replyToId) ctx.activity.id = message.content.replyToId;
        if (files.length) activity.attachments = [...(activity.attachments ?? []), ...files.map(fileCard)];
        activityId = (await ctx.sendActivity(activity))?.id ?? null;
      }, personal ? 'personal' : 'channel');
      return { activityId, createdConversationId: created };
    });
  }

  /** Posts the card (returns the new message's id) or updates the posted one (returns its id). */
  async sendCard(c: ChannelCard): Promise<string> {
    return attempt(async () => {
      await this.pace(c.conversationId, c.target.tenantId);
      let id = c.activityId ?? '';
      await this.continueIn(c.target, c.conversationId, async (ctx) => {
        if (c.activityId) {
          await ctx.updateActivity({ ...cardMessage(c.card, undefined, this.log), id: c.activityId, type: ActivityTypes.Message });
        } else {
          id = (await ctx.sendActivity(cardMessage(c.card, c.summary, this.log)))?.id ?? '';
        }
      });
      if (!id) throw new SendError('the channel did not return a message id', null, null);
      return id;
    });
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

  /**
   * Runs `logic` in the conversation, its failure thrown here. botbuilder runs proactive logic
   * like a turn: a failure goes to the adapter's onTurnError (endpoint.ts), which logs it and
   * returns, so a send Teams refused would be marked sent and never tried again.
   */
  private async continueIn(
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
    const failed: unknown[] = [];
    await this.adapter.continueConversationAsync(this.appId, reference, async (ctx) => {
      try {
        await logic(ctx);
      } catch (err) {
        failed.push(err);
      }
    });
    if (failed.length) throw failed[0];
  }

  private async pace(conversationId: string, tenantId: string | null): Promise<void> {
    await this.pacer.wait(channelIdOf(conversationId));
    await this.tenantPace(tenantId);
  }
}

/** One attempt at a call to Teams, its failure as a SendError with the status Teams answered. */
async function attempt<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    throw sendErrorOf(err);
  }
}

/** A failed call to Teams as a SendError: the status Teams answered (null: none) and its Retry-After. */
export function sendErrorOf(err: unknown): SendError {
  if (err instanceof SendError) return err;
  return new SendError(err instanceof Error ? err.message : String(err), statusOf(err), retryAfterMs(err));
}

/** The activity for a queued message: its text, its card, or both. */
function activityOf(content: MessageContent, log?: ReplacedCardLog): Partial<Activity> {
  if (!content.card) return MessageFactory.text(content.text ?? '');
  const activity = cardMessage(content.card as AdaptiveCard, content.summary, log);
  return content.text ? { ...activity, text: content.text } : activity;
}

/** The HTTP status of a failed Bot Connector call, if it has one. */
function statusOf(err: unknown): number | null {
  const e = err as { statusCode?: unknown; response?: { status?: unknown } };
  const status = e?.statusCode ?? e?.response?.status;
  return typeof status === 'number' ? status : null;
}

/** How long Teams asked to wait (Retry-After: seconds, or an HTTP date), if it did. */
function retryAfterMs(err: unknown): number | null {
  const headers = (err as { response?: { headers?: { get?: (name: string) => string | undefined } } })?.response?.headers;
  const value = headers?.get?.('retry-after')?.trim();
  if (!value) return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  // The date form, which the connector client's own retry policy read too before it was removed (one-attempt.ts).
  const at = Date.parse(value);
  return Number.isFinite(at) ? Math.max(0, at - Date.now()) : null;
}
