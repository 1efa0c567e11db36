import { parseLanguageChoice } from '../../domain/language/language.service';
import { langOf } from '../../i18n/locale';
import { messages } from '../../i18n/messages';
import { defineCommand } from '../routes';

/** "sprog" / "sprog engelsk" / "language danish" / "language auto": the person's own language. */
export const languageCommand = defineCommand({
  id: 'language',
  help: [{ order: 250, line: (lang) => messages(lang).commands.language }],
  matches: (text) => /^(sprog|language)(\s+\S+)?$/.test(text),
  async run(h, { args }) {
    const { io, turn, services } = h;
    const word = args ? args.language : io.commandText().split(' ')[1];
    if (!word) {
      const t = messages(turn.lang);
      const chosen = (await services.language.choiceOf(turn.actor)) !== 'auto';
      await io.reply(`${t.languageStatus(t.languageNames[turn.lang], chosen)} ${t.languageHow}`);
      return;
    }
    const choice = parseLanguageChoice(word);
    if (!choice) {
      await io.reply(messages(turn.lang).languageUnknown(word));
      return;
    }
    await services.language.choose(turn.actor, choice, turn.correlationId);
    // Answer in the language just chosen.
    const lang = choice === 'auto' ? langOf(io.locale) : choice;
    const t = messages(lang);
    await io.reply(choice === 'auto' ? t.languageAuto(t.languageNames[lang]) : t.languageSet(t.languageNames[lang]));
  },
});
