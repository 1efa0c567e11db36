import { messages } from '../../i18n/messages';
import { defineCommand } from '../routes';

/** "tak" / "thanks": a short answer; nothing else to do. */
export const thanksCommand = defineCommand({
  id: 'thanks',
  matches: (text) => /^(tak|mange tak|tusind tak|tak for hjælpen|thanks|thank you|thx)$/.test(text),
  async run(h) {
    await h.io.reply(messages(h.turn.lang).words.thanks);
  },
});
