import { z } from 'zod';
import { decisionFormCard } from '../../cards/decision-form.card';
import { messages } from '../../i18n/messages';
import type { CardAction } from '../handler';

const data = z.object({ itemId: z.uuid() });

/** "Skriv referat" on an item's status card (or the secretariat's own view of its card): the decision form. */
export const decisionFormAction: CardAction = {
  verb: 'decision-form',
  async run(h, raw) {
    const parsed = data.safeParse(raw);
    if (!parsed.success) return { text: messages(h.turn.lang).errors.invalid_input };
    const view = await h.services.decisions.form(h.turn.actor, parsed.data.itemId);
    return { card: decisionFormCard(view, h.turn.lang) };
  },
};
