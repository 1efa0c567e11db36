// "udsend dagsorden" and "Udsend alligevel": the bot's door to the one publish
// (AgendaPublisher, which the tab's "Udsend dagsordenen" calls too). The turn answers at
// once; the outbox worker posts the cards within Teams' limits (60 in 30 seconds per
// conversation: longer than Teams waits for a turn), across restarts and instances.
import type { PublishPlan } from '../domain/agenda/agenda.service';
import { serviceUrlFor } from '../domain/agenda/agenda-publisher';
import { messages } from '../i18n/messages';
import type { HandlerContext } from './handler';

export { serviceUrlFor };

/**
 * Publishes the plan to the committee's channel; returns the answer for the turn. With
 * CPR-like numbers in it, only `confirmedCpr` (the fingerprint the warning card carried)
 * lets it go, and only when it is the plan's.
 */
export async function publishAgenda(
  h: HandlerContext,
  plan: PublishPlan,
  confirmedCpr: string | null,
): Promise<string> {
  const t = messages(h.turn.lang);
  const { ref, actor } = h.turn;
  const outcome = await h.services.publisher.publish(plan, actor, {
    confirmedCpr,
    correlationId: h.turn.correlationId,
    origin: {
      turn: { serviceUrl: ref.serviceUrl, tenantId: ref.tenantId },
      // The report: in the secretariat's chat, after the last card (the committee's language is the channel's; this is the actor's).
      report: { serviceUrl: ref.serviceUrl, tenantId: actor.tenantId, lang: h.turn.lang },
    },
  });
  if (outcome.kind === 'no_channel') return t.publishNoChannel;
  h.turn.log.info(
    {
      meetingId: plan.agenda.meeting.id,
      posted: outcome.posted,
      updated: outcome.updated,
      closedSentTo: outcome.closedSentTo,
    },
    'agenda queued for the channel',
  );
  return t.publishing(plan.agenda.items.length);
}
