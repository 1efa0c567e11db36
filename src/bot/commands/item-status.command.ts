import { itemStatusCard } from '../../cards/item-status.card';
import { messages } from '../../i18n/messages';
import { committeeForCommand, type Command } from '../handler';
import { sendCard } from '../reply';
import { commandText } from '../text';

const PATTERN = /^status (punkt|item) (\d+(?:\.\d+)*)$/;

/** "status punkt 1.2" / "status item 1.2": answers on an item by organisation (secretariat). */
export const itemStatusCommand: Command = {
  id: 'item-status',
  matches: (text) => /^status (punkt|item)\b/.test(text),
  async run(h, { committeeId, args }) {
    const number = args?.item ?? PATTERN.exec(commandText(h.ctx.activity))?.[2];
    if (!number) {
      await h.ctx.sendActivity(messages(h.turn.lang).statusHowTo);
      return;
    }
    const committee = await committeeForCommand(h, this.id, committeeId);
    if (!committee) return;
    const report = await h.services.agenda.itemStatus(committee, h.turn.actor, number);
    await sendCard(h.ctx, itemStatusCard(report, h.turn.lang));
  },
};
