import { z } from 'zod';
import type { CardAction } from '../handler';
import { itemCards } from '../item-cards';

const data = z.object({ itemId: z.uuid() });

/** Teams asks for a member's own view of an item card (refresh): their answer highlighted. */
export const itemRefreshAction: CardAction = {
  verb: 'item-refresh',
  async run(h, raw) {
    const parsed = data.safeParse(raw);
    if (!parsed.success) return {};
    const view = await h.services.agenda.itemView(parsed.data.itemId, h.turn.actor);
    if (!view) return {};
    const { personal } = await itemCards(h, view.committee, view.item, view.mine, h.turn.lang, false, view.secretariat);
    return { card: personal };
  },
};
