import { nextMeetingCard, nextMeetingSummary } from '../../cards/next-meeting.card';
import type { CalendarStatus } from '../../domain/calendar.service';
import { formatDateTime } from '../../i18n/format';
import type { Lang } from '../../i18n/locale';
import { messages } from '../../i18n/messages';
import { committeeForCommand, type Command } from '../handler';
import { sendCard } from '../reply';

/** When the dates were last read from Outlook, once that is over a day ago (or no read has succeeded); else ''. */
export function staleNotice(status: CalendarStatus, lang: Lang, timeZone: string): string {
  if (!status.stale) return '';
  const c = messages(lang).cal;
  if (status.syncedAt) return c.staleNote(formatDateTime(status.syncedAt, lang, timeZone));
  return status.failedAt ? c.neverSyncedNote(formatDateTime(status.failedAt, lang, timeZone)) : '';
}

/** "næste møde" / "hvornår er næste møde?" / "next meeting". */
export const nextMeetingCommand: Command = {
  id: 'next-meeting',
  matches: (text) => /\b(næste|naeste) møde\b|\bnext meeting\b|^møde$|^meeting$/.test(text),
  async run(h, { committeeId }) {
    const committee = await committeeForCommand(h, this.id, committeeId);
    if (!committee) return;
    const t = messages(h.turn.lang);
    // Answered from the database, also when Outlook cannot be reached: the notice says how old the dates are.
    const [next, status] = await Promise.all([h.services.meetings.next(committee), h.services.calendar.status(committee)]);
    const notice = staleNotice(status, h.turn.lang, committee.timeZone);
    if (!next) {
      const where =
        status.source === 'outlook' ? t.cal.noMeetingOutlook(status.mailbox!) : `${t.noMeeting(committee.name)} ${t.cal.sourceDagsorden}`;
      await h.ctx.sendActivity([`**${t.noMeetingTitle}**`, `${where} ${t.cal.noMeetingHowTo}`, notice].filter(Boolean).join('\n\n'));
      return;
    }
    await sendCard(h.ctx, nextMeetingCard(committee, next, h.turn.lang, notice), nextMeetingSummary(committee, next, h.turn.lang));
  },
};
