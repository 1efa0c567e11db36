import { z } from 'zod';
import { defineRoute } from '../route';
import { minutesShape } from '../shapes/minutes';

/** The meeting's minutes as they stand, with their download links (secretariat); null before the first build. */
export const meetingMinutesRoute = defineRoute({
  method: 'GET',
  path: '/meetings/:id/minutes',
  params: z.object({ id: z.uuid() }),
  async run({ actor, services }, { id }) {
    const committee = await services.minutes.committeeOfMeeting(id);
    const view = await services.minutes.asTheyStand(committee, actor, id);
    return minutesShape(view, view && services.minutes.links(view));
  },
});
