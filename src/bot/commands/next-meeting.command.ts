import { nextMeetingSummary } from '../../cards/next-meeting.card';
import { messages } from '../../i18n/messages';
import { meetingCards } from '../attendance-cards';
import { committeeForCommand, type Command } from '../handler';
import { sendCard } from '../reply';

/** "næste møde" / "hvornår er næste møde?" / "next meeting". */
export const nextMeetingCommand: Command = {
  id: 'next-meeting',
  matches: (text) => /\b(næste|naeste) møde\b|\bnext meeting\b|^møde$|^meeting$/.test(text),
  async run(h, { committeeId }) {
    const committee = await committeeForCommand(h, this.id, committeeId);
    if (!committee) return;
    const t = messages(h.turn.lang);
    const next = await h.services.meetings.next(committee);
    if (!next) {
      await h.ctx.sendActivity(`**${t.noMeetingTitle}**\n\n${t.noMeeting(committee.name)} ${t.noMeetingHowTo}`);
      return;
    }
    // With the attendance buttons: the asker's own answer in their chat; in a channel the
    // card everyone sees, which each member's client refreshes to their own.
    const { personal, shared } = await meetingCards(h, committee, next.meeting);
    await sendCard(h.ctx, h.turn.scope.type === 'personal' ? personal : shared, nextMeetingSummary(committee, next, h.turn.lang));
  },
};
