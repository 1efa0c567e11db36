import { z } from 'zod';
import { defineRoute } from '../route';
import { draftBody, draftOf } from '../views/submission-draft';
import { submissionJson } from '../views/member-views';

/** "Gem ændringerne" on my topic while it waits for review; `version` is the one I saw (a change elsewhere since answers 409). */
export const submissionEditRoute = defineRoute({
  method: 'PUT',
  path: '/submissions/:id',
  params: z.object({ id: z.uuid() }),
  body: z.strictObject({ ...draftBody, version: z.number().int().min(0) }),
  async run({ actor, services, correlationId }, { id }, { version, ...body }) {
    const { draft, problems } = draftOf(body);
    if (problems.length) return { saved: false, problems };
    const outcome = await services.submissions.edit(actor, id, version, draft, correlationId);
    return { saved: true, submission: submissionJson(outcome.submission) };
  },
});
