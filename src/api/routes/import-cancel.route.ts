import { z } from 'zod';
import { defineRoute } from '../route';

/** Drops an import's preview (secretariat); nothing was saved. */
export const importCancelRoute = defineRoute({
  method: 'DELETE',
  path: '/imports/:id',
  params: z.object({ id: z.uuid() }),
  async run({ actor, services }, { id }) {
    const preview = await services.imports.cancel(id, actor);
    return { status: preview.record.status };
  },
});
