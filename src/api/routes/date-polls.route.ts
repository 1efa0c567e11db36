import { z } from 'zod';
import { defineRoute } from '../route';
import { datePollJson } from '../views/member-views';

/** The committee's open date polls as I see them: candidates, counts, my answers (members only). */
export const datePollsRoute = defineRoute({
  method: 'GET',
  path: '/committees/:id/date-polls',
  params: z.object({ id: z.uuid() }),
  async run({ actor, services }, { id }) {
    return { polls: (await services.datePolls.openFor(id, actor)).map(datePollJson) };
  },
});
