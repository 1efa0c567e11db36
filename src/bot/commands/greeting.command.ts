import { welcomeCard } from '../../cards/welcome.card';
import { defineCommand } from '../routes';

/** "hej" / "hello": the greeting that says what Dagsorden does. */
export const greetingCommand = defineCommand({
  id: 'greeting',
  matches: (text) => /^(hej|hejsa|hey|hi|hello|hallo|goddag|god morgen|godmorgen|good morning)( dagsorden)?$/.test(text),
  async run(h) {
    await h.io.replyCard(welcomeCard(h.turn.lang, h.turn.scope.type));
  },
});
