// "Åbn i Dagsorden": the item card's deep link to the item in the channel tab, only where it
// can lead somewhere, naming the tab the configuration page saved and the item the tab opens.
import { agendaItemCard } from '../../src/cards/agenda.card';
import { tabEntityId, tabItemLink } from '../../src/cards/tab-link';
import { configFor } from '../../tab/src/tab-config';
import { committee, decisionItem } from '../support/card-samples';

const APP = '0b7d8a52-3c1e-4f6a-9d2b-5e8f1a4c7b90';

type Action = { type: string; title?: string; url?: string };

describe('the item card’s link to the tab', () => {
  it('is Teams’ deep link to the committee’s channel tab, with the meeting and item as the sub-entity', () => {
    const channel = { ...committee, channelId: '19:kanal@thread.tacv2' };
    const url = new URL(tabItemLink(APP, channel, decisionItem)!);
    expect(`${url.origin}${url.pathname}`).toBe(
      `https://teams.microsoft.com/l/entity/${APP}/${tabEntityId(committee.id)}`,
    );
    expect(JSON.parse(url.searchParams.get('context')!)).toEqual({
      subEntityId: `${decisionItem.meetingId}:${decisionItem.id}`,
      channelId: '19:kanal@thread.tacv2',
    });
    expect(url.searchParams.get('label')).toBe(`${decisionItem.number} ${decisionItem.title}`);
    // The tab's configuration page saves the same entity id.
    expect(configFor('https://dagsorden.example.dk', committee).entityId).toBe(
      tabEntityId(committee.id),
    );
  });

  it('is not made without the Teams app id or a linked channel', () => {
    expect(
      tabItemLink(null, { ...committee, channelId: '19:kanal@thread.tacv2' }, decisionItem),
    ).toBeNull();
    expect(tabItemLink(APP, { ...committee, channelId: null }, decisionItem)).toBeNull();
  });

  it('puts «Åbn i Dagsorden» on the card as an OpenUrl action, and nothing without a link', () => {
    const link = tabItemLink(
      APP,
      { ...committee, channelId: '19:kanal@thread.tacv2' },
      decisionItem,
    )!;
    const withLink = agendaItemCard(committee, decisionItem, 'da', { tabLink: link }) as {
      actions: Action[];
    };
    expect(withLink.actions.filter((a) => a.type === 'Action.OpenUrl')).toEqual([
      { type: 'Action.OpenUrl', title: 'Åbn i Dagsorden', url: link },
    ]);
    const without = agendaItemCard(committee, decisionItem, 'en') as { actions: Action[] };
    expect(without.actions.some((a) => a.type === 'Action.OpenUrl')).toBe(false);
  });
});
