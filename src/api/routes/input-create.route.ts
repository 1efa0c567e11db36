import { z } from 'zod';
import type { InputRequestDraft } from '../../domain/input/types';
import { DomainError } from '../../domain/shared/errors';
import { fromLocalText } from '../../domain/shared/zoned-time';
import { defineRoute } from '../route';

// The limits are the domain's (checkRequest names them); these bounds only keep absurd bodies out.
const text = z.string().max(100_000);

/**
 * "Send til medlemmerne" on the input request form (secretariat): the request goes to each
 * addressee's chat as the card's does; with problems nothing is sent and the form is told
 * what to fix. The deadline is a date and time in the committee's time zone.
 */
export const inputCreateRoute = defineRoute({
  method: 'POST',
  path: '/committees/:id/input-requests',
  params: z.object({ id: z.uuid() }),
  body: z.strictObject({
    title: text,
    context: text.optional(),
    questions: z.array(text).max(10),
    deadlineDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    deadlineTime: z.string().regex(/^\d{2}:\d{2}$/),
    audience: z.enum(['every_member', 'one_per_organisation']),
    confidential: z.boolean(),
    reminderDays: z.number().int().min(-1000).max(1000),
    meetingId: z.uuid().nullable(),
  }),
  async run({ actor, services, correlationId }, { id }, body) {
    const committee = await services.committees.byId(id);
    if (!committee) throw new DomainError('not_found', id);
    const { meetings } = await services.inputs.formView(committee, actor);
    if (body.meetingId && !meetings.some((m) => m.id === body.meetingId))
      throw new DomainError('invalid_input', 'meeting');
    const draft: InputRequestDraft = {
      title: body.title,
      context: body.context ?? '',
      questions: body.questions,
      deadline: fromLocalText(body.deadlineDate, body.deadlineTime, committee.timeZone)!,
      audience: body.audience,
      confidential: body.confidential,
      reminderDaysBefore: body.reminderDays,
      meetingId: body.meetingId,
    };
    const problems = services.inputs.problems(draft);
    if (problems.length) return { sent: false, problems };
    const { request, sentTo } = await services.inputs.create(
      actor,
      committee.id,
      draft,
      correlationId,
    );
    return { sent: true, requestId: request.id, sentTo };
  },
});
