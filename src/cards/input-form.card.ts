import template from '../../cards/input-form.json';
import type { RequestProblem } from '../domain/input/input.service';
import { INPUT_LIMITS } from '../domain/input/input.service';
import type { Committee, Meeting } from '../domain/shared/types';
import { toLocal } from '../domain/shared/zoned-time';
import { formatDate } from '../i18n/format';
import type { Lang } from '../i18n/locale';
import { messages } from '../i18n/messages';
import { problemText } from './problem-text';
import { renderCard } from './render';
import type { InputAudience, InputRequestDraft } from '../domain/input/types';

const AUDIENCES: readonly InputAudience[] = ['one_per_organisation', 'every_member'];

/** The choice for a request that is not for a particular meeting. */
export const NO_MEETING = 'none';

/** The secretariat's form for a request: title, background, up to five questions, deadline, who answers, confidential. */
export function inputFormCard(
  view: { committee: Committee; meetings: Meeting[] },
  lang: Lang,
  input?: { draft: InputRequestDraft; problems: RequestProblem[] },
  outcome = '',
) {
  const t = messages(lang).inp;
  const { committee } = view;
  const tz = committee.timeZone;
  const draft = input?.draft;
  const deadline = draft ? toLocal(draft.deadline, tz) : null;
  const two = (n: number) => String(n).padStart(2, '0');
  return renderCard(template, {
    heading: t.formHeading(committee.name),
    title: t.formTitle,
    titleLabel: t.title,
    requestTitle: draft?.title ?? '',
    titlePlaceholder: t.titlePlaceholder,
    titleError: t.problems.title_empty,
    contextLabel: t.context,
    context: draft?.context ?? '',
    questions: Array.from({ length: INPUT_LIMITS.questions }, (_, i) => ({ id: `q${i + 1}`, label: t.question(i + 1), value: draft?.questions[i] ?? '' })),
    deadlineLabel: t.deadline,
    deadlineDate: deadline ? `${deadline.year}-${two(deadline.month)}-${two(deadline.day)}` : '',
    deadlineError: t.problems.deadline_past,
    timeLabel: t.time,
    deadlineTime: deadline ? `${two(deadline.hour)}:${two(deadline.minute)}` : '12:00',
    audienceLabel: t.audience,
    audience: draft?.audience ?? 'one_per_organisation',
    audiences: AUDIENCES.map((value) => ({ value, title: t.audiences[value] })),
    confidentialLabel: t.confidential,
    confidential: String(draft?.confidential ?? false),
    reminderLabel: t.reminderDays,
    reminderDays: draft?.reminderDaysBefore ?? 2,
    meetingLabel: t.meeting,
    meetingId: draft ? (draft.meetingId ?? NO_MEETING) : (view.meetings[0]?.id ?? NO_MEETING),
    meetings: [...view.meetings.map((m) => ({ value: m.id, title: formatDate(m.startsAt, lang, tz) })), { value: NO_MEETING, title: t.noMeeting }],
    problems: (input?.problems ?? []).map((p) => ({ text: problemText(messages(lang).inp.problems, p) })),
    outcome,
    sendLabel: t.send,
    committeeId: committee.id,
  });
}
