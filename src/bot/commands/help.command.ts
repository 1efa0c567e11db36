import { helpCard } from '../../cards/help.card';
import type { Command } from '../handler';

/** "hjælp" / "help": the commands, one line each. */
export const helpCommand: Command = {
  id: 'help',
  matches: (text) => /^(hjælp|hjaelp|help|\?|kommandoer|commands|hvad kan du|what can you do)$/.test(text),
  async run(h) {
    await h.io.replyCard(helpCard(h.turn.lang));
  },
};
