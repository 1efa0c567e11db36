import { z } from 'zod';
import { MINUTES_LIMITS } from '../../domain/minutes/minutes.service';
import { messages } from '../../i18n/messages';
import { committeeOfMeeting, type CardAction } from '../handler';
import { correctMinutes } from '../minutes-reply';

const data = z.object({ meetingId: z.uuid(), note: z.string().min(1).max(MINUTES_LIMITS.correction * 2), cprConfirmed: z.string().max(128).optional() });

/** "Gem og udsend alligevel" on the CPR warning about a correction: the "ret referat" it held back, confirmed (secretariat). */
export const minutesCorrectAction: CardAction = {
  verb: 'minutes-correct',
  async run(h, raw) {
    const parsed = data.safeParse(raw);
    if (!parsed.success) return { text: messages(h.turn.lang).errors.invalid_input };
    const { meetingId, note, cprConfirmed } = parsed.data;
    const found = await committeeOfMeeting(h, 'correct-minutes', meetingId);
    if (!found) return {};
    return { card: await correctMinutes(h, found, note, meetingId, cprConfirmed ?? null) };
  },
};
