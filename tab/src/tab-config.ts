// What Teams stores for a channel tab showing a committee. The entity id is the
// committee's, so the item cards' deep links (src/cards/tab-link.ts) can name the tab.
export interface TabConfig {
  contentUrl: string;
  entityId: string;
  suggestedDisplayName: string;
  websiteUrl: string;
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
