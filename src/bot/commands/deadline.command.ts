import { formatDate, formatDateTime } from '../../i18n/format';
import { messages } from '../../i18n/messages';
import { didYouMeanCard } from '../../cards/words.card';
import { nextMeetingForCommand } from '../handler';
import { defineCommand } from '../routes';

/** "frist" / "deadline": until when topics for the next meeting can be submitted, with the button to submit one. */
export const deadlineCommand = defineCommand({
  id: 'deadline',
  help: [{ order: 30, line: (lang) => messages(lang).words.commands.deadline }],
  matches: (text) => /^(frist(en)?|deadline|frist for punkter|deadline for topics)$/.test(text),
  async run(h, { committeeId }) {
    const found = await nextMeetingForCommand(h, this.id, committeeId);
    if (!found) return;
    const { committee, next } = found;
    const t = messages(h.turn.lang);
    const { deadline, deadlinePassed } = next;
    const meeting = formatDate(next.meeting.startsAt, h.turn.lang, committee.timeZone);
    const when = formatDateTime(deadline, h.turn.lang, committee.timeZone);
    const text = deadlinePassed ? t.words.deadlinePassed(meeting, when) : t.words.deadline(meeting, when);
    await h.io.replyCard(didYouMeanCard(text, [{ label: t.words.labels['submit-topic'], command: 'submit-topic' }]));
  },
});
