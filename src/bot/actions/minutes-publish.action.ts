import { z } from 'zod';
import { messages } from '../../i18n/messages';
import { cprHeldCard } from '../cpr-hold';
import { committeeOfMeeting, type CardAction } from '../handler';
import { minutesCard, publishNotice, withChannelAddress } from '../minutes-reply';

// cprConfirmed: "Udsend alligevel" on a CPR warning, the fingerprint of the minutes as checked.
const data = z.object({ meetingId: z.uuid(), cprConfirmed: z.string().max(128).optional() });

/** "Godkend og udsend" on the draft minutes: published to the channel once, however often it is clicked (secretariat). */
export const minutesPublishAction: CardAction = {
  verb: 'minutes-publish',
  async run(h, raw) {
    const parsed = data.safeParse(raw);
    if (!parsed.success) return { text: messages(h.turn.lang).errors.invalid_input };
    const { meetingId, cprConfirmed } = parsed.data;
    const found = await committeeOfMeeting(h, 'approve-minutes', meetingId);
    if (!found) return {};
    const committee = await withChannelAddress(h, found);
    try {
      const outcome = await h.services.minutes.publish(committee, h.turn.actor, meetingId, cprConfirmed ?? null);
      if (cprConfirmed) h.turn.log.info({ meetingId }, 'minutes published despite CPR-like numbers');
      return { card: minutesCard(h, outcome.view, publishNotice(h, committee, outcome)) };
    } catch (err) {
      const held = cprHeldCard(h, err, 'minutes', () => ({ verb: 'minutes-publish', data: { meetingId } }), cprConfirmed);
      if (!held) throw err;
      return { card: held };
    }
  },
};
