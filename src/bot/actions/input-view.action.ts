import { z } from 'zod';
import { inputAnswerCard } from '../../cards/input-answer.card';
import { defineAction } from '../routes';

const data = z.object({ requestId: z.uuid() });

/** The card's refresh: the reader's own answers, and closed once the deadline has passed. */
export const inputViewAction = defineAction({
  verb: 'input-view',
  data,
  roles: 'service',
  async run(h, input) {
    // Teams refreshes with nothing but the id: a stranger (or a request not sent out) gets nothing, not even an error.
    const view = await h.services.inputs.answerViewIfMember(h.turn.actor, input.requestId);
    if (!view) return {};
    return { card: inputAnswerCard(view, h.turn.lang, h.turn.actor.teamsUserId ? [h.turn.actor.teamsUserId] : []) };
  },
});
