import { z } from 'zod';
import type { MeetingDraft } from '../../domain/calendar/calendar.service';
import { DomainError } from '../../domain/shared/errors';
import { fromLocalText } from '../../domain/shared/zoned-time';
import { defineRoute } from '../route';

// The limits are the domain's (checkMeeting names them); these bounds only keep absurd bodies out.
const day = z.union([z.string().regex(/^\d{4}-\d{2}-\d{2}$/), z.literal('')]);
const clock = z.union([z.string().regex(/^\d{2}:\d{2}(:\d{2})?$/), z.literal('')]);
const text = z.string().max(10_000).nullish();

/**
 * "Opret mødet" on the "nyt møde" form (secretariat): the date and times in the committee's
 * time zone; the same meeting twice is created once. With problems (a clash with another
 * meeting included), nothing is created and the form is told what to fix.
 */
export const meetingCreateRoute = defineRoute({
  method: 'POST',
  path: '/committees/:id/meetings',
  params: z.object({ id: z.uuid() }),
  body: z.strictObject({
    date: day,
    start: clock,
    end: clock,
    place: text,
    room: text,
    onlineUrl: text,
    deadline: day.optional(),
  }),
  async run({ actor, services, correlationId }, { id }, body) {
    const committee = await services.committees.byId(id);
    if (!committee) throw new DomainError('not_found', id);
    await services.calendar.formView(committee, actor);
    const tz = committee.timeZone;
    const draft: MeetingDraft = {
      startsAt: body.date && body.start ? fromLocalText(body.date, body.start, tz) : null,
      endsAt: body.date && body.end ? fromLocalText(body.date, body.end, tz) : null,
      place: body.place ?? null,
      room: body.room ?? null,
      onlineUrl: body.onlineUrl ?? null,
      // A deadline date means the end of that day, as the committee's own rule does.
      submissionDeadline: body.deadline ? fromLocalText(body.deadline, '23:59:59', tz) : null,
    };
    const problems = await services.calendar.problems(committee, draft);
    if (problems.length)
      return {
        created: false,
        problems: problems.map(({ field, problem, limit }) => ({ field, problem, limit })),
      };
    const result = await services.calendar.createMeeting(actor, committee.id, draft, correlationId);
    return {
      created: result.kind === 'created',
      meeting: result.meeting,
      outlook: result.kind === 'created' ? result.outlook : null,
    };
  },
});
