import { itemStatusCard } from '../../cards/item-status.card';
import { messages } from '../../i18n/messages';
import { committeeForCommand } from '../handler';
import { defineCommand } from '../routes';

const PATTERN = /^status (punkt|item) (\d+(?:\.\d+)*)$/;

/** "status punkt 1.2" / "status item 1.2": answers on an item by organisation (secretariat). */
export const itemStatusCommand = defineCommand({
  id: 'item-status',
  help: [{ order: 170, line: (lang) => messages(lang).commands.itemStatus }],
  matches: (text) => /^status (punkt|item)\b/.test(text),
  async run(h, { committeeId, args }) {
    const number = args?.item ?? PATTERN.exec(h.io.commandText())?.[2];
    if (!number) {
      await h.io.reply(messages(h.turn.lang).statusHowTo);
      return;
    }
    const committee = await committeeForCommand(h, this.id, committeeId);
    if (!committee) return;
    const report = await h.services.agenda.itemStatus(committee, h.turn.actor, number);
    await h.io.replyCard(itemStatusCard(report, h.turn.lang));
  },
});
