import { z } from 'zod';
import { defineRoute } from '../route';
import { datePollJson } from '../views/member-views';

/** "Gem mine svar" on a date poll: "Passer" / "Passer helst" / "Passer ikke" per candidate; the channel's card follows as it does from the card. */
export const datePollAnswerRoute = defineRoute({
  method: 'PUT',
  path: '/date-polls/:id/answers',
  params: z.object({ id: z.uuid() }),
  body: z.strictObject({
    answers: z
      .array(z.strictObject({ candidateId: z.uuid(), answer: z.enum(['yes', 'preferred', 'no']) }))
      .max(200),
  }),
  async run({ actor, services, correlationId }, { id }, { answers }) {
    const { view, changed } = await services.datePolls.answer(actor, id, answers, correlationId);
    return { changed, poll: datePollJson(view) };
  },
});
