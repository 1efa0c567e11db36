import { z } from 'zod';
import { submissionFormCard } from '../../cards/submission-form.card';
import { messages } from '../../i18n/messages';
import type { CardAction } from '../handler';

const data = z.object({ submissionId: z.uuid() });

/** "Ret punktet" on the receipt: the form with the submission, while it waits for review (its submitter only). */
export const submissionEditAction: CardAction = {
  verb: 'submission-edit',
  async run(h, raw) {
    const parsed = data.safeParse(raw);
    if (!parsed.success) return { text: messages(h.turn.lang).errors.invalid_input };
    return { card: submissionFormCard(await h.services.submissions.editForm(h.turn.actor, parsed.data.submissionId), h.turn.lang) };
  },
};
