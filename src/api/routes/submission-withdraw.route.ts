import { z } from 'zod';
import { defineRoute } from '../route';
import { submissionJson } from '../views/member-views';

/** "Træk punktet tilbage": my topic, while it waits for review, at the version I saw. */
export const submissionWithdrawRoute = defineRoute({
  method: 'POST',
  path: '/submissions/:id/withdraw',
  params: z.object({ id: z.uuid() }),
  body: z.strictObject({ version: z.number().int().min(0) }),
  async run({ actor, services, correlationId }, { id }, { version }) {
    const { submission } = await services.submissions.withdraw(actor, id, version, correlationId);
    return submissionJson(submission);
  },
});
