import { z } from 'zod';
import { DomainError } from '../../domain/shared/errors';
import { defineRoute } from '../route';
import { inputJson } from '../views/member-views';

/** An input request as its card shows it to me: the questions, my answers, whether it is still open (members of its committee only). */
export const inputRoute = defineRoute({
  method: 'GET',
  path: '/inputs/:id',
  params: z.object({ id: z.uuid() }),
  async run({ actor, services }, { id }) {
    // The card's refresh rule: a stranger, or a request not sent out, is not there.
    const view = await services.inputs.answerViewIfMember(actor, id);
    if (!view) throw new DomainError('not_found', id);
    return inputJson(view);
  },
});
