import { formatDate, formatDateTime } from '../../i18n/format';
import { messages } from '../../i18n/messages';
import { didYouMeanCard } from '../../cards/words.card';
import { asNextMeeting } from '../attendance-cards';
import { committeeForCommand, type Command } from '../handler';

/** "frist" / "deadline": until when topics for the next meeting can be submitted, with the button to submit one. */
export const deadlineCommand: Command = {
  id: 'deadline',
  matches: (text) => /^(frist(en)?|deadline|frist for punkter|deadline for topics)$/.test(text),
  async run(h, { committeeId }) {
    const committee = await committeeForCommand(h, this.id, committeeId);
    if (!committee) return;
    const t = messages(h.turn.lang);
    const next = await h.services.meetings.next(committee);
    if (!next) {
      await h.io.reply(t.noMeeting(committee.name));
      return;
    }
    const { deadline, deadlinePassed } = asNextMeeting(committee, next.meeting, h.services.clock.now());
    const meeting = formatDate(next.meeting.startsAt, h.turn.lang, committee.timeZone);
    const when = formatDateTime(deadline, h.turn.lang, committee.timeZone);
    const text = deadlinePassed ? t.words.deadlinePassed(meeting, when) : t.words.deadline(meeting, when);
    await h.io.replyCard(didYouMeanCard(text, [{ label: t.words.labels['submit-topic'], command: 'submit-topic' }]));
  },
};
