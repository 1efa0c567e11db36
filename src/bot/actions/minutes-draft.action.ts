import { z } from 'zod';
import { defineAction } from '../routes';
import { minutesCard } from '../minutes-reply';

const data = z.object({ meetingId: z.uuid() });

/** "Byg igen" on the draft minutes: built again from what is recorded now (secretariat). */
export const minutesDraftAction = defineAction({
  verb: 'minutes-draft',
  data,
  roles: { role: 'secretariat', committee: (d) => ({ meetingId: d.meetingId }) },
  async run(h, input, { committee }) {
    const view = await h.services.minutes.draft(committee, h.turn.actor, input.meetingId);
    return { card: minutesCard(h, view) };
  },
});
