import { z } from 'zod';
import { inputFormCard, NO_MEETING } from '../../cards/input-form.card';
import { checkRequest } from '../../domain/input/input.service';
import { fromLocal } from '../../domain/shared/zoned-time';
import { formatDateTime } from '../../i18n/format';
import { messages } from '../../i18n/messages';
import { defineAction } from '../routes';
import type { InputRequestDraft } from '../../domain/input/types';

// The limits are the domain's (checkRequest names them); these bounds only keep absurd payloads out.
const text = z.string().max(100_000).optional();
const data = z.object({
  committeeId: z.uuid(),
  title: text,
  context: text,
  q1: text,
  q2: text,
  q3: text,
  q4: text,
  q5: text,
  deadlineDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
  deadlineTime: z.string().regex(/^\d{2}:\d{2}(:\d{2})?$/).optional(),
  audience: z.enum(['every_member', 'one_per_organisation']).optional(),
  confidential: z.enum(['true', 'false']).optional(),
  reminderDays: z.coerce.number().optional(),
  meetingId: z.union([z.uuid(), z.literal(NO_MEETING), z.literal('')]).optional(),
});

/** "Send til medlemmerne" on the request form: the request goes out, or the form comes back with what to fix (secretariat). */
export const inputCreateAction = defineAction({
  verb: 'input-create',
  data,
  roles: { role: 'secretariat', committee: (d) => ({ committeeId: d.committeeId }) },
  async run(h, input, { committee }) {
    const t = messages(h.turn.lang);
    const d = input;
    const [year, month, day] = (d.deadlineDate ?? '1970-01-01').split('-').map(Number) as [number, number, number];
    const [hour, minute] = (d.deadlineTime ?? '12:00').split(':').map(Number) as [number, number];
    const draft: InputRequestDraft = {
      title: d.title ?? '',
      context: d.context ?? '',
      questions: [d.q1, d.q2, d.q3, d.q4, d.q5].map((q) => q ?? ''),
      deadline: fromLocal({ year, month, day, hour, minute }, committee.timeZone),
      audience: d.audience ?? 'one_per_organisation',
      confidential: d.confidential === 'true',
      reminderDaysBefore: d.reminderDays ?? 2,
      meetingId: d.meetingId && d.meetingId !== NO_MEETING ? d.meetingId : null,
    };
    const view = await h.services.inputs.formView(committee, h.turn.actor);
    const problems = checkRequest(draft, h.services.clock.now());
    if (problems.length) return { card: inputFormCard(view, h.turn.lang, { draft, problems }) };
    const { sentTo } = await h.services.inputs.create(h.turn.actor, committee.id, draft, h.turn.correlationId);
    h.services.deliveries.queuedElsewhere();
    const when = formatDateTime(draft.deadline, h.turn.lang, committee.timeZone);
    return { card: inputFormCard(view, h.turn.lang, { draft, problems: [] }, t.inp.sent(sentTo, when)) };
  },
});
