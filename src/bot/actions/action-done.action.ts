import { z } from 'zod';
import { actionItemsCard } from '../../cards/action-items.card';
import { messages } from '../../i18n/messages';
import { defineAction } from '../routes';

const data = z.object({ actionId: z.uuid(), scope: z.enum(['mine', 'all']).optional() });

/** "Udført" on an action: marked done (once, however often clicked), and the list again without it. */
export const actionDoneAction = defineAction({
  verb: 'action-done',
  data,
  roles: 'service',
  async run(h, input) {
    const t = messages(h.turn.lang);
    const outcome = await h.services.actions.markDone(h.turn.actor, input.actionId, h.turn.correlationId);
    const list = await h.services.actions.list(outcome.committee, h.turn.actor, input.scope === 'all');
    const notice = (outcome.kind === 'done' ? t.min.markedDone : t.min.alreadyDone)(outcome.action.what);
    return { card: actionItemsCard(list, h.turn.lang, notice) };
  },
});
