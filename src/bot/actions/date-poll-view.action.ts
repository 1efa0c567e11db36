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
    // Teams refreshes with nothing but the id: a stranger gets nothing.
    const view = await h.services.datePolls.viewIfMember(parsed.data.pollId, h.turn.actor);
    return view ? { card: (await pollCards(h, view, null)).personal } : {};
  },
};
