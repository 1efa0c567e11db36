// What actions send: the reminder of an overdue action, in the owner's language.
import type { ActionLetters } from '../../domain/minutes/action-item.service';
import { ownerLabel } from '../../domain/minutes/minutes.service';
import { formatDay, formatShortDate } from '../../i18n/format';
import { readerLang } from '../../i18n/locale';
import { messages } from '../../i18n/messages';

export const actionLetters: ActionLetters = {
  overdue(action, committee, recipient) {
    const lang = readerLang(recipient, committee);
    const m = messages(lang).min;
    const owner = action.owner.kind === 'secretariat' ? m.secretariat : ownerLabel(action.owner);
    const meeting = action.origin ? formatShortDate(action.origin.meetingStartsAt, lang, committee.timeZone) : '';
    const item = action.origin ? `${action.origin.itemNumber} ${action.origin.itemTitle}` : '';
    return { text: m.overdue(committee.name, action.what, owner, action.dueOn ? formatDay(action.dueOn, lang) : '', meeting, item) };
  },
};
