import { z } from 'zod';
import { defineRoute } from '../route';

/** "Gem reglen" on the attendance overview: the committee's quorum rule, and at least how many organisations (secretariat). */
export const quorumRuleRoute = defineRoute({
  method: 'PUT',
  path: '/meetings/:id/quorum-rule',
  params: z.object({ id: z.uuid() }),
  // A whole number or none; its bounds are the domain's.
  body: z.strictObject({
    rule: z.enum(['more_than_half', 'at_least_half', 'none']),
    minimum: z.number().nullable(),
  }),
  async run({ actor, services, correlationId }, { id }, settings) {
    const o = await services.attendance.setQuorumRule(actor, id, settings, correlationId);
    return { quorum: o.quorum };
  },
});
