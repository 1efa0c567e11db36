// The bot's Turn (src/bot/turn.ts) over the Bot Framework's TurnContext: what Teams sent,
// read once here for every handler.
import { TeamsInfo, type TeamsChannelAccount, type TurnContext } from 'botbuilder';
import type { Logger } from 'pino';
import type { AdaptiveCard } from '../../cards/render';
import type { ConversationScope } from '../../domain/committees/committee.service';
import { langOf } from '../../i18n/locale';
import { uploadedFiles, type UploadedFile } from '../document-upload';
import { commandText, writtenText } from '../text';
import type { TurnInfo, TurnIO } from '../turn';
import { cardMessage } from './reply';
import type { RosterEntry } from '../../domain/committees/ports';

export const LOGGER_KEY = Symbol('dagsorden.logger');
export const CORRELATION_KEY = Symbol('dagsorden.correlationId');

interface TeamsChannelData {
  tenant?: { id?: string };
  team?: { id?: string; aadGroupId?: string };
  channel?: { id?: string };
}

export function turnInfo(ctx: TurnContext, fallbackLog: Logger): TurnInfo {
  const a = ctx.activity;
  const data = (a.channelData ?? {}) as TeamsChannelData;
  const tenantId = data.tenant?.id ?? a.conversation?.tenantId ?? null;
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

  constructor(private readonly ctx: TurnContext) {
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
    await this.ctx.sendActivity(text);
  }

  async replyCard(card: AdaptiveCard, summary?: string): Promise<void> {
    await this.ctx.sendActivity(cardMessage(card, summary, this.log()));
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
