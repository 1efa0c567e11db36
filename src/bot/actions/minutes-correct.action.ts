import { z } from 'zod';
import { MINUTES_LIMITS } from '../../domain/minutes/minutes.service';
import { defineAction } from '../routes';
import { correctMinutes } from '../minutes-reply';

const data = z.object({ meetingId: z.uuid(), note: z.string().min(1).max(MINUTES_LIMITS.correction * 2), cprConfirmed: z.string().max(128).optional() });

/** "Gem og udsend alligevel" on the CPR warning about a correction: the "ret referat" it held back, confirmed (secretariat). */
export const minutesCorrectAction = defineAction({
  verb: 'minutes-correct',
  data,
  roles: { role: 'secretariat', committee: (d) => ({ meetingId: d.meetingId }) },
  async run(h, input, { committee: found }) {
    const { meetingId, note, cprConfirmed } = input;
    return { card: await correctMinutes(h, found, note, meetingId, cprConfirmed ?? null) };
  },
});
