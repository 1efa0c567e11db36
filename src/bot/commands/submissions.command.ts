import { submissionsCard } from '../../cards/submissions.card';
import { committeeForCommand, type Command } from '../handler';

/** "indmeldte punkter" / "submitted topics": the topics for the next meeting and their status. */
export const submissionsCommand: Command = {
  id: 'submissions',
  matches: (text) => /^(indmeldte punkter|indmeldinger|submitted topics|submissions)$/.test(text),
  async run(h, { committeeId }) {
    const committee = await committeeForCommand(h, this.id, committeeId);
    if (!committee) return;
    const { meeting, submissions } = await h.services.submissions.list(committee, h.turn.actor);
    await h.io.replyCard(submissionsCard(committee, meeting, submissions, h.turn.lang));
  },
};
