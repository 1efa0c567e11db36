import { z } from 'zod';
import { defineRoute } from '../route';

/** Who I am: my committees and my role in each. */
export const meRoute = defineRoute({
  method: 'GET',
  path: '/me',
  params: z.object({}),
  run: ({ actor, services }) => services.pages.mine(actor),
});
