import { inputStatusCard } from '../../cards/input-status.card';
import { messages } from '../../i18n/messages';
import { committeeForCommand } from '../handler';
import { defineCommand } from '../routes';

const STATUS = /^(?:status input|input status|status på input) (.+)$/;

/** "status input <titel>": which organisations have answered a request, and who (secretariat). */
export const inputStatusCommand = defineCommand({
  id: 'input-status',
  matches: (text) => /^(status input|input status|status på input)\b/.test(text),
  async run(h, { committeeId }) {
    const title = STATUS.exec(h.io.commandText())?.[1];
    if (!title) {
      await h.io.reply(messages(h.turn.lang).errors.no_input_request);
      return;
    }
    const committee = await committeeForCommand(h, this.id, committeeId);
    if (!committee) return;
    const matrix = await h.services.inputs.matrix(committee, h.turn.actor, title);
    await h.io.replyCard(inputStatusCard(matrix, h.turn.lang, h.services.clock.now()));
  },
});
