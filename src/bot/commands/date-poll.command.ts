import { messages } from '../../i18n/messages';
import { datePollFormCard } from '../../cards/date-poll-form.card';
import { committeeForCommand } from '../handler';
import { defineCommand } from '../routes';

/** "datoafstemning" / "date poll": the form for proposing candidate dates for coming meetings (secretariat). */
export const datePollCommand = defineCommand({
  id: 'date-poll',
  help: [{ order: 220, line: (lang) => messages(lang).commands.datePoll }],
  matches: (text) => /^(ny )?dato ?afstemning$|^(new )?date poll$/.test(text),
  async run(h, { committeeId }) {
    const committee = await committeeForCommand(h, this.id, committeeId);
    if (!committee) return;
    await h.io.replyCard(datePollFormCard(await h.services.datePolls.formView(committee, h.turn.actor), h.turn.lang));
  },
});
