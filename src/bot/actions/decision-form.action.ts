import { z } from 'zod';
import { decisionFormCard } from '../../cards/decision-form.card';
import { defineAction } from '../routes';

const data = z.object({ itemId: z.uuid() });

/** "Skriv referat" on an item's status card (or the secretariat's own view of its card): the decision form. */
export const decisionFormAction = defineAction({
  verb: 'decision-form',
  data,
  roles: 'service',
  async run(h, input) {
    const view = await h.services.decisions.form(h.turn.actor, input.itemId);
    return { card: decisionFormCard(view, h.turn.lang) };
  },
});
