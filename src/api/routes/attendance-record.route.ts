import { z } from 'zod';
import { defineRoute } from '../route';

/** "Gem svaret" on the attendance overview: the secretariat records a member's answer given by mail or phone. */
export const attendanceRecordRoute = defineRoute({
  method: 'PUT',
  path: '/meetings/:id/attendance/:personId',
  params: z.object({ id: z.uuid(), personId: z.uuid() }),
  body: z.strictObject({
    attendance: z.enum(['attending', 'absent']),
    standInId: z.uuid().nullish(),
    note: z.string().max(10_000).nullish(),
  }),
  async run({ actor, services, correlationId }, { id, personId }, body) {
    const absent = body.attendance === 'absent';
    const { changed } = await services.attendance.recordFor(
      actor,
      id,
      personId,
      {
        attendance: body.attendance,
        standInId: absent ? (body.standInId ?? null) : null,
        note: body.note ?? null,
      },
      correlationId,
    );
    return { changed };
  },
});
