import { z } from 'zod';
import { defineAction } from '../routes';
import { itemCards } from '../item-cards';

const data = z.object({ itemId: z.uuid() });

/** Teams asks for a member's own view of an item card (refresh): their answer highlighted. */
export const itemRefreshAction = defineAction({
  verb: 'item-refresh',
  data,
  // Teams asks for a refresh unseen: bad data gets no card and no message.
  onInvalid: 'silent',
  roles: 'service',
  async run(h, input) {
    const view = await h.services.agenda.itemView(input.itemId, h.turn.actor);
    if (!view) return {};
    const { personal } = await itemCards(h, view.committee, view.item, view.mine, h.turn.lang, false, view.secretariat);
    return { card: personal };
  },
});
