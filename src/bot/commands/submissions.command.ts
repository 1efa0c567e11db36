import { messages } from '../../i18n/messages';
import { submissionsCard } from '../../cards/submissions.card';
import { committeeForCommand } from '../handler';
import { defineCommand } from '../routes';

/** "indmeldte punkter" / "submitted topics": the topics for the next meeting and their status. */
export const submissionsCommand = defineCommand({
  id: 'submissions',
  help: [{ order: 70, line: (lang) => messages(lang).commands.submissions }],
  matches: (text) => /^(indmeldte punkter|indmeldinger|submitted topics|submissions)$/.test(text),
  async run(h, { committeeId }) {
    const committee = await committeeForCommand(h, this.id, committeeId);
    if (!committee) return;
    const { meeting, submissions } = await h.services.submissions.list(committee, h.turn.actor);
    await h.io.replyCard(submissionsCard(committee, meeting, submissions, h.turn.lang));
  },
});
