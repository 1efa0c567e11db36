// What a turn is about, read once from the activity: who (from the activity, never
// from card data), where, in which language, and the turn's log with its correlation id.
import type { TurnContext } from 'botbuilder';
import type { Logger } from 'pino';
import type { ConversationScope } from '../domain/committee.service';
import type { ConversationRef } from '../domain/ports';
import type { Actor } from '../domain/types';
import { langOf, type Lang } from '../i18n/locale';

export const LOGGER_KEY = Symbol('dagsorden.logger');
export const CORRELATION_KEY = Symbol('dagsorden.correlationId');

export interface TurnInfo {
  actor: Actor;
  scope: ConversationScope;
  ref: ConversationRef;
  lang: Lang;
  correlationId: string;
  log: Logger;
}

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
