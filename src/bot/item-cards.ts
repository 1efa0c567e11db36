// An item card in its two versions: the shared one the channel shows everyone (counts),
// and a member's own (their answer highlighted), kept in step after every answer.
import { agendaItemCard } from '../cards/agenda.card';
import type { AdaptiveCard } from '../cards/render';
import { tabItemLink } from '../cards/tab-link';
import type { Committee } from '../domain/shared/types';
import { langOf, type Lang } from '../i18n/locale';
import type { HandlerContext } from './handler';
import type { AgendaItem, PositionKind } from '../domain/agenda/types';

/** The card everyone in the channel sees: the committee's language, counts, no one's own answer. */
export function sharedItemCard(committee: Committee, item: AgendaItem, viewers: string[], teamsAppId?: string | null): AdaptiveCard {
  return agendaItemCard(committee, item, langOf(committee.locale), { refreshUserIds: viewers, tabLink: tabItemLink(teamsAppId, committee, item) });
}

/** The member's own view of an item card, and (unless not wanted) the shared one. */
export async function itemCards(
  h: HandlerContext,
  committee: Committee,
  item: AgendaItem,
  mine: PositionKind | null,
  viewerLang: Lang,
  withShared = true,
  /** The viewer is in the secretariat: their view offers "Skriv referat". */
  canRecord = false,
): Promise<{ personal: AdaptiveCard; shared: AdaptiveCard | null }> {
  const viewers = await h.services.agenda.viewers(committee);
  return {
    personal: agendaItemCard(committee, item, viewerLang, { mine, refreshUserIds: viewers, canRecord, tabLink: tabItemLink(h.services.teamsAppId, committee, item) }),
    shared: withShared ? sharedItemCard(committee, item, viewers, h.services.teamsAppId) : null,
  };
}
