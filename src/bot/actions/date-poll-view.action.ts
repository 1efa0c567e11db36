import { z } from 'zod';
import { pollCards } from '../date-poll-cards';
import { defineAction } from '../routes';

const data = z.object({ pollId: z.uuid() });

/** Teams asks for a viewer's own date poll card (refresh): their answers, the secretariat's close form. */
export const datePollViewAction = defineAction({
  verb: 'date-poll-view',
  data,
  // Teams asks for a refresh unseen: bad data gets no card and no message.
  onInvalid: 'silent',
  roles: 'service',
  async run(h, input) {
    // Teams refreshes with nothing but the id: a stranger gets nothing.
    const view = await h.services.datePolls.viewIfMember(input.pollId, h.turn.actor);
    return view ? { card: (await pollCards(h, view, null)).personal } : {};
  },
});
