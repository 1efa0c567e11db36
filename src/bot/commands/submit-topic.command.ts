import { messages } from '../../i18n/messages';
import { submissionFormCard } from '../../cards/submission-form.card';
import { committeeForCommand } from '../handler';
import { defineCommand } from '../routes';

/** "indmeld punkt" / "submit topic" (and the button on the next-meeting card): the submission form (members). */
export const submitTopicCommand = defineCommand({
  id: 'submit-topic',
  help: [{ order: 60, line: (lang) => messages(lang).commands.submitTopic }],
  manifest: [
    { scopes: ['personal'], da: { title: 'indmeld punkt', description: 'Meld et punkt ind til næste møde. Fristen: skriv «frist».' }, en: { title: 'submit topic', description: 'Submit a topic for the next meeting. The deadline: type "deadline".' } },
  ],
  matches: (text) => /^(indmeld|meld) (et )?(punkt|emne)( ind)?$|^submit (a )?topic$/.test(text),
  async run(h, { committeeId }) {
    const committee = await committeeForCommand(h, this.id, committeeId);
    if (!committee) return;
    const view = await h.services.submissions.formView(committee, h.turn.actor);
    await h.io.replyCard(submissionFormCard(view, h.turn.lang));
  },
});
