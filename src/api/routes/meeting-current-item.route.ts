import { z } from 'zod';
import { defineRoute } from '../route';

/**
 * The secretariat moves the discussion on, back, or to an item (null: none), from the
 * version it saw (409 when someone moved first).
 */
export const meetingCurrentItemRoute = defineRoute({
  method: 'PUT',
  path: '/meetings/:id/current-item',
  params: z.object({ id: z.uuid() }),
  body: z.union([
    z.strictObject({ move: z.enum(['next', 'previous']), version: z.int().min(0) }),
    z.strictObject({ itemId: z.uuid().nullable(), version: z.int().min(0) }),
  ]),
  run: ({ actor, services, correlationId }, { id }, body) => {
    const { version, ...to } = body;
    return services.live.move(actor, id, to, version, correlationId);
  },
});
