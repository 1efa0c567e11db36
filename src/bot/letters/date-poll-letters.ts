// What a date poll sends, as the outbox queues it: the dates chosen, in the channel (in
// the poll card's thread, after the card shows them); the reminder to members who have
// not answered; to the secretariat, the word that the deadline has passed and that a
// meeting could not be put in Outlook. Each in the reader's language (the channel's: the
// committee's).
import { channelIdOf, threadOf } from '../../domain/delivery/conversation-ids';
import type { DatePollLetters } from '../../domain/date-polls/date-poll.service';
import { datePollCardKey } from '../../domain/date-polls/date-poll.service';
import { lettersTo } from '../../domain/delivery/delivery.service';
import { inert } from '../../domain/shared/inert-text';
import { formatDateTime, formatMeetingWhen } from '../../i18n/format';
import { langOf, readerLang } from '../../i18n/locale';
import { messages } from '../../i18n/messages';

export const datePollLetters: DatePollLetters = {
  result(poll, committee, meetings) {
    if (!committee.conversationId || !committee.serviceUrl) return [];
    const lang = langOf(committee.locale);
    const t = messages(lang).att.polls;
    const byId = new Map(meetings.map((m) => [m.id, m]));
    const lines = poll.groups.flatMap((g) => {
      const meeting = g.meetingId ? byId.get(g.meetingId) : undefined;
      return meeting ? [t.resultLine(t.groups[g.position] ?? '', formatMeetingWhen(meeting.startsAt, meeting.endsAt, lang, committee.timeZone))] : [];
    });
    const channel = channelIdOf(committee.conversationId);
    return [{
      key: `date-poll-result:${poll.id}`,
      kind: 'date-poll-result',
      committeeId: committee.id,
      subjectId: poll.id,
      // In the poll's thread when its card is in the channel: where the members answered.
      to: { conversationId: poll.cardActivityId ? threadOf(channel, poll.cardActivityId) : channel, serviceUrl: committee.serviceUrl, tenantId: committee.tenantId },
      content: { text: t.result(inert(poll.title), lines.join('\n')) },
      afterKey: datePollCardKey(poll.id),
    }];
  },

  reminders(poll, committee, recipients) {
    return lettersTo(recipients, committee, { kind: 'date-poll-reminder', subjectId: poll.id }, (r) => {
      const lang = readerLang(r, committee);
      return { text: messages(lang).att.polls.reminder(inert(poll.title), poll.deadline ? formatDateTime(poll.deadline, lang, committee.timeZone) : '') };
    });
  },

  due(poll, committee, secretariat, answered, asked) {
    return lettersTo(secretariat, committee, { kind: 'date-poll-due', subjectId: poll.id }, (r) => ({
      text: messages(readerLang(r, committee)).att.polls.due(inert(poll.title), answered, asked),
    }));
  },

  outlookFailed(poll, committee, meeting, error, secretariat) {
    return lettersTo(secretariat, committee, { kind: 'date-poll-outlook', subjectId: poll.id, keySubject: `${poll.id}.${meeting.id}` }, (r) => {
      const lang = readerLang(r, committee);
      return { text: messages(lang).att.polls.outlookFailed(formatMeetingWhen(meeting.startsAt, meeting.endsAt, lang, committee.timeZone), error) };
    });
  },
};
