// An item card in its two versions: the shared one the channel shows everyone (counts),
// and a member's own (their answer highlighted), kept in step after every answer.
import { agendaItemCard, MAX_REFRESH_USERS } from '../cards/agenda.card';
import type { AdaptiveCard } from '../cards/render';
import type { AgendaItem, Committee, PositionKind } from '../domain/types';
import { langOf, type Lang } from '../i18n/locale';
import { serviceUrlFor } from './agenda-publisher';
import type { HandlerContext } from './handler';

export async function itemCards(
  h: HandlerContext,
  committee: Committee,
  item: AgendaItem,
  mine: PositionKind | null,
  viewerLang: Lang,
): Promise<{ personal: AdaptiveCard; shared: AdaptiveCard }> {
  const viewers = await h.services.agenda.viewers(committee);
  const refreshUserIds = viewers.length <= MAX_REFRESH_USERS ? viewers : [];
  return {
    personal: agendaItemCard(committee, item, viewerLang, { mine, refreshUserIds }),
    shared: agendaItemCard(committee, item, langOf(committee.locale), { refreshUserIds }),
  };
}

/** Updates the posted item card for everyone; an answer is kept even if this fails. */
export async function updatePostedItem(h: HandlerContext, committee: Committee, item: AgendaItem, card: AdaptiveCard) {
  const serviceUrl = serviceUrlFor(committee, h.turn.ref);
  if (!item.cardActivityId || !item.cardConversationId || !serviceUrl) return;
  try {
    await h.messenger.update(
      { conversationId: item.cardConversationId.split(';')[0]!, serviceUrl, tenantId: committee.tenantId },
      item.cardConversationId,
      item.cardActivityId,
      card,
    );
  } catch (err) {
    h.turn.log.warn({ err, itemId: item.id }, 'could not update the posted item card');
  }
}
