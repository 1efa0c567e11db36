import { z } from 'zod';
import { defineRoute } from '../route';

/** My position on a decision item, or my acknowledgement of another: the item card's own domain call. */
export const itemPositionRoute = defineRoute({
  method: 'PUT',
  path: '/items/:id/position',
  params: z.object({ id: z.uuid() }),
  body: z.strictObject({
    kind: z.enum(['acknowledged', 'can_approve', 'wants_discussion', 'cannot_approve']),
    // The comment's limit is the domain's; this bound only keeps absurd bodies out.
    comment: z.string().max(100_000).nullish(),
  }),
  async run({ actor, services, correlationId }, { id }, { kind, comment }) {
    const { item, changed } = await services.agenda.setPosition(actor, id, kind, comment ?? null, correlationId);
    return { itemId: item.id, kind, changed, tally: item.tally };
  },
});
