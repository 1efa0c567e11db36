// What Teams stores for a channel tab showing a committee. The entity id is the
// committee's, so the item cards' deep links (src/cards/tab-link.ts) can name the tab.
export interface TabConfig {
  contentUrl: string;
  entityId: string;
  suggestedDisplayName: string;
  websiteUrl: string;
}

/** A Teams meeting's tab (side panel, chat, details) showing one committee meeting. */
export function meetingConfigFor(
  origin: string,
  meeting: { id: string; title: string },
): TabConfig {
  const contentUrl = `${origin}/tab/index.html?view=panel&meeting=${encodeURIComponent(meeting.id)}`;
  return {
    contentUrl,
    entityId: `dagsorden-meeting-${meeting.id}`,
    suggestedDisplayName: `Dagsorden – ${meeting.title}`.slice(0, 128),
    websiteUrl: contentUrl,
  };
}

export function configFor(origin: string, committee: { id: string; name: string }): TabConfig {
  const contentUrl = `${origin}/tab/index.html?view=channel&committee=${encodeURIComponent(committee.id)}`;
  return {
    contentUrl,
    entityId: `dagsorden-${committee.id}`,
    suggestedDisplayName: `Dagsorden – ${committee.name}`.slice(0, 128),
    websiteUrl: contentUrl,
  };
}
