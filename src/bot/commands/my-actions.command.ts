import { actionItemsCard } from '../../cards/action-items.card';
import { committeeForCommand, type Command } from '../handler';

const ALL = /^(alle (åbne )?opgaver|all (open )?actions)$/;

/** "mine opgaver" / "my actions" (and "alle opgaver" / "all actions"): open actions from the meetings, marked done from the card (members). */
export const myActionsCommand: Command = {
  id: 'my-actions',
  matches: (text) => /^(mine (åbne )?opgaver|my (open )?actions|opgaver|actions)$/.test(text) || ALL.test(text),
  async run(h, { committeeId }) {
    const committee = await committeeForCommand(h, this.id, committeeId);
    if (!committee) return;
    const list = await h.services.actions.list(committee, h.turn.actor, ALL.test(h.io.commandText()));
    await h.io.replyCard(actionItemsCard(list, h.turn.lang));
  },
};
