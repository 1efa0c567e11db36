import { z } from 'zod';
import { inputAnswerCard } from '../../cards/input-answer.card';
import { messages } from '../../i18n/messages';
import type { CardAction } from '../handler';

const data = z.object({ requestId: z.uuid() });

/** The card's refresh: the reader's own answers, and closed once the deadline has passed. */
export const inputViewAction: CardAction = {
  verb: 'input-view',
  async run(h, raw) {
    const parsed = data.safeParse(raw);
    if (!parsed.success) return { text: messages(h.turn.lang).errors.invalid_input };
    // Teams refreshes with nothing but the id: a stranger (or a request not sent out) gets nothing, not even an error.
    const view = await h.services.inputs.answerViewIfMember(h.turn.actor, parsed.data.requestId);
    if (!view) return {};
    return { card: inputAnswerCard(view, h.turn.lang, h.turn.actor.teamsUserId ? [h.turn.actor.teamsUserId] : []) };
  },
};
