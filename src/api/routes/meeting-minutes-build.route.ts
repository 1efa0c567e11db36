import { z } from 'zod';
import { defineRoute } from '../route';
import { minutesShape } from '../shapes/minutes';

/** "Byg referatet" / "Byg igen": the draft built from what is recorded now, as the card's button does (secretariat). */
export const meetingMinutesBuildRoute = defineRoute({
  method: 'POST',
  path: '/meetings/:id/minutes',
  params: z.object({ id: z.uuid() }),
  async run({ actor, services }, { id }) {
    const committee = await services.minutes.committeeOfMeeting(id);
    const view = await services.minutes.draft(committee, actor, id);
    return minutesShape(view, services.minutes.links(view));
  },
});
