import { z } from 'zod';
import { messages } from '../../i18n/messages';
import { committeeOfMeeting, type CardAction } from '../handler';
import { minutesCard } from '../minutes-reply';

const data = z.object({ meetingId: z.uuid() });

/** "Byg igen" on the draft minutes: built again from what is recorded now (secretariat). */
export const minutesDraftAction: CardAction = {
  verb: 'minutes-draft',
  async run(h, raw) {
    const parsed = data.safeParse(raw);
    if (!parsed.success) return { text: messages(h.turn.lang).errors.invalid_input };
    const committee = await committeeOfMeeting(h, 'minutes', parsed.data.meetingId);
    if (!committee) return {};
    const view = await h.services.minutes.draft(committee, h.turn.actor, parsed.data.meetingId);
    return { card: minutesCard(h, view) };
  },
};
