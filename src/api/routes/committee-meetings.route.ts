import { z } from 'zod';
import { defineRoute } from '../route';

/** A committee's coming and past meetings (members only). */
export const committeeMeetingsRoute = defineRoute({
  method: 'GET',
  path: '/committees/:id/meetings',
  params: z.object({ id: z.uuid() }),
  async run({ actor, services }, { id }) {
    const { committee, coming, past } = await services.pages.meetingsOf(id, actor);
    return { committee: { id: committee.id, name: committee.name, timeZone: committee.timeZone }, coming, past };
  },
});
