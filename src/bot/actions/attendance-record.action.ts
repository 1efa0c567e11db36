import { z } from 'zod';
import { attendanceOverviewCard } from '../../cards/attendance-overview.card';
import { NO_STAND_IN } from '../../cards/attendance-prompt.card';
import { messages } from '../../i18n/messages';
import { defineAction } from '../routes';

const data = z.object({
  meetingId: z.uuid(),
  personId: z.uuid(),
  answer: z.enum(['attending', 'absent']),
  standInId: z.union([z.uuid(), z.literal(NO_STAND_IN), z.literal('')]).optional(),
  note: z.string().max(10_000).optional(),
});

/** "Gem svaret" on the attendance overview: the secretariat records a member's answer given by mail or phone. */
export const attendanceRecordAction = defineAction({
  verb: 'attendance-record',
  data,
  roles: 'service',
  async run(h, input) {
    const t = messages(h.turn.lang).att.attendance;
    const d = input;
    const absent = d.answer === 'absent';
    const { overview, changed } = await h.services.attendance.recordFor(
      h.turn.actor,
      d.meetingId,
      d.personId,
      { attendance: d.answer, standInId: absent && d.standInId && d.standInId !== NO_STAND_IN ? d.standInId : null, note: d.note ?? null },
      h.turn.correlationId,
    );
    if (changed) h.services.deliveries.queuedElsewhere();
    const name = overview.members.find((m) => m.personId === d.personId)?.displayName ?? '';
    return { card: attendanceOverviewCard(overview, h.turn.lang, { text: changed ? t.recorded(name) : t.recordedUnchanged(name), good: true }) };
  },
});
