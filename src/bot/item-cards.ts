// An item card in its two versions: the shared one the channel shows everyone (counts),
// and a member's own (their answer highlighted), kept in step after every answer.
import { agendaItemCard, MAX_REFRESH_USERS } from '../cards/agenda.card';
import type { AdaptiveCard } from '../cards/render';
import type { AgendaItem, Committee, PositionKind } from '../domain/types';
import { langOf, type Lang } from '../i18n/locale';
import type { AgendaService } from '../domain/agenda.service';
import type { ChannelMessenger } from './channel-messenger';
import type { HandlerContext } from './handler';

/** The member's own view of an item card, and the shared one. */
export async function itemCards(
  h: HandlerContext,
  committee: Committee,
  item: AgendaItem,
  mine: PositionKind | null,
  viewerLang: Lang,
  withShared = true,
): Promise<{ personal: AdaptiveCard; shared: AdaptiveCard | null }> {
  const viewers = await h.services.agenda.viewers(committee);
  const refreshUserIds = viewers.length <= MAX_REFRESH_USERS ? viewers : [];
  return {
    personal: agendaItemCard(committee, item, viewerLang, { mine, refreshUserIds }),
    shared: withShared ? agendaItemCard(committee, item, langOf(committee.locale), { refreshUserIds }) : null,
  };
}

/** Updates the posted item card for everyone (from the card updater, outside any turn). */
export async function updatePostedItem(
  messenger: ChannelMessenger,
  agenda: AgendaService,
  committee: Committee,
  item: AgendaItem,
): Promise<void> {
  if (!item.cardActivityId || !item.cardConversationId || !committee.serviceUrl) return;
  const viewers = await agenda.viewers(committee);
  const refreshUserIds = viewers.length <= MAX_REFRESH_USERS ? viewers : [];
  await messenger.update(
    { conversationId: item.cardConversationId.split(';')[0]!, serviceUrl: committee.serviceUrl, tenantId: committee.tenantId },
    item.cardConversationId,
    item.cardActivityId,
    agendaItemCard(committee, item, langOf(committee.locale), { refreshUserIds }),
  );
}
