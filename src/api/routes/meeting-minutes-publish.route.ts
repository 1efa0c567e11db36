import { z } from 'zod';
import { defineRoute } from '../route';
import { minutesShape } from '../shapes/minutes';

/**
 * "Godkend og udsend": the minutes published once, as the card's button does, through the
 * same service and letters: posted to the committee's channel and put on the next
 * meeting's "Godkendelse af referat". CPR-like numbers hold them back (400 with where they
 * stand, masked) until confirmed with the fingerprint of exactly what was checked.
 */
export const meetingMinutesPublishRoute = defineRoute({
  method: 'POST',
  path: '/meetings/:id/minutes/publish',
  params: z.object({ id: z.uuid() }),
  body: z.strictObject({ cprConfirmed: z.string().max(128).nullish() }),
  async run({ actor, services, log }, { id }, body) {
    const committee = await services.minutes.committeeOfMeeting(id);
    const outcome = await services.minutes.publish(committee, actor, id, body.cprConfirmed ?? null);
    if (body.cprConfirmed && outcome.kind === 'published')
      log.info({ meetingId: id }, 'minutes published despite CPR-like numbers');
    return {
      published: outcome.kind === 'published',
      approvalItemNumber: outcome.kind === 'published' ? outcome.approvalItemNumber : null,
      toChannel: outcome.kind === 'published' ? outcome.toChannel : false,
      ...minutesShape(outcome.view, services.minutes.links(outcome.view)),
    };
  },
});
