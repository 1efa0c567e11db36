import { z } from 'zod';
import { defineRoute } from '../route';
import { sectionSchema } from '../agenda-item-body';

/** The agenda in a new order, each item in its section, numbered afresh (secretariat). */
export const agendaOrderRoute = defineRoute({
  method: 'PUT',
  path: '/meetings/:id/order',
  params: z.object({ id: z.uuid() }),
  body: z.strictObject({
    items: z.array(z.strictObject({ id: z.uuid(), section: sectionSchema })).max(500),
  }),
  run: ({ actor, services, correlationId }, { id }, { items }) =>
    services.workbench.reorder(id, actor, items, correlationId),
});
