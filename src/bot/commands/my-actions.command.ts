import { messages } from '../../i18n/messages';
import { actionItemsCard } from '../../cards/action-items.card';
import { committeeForCommand } from '../handler';
import { defineCommand } from '../routes';

const ALL = /^(alle (åbne )?opgaver|all (open )?actions)$/;

/** "mine opgaver" / "my actions" (and "alle opgaver" / "all actions"): open actions from the meetings, marked done from the card (members). */
export const myActionsCommand = defineCommand({
  id: 'my-actions',
  help: [{ order: 80, line: (lang) => messages(lang).min.commands.actions }],
  manifest: [
    { scopes: ['personal'], da: { title: 'mine opgaver', description: 'Dine opgaver fra møderne; markér dem som løst.' }, en: { title: 'my actions', description: 'Your actions from the meetings; mark them done.' } },
  ],
  matches: (text) => /^(mine (åbne )?opgaver|my (open )?actions|opgaver|actions)$/.test(text) || ALL.test(text),
  async run(h, { committeeId }) {
    const committee = await committeeForCommand(h, this.id, committeeId);
    if (!committee) return;
    const list = await h.services.actions.list(committee, h.turn.actor, ALL.test(h.io.commandText()));
    await h.io.replyCard(actionItemsCard(list, h.turn.lang));
  },
});
