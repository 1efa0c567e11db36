import { z } from 'zod';
import { submissionStatusCard } from '../../cards/submission-receipt.card';
import { inert } from '../../domain/shared/inert-text';
import { messages } from '../../i18n/messages';
import type { CardAction } from '../handler';

const data = z.object({ submissionId: z.uuid(), version: z.coerce.number().int().min(0) });

/** "Træk punktet tilbage" on the receipt (its submitter only, while it waits for review). */
export const submissionWithdrawAction: CardAction = {
  verb: 'submission-withdraw',
  async run(h, raw) {
    const parsed = data.safeParse(raw);
    if (!parsed.success) return { text: messages(h.turn.lang).errors.invalid_input };
    const { submission } = await h.services.submissions.withdraw(h.turn.actor, parsed.data.submissionId, parsed.data.version, h.turn.correlationId);
    return { card: submissionStatusCard(submission, h.turn.lang, messages(h.turn.lang).sub.withdrawn(inert(submission.title))) };
  },
};
