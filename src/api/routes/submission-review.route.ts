import { z } from 'zod';
import { SUBMISSION_LIMITS } from '../../domain/submissions/submission.service';
import { defineRoute } from '../route';
import { submissionShape } from '../shapes/submission';

/**
 * The secretariat's review of a submitted topic, as the review card's buttons make it:
 * accept (a draft item in its section; "accept-late" onto the meeting it missed), move to a
 * later meeting, decline with a reason, or ask the submitter a question. The submitter is
 * told by the same letters. When a colleague reviewed it first, `done` is false and the
 * topic is as they left it.
 */
export const submissionReviewRoute = defineRoute({
  method: 'POST',
  path: '/submissions/:id/review',
  params: z.object({ id: z.uuid() }),
  body: z.discriminatedUnion('decision', [
    z.strictObject({
      decision: z.enum(['accept', 'accept-late']),
      version: z.number().int().min(0),
    }),
    z.strictObject({
      decision: z.literal('move'),
      version: z.number().int().min(0),
      meetingId: z.uuid(),
    }),
    z.strictObject({
      decision: z.enum(['decline', 'question']),
      version: z.number().int().min(0),
      // The limit is the domain's (it refuses an empty or longer text); this keeps absurd bodies out.
      text: z.string().max(SUBMISSION_LIMITS.reason * 2),
    }),
  ]),
  async run({ actor, services, correlationId }, { id }, body) {
    const decision =
      body.decision === 'move'
        ? { kind: 'move' as const, meetingId: body.meetingId }
        : body.decision === 'decline' || body.decision === 'question'
          ? body.decision === 'decline'
            ? { kind: 'decline' as const, reason: body.text }
            : { kind: 'question' as const, question: body.text }
          : { kind: 'accept' as const, late: body.decision === 'accept-late' };
    const outcome = await services.submissions.review(
      actor,
      id,
      body.version,
      decision,
      correlationId,
    );
    const { submission, meetings } = outcome;
    const item =
      outcome.done && submission.agendaItemId
        ? await services.agenda.itemWithCommittee(submission.agendaItemId)
        : null;
    return {
      done: outcome.done,
      submission: submissionShape(submission, meetings),
      itemNumber: item?.item.number ?? null,
    };
  },
});
