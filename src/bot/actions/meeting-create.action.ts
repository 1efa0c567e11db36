import { z } from 'zod';
import { meetingFormCard, type MeetingFormOutcome } from '../../cards/meeting-form.card';
import type { MeetingDraft } from '../../domain/calendar/calendar.service';
import { fromLocalText } from '../../domain/shared/zoned-time';
import { formatMeetingWhen } from '../../i18n/format';
import { messages } from '../../i18n/messages';
import { defineAction } from '../routes';

// The limits are the domain's (checkMeeting names them); these bounds only keep absurd payloads out.
const text = z.string().max(10_000).optional();
const day = z.union([z.string().regex(/^\d{4}-\d{2}-\d{2}$/), z.literal('')]).optional();
const time = z.union([z.string().regex(/^\d{2}:\d{2}(:\d{2})?$/), z.literal('')]).optional();
const data = z.object({ committeeId: z.uuid(), date: day, start: time, end: time, place: text, room: text, onlineUrl: text, deadline: day });

/** "Opret mødet" on the "nyt møde" form: the meeting is created, or the form comes back with what to fix (secretariat). */
export const meetingCreateAction = defineAction({
  verb: 'meeting-create',
  data,
  roles: { role: 'secretariat', committee: (d) => ({ committeeId: d.committeeId }) },
  async run(h, input, { committee }) {
    const t = messages(h.turn.lang);
    const c = t.cal;
    const d = input;
    const tz = committee.timeZone;
    const draft: MeetingDraft = {
      startsAt: d.date && d.start ? fromLocalText(d.date, d.start, tz) : null,
      endsAt: d.date && d.end ? fromLocalText(d.date, d.end, tz) : null,
      place: d.place ?? null,
      room: d.room ?? null,
      onlineUrl: d.onlineUrl ?? null,
      // A deadline date means the end of that day, as the committee's own rule does.
      submissionDeadline: d.deadline ? fromLocalText(d.deadline, '23:59:59', tz) : null,
    };
    const view = await h.services.calendar.formView(committee, h.turn.actor);
    const problems = await h.services.calendar.problems(committee, draft);
    if (problems.length) return { card: meetingFormCard(view, h.turn.lang, { draft, problems }) };
    const result = await h.services.calendar.createMeeting(h.turn.actor, committee.id, draft, h.turn.correlationId);
    const when = formatMeetingWhen(result.meeting.startsAt, result.meeting.endsAt, h.turn.lang, tz);
    let outcome: MeetingFormOutcome;
    if (result.kind === 'exists') {
      outcome = [{ text: c.exists(when), good: false }];
    } else {
      outcome = [{ text: c.created(when), good: true }];
      if (result.outlook === 'written') outcome.push({ text: c.createdInOutlook, good: true });
      if (result.outlook === 'failed') outcome.push({ text: c.createdOutlookFailed, good: false });
      if (result.outlook === 'not_written' && view.status.source === 'outlook') outcome.push({ text: c.createdNotInOutlook, good: false });
    }
    return { card: meetingFormCard(view, h.turn.lang, { draft, problems: [] }, outcome) };
  },
});
