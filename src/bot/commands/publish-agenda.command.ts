import { messages } from '../../i18n/messages';
import { agendaCprWarning, cprWarningCard } from '../../cards/cpr-warning.card';
import { committeeForCommand } from '../handler';
import { defineCommand } from '../routes';
import { publishAgenda } from '../publish-flow';
import { cprHolds } from '../../domain/shared/cpr-check';

/** "udsend dagsorden" / "publish agenda": the next meeting's agenda to the channel (secretariat). */
export const publishAgendaCommand = defineCommand({
  id: 'publish-agenda',
  help: [{ order: 150, line: (lang) => messages(lang).commands.publishAgenda }],
  manifest: [
    { scopes: ['team', 'personal'], da: { title: 'udsend dagsorden', description: 'Læg næste mødes dagsorden i kanalen (sekretariatet).' }, en: { title: 'publish agenda', description: 'Post the next meeting\'s agenda in the channel (secretariat).' } },
  ],
  matches: (text) => /^(udsend|send|publicer|publish)( (dagsorden(en)?|agenda(en)?|the agenda))$/.test(text),
  async run(h, { committeeId }) {
    const committee = await committeeForCommand(h, this.id, committeeId);
    if (!committee) return;
    const plan = await h.services.agenda.preparePublish(committee, h.turn.actor);
    if (cprHolds(plan, null)) {
      h.turn.log.info({ findings: plan.findings.length }, 'publish held: CPR-like numbers');
      await h.io.replyCard(cprWarningCard(agendaCprWarning(plan.agenda.meeting.id, plan.findings, plan.fingerprint), h.turn.lang));
      return;
    }
    await h.io.reply(await publishAgenda(h, plan, null));
  },
});
