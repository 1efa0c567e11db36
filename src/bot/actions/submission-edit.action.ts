import { z } from 'zod';
import { submissionFormCard } from '../../cards/submission-form.card';
import { defineAction } from '../routes';

const data = z.object({ submissionId: z.uuid() });

/** "Ret punktet" on the receipt: the form with the submission, while it waits for review (its submitter only). */
export const submissionEditAction = defineAction({
  verb: 'submission-edit',
  data,
  roles: 'service',
  async run(h, input) {
    return { card: submissionFormCard(await h.services.submissions.editForm(h.turn.actor, input.submissionId), h.turn.lang) };
  },
});
