import { z } from 'zod';
import { DomainError } from '../../domain/shared/errors';
import { defineRoute } from '../route';
import { submissionFormJson } from '../views/member-views';

/** The form for a new topic: the meetings it can go to, each with its deadline (members, not observers). */
export const submissionFormRoute = defineRoute({
  method: 'GET',
  path: '/committees/:id/submission-form',
  params: z.object({ id: z.uuid() }),
  async run({ actor, services }, { id }) {
    const committee = await services.committees.byId(id);
    if (!committee) throw new DomainError('not_found', id);
    return submissionFormJson(await services.submissions.formView(committee, actor));
  },
});
