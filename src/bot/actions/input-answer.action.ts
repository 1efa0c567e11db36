import { z } from 'zod';
import { inputAnswerCard } from '../../cards/input-answer.card';
import { checkAnswers, INPUT_LIMITS } from '../../domain/input/input.service';
import { isDomainError } from '../../domain/shared/errors';
import { messages } from '../../i18n/messages';
import { defineAction } from '../routes';

const answer = z.string().max(100_000).optional();
const data = z.object({ requestId: z.uuid(), a1: answer, a2: answer, a3: answer, a4: answer, a5: answer });

/** "Send svar" / "Gem ændringerne" on a request's card: the member's answers, changeable until the deadline. */
export const inputAnswerAction = defineAction({
  verb: 'input-answer',
  data,
  roles: 'service',
  async run(h, input) {
    const t = messages(h.turn.lang);
    const d = input;
    const answers = [d.a1, d.a2, d.a3, d.a4, d.a5].map((a) => a ?? '');
    const me = h.turn.actor.teamsUserId ? [h.turn.actor.teamsUserId] : [];
    const current = await h.services.inputs.answerView(h.turn.actor, d.requestId);
    const wrong = checkAnswers(answers);
    const problem = wrong === 'too_long' ? t.inp.problems.answer_too_long(INPUT_LIMITS.answer) : wrong === 'empty' ? t.inp.problems.answer_empty : null;
    if (problem && current.open) {
      // The answers typed come back with the card, so nothing is lost.
      const typed = { personId: '', name: '', organisationId: null, organisation: null, answers, updatedAt: new Date() };
      return { card: inputAnswerCard({ ...current, mine: typed }, h.turn.lang, me, { text: problem, good: false }) };
    }
    try {
      const view = await h.services.inputs.answer(h.turn.actor, d.requestId, answers, h.turn.correlationId);
      return { card: inputAnswerCard(view, h.turn.lang, me, { text: t.inp.answerSaved, good: true }) };
    } catch (err) {
      if (!isDomainError(err, 'input_closed')) throw err;
      const view = await h.services.inputs.answerView(h.turn.actor, d.requestId);
      return { card: inputAnswerCard({ ...view, open: false }, h.turn.lang, me, { text: t.errors.input_closed, good: false }) };
    }
  },
});
