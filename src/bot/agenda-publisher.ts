// "udsend dagsorden": the overview card starts a thread in the committee's channel and
// every item follows as a reply in it. A publish after edits updates the posted cards
// in place (their ids are stored) and adds only what is new; an interrupted publish is
// finished by publishing again, without duplicates.
import { agendaItemCard, agendaOverviewCard, MAX_REFRESH_USERS } from '../cards/agenda.card';
import type { PublishPlan } from '../domain/agenda.service';
import type { Committee } from '../domain/types';
import { langOf } from '../i18n/locale';
import { threadOf, type ChannelTarget } from './channel-messenger';
import type { HandlerContext } from './handler';

export interface PublishResult {
  posted: number;
  updated: number;
}

/**
 * The committee's channel as a place to post, or null when it has not been linked. A
 * tenant's conversations share one serviceUrl, so before the bot has heard from the
 * channel itself, the serviceUrl of a turn in the same tenant serves.
 */
export function channelOf(plan: PublishPlan, turn: TurnAddress): ChannelTarget | null {
  const c = plan.committee;
  const serviceUrl = serviceUrlFor(c, turn);
  if (!c.conversationId || !serviceUrl) return null;
  return { conversationId: c.conversationId.split(';')[0]!, serviceUrl, tenantId: c.tenantId };
}

type TurnAddress = { tenantId: string | null; serviceUrl: string };

/** The serviceUrl to reach the committee's conversations by (see channelOf). */
export function serviceUrlFor(committee: Committee, turn: TurnAddress): string | null {
  const sameTenant = Boolean(turn.serviceUrl) && turn.tenantId === committee.tenantId;
  return committee.serviceUrl ?? (sameTenant ? turn.serviceUrl : null);
}

export async function publishAgenda(
  h: HandlerContext,
  plan: PublishPlan,
  target: ChannelTarget,
  confirmedCpr: boolean,
): Promise<PublishResult> {
  const { committee, agenda } = plan;
  const { messenger, services } = h;
  // The channel reads the committee's language, not the publisher's own.
  const lang = langOf(committee.locale);
  const viewers = await services.agenda.viewers(committee);
  const refreshUserIds = viewers.length <= MAX_REFRESH_USERS ? viewers : [];
  const result: PublishResult = { posted: 0, updated: 0 };
  // Later updates (counts after answers) happen outside any turn: keep the address.
  await services.committees.rememberServiceUrl(committee, target.serviceUrl);
  // Cards show the items as members will have them: drafts become published now.
  const shown = agenda.items.map((i) => (i.status === 'draft' ? { ...i, status: 'published' as const } : i));

  const overview = agendaOverviewCard(committee, { ...agenda, items: shown }, lang);
  let rootId = agenda.meeting.overviewActivityId;
  if (rootId) {
    await messenger.update(target, target.conversationId, rootId, overview);
    result.updated += 1;
  } else {
    rootId = await messenger.post(target, overview);
    await services.agenda.recordOverviewPosted(agenda.meeting.id, rootId);
    result.posted += 1;
  }

  for (const item of shown) {
    const card = agendaItemCard(committee, item, lang, { refreshUserIds });
    if (item.cardActivityId && item.cardConversationId) {
      await messenger.update(target, item.cardConversationId, item.cardActivityId, card);
      result.updated += 1;
    } else {
      const id = await messenger.reply(target, rootId, card, `${item.number} ${item.title}`);
      await services.agenda.recordItemPosted(item.id, id, threadOf(target.conversationId, rootId));
      result.posted += 1;
    }
  }
  await services.agenda.markPublished(plan, h.turn.actor, confirmedCpr, h.turn.correlationId);
  return result;
}
