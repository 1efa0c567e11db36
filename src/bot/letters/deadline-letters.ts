// What the reminder of a topic deadline says: one text per member, in their own language,
// keyed once per meeting and member (deadline:<meeting>:<person>).
import { memberKey } from '../../domain/delivery/delivery.service';
import type { MessageTarget, OutboundMessage, Recipient } from '../../domain/delivery/types';
import type { Committee, Meeting } from '../../domain/shared/types';
import { formatDate } from '../../i18n/format';
import { readerLang } from '../../i18n/locale';
import { messages } from '../../i18n/messages';

/** The outbox kind of a deadline reminder: what the reminder job asks the outbox about. */
export const DEADLINE_REMINDER_KIND = 'deadline-reminder';

export const deadlineLetters = {
  /** The reminder of the meeting's deadline to each recipient, at the address given. */
  reminders(committee: Committee, meeting: Meeting, deadline: Date, recipients: Array<{ recipient: Recipient; to: MessageTarget }>): OutboundMessage[] {
    return recipients.map(({ recipient, to }) => {
      const lang = readerLang(recipient, committee);
      return {
        key: memberKey('deadline', meeting.id, recipient.personId),
        kind: DEADLINE_REMINDER_KIND,
        committeeId: committee.id,
        subjectId: meeting.id,
        to,
        content: {
          text: messages(lang).deadlineReminder(
            meeting.title ?? committee.name,
            formatDate(meeting.startsAt, lang, committee.timeZone),
            formatDate(deadline, lang, committee.timeZone),
          ),
        },
      };
    });
  },
};
