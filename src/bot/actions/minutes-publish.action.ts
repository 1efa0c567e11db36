import { z } from 'zod';
import { messages } from '../../i18n/messages';
import { committeeOfMeeting, type CardAction } from '../handler';
import { minutesCard, publishNotice, withChannelAddress } from '../minutes-reply';

const data = z.object({ meetingId: z.uuid() });

/** "Godkend og udsend" on the draft minutes: published to the channel once, however often it is clicked (secretariat). */
export const minutesPublishAction: CardAction = {
  verb: 'minutes-publish',
  async run(h, raw) {
    const parsed = data.safeParse(raw);
    if (!parsed.success) return { text: messages(h.turn.lang).errors.invalid_input };
    const found = await committeeOfMeeting(h, 'approve-minutes', parsed.data.meetingId);
    if (!found) return {};
    const committee = await withChannelAddress(h, found);
    const outcome = await h.services.minutes.publish(committee, h.turn.actor, parsed.data.meetingId);
    h.services.deliveries.queuedElsewhere();
    return { card: minutesCard(h, outcome.view, publishNotice(h, committee, outcome)) };
  },
};
