import { z } from 'zod';
import { defineRoute } from '../route';

/** "Udført" on one of my tasks: marked done once, however often clicked (its owner, or whoever may act for them). */
export const actionDoneRoute = defineRoute({
  method: 'PUT',
  path: '/actions/:id/done',
  params: z.object({ id: z.uuid() }),
  async run({ actor, services, correlationId }, { id }) {
    const outcome = await services.actions.markDone(actor, id, correlationId);
    return {
      id: outcome.action.id,
      changed: outcome.kind === 'done',
      status: outcome.action.status,
    };
  },
});
