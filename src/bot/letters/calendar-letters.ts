// What the committee's channel is told when the calendar moves, cancels or brings back a
// meeting it knew: a card in the committee's language (the channel's), queued by the
// calendar sync in the transaction that applies the change.
import { meetingChangeCard, meetingChangeSummary } from '../../cards/meeting-change.card';
import type { CalendarLetters } from '../../domain/calendar/calendar-sync.service';
import { langOf } from '../../i18n/locale';

export const calendarLetters: CalendarLetters = {
  meetingChanged(committee, change) {
    const lang = langOf(committee.locale);
    return { card: meetingChangeCard(committee, change, lang), summary: meetingChangeSummary(committee, change, lang) };
  },
};
