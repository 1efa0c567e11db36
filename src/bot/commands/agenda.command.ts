import { myAgendaCard } from '../../cards/words.card';
import { messages } from '../../i18n/messages';
import { committeeForCommand, type Command } from '../handler';

/** "dagsorden" / "agenda": the next meeting's agenda, compact, with the member's own answers and links to the item cards. */
export const agendaCommand: Command = {
  id: 'agenda',
  matches: (text) => /^(dagsorden(en)?|agenda|the agenda)$/.test(text),
  async run(h, { committeeId }) {
    const committee = await committeeForCommand(h, this.id, committeeId);
    if (!committee) return;
    const { agenda, mine } = await h.services.agenda.memberAgenda(committee, h.turn.actor);
    if (!agenda) {
      await h.io.reply(messages(h.turn.lang).words.myAgendaNoAgenda(committee.name));
      return;
    }
    await h.io.replyCard(myAgendaCard(committee, agenda, mine, h.turn.lang));
  },
};
