import template from '../../cards/help.json';
import { messages } from '../i18n/messages';
import type { Lang } from '../i18n/locale';
import { renderCard } from './render';

/**
 * The list of commands with a line each: `lines` are the commands' own help entries, in
 * their order (src/bot/commands/help.command.ts reads them from the registry); last, that
 * plain words work too.
 */
export function helpCard(lang: Lang, lines: readonly { text: string; description: string }[]) {
  const t = messages(lang);
  return renderCard(template, {
    title: t.helpTitle,
    commands: [...lines, t.words.commands.ownWords],
    footer: t.helpFooter,
  });
}
