import { z } from 'zod';
import { submissionFormCard } from '../../cards/submission-form.card';
import { submissionReceiptCard } from '../../cards/submission-receipt.card';
import { checkDraft } from '../../domain/submissions/submission.service';
import type { SubmissionDraft } from '../../domain/submissions/types';
import { defineAction } from '../routes';

// The limits are the domain's (checkDraft names them); these bounds only keep absurd payloads out.
const data = z.object({
  submissionId: z.union([z.uuid(), z.literal('')]).optional(),
  version: z.coerce.number().int().min(0).optional(),
  meetingId: z.uuid(),
  title: z.string().max(100_000).optional(),
  purpose: z.enum(['decision', 'discussion', 'information']).optional(),
  description: z.string().max(100_000).optional(),
  presenter: z.string().max(100_000).optional(),
  links: z.string().max(100_000).optional(),
});

/** "Meld punktet ind" / "Gem ændringerne" on the submission form: the receipt, or the form again with what to fix. */
export const submissionSaveAction = defineAction({
  verb: 'submission-save',
  data,
  // Any member may submit; the form names the meeting, and so the committee.
  roles: { role: 'member', committee: (d) => ({ meetingId: d.meetingId }) },
  async run(h, input, { committee }) {
    const d = input;
    const draft: SubmissionDraft = {
      title: d.title ?? '',
      purpose: d.purpose ?? 'discussion',
      description: d.description ?? '',
      presenter: d.presenter ?? null,
      links: (d.links ?? '').split(/\s+/).filter(Boolean),
    };
    const problems = checkDraft(draft);
    if (problems.length) {
      let view;
      if (d.submissionId) {
        view = await h.services.submissions.editForm(h.turn.actor, d.submissionId);
      } else {
        view = await h.services.submissions.formView(committee, h.turn.actor);
      }
      return { card: submissionFormCard(view, h.turn.lang, { meetingId: d.meetingId, draft, problems }) };
    }
    if (d.submissionId) {
      const outcome = await h.services.submissions.edit(h.turn.actor, d.submissionId, d.version ?? 0, draft, h.turn.correlationId);
      h.services.deliveries.queuedElsewhere();
      return { card: submissionReceiptCard(outcome, h.turn.lang, true) };
    }
    const outcome = await h.services.submissions.submit(h.turn.actor, d.meetingId, draft, h.turn.correlationId);
    h.services.deliveries.queuedElsewhere();
    return { card: submissionReceiptCard(outcome, h.turn.lang) };
  },
});
