import { z } from 'zod';
import { pollCards } from '../date-poll-cards';
import type { CardAction } from '../handler';

const data = z.object({ pollId: z.uuid() });

/** Teams asks for a viewer's own date poll card (refresh): their answers, the secretariat's close form. */
export const datePollViewAction: CardAction = {
  verb: 'date-poll-view',
  async run(h, raw) {
    const parsed = data.safeParse(raw);
    if (!parsed.success) return {};
    return { card: (await pollCards(h, await h.services.datePolls.view(parsed.data.pollId, h.turn.actor), null)).personal };
  },
};
