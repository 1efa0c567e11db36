import { z } from 'zod';
import type { DatePollDraft } from '../../domain/date-polls/types';
import { DomainError } from '../../domain/shared/errors';
import { fromLocalText } from '../../domain/shared/zoned-time';
import { defineRoute } from '../route';
import { datePollJson } from '../views/member-views';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const clock = z.string().regex(/^\d{2}:\d{2}$/);

/**
 * "Send til kanalen" on the date poll form (secretariat): the poll's card goes to the
 * committee's channel as the card's does. Dates and times are the committee's local ones;
 * with problems nothing is sent and the form is told what to fix. A title or place with
 * CPR-like numbers goes only with `cprConfirmed`, the fingerprint the refusal named.
 */
export const datePollCreateRoute = defineRoute({
  method: 'POST',
  path: '/committees/:id/date-polls',
  params: z.object({ id: z.uuid() }),
  body: z.strictObject({
    title: z.string().max(10_000),
    place: z.string().max(10_000).nullish(),
    deadline: z.strictObject({ date: day, time: clock }).nullish(),
    groups: z
      .array(
        z.strictObject({
          candidates: z.array(z.strictObject({ date: day, start: clock, end: clock })).max(20),
        }),
      )
      .max(20),
    cprConfirmed: z.string().max(200).nullish(),
  }),
  async run({ actor, services, correlationId }, { id }, body) {
    const committee = await services.committees.byId(id);
    if (!committee) throw new DomainError('not_found', id);
    await services.datePolls.formView(committee, actor);
    const tz = committee.timeZone;
    const draft: DatePollDraft = {
      title: body.title,
      place: body.place ?? null,
      deadline: body.deadline ? fromLocalText(body.deadline.date, body.deadline.time, tz) : null,
      groups: body.groups.map((g) => ({
        candidates: g.candidates.map((c) => ({
          startsAt: fromLocalText(c.date, c.start, tz)!,
          endsAt: fromLocalText(c.date, c.end, tz)!,
        })),
      })),
    };
    const problems = services.datePolls.problems(draft);
    if (problems.length) return { created: false, problems };
    const view = await services.datePolls.create(
      actor,
      committee.id,
      draft,
      correlationId,
      body.cprConfirmed ?? null,
    );
    return { created: true, poll: datePollJson(view) };
  },
});
