// The messages a submission's changes send, as the outbox queues them: the review card to
// each member of the secretariat (in their personal chat), and the outcome of a review,
// or a question, to whoever submitted it. Each in the reader's own language.
import { inert } from '../domain/inert-text';
import { submissionReviewCard } from '../cards/submission-review.card';
import { memberKey, personalTarget } from '../domain/delivery.service';
import type { OutboundMessage, Recipient } from '../domain/ports';
import type { SubmissionMessenger } from '../domain/submission.service';
import type { Committee, Meeting, TopicSubmission } from '../domain/types';
import { formatDate } from '../i18n/format';
import { langOf } from '../i18n/locale';
import { messages } from '../i18n/messages';

export const submissionLetters: SubmissionMessenger = {
  forReview(submission, committee, meetings, secretariat) {
    return secretariat.flatMap((r) => {
      const to = personalTarget(r, committee);
      if (!to) return [];
      const lang = langOf(r.locale ?? committee.locale);
      return [{
        key: memberKey('submission-review', `${submission.id}.v${submission.version}`, r.personId),
        kind: 'submission-review',
        committeeId: committee.id,
        subjectId: submission.id,
        to,
        content: { card: submissionReviewCard(submission, committee, meetings, lang), summary: submission.title },
      }];
    });
  },

  toSubmitter(submission, committee, meetings, submitter) {
    const to = submitter && personalTarget(submitter, committee);
    const text = submitter && outcomeText(submission, committee, meetings, submitter);
    if (!to || !text) return [];
    return [{
      key: memberKey('submission-outcome', `${submission.id}.v${submission.version}`, submitter.personId),
      kind: 'submission-outcome',
      committeeId: committee.id,
      subjectId: submission.id,
      to,
      content: { text },
    } satisfies OutboundMessage];
  },
};

/** What the submitter is told, in plain words (their own text quoted as they wrote it). */
function outcomeText(s: TopicSubmission, committee: Committee, meetings: Map<string, Meeting>, r: Recipient): string | null {
  const lang = langOf(r.locale ?? committee.locale);
  const t = messages(lang).sub.toSubmitter;
  const meeting = meetings.get(s.meetingId);
  const date = meeting ? formatDate(meeting.startsAt, lang, committee.timeZone) : '';
  const title = inert(s.title);
  if (s.status === 'accepted') return t.accepted(title, date);
  if (s.status === 'moved') return t.moved(title, date);
  if (s.status === 'declined') return t.declined(title, inert(s.reason ?? ''));
  if (s.status === 'submitted' && s.question) return t.question(title, inert(s.question));
  return null;
}
