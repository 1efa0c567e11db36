import template from '../../cards/submission-review.json';
import type { Committee, Meeting } from '../domain/shared/types';
import { formatDate, formatShortDate } from '../i18n/format';
import type { Lang } from '../i18n/locale';
import { messages } from '../i18n/messages';
import { inert } from '../domain/shared/inert-text';
import { renderCard } from './render';
import type { TopicSubmission } from '../domain/submissions/types';

/**
 * The secretariat's card for a submission: what it is and who sent it; while it waits,
 * accept (also late, on the meeting it missed), move to a later meeting, decline with a
 * reason or ask a question. `note` says what just happened (or what someone did first).
 */
export function submissionReviewCard(
  submission: TopicSubmission,
  committee: Committee,
  meetings: Map<string, Meeting>,
  lang: Lang,
  note: { text: string; good: boolean } | null = null,
) {
  const t = messages(lang);
  const tz = committee.timeZone;
  const date = (id: string | null) => {
    const m = id ? meetings.get(id) : undefined;
    return m ? formatDate(m.startsAt, lang, tz) : '';
  };
  const shortDate = (id: string | null) => {
    const m = id ? meetings.get(id) : undefined;
    return m ? formatShortDate(m.startsAt, lang, tz) : '';
  };
  const open = submission.status === 'submitted';
  const target = meetings.get(submission.meetingId);
  const later = [...meetings.values()]
    .filter((m) => target && m.startsAt > target.startsAt && m.status !== 'cancelled')
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  const from = [submission.submitter.name, submission.submitter.organisation].filter(Boolean).join(', ');
  const reviewed =
    submission.reviewerName && submission.reviewedAt
      ? t.sub.reviewedBy(t.sub.status[submission.status], submission.reviewerName, formatShortDate(submission.reviewedAt, lang, tz))
      : '';
  return renderCard(template, {
    heading: t.sub.reviewHeading(committee.name),
    title: inert(submission.title),
    status: reviewed || t.sub.status[submission.status],
    facts: [
      { title: t.sub.from, value: inert(from) },
      { title: t.sub.purposeFact, value: t.sub.purposes[submission.purpose] },
      { title: t.sub.meetingFact, value: date(submission.meetingId) },
      ...(submission.lateForMeetingId ? [{ title: t.sub.lateFact, value: t.sub.lateNote(date(submission.lateForMeetingId)) }] : []),
      ...(submission.presenter ? [{ title: t.sub.presenter, value: inert(submission.presenter) }] : []),
      ...(submission.links.length ? [{ title: t.sub.linksFact, value: submission.links.map(inert).join('\n\n') }] : []),
      ...(submission.reason ? [{ title: t.sub.reasonFact, value: inert(submission.reason) }] : []),
      { title: t.sub.submittedFact, value: formatShortDate(submission.createdAt, lang, tz) },
    ],
    description: inert(submission.description),
    note: note?.text ?? (submission.question && open ? t.sub.questionAsked(inert(submission.question)) : ''),
    noteColor: note && !note.good ? 'Attention' : 'Good',
    open,
    late: Boolean(submission.lateForMeetingId),
    acceptLabel: submission.lateForMeetingId ? t.sub.acceptTo(shortDate(submission.meetingId)) : t.sub.accept,
    acceptLateLabel: t.sub.acceptLate(shortDate(submission.lateForMeetingId)),
    laterMeetings: later.map((m) => ({ value: m.id, title: formatDate(m.startsAt, lang, tz) })),
    moveLabel: t.sub.move,
    moveToLabel: t.sub.moveTo,
    moveConfirmLabel: t.sub.moveConfirm,
    declineLabel: t.sub.decline,
    declineReasonLabel: t.sub.declineReason,
    declineConfirmLabel: t.sub.declineConfirm,
    askLabel: t.sub.ask,
    askTextLabel: t.sub.askText,
    askConfirmLabel: t.sub.askConfirm,
    submissionId: submission.id,
    version: String(submission.version),
  });
}
