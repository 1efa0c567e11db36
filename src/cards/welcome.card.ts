import template from '../../cards/welcome.json';
import { messages } from '../i18n/messages';
import type { Lang } from '../i18n/locale';
import { renderCard } from './render';

/** The greeting: what Dagsorden does, for a channel, a personal chat or a group chat. */
export function welcomeCard(lang: Lang, scope: 'channel' | 'personal' | 'groupChat') {
  const t = messages(lang);
  const scopeLine = { channel: t.greetingChannel, personal: t.greetingPersonal, groupChat: t.greetingGroup }[scope];
  return renderCard(template, {
    title: t.greetingTitle,
    intro: t.greetingIntro,
    scopeLine,
    tryLine: t.greetingTry,
    nextMeetingLabel: capitalise(t.commands.nextMeeting.text),
    helpLabel: capitalise(t.commands.help.text),
  });
}

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
