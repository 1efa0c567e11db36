import { z } from 'zod';
import { defineAction } from '../routes';
import { itemCards } from '../item-cards';

const data = z.object({
  itemId: z.uuid(),
  kind: z.enum(['acknowledged', 'can_approve', 'wants_discussion', 'cannot_approve']),
  // The comment box is sent along with every button; its limit is checked by the domain.
  comment: z.string().max(100_000).optional(),
});

/** "Kan godkende" / "Ønsker drøftelse" / "Kan ikke godkende" / "Taget til efterretning" on an item card. */
export const positionAction = defineAction({
  verb: 'position',
  data,
  roles: 'service',
  async run(h, input) {
    const { itemId, kind, comment } = input;
    const { item, committee } = await h.services.agenda.setPosition(
      h.turn.actor,
      itemId,
      kind,
      comment ?? null,
      h.turn.correlationId,
    );
    // Action.Execute shows the clicker their own card; the Action.Submit fallback updates
    // the clicked message itself, which everyone sees: that needs the shared card too.
    const viaSubmit = !h.io.invoked;
    const { personal, shared } = await itemCards(h, committee, item, kind, h.turn.lang, viaSubmit);
    return { card: personal, sharedCard: shared ?? undefined };
  },
});
