import { z } from 'zod';
import { cprHeldCard } from '../cpr-hold';
import { defineAction } from '../routes';
import { minutesCard, publishNotice, withChannelAddress } from '../minutes-reply';

// cprConfirmed: "Udsend alligevel" on a CPR warning, the fingerprint of the minutes as checked.
const data = z.object({ meetingId: z.uuid(), cprConfirmed: z.string().max(128).optional() });

/** "Godkend og udsend" on the draft minutes: published to the channel once, however often it is clicked (secretariat). */
export const minutesPublishAction = defineAction({
  verb: 'minutes-publish',
  data,
  roles: { role: 'secretariat', committee: (d) => ({ meetingId: d.meetingId }) },
  async run(h, input, { committee: found }) {
    const { meetingId, cprConfirmed } = input;
    const committee = await withChannelAddress(h, found);
    try {
      const outcome = await h.services.minutes.publish(committee, h.turn.actor, meetingId, cprConfirmed ?? null);
      if (cprConfirmed) h.turn.log.info({ meetingId }, 'minutes published despite CPR-like numbers');
      h.services.deliveries.queuedElsewhere();
      return { card: minutesCard(h, outcome.view, publishNotice(h, committee, outcome)) };
    } catch (err) {
      const held = cprHeldCard(h, err, 'minutes', () => ({ verb: 'minutes-publish', data: { meetingId } }), cprConfirmed);
      if (!held) throw err;
      return { card: held };
    }
  },
});
