// "Åbn i Dagsorden": Teams' deep link from an item card to the item in the committee's
// channel tab. The tab's entity id is the committee's (the configuration page sets it so:
// tab/src/tab-config.ts), and the sub-entity names the meeting and the item, which the tab
// reads from its context (page.subPageId) to open and focus the item.
import type { AgendaItem } from '../domain/agenda/types';
import type { Committee } from '../domain/shared/types';

/** The channel tab's entity id for a committee; tab/src/tab-config.ts makes the same. */
export function tabEntityId(committeeId: string): string {
  return `dagsorden-${committeeId}`;
}

/** The link, or null where it could lead nowhere: no Teams app id (TEAMS_APP_ID) or no linked channel. */
export function tabItemLink(teamsAppId: string | null | undefined, committee: Pick<Committee, 'id' | 'channelId'>, item: Pick<AgendaItem, 'id' | 'meetingId' | 'number' | 'title'>): string | null {
  if (!teamsAppId || !committee.channelId) return null;
  const context = JSON.stringify({ subEntityId: `${item.meetingId}:${item.id}`, channelId: committee.channelId });
  const query = new URLSearchParams({ label: `${item.number} ${item.title}`.slice(0, 100), context });
  return `https://teams.microsoft.com/l/entity/${encodeURIComponent(teamsAppId)}/${encodeURIComponent(tabEntityId(committee.id))}?${query}`;
}
