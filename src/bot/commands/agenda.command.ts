import { myAgendaCard } from '../../cards/words.card';
import { messages } from '../../i18n/messages';
import { committeeForCommand } from '../handler';
import { defineCommand } from '../routes';

/** "dagsorden" / "agenda": the next meeting's agenda, compact, with the member's own answers and links to the item cards. */
export const agendaCommand = defineCommand({
  id: 'agenda',
  help: [{ order: 20, line: (lang) => messages(lang).words.commands.agenda }],
  manifest: [
    { scopes: ['team', 'groupChat'], da: { title: 'dagsorden', description: 'Næste mødes punkter.' }, en: { title: 'agenda', description: 'The next meeting\'s items.' } },
    { scopes: ['personal'], da: { title: 'dagsorden', description: 'Næste mødes punkter og hvad du har svaret på hvert.' }, en: { title: 'agenda', description: 'The next meeting\'s items and how you answered each.' } },
  ],
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
});
