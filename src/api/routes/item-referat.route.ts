import { z } from 'zod';
import { defineRoute } from '../route';
import { referatShape } from '../shapes/referat';

/** An item's Referat and follow-up as the decision form shows them (the secretariat's). */
export const itemReferatRoute = defineRoute({
  method: 'GET',
  path: '/items/:id/referat',
  params: z.object({ id: z.uuid() }),
  run: async ({ actor, services }, { id }) =>
    referatShape(await services.decisions.form(actor, id)),
});
