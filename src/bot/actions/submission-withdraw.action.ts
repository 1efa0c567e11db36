import { z } from 'zod';
import { submissionStatusCard } from '../../cards/submission-receipt.card';
import { inert } from '../../domain/shared/inert-text';
import { messages } from '../../i18n/messages';
import { defineAction } from '../routes';

const data = z.object({ submissionId: z.uuid(), version: z.coerce.number().int().min(0) });

/** "Træk punktet tilbage" on the receipt (its submitter only, while it waits for review). */
export const submissionWithdrawAction = defineAction({
  verb: 'submission-withdraw',
  data,
  roles: 'service',
  async run(h, input) {
    const { submission } = await h.services.submissions.withdraw(h.turn.actor, input.submissionId, input.version, h.turn.correlationId);
    return { card: submissionStatusCard(submission, h.turn.lang, messages(h.turn.lang).sub.withdrawn(inert(submission.title))) };
  },
});
