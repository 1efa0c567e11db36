import { z } from 'zod';
import { defineRoute } from '../route';

/** "Jeg deltager" / "Jeg melder afbud" (with a stand-in and a note): the attendance card's own domain call. */
export const meetingAttendanceRoute = defineRoute({
  method: 'PUT',
  path: '/meetings/:id/attendance',
  params: z.object({ id: z.uuid() }),
  body: z.strictObject({
    attendance: z.enum(['attending', 'absent']),
    standInId: z.uuid().nullish(),
    note: z.string().max(10_000).nullish(),
    keepAsStanding: z.boolean().optional(),
  }),
  async run({ actor, services, correlationId }, { id }, body) {
    const absent = body.attendance === 'absent';
    const { view, changed } = await services.attendance.answer(
      actor,
      id,
      {
        attendance: body.attendance,
        standInId: absent ? (body.standInId ?? null) : null,
        note: absent ? (body.note ?? null) : null,
        keepAsStanding: absent && body.keepAsStanding === true,
      },
      correlationId,
    );
    const record = view.record;
    return { changed, open: view.open, mine: record && { attendance: record.attendance, standIn: record.standIn?.name ?? null, note: record.note } };
  },
});
