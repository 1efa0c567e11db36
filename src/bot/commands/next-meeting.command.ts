import { nextMeetingCard, nextMeetingSummary } from '../../cards/next-meeting.card';
import { messages } from '../../i18n/messages';
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
    await sendCard(h.ctx, nextMeetingCard(committee, next, h.turn.lang), nextMeetingSummary(committee, next, h.turn.lang));
  },
};
