// What "udsend dagsorden" and "Udsend alligevel" share. Posting an agenda takes as long as
// Teams' limits on one conversation allow (60 cards in 30 seconds): longer than Teams
// waits for a turn or an invoke. So the turn answers at once, the posting runs after it,
// and the report reaches the secretariat through the outbox. Publishing is idempotent
// (posted cards are updated in place), so a publish cut short by a restart is finished by
// publishing again.
import type { Logger } from 'pino';
import type { PublishPlan } from '../domain/agenda.service';
import type { Actor } from '../domain/types';
import { messages } from '../i18n/messages';
import { channelOf, publishAgenda } from './agenda-publisher';
import type { HandlerContext } from './handler';

export class PublishRunner {
  /** Meetings being published by this instance, and the runs. */
  private readonly running = new Map<string, Promise<void>>();

  /**
   * Starts publishing the plan to the committee's channel; the answer for the turn. The
   * report follows in the actor's personal chat.
   */
  start(h: HandlerContext, plan: PublishPlan, confirmedCpr: boolean): string {
    const t = messages(h.turn.lang);
    const meetingId = plan.agenda.meeting.id;
    const target = channelOf(plan, h.turn.ref);
    if (!target) return t.publishNoChannel;
    if (this.running.has(meetingId)) return t.publishBusy;
    // Only what outlives the turn: the turn's context is closed when it answers.
    const { actor, correlationId, ref } = h.turn;
    const log = h.turn.log;
    const run = (async () => {
      let report: string;
      try {
        const { posted, updated, closedSentTo, unreachable } = await publishAgenda(h, plan, target, confirmedCpr);
        log.info({ meetingId, posted, updated, closedSentTo, unreachable }, 'agenda published');
        const closed = closedSentTo || unreachable ? ` ${t.closedSent(closedSentTo, unreachable)}` : '';
        report = `${t.published(posted, updated)}${closed}`;
      } catch (err) {
        log.error({ err, meetingId }, 'publishing stopped');
        report = t.publishFailed(correlationId);
      }
      await this.report(h, actor, plan, correlationId, report, ref.serviceUrl, log);
    })().finally(() => this.running.delete(meetingId));
    this.running.set(meetingId, run);
    return t.publishing(plan.agenda.items.length);
  }

  /** Waits for the publishes under way (before the process stops). */
  async idle(): Promise<void> {
    await Promise.allSettled([...this.running.values()]);
  }

  private async report(h: HandlerContext, actor: Actor, plan: PublishPlan, correlationId: string, text: string, serviceUrl: string, log: Logger) {
    try {
      await h.services.deliveries.queueToActor(actor, {
        key: `publish-report:${plan.agenda.meeting.id}:${correlationId}`,
        kind: 'publish-report',
        committeeId: plan.committee.id,
        subjectId: plan.agenda.meeting.id,
        content: { text },
        serviceUrl,
      });
    } catch (err) {
      log.error({ err }, 'could not queue the publishing report');
    }
  }
}
