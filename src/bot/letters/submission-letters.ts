// The messages a submission's changes send, as the outbox queues them: the review card to
// each member of the secretariat (in their personal chat), and the outcome of a review,
// or a question, to whoever submitted it. Each in the reader's own language.
import { submissionReviewCard } from '../../cards/submission-review.card';
import { lettersTo } from '../../domain/delivery/delivery.service';
import { inert } from '../../domain/shared/inert-text';
import type { SubmissionLetters } from '../../domain/submissions/submission.service';
import type { Committee, Meeting } from '../../domain/shared/types';
import { formatDate } from '../../i18n/format';
import { readerLang } from '../../i18n/locale';
import { messages } from '../../i18n/messages';
import type { TopicSubmission } from '../../domain/submissions/types';
import type { Recipient } from '../../domain/delivery/types';

/** Each change of a submission raises its version: a message about it is keyed on that. */
const versioned = (s: TopicSubmission) => `${s.id}.v${s.version}`;

export const submissionLetters: SubmissionLetters = {
  forReview(submission, committee, meetings, secretariat) {
    return lettersTo(secretariat, committee, { kind: 'submission-review', subjectId: submission.id, keySubject: versioned(submission) }, (r) => ({
      card: submissionReviewCard(submission, committee, meetings, readerLang(r, committee)),
      summary: submission.title,
    }));
  },

  toSubmitter(submission, committee, meetings, submitter) {
    return lettersTo(submitter ? [submitter] : [], committee, { kind: 'submission-outcome', subjectId: submission.id, keySubject: versioned(submission) }, (r) => {
      const text = outcomeText(submission, committee, meetings, r);
      return text ? { text } : null;
    });
  },
};

/** What the submitter is told, in plain words (their own text quoted as they wrote it). */
function outcomeText(s: TopicSubmission, committee: Committee, meetings: Map<string, Meeting>, r: Recipient): string | null {
  const lang = readerLang(r, committee);
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
