import { z } from 'zod';
import { defineRoute } from '../route';

/** "Mine møder": coming meetings and what waits for me in each, and my open tasks. */
export const myOverviewRoute = defineRoute({
  method: 'GET',
  path: '/me/overview',
  params: z.object({}),
  run: ({ actor, services }) => services.pages.overview(actor),
});
