import { z } from 'zod';
import { defineRoute } from '../route';

/** The meeting page: agenda by section, answers, attendance and quorum, input, topics. */
export const meetingPageRoute = defineRoute({
  method: 'GET',
  path: '/meetings/:id',
  params: z.object({ id: z.uuid() }),
  run: ({ actor, services }, { id }) => services.pages.page(id, actor),
});
