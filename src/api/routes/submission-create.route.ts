import { z } from 'zod';
import { defineRoute } from '../route';
import { draftBody, draftOf } from '../views/submission-draft';
import { submissionJson } from '../views/member-views';

/**
 * "Meld punktet ind": a topic for the meeting; after its deadline it goes to the next
 * meeting still open (the domain's rule, said in the answer). With problems, nothing is
 * saved and the form is told what to fix, as the card's form is.
 */
export const submissionCreateRoute = defineRoute({
  method: 'POST',
  path: '/meetings/:id/submissions',
  params: z.object({ id: z.uuid() }),
  body: z.strictObject(draftBody),
  async run({ actor, services, correlationId }, { id }, body) {
    const { draft, problems } = draftOf(body);
    if (problems.length) return { saved: false, problems };
    const outcome = await services.submissions.submit(actor, id, draft, correlationId);
    return {
      saved: true,
      submission: submissionJson(outcome.submission),
      target: { meetingId: outcome.target.meeting.id, startsAt: outcome.target.meeting.startsAt },
      missed: outcome.missed && {
        meetingId: outcome.missed.meeting.id,
        startsAt: outcome.missed.meeting.startsAt,
        deadline: outcome.missed.deadline,
      },
    };
  },
});
