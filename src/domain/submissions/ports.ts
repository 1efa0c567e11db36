// What topic submissions need from storage.
import type { OutboundMessage } from '../delivery/types';
import type { SubmissionDraft, SubmissionReview, TopicSubmission } from './types';

/** The messages a change to a submission sends, built once its new state is known (queued in its transaction). */
export type SubmissionChangeLetters = (submission: TopicSubmission) => OutboundMessage[];

export interface SubmissionRepository {
  create(
    input: { committeeId: string; meetingId: string; lateForMeetingId: string | null; submitterId: string; organisationId: string | null; draft: SubmissionDraft },
    letters: SubmissionChangeLetters,
  ): Promise<TopicSubmission>;
  find(id: string): Promise<TopicSubmission | null>;
  /** The submissions going to the meeting, or that missed its deadline, oldest first. */
  listForMeeting(meetingId: string): Promise<TopicSubmission[]>;
  /**
   * Changes (or withdraws) a submission still waiting for review, if it is still at
   * `version`; null when it is not (reviewed, withdrawn or changed meanwhile).
   */
  edit(id: string, version: number, change: { draft: SubmissionDraft } | { withdraw: true }, letters: SubmissionChangeLetters): Promise<TopicSubmission | null>;
  /** Records the review if the submission is still waiting at `version`; null when someone was first. */
  review(id: string, version: number, reviewerId: string, review: SubmissionReview, letters: SubmissionChangeLetters): Promise<TopicSubmission | null>;
}
