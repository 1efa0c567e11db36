import { submissionFormCard } from '../../cards/submission-form.card';
import { committeeForCommand, type Command } from '../handler';

/** "indmeld punkt" / "submit topic" (and the button on the next-meeting card): the submission form (members). */
export const submitTopicCommand: Command = {
  id: 'submit-topic',
  matches: (text) => /^(indmeld|meld) (et )?(punkt|emne)( ind)?$|^submit (a )?topic$/.test(text),
  async run(h, { committeeId }) {
    const committee = await committeeForCommand(h, this.id, committeeId);
    if (!committee) return;
    const view = await h.services.submissions.formView(committee, h.turn.actor);
    await h.io.replyCard(submissionFormCard(view, h.turn.lang));
  },
};
