import { digestCardFor } from '../attendance-cards';
import { nextMeetingForCommand, type Command } from '../handler';

/** "opsummering" / "digest": the member's digest of the next meeting now, as it would come before the meeting. */
export const myDigestCommand: Command = {
  id: 'my-digest',
  matches: (text) => /^(opsummering|min opsummering|digest|my digest)$/.test(text),
  async run(h, { committeeId }) {
    const found = await nextMeetingForCommand(h, this.id, committeeId);
    if (!found) return;
    await h.io.replyCard(await digestCardFor(h, found.next.meeting.id, null));
  },
};
