import { z } from 'zod';
import { defineRoute } from '../route';
import { inputJson } from '../views/member-views';

/** "Send svar" / "Gem ændringerne" on an input request: my answers, one per question, changeable until the deadline. */
export const inputAnswerRoute = defineRoute({
  method: 'PUT',
  path: '/inputs/:id/answer',
  params: z.object({ id: z.uuid() }),
  // The limits (length, at least one answer) are the domain's (checkAnswers); these bounds only keep absurd bodies out.
  body: z.strictObject({ answers: z.array(z.string().max(100_000)).max(5) }),
  async run({ actor, services, correlationId }, { id }, { answers }) {
    return inputJson(await services.inputs.answer(actor, id, answers, correlationId));
  },
});
