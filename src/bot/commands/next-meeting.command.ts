import { nextMeetingSummary } from '../../cards/next-meeting.card';
import { staleNotice } from '../stale-notice';
import { messages } from '../../i18n/messages';
import { meetingCard } from '../attendance-cards';
import { committeeForCommand } from '../handler';
import { defineCommand } from '../routes';

/** "næste møde" / "hvornår er næste møde?" / "next meeting". */
export const nextMeetingCommand = defineCommand({
  id: 'next-meeting',
  // Matches "næste møde" anywhere in a sentence ("hvornår er næste møde?"), so it goes before the
  // commands that take any words after their own ("status punkt 1.2 næste møde" asks about the meeting).
  priority: 1,
  help: [{ order: 10, line: (lang) => messages(lang).commands.nextMeeting }],
  manifest: [
    { scopes: ['team', 'groupChat'], da: { title: 'næste møde', description: 'Hvornår og hvor er næste møde, og hvornår er fristen for punkter?' }, en: { title: 'next meeting', description: 'When and where is the next meeting, and when is the deadline for topics?' } },
    { scopes: ['personal'], da: { title: 'næste møde', description: 'Hvornår og hvor er næste møde – med link og din tilmelding.' }, en: { title: 'next meeting', description: 'When and where the next meeting is – with its link and your attendance.' } },
  ],
  matches: (text) => /\b(næste|naeste) møde\b|\bnext meeting\b|^møde$|^meeting$/.test(text),
  async run(h, { committeeId }) {
    const committee = await committeeForCommand(h, this.id, committeeId);
    if (!committee) return;
    const t = messages(h.turn.lang);
    // Answered from the database, also when Outlook cannot be reached: the notice says how old the dates are.
    const next = await h.services.meetings.next(committee);
    if (!next) {
      const status = await h.services.calendar.status(committee);
      const notice = staleNotice(status, h.turn.lang, committee.timeZone);
      const where =
        status.source === 'outlook' ? t.cal.noMeetingOutlook(status.mailbox!) : `${t.noMeeting(committee.name)} ${t.cal.sourceDagsorden}`;
      await h.io.reply([`**${t.noMeetingTitle}**`, `${where} ${t.cal.noMeetingHowTo}`, notice].filter(Boolean).join('\n\n'));
      return;
    }
    // With the attendance buttons: the asker's own answer in their chat; in a channel the
    // card everyone sees, which each member's client refreshes to their own.
    const card = await meetingCard(h, committee, next.meeting, h.turn.scope.type === 'personal' ? 'own' : 'shared');
    await h.io.replyCard(card, nextMeetingSummary(committee, next, h.turn.lang));
  },
});
