// What "udsend dagsorden" and "Udsend alligevel" share: publish, and tell the
// secretariat how it went.
import type { PublishPlan } from '../domain/agenda.service';
import { messages } from '../i18n/messages';
import { channelOf, publishAgenda } from './agenda-publisher';
import type { HandlerContext } from './handler';

/** Publishes the plan to the committee's channel; the answer for the secretariat. */
export async function publishAndReport(h: HandlerContext, plan: PublishPlan, confirmedCpr: boolean): Promise<string> {
  const t = messages(h.turn.lang);
  const target = channelOf(plan, h.turn.ref);
  if (!target) return t.publishNoChannel;
  try {
    const { posted, updated, closedSentTo, unreachable } = await publishAgenda(h, plan, target, confirmedCpr);
    h.turn.log.info({ meetingId: plan.agenda.meeting.id, posted, updated, closedSentTo, unreachable }, 'agenda published');
    const closed = closedSentTo || unreachable ? ` ${t.closedSent(closedSentTo, unreachable)}` : '';
    return `${t.published(posted, updated)}${closed}`;
  } catch (err) {
    h.turn.log.error({ err, meetingId: plan.agenda.meeting.id }, 'publishing stopped');
    return t.publishFailed(h.turn.correlationId);
  }
}
