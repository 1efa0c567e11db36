// The bot's Turn (src/bot/turn.ts) over the Bot Framework's TurnContext: what Teams sent,
// read once here for every handler.
import { MessageFactory, TeamsInfo, type Activity, type TeamsChannelAccount, type TurnContext } from 'botbuilder';
import type { Logger } from 'pino';
import type { AdaptiveCard } from '../../cards/render';
import type { ConversationScope } from '../../domain/committees/committee.service';
import { langOf } from '../../i18n/locale';
import { uploadedFiles, type UploadedFile } from '../document-upload';
import { commandText, writtenText } from '../text';
import type { TurnInfo, TurnIO } from '../turn';
import { cardMessage } from './reply';
import { sendErrorOf } from './channel-messenger';
import { triedAgain } from '../../jobs/outbox-worker';
import type { RosterEntry } from '../../domain/committees/ports';
import type { MessageContent, OutboundMessage } from '../../domain/delivery/types';

/** Queues messages for the outbox (DeliveryService.queue): where a reply the turn could not send goes. */
export type LaterSend = (messages: OutboundMessage[]) => Promise<number>;

export const LOGGER_KEY = Symbol('dagsorden.logger');
export const CORRELATION_KEY = Symbol('dagsorden.correlationId');

interface TeamsChannelData {
  tenant?: { id?: string };
  team?: { id?: string; aadGroupId?: string };
  channel?: { id?: string };
}

/** The tenant the activity came from: Teams' channel data, else the conversation's. */
function tenantIdOf(a: Partial<Activity>): string | null {
  return ((a.channelData ?? {}) as TeamsChannelData).tenant?.id ?? a.conversation?.tenantId ?? null;
}

export function turnInfo(ctx: TurnContext, fallbackLog: Logger): TurnInfo {
  const a = ctx.activity;
  const data = (a.channelData ?? {}) as TeamsChannelData;
  const tenantId = tenantIdOf(a);
  const type = a.conversation?.conversationType;
  const scope: ConversationScope = {
    type: type === 'channel' ? 'channel' : type === 'groupChat' ? 'groupChat' : 'personal',
    teamId: data.team?.id ?? null,
    channelId: data.channel?.id ?? null,
  };
  const correlationId = (ctx.turnState.get(CORRELATION_KEY) as string | undefined) ?? a.id ?? 'turn';
  return {
    actor: {
      aadObjectId: a.from?.aadObjectId ?? null,
      teamsUserId: a.from?.id ?? '',
      name: a.from?.name ?? '',
      tenantId,
    },
    scope,
    ref: {
      tenantId,
      teamId: scope.teamId,
      teamAadGroupId: data.team?.aadGroupId ?? null,
      channelId: scope.channelId,
      conversationId: a.conversation?.id ?? '',
      serviceUrl: a.serviceUrl ?? '',
    },
    lang: langOf(a.locale),
    correlationId,
    log: (ctx.turnState.get(LOGGER_KEY) as Logger | undefined) ?? fallbackLog.child({ correlationId }),
  };
}

/** Teams' page size limit for a team's members. */
const ROSTER_PAGE = 100;

export class TeamsTurnIO implements TurnIO {
  readonly text: string;
  readonly locale: string | null;
  readonly files: readonly UploadedFile[];
  readonly value: unknown;
  readonly invoked: boolean;

  /** Replies sent in this turn so far: a reply's place, in its key when it is handed to the outbox. */
  private replies = 0;

  constructor(
    private readonly ctx: TurnContext,
    /** Where a reply Teams did not take (no answer, 429, 5xx) goes, to be sent again; without it the failure is the turn's. */
    private readonly later?: LaterSend,
  ) {
    const a = ctx.activity;
    this.text = a.text ?? '';
    this.locale = a.locale ?? null;
    this.files = uploadedFiles(a);
    this.value = a.value as unknown;
    this.invoked = a.type === 'invoke';
  }

  // Methods, not fields: a message over the length limit is refused before its text is read.
  commandText(): string {
    return commandText(this.ctx.activity);
  }

  writtenText(): string {
    return writtenText(this.ctx.activity);
  }

  async reply(text: string): Promise<void> {
    await this.send(MessageFactory.text(text), { text });
  }

  async replyCard(card: AdaptiveCard, summary?: string): Promise<void> {
    await this.send(cardMessage(card, summary, this.log()), { card: card as unknown as Record<string, unknown>, summary });
  }

  /**
   * Sends a reply in the turn. One Teams did not take, for a reason the outbox tries again
   * on (no answer, a reset connection, 429, 412, 502-504), is handed to the outbox instead
   * of failing the turn: the member gets the answer moments later, as a reply to the
   * question, rather than an apology or nothing. Keyed by the conversation, the question
   * and the reply's place in the turn, so a question Teams delivers again is answered once.
   */
  private async send(activity: Partial<Activity>, content: MessageContent): Promise<void> {
    const place = ++this.replies;
    try {
      await this.ctx.sendActivity(activity);
    } catch (err) {
      const failed = sendErrorOf(err);
      if (!this.later || !triedAgain(failed.status)) throw err;
      const a = this.ctx.activity;
      const question = a.id ?? (this.ctx.turnState.get(CORRELATION_KEY) as string | undefined) ?? 'turn';
      await this.later([
        {
          key: `reply:${a.conversation?.id ?? ''}:${question}:${place}`,
          kind: 'turn-reply',
          committeeId: null,
          to: { conversationId: a.conversation?.id ?? '', serviceUrl: a.serviceUrl ?? '', tenantId: tenantIdOf(a) },
          content: a.id ? { ...content, replyToId: a.id } : content,
          notBefore: failed.retryAfterMs ? new Date(Date.now() + failed.retryAfterMs) : undefined,
        },
      ]);
      this.log()?.warn({ status: failed.status, err: failed.message }, 'reply not taken by Teams; handed to the outbox');
    }
  }

  async updateClicked(card: AdaptiveCard): Promise<boolean> {
    const replyToId = this.ctx.activity.replyToId;
    if (!replyToId) return false;
    await this.ctx.updateActivity({ ...cardMessage(card, undefined, this.log()), id: replyToId });
    return true;
  }

  /** The turn's logger (endpoint.ts puts it in the turn state), if it has one. */
  private log(): Logger | undefined {
    return this.ctx.turnState.get(LOGGER_KEY) as Logger | undefined;
  }

  async roster(): Promise<RosterEntry[]> {
    const entries: RosterEntry[] = [];
    let continuationToken: string | undefined;
    do {
      const page = await TeamsInfo.getPagedMembers(this.ctx, ROSTER_PAGE, continuationToken);
      entries.push(
        ...page.members.map((m: TeamsChannelAccount) => ({
          aadObjectId: m.aadObjectId ?? null,
          teamsUserId: m.id,
          name: m.name || m.givenName || m.email || m.id,
          email: m.email ?? m.userPrincipalName ?? null,
        })),
      );
      continuationToken = page.continuationToken || undefined;
    } while (continuationToken);
    return entries;
  }
}
