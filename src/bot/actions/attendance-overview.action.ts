import { z } from 'zod';
import { attendanceOverviewCard } from '../../cards/attendance-overview.card';
import { defineAction } from '../routes';

const data = z.object({ meetingId: z.uuid() });

/** "Opdater" on the attendance overview: the answers as they stand now (secretariat). */
export const attendanceOverviewAction = defineAction({
  verb: 'attendance-overview',
  data,
  roles: 'service',
  async run(h, input) {
    return { card: attendanceOverviewCard(await h.services.attendance.overviewById(h.turn.actor, input.meetingId), h.turn.lang) };
  },
});
