import { helpCard } from '../../cards/help.card';
import type { Lang } from '../../i18n/locale';
import { messages } from '../../i18n/messages';
import { defineCommand, type HelpLine } from '../routes';
import { allCommands } from '.';

/** Every command's help line(s), in the order they declare. */
export function helpLines(lang: Lang): HelpLine[] {
  return allCommands()
    .flatMap((c) => c.help ?? [])
    .sort((a, b) => a.order - b.order)
    .map((e) => e.line(lang));
}

/** "hjælp" / "help": the commands, one line each. */
export const helpCommand = defineCommand({
  id: 'help',
  help: [{ order: 270, line: (lang) => messages(lang).commands.help }],
  manifest: [
    { scopes: ['team', 'groupChat'], da: { title: 'hjælp', description: 'Se, hvad du kan skrive til Dagsorden.' }, en: { title: 'help', description: 'See what you can write to Dagsorden.' } },
    { scopes: ['personal'], da: { title: 'hjælp', description: 'Alt, hvad du kan skrive – også med dine egne ord.' }, en: { title: 'help', description: 'Everything you can write – in your own words too.' } },
  ],
  matches: (text) => /^(hjælp|hjaelp|help|\?|kommandoer|commands|hvad kan du|what can you do)$/.test(text),
  async run(h) {
    await h.io.replyCard(helpCard(h.turn.lang, helpLines(h.turn.lang)));
  },
});
