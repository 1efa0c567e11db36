import { z } from 'zod';
import { attendanceOverviewCard } from '../../cards/attendance-overview.card';
import { messages } from '../../i18n/messages';
import { defineAction } from '../routes';

const data = z.object({
  meetingId: z.uuid(),
  rule: z.enum(['more_than_half', 'at_least_half', 'none']),
  // An empty number box is sent as ""; anything else must be a whole number (checked by the domain).
  minimum: z.union([z.literal(''), z.coerce.number()]).optional(),
});

/** "Gem reglen" on the attendance overview: the committee's quorum rule (secretariat). */
export const quorumRuleAction = defineAction({
  verb: 'quorum-rule',
  data,
  roles: 'service',
  async run(h, input) {
    const { meetingId, rule, minimum } = input;
    const overview = await h.services.attendance.setQuorumRule(h.turn.actor, meetingId, { rule, minimum: minimum === '' || minimum === undefined ? null : minimum }, h.turn.correlationId);
    return { card: attendanceOverviewCard(overview, h.turn.lang, { text: messages(h.turn.lang).att.attendance.ruleSaved, good: true }) };
  },
});
