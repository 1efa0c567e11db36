import template from '../../cards/action-items.json';
import { isOverdue, mayMarkDone, type ActionList } from '../domain/minutes/action-item.service';
import { ownerLabel } from '../domain/minutes/minutes.service';
import { formatDay, formatShortDate } from '../i18n/format';
import type { Lang } from '../i18n/locale';
import { messages } from '../i18n/messages';
import { renderCard } from './render';

/** "mine opgaver" / "alle opgaver": open actions with owner, last day (overdue marked), where they were agreed, and "Udført" for those the reader may mark. */
export function actionItemsCard(list: ActionList, lang: Lang, notice = '') {
  const t = messages(lang);
  const m = t.min;
  const tz = list.committee.timeZone;
  const scope = list.all ? 'all' : 'mine';
  return renderCard(template, {
    heading: m.actionsHeading2[scope](list.committee.name),
    summary: list.actions.length ? m.actionsCount(list.actions.length) : m.actionsNone[scope],
    notice,
    scope,
    actions: list.actions.map((a) => {
      const overdue = isOverdue(a, list.today);
      const owner = a.owner.kind === 'secretariat' ? m.secretariat : ownerLabel(a.owner);
      return {
        id: a.id,
        what: a.what,
        ownerDue: m.actionOwnerDue(owner, a.dueOn ? formatDay(a.dueOn, lang) : null, overdue),
        dueColor: overdue ? 'Attention' : 'Default',
        from: a.origin ? m.actionFrom(formatShortDate(a.origin.meetingStartsAt, lang, tz), a.origin.itemNumber, a.origin.itemTitle) : '',
        canMarkDone: mayMarkDone(list.me, a),
      };
    }),
    doneLabel: m.done,
    hint: list.all ? '' : m.allActionsHint,
  });
}
