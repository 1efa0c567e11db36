import { messages } from '../../i18n/messages';
import { digestCardFor } from '../attendance-cards';
import { committeeForCommand, type Command } from '../handler';

/** "opsummering" / "digest": the member's digest of the next meeting now, as it would come before the meeting. */
export const myDigestCommand: Command = {
  id: 'my-digest',
  matches: (text) => /^(opsummering|min opsummering|digest|my digest)$/.test(text),
  async run(h, { committeeId }) {
    const committee = await committeeForCommand(h, this.id, committeeId);
    if (!committee) return;
    const next = await h.services.meetings.next(committee);
    if (!next) {
      await h.io.reply(messages(h.turn.lang).noMeeting(committee.name));
      return;
    }
    await h.io.replyCard(await digestCardFor(h, next.meeting.id, null));
  },
};
