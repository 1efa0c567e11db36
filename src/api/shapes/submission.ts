// A submitted topic as the secretariat's review list in the tab shows it: every field the
// review card shows, the version a review names, and where a late one could still go.
import type { Meeting } from '../../domain/shared/types';
import type { TopicSubmission } from '../../domain/submissions/types';

export function submissionShape(s: TopicSubmission, meetings: ReadonlyMap<string, Meeting>) {
  const late = s.lateForMeetingId ? meetings.get(s.lateForMeetingId) : undefined;
  return {
    id: s.id,
    version: s.version,
    meetingId: s.meetingId,
    title: s.title,
    purpose: s.purpose,
    description: s.description,
    presenter: s.presenter,
    links: s.links,
    submitter: s.submitter.name,
    organisation: s.submitter.organisation,
    status: s.status,
    reason: s.reason,
    question: s.question,
    reviewerName: s.reviewerName,
    reviewedAt: s.reviewedAt?.toISOString() ?? null,
    agendaItemId: s.agendaItemId,
    createdAt: s.createdAt.toISOString(),
    /** Submitted after this meeting's deadline: it may still be accepted onto it. */
    lateFor:
      late && s.status === 'submitted'
        ? { meetingId: late.id, startsAt: late.startsAt.toISOString() }
        : null,
  };
}

export const meetingChoiceShape = (m: Meeting) => ({
  id: m.id,
  title: m.title,
  startsAt: m.startsAt.toISOString(),
});
