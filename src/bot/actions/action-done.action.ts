import { z } from 'zod';
import { actionItemsCard } from '../../cards/action-items.card';
import { messages } from '../../i18n/messages';
import type { CardAction } from '../handler';

const data = z.object({ actionId: z.uuid(), scope: z.enum(['mine', 'all']).optional() });

/** "Udført" on an action: marked done (once, however often clicked), and the list again without it. */
export const actionDoneAction: CardAction = {
  verb: 'action-done',
  async run(h, raw) {
    const t = messages(h.turn.lang);
    const parsed = data.safeParse(raw);
    if (!parsed.success) return { text: t.errors.invalid_input };
    const outcome = await h.services.actions.markDone(h.turn.actor, parsed.data.actionId, h.turn.correlationId);
    const list = await h.services.actions.list(outcome.committee, h.turn.actor, parsed.data.scope === 'all');
    const notice = (outcome.kind === 'done' ? t.min.markedDone : t.min.alreadyDone)(outcome.action.what);
    return { card: actionItemsCard(list, h.turn.lang, notice) };
  },
};
