import { cprHeldCard } from '../cpr-hold';
import { committeeForCommand } from '../handler';
import { defineCommand } from '../routes';
import { minutesCard, publishNotice, withChannelAddress } from '../minutes-reply';

/** "godkend referat" / "approve minutes": publishes the minutes of the meeting being recorded to the channel (secretariat). */
export const approveMinutesCommand = defineCommand({
  id: 'approve-minutes',
  matches: (text) => /^(godkend|udsend|publicer) referat(et)?$|^(approve|publish) (the )?minutes$/.test(text),
  async run(h, { committeeId }) {
    const found = await committeeForCommand(h, this.id, committeeId);
    if (!found) return;
    const committee = await withChannelAddress(h, found);
    try {
      const outcome = await h.services.minutes.publish(committee, h.turn.actor);
      h.services.deliveries.queuedElsewhere();
      await h.io.replyCard(minutesCard(h, outcome.view, publishNotice(h, committee, outcome)));
    } catch (err) {
      const held = cprHeldCard(h, err, 'minutes', (e) => ({ verb: 'minutes-publish', data: { meetingId: e.subjectId } }), null);
      if (!held) throw err;
      await h.io.replyCard(held);
    }
  },
});
