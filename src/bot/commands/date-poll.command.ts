import { datePollFormCard } from '../../cards/date-poll-form.card';
import { committeeForCommand, type Command } from '../handler';

/** "datoafstemning" / "date poll": the form for proposing candidate dates for coming meetings (secretariat). */
export const datePollCommand: Command = {
  id: 'date-poll',
  matches: (text) => /^(ny )?dato ?afstemning$|^(new )?date poll$/.test(text),
  async run(h, { committeeId }) {
    const committee = await committeeForCommand(h, this.id, committeeId);
    if (!committee) return;
    await h.io.replyCard(datePollFormCard(await h.services.datePolls.formView(committee, h.turn.actor), h.turn.lang));
  },
};
