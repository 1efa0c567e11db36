import { messages } from '../../i18n/messages';
import { committeeForCommand, type Command } from '../handler';
import { minutesCard } from '../minutes-reply';
import { sendCard } from '../reply';

/** "referat" / "minutes": the draft minutes of the meeting being recorded, built now (secretariat, personal chat). */
export const minutesCommand: Command = {
  id: 'minutes',
  matches: (text) => /^(referat|referatet|minutes|udkast til referat|draft minutes)$/.test(text),
  async run(h, { committeeId }) {
    if (h.turn.scope.type !== 'personal') {
      await h.ctx.sendActivity(messages(h.turn.lang).min.minutesOnlyPersonal);
      return;
    }
    const committee = await committeeForCommand(h, this.id, committeeId);
    if (!committee) return;
    const view = await h.services.minutes.draft(committee, h.turn.actor);
    await sendCard(h.ctx, minutesCard(h, view));
  },
};
