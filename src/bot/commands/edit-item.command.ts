import { itemEditCard } from '../../cards/item-edit.card';
import { messages } from '../../i18n/messages';
import { committeeForCommand } from '../handler';
import { defineCommand } from '../routes';

const EDIT = /^(rediger|ret|edit) (punkt|item) (\d+(?:\.\d+)*)$/;
const NEW = /^(nyt punkt|new item)$/;

/** "rediger punkt 1.2" / "nyt punkt": the item form (secretariat). */
export const editItemCommand = defineCommand({
  id: 'edit-item',
  help: [{ order: 160, line: (lang) => messages(lang).commands.editItem }],
  matches: (text) => /^(rediger|ret|edit) (punkt|item)\b/.test(text) || NEW.test(text),
  async run(h, { committeeId, args }) {
    const text = h.io.commandText();
    const number = args?.item ?? EDIT.exec(text)?.[3] ?? null;
    if (!number && !NEW.test(text) && args?.intent !== 'edit-item') {
      await h.io.reply(messages(h.turn.lang).editHowTo);
      return;
    }
    const committee = await committeeForCommand(h, this.id, committeeId);
    if (!committee) return;
    const view = await h.services.agenda.editView(committee, h.turn.actor, number);
    await h.io.replyCard(itemEditCard(view, h.turn.lang));
  },
});
