import { z } from 'zod';
import { defineRoute } from '../route';
import { datePollJson } from '../views/member-views';

/**
 * "Luk afstemningen og opret møderne" (secretariat): a pick per meeting (the best date
 * where none is given); the chosen dates become meetings. Of two closing at once one wins;
 * the other is told who was first.
 */
export const datePollCloseRoute = defineRoute({
  method: 'POST',
  path: '/date-polls/:id/close',
  params: z.object({ id: z.uuid() }),
  body: z.strictObject({ picks: z.record(z.uuid(), z.uuid()).optional() }),
  async run({ actor, services, correlationId, log }, { id }, { picks }) {
    const { done, view, meetings } = await services.datePolls.close(
      actor,
      id,
      new Map(Object.entries(picks ?? {})),
      correlationId,
    );
    if (done) {
      // Writing the meetings into Outlook takes Graph's time: it runs after the answer (and by the job, should this stop).
      void services.datePolls
        .writeOutlookEvents()
        .catch((err: unknown) =>
          log.warn({ err }, 'Outlook events of a closed poll: left to the job'),
        );
    }
    return {
      done,
      closedBy: view.poll.closedBy?.name ?? null,
      meetings: meetings.map((m) => ({ id: m.id, startsAt: m.startsAt })),
      poll: datePollJson(view),
    };
  },
});
