import { z } from 'zod';
import { defineRoute } from '../route';
import { submissionFormJson } from '../views/member-views';

/** "Ret punktet": my topic with the form's meetings, while it waits for review (its submitter only). */
export const submissionRoute = defineRoute({
  method: 'GET',
  path: '/submissions/:id',
  params: z.object({ id: z.uuid() }),
  async run({ actor, services }, { id }) {
    return submissionFormJson(await services.submissions.editForm(actor, id));
  },
});
