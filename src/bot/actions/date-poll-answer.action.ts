import { z } from 'zod';
import { isDomainError } from '../../domain/shared/errors';
import { candidatesInOrder } from '../../cards/date-poll.card';
import { messages } from '../../i18n/messages';
import { pollCards } from '../date-poll-cards';
import { defineAction } from '../routes';
import type { DateAnswer } from '../../domain/date-polls/types';

const ANSWER = z.enum(['yes', 'preferred', 'no']);
const CANDIDATE = /^c(\d{1,2})$/;
const data = z.object({ pollId: z.uuid() }).catchall(z.unknown());

/** "Gem mine svar" on a date poll: the member's "Passer" / "Passer helst" / "Passer ikke" per candidate. */
export const datePollAnswerAction = defineAction({
  verb: 'date-poll-answer',
  data,
  roles: 'service',
  async run(h, input) {
    const t = messages(h.turn.lang);
    const { pollId, ...fields } = input;
    // The inputs count the poll's candidates in order (see answerInputId). A choice left at
    // "Vælg …" comes as "" (or not at all): it leaves that candidate as it was.
    const candidates = candidatesInOrder(await h.services.datePolls.view(pollId, h.turn.actor).then((v) => v.poll));
    const answers: Array<{ candidateId: string; answer: DateAnswer }> = [];
    for (const [key, value] of Object.entries(fields)) {
      const index = CANDIDATE.exec(key)?.[1];
      if (!index || value === '' || value === undefined) continue;
      const candidateId = candidates[Number(index) - 1];
      const answer = ANSWER.safeParse(value);
      if (!candidateId || !answer.success) return { text: t.errors.invalid_input };
      answers.push({ candidateId, answer: answer.data });
    }
    if (!answers.length) return { card: (await pollCards(h, await h.services.datePolls.view(pollId, h.turn.actor), { text: t.att.polls.noneGiven, good: false })).personal };
    const viaSubmit = !h.io.invoked;
    try {
      const { view, changed } = await h.services.datePolls.answer(h.turn.actor, pollId, answers, h.turn.correlationId);
      const { personal, shared } = await pollCards(h, view, { text: changed ? t.att.polls.saved : t.att.polls.unchanged, good: true }, viaSubmit);
      // The Action.Submit fallback updates the clicked message, which everyone in the channel sees.
      return { card: personal, sharedCard: shared ?? undefined };
    } catch (err) {
      if (!isDomainError(err, 'poll_closed')) throw err;
      return { card: (await pollCards(h, await h.services.datePolls.view(pollId, h.turn.actor), { text: t.errors.poll_closed, good: false })).personal };
    }
  },
});
