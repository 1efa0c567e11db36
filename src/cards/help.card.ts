import template from '../../cards/help.json';
import { messages } from '../i18n/messages';
import type { Lang } from '../i18n/locale';
import { renderCard } from './render';

/** The list of commands with a line each. */
export function helpCard(lang: Lang) {
  const t = messages(lang);
  const c = t.commands;
  const m = t.min.commands;
  const w = t.words.commands;
  // Members' everyday questions first, the secretariat's tools after, and last that plain words work too.
  return renderCard(template, {
    title: t.helpTitle,
    commands: [
      c.nextMeeting, w.agenda, w.deadline, w.myAttendance, w.myDigest, c.submitTopic, c.submissions, m.actions, m.decisions, w.latestMinutes, t.cal.commands.calendar,
      c.attendance, c.requestInput, c.importAgenda, c.publishAgenda, c.editItem, c.itemStatus, m.recordDecision, m.minutes, t.cal.commands.newMeeting, t.cal.commands.newFeedAddress, c.datePoll,
      c.members, c.setup, c.language, c.digest, c.help, w.ownWords,
    ],
    footer: t.helpFooter,
  });
}
