import { z } from 'zod';
import { messages } from '../../i18n/messages';
import { pollCards } from '../date-poll-cards';
import { defineAction } from '../routes';

const PICK = /^pick_([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;
const data = z.object({ pollId: z.uuid() }).catchall(z.unknown());

/**
 * "Luk afstemningen og opret møderne": the secretariat's pick per meeting; the chosen dates
 * become meetings. Of two closing at once one wins; the other's card says who was first.
 */
export const datePollCloseAction = defineAction({
  verb: 'date-poll-close',
  data,
  roles: 'service',
  async run(h, input) {
    const t = messages(h.turn.lang);
    const { pollId, ...fields } = input;
    const picks = new Map<string, string>();
    for (const [key, value] of Object.entries(fields)) {
      const groupId = PICK.exec(key)?.[1];
      if (!groupId) continue;
      if (typeof value !== 'string' || !z.uuid().safeParse(value).success) return { text: t.errors.invalid_input };
      picks.set(groupId.toLowerCase(), value.toLowerCase());
    }
    const { done, view, meetings } = await h.services.datePolls.close(h.turn.actor, pollId, picks, h.turn.correlationId);
    if (done) {
      h.services.deliveries.queuedElsewhere();
      // Writing the meetings into Outlook takes Graph's time: it runs after the answer (and by the job, should this stop).
      void h.services.datePolls.writeOutlookEvents().catch((err: unknown) => h.turn.log.warn({ err }, 'Outlook events of a closed poll: left to the job'));
    }
    const note = done ? { text: t.att.polls.closeDone(meetings.length), good: true } : { text: t.att.polls.closedFirst(view.poll.closedBy?.name ?? ''), good: false };
    return { card: (await pollCards(h, view, note)).personal };
  },
});
