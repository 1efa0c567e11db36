import template from '../../cards/help.json';
import { messages } from '../i18n/messages';
import type { Lang } from '../i18n/locale';
import { renderCard } from './render';

/** The list of commands with a line each. */
export function helpCard(lang: Lang) {
  const t = messages(lang);
  const c = t.commands;
  const m = t.min.commands;
  return renderCard(template, {
    title: t.helpTitle,
    commands: [
      c.nextMeeting, c.attendance, t.cal.commands.calendar, c.submitTopic, c.submissions, m.actions, m.decisions, c.requestInput, c.importAgenda, c.publishAgenda,
      c.editItem, c.itemStatus, m.recordDecision, m.minutes, t.cal.commands.newMeeting, t.cal.commands.newFeedAddress, c.datePoll, c.members, c.setup, c.language, c.digest, c.help,
    ],
    footer: t.helpFooter,
  });
}
