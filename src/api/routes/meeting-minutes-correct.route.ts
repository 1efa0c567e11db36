import { z } from 'zod';
import { MINUTES_LIMITS } from '../../domain/minutes/minutes.service';
import { defineRoute } from '../route';
import { minutesShape } from '../shapes/minutes';

/** "Ret referat": a dated correction to the published minutes, issued again to the channel with it (secretariat), as the command does. */
export const meetingMinutesCorrectRoute = defineRoute({
  method: 'POST',
  path: '/meetings/:id/minutes/corrections',
  params: z.object({ id: z.uuid() }),
  // The limit is the domain's; this bound keeps absurd bodies out.
  body: z.strictObject({
    note: z.string().max(MINUTES_LIMITS.correction * 2),
    cprConfirmed: z.string().max(128).nullish(),
  }),
  async run({ actor, services }, { id }, body) {
    const committee = await services.minutes.committeeOfMeeting(id);
    const view = await services.minutes.correct(
      committee,
      actor,
      body.note,
      id,
      body.cprConfirmed ?? null,
    );
    return minutesShape(view, services.minutes.links(view));
  },
});
