import { z } from 'zod';
import { attendanceOverviewCard } from '../../cards/attendance-overview.card';
import { messages } from '../../i18n/messages';
import type { CardAction } from '../handler';

const data = z.object({ meetingId: z.uuid() });

/** "Opdater" on the attendance overview: the answers as they stand now (secretariat). */
export const attendanceOverviewAction: CardAction = {
  verb: 'attendance-overview',
  async run(h, raw) {
    const parsed = data.safeParse(raw);
    if (!parsed.success) return { text: messages(h.turn.lang).errors.invalid_input };
    return { card: attendanceOverviewCard(await h.services.attendance.overviewById(h.turn.actor, parsed.data.meetingId), h.turn.lang) };
  },
};
