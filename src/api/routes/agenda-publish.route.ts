import { z } from 'zod';
import { cprHolds } from '../../domain/shared/cpr-check';
import { defineRoute } from '../route';

/**
 * "Udsend dagsordenen" in the workbench (secretariat): the meeting's agenda checked for
 * CPR-like numbers and, when clean or confirmed with the fingerprint of the texts as
 * checked ("Udsend alligevel"), published to the channel by the bot's own publish: the
 * same cards, updated in place, and the same letters. Held, it answers the findings
 * (where, the number masked) and the fingerprint; a change since asks again.
 */
export const agendaPublishRoute = defineRoute({
  method: 'POST',
  path: '/meetings/:id/publish',
  params: z.object({ id: z.uuid() }),
  body: z.strictObject({ confirmedCpr: z.string().max(128).nullish() }),
  async run({ actor, services, correlationId, log }, { id }, { confirmedCpr }) {
    const committee = await services.workbench.committeeFor(id, actor);
    const plan = await services.agenda.preparePublish(committee, actor, id);
    if (cprHolds(plan, confirmedCpr ?? null)) {
      log.info(
        { findings: plan.findings.length, confirmed: Boolean(confirmedCpr) },
        'publish held: CPR-like numbers',
      );
      return { held: { findings: plan.findings, fingerprint: plan.fingerprint } };
    }
    const outcome = await services.publisher.publish(plan, actor, {
      confirmedCpr: confirmedCpr ?? null,
      correlationId,
      origin: { turn: null, report: null },
    });
    if (outcome.kind === 'queued')
      log.info(
        { meetingId: id, posted: outcome.posted, updated: outcome.updated },
        'agenda queued for the channel',
      );
    return outcome;
  },
});
