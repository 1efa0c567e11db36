// Topics members submit for a meeting, and the secretariat's review of them.
import type { ItemDraft } from '../agenda/types';

export type SubmissionPurpose = 'decision' | 'discussion' | 'information';

export type SubmissionStatus = 'submitted' | 'accepted' | 'moved' | 'declined' | 'withdrawn';

/** A topic a member submitted for a meeting ("Punkter til mødet kan meldes ind …"). */
export interface TopicSubmission {
  id: string;
  committeeId: string;
  /** The meeting it goes to (for a late one: the one after the meeting it missed). */
  meetingId: string;
  /** Submitted after this meeting's deadline; the secretariat may still take it there. */
  lateForMeetingId: string | null;
  submitter: { personId: string; name: string; organisation: string | null };
  title: string;
  purpose: SubmissionPurpose;
  description: string;
  presenter: string | null;
  links: string[];
  status: SubmissionStatus;
  /** Why it was declined. */
  reason: string | null;
  /** The secretariat's latest question to the submitter. */
  question: string | null;
  reviewerName: string | null;
  reviewedAt: Date | null;
  /** The agenda item it became. */
  agendaItemId: string | null;
  /** Raised by every change: a review or an edit names the version it saw. */
  version: number;
  createdAt: Date;
}

/** A topic as the submitter writes it on the form. */
export interface SubmissionDraft {
  title: string;
  purpose: SubmissionPurpose;
  description: string;
  presenter: string | null;
  links: string[];
}

/** What the secretariat decides on a submission. */
export type SubmissionReview =
  /** It becomes a draft item on `meetingId`, numbered next in its section. */
  | { kind: 'accept'; meetingId: string; item: Omit<ItemDraft, 'number'> }
  | { kind: 'move'; meetingId: string }
  | { kind: 'decline'; reason: string }
  /** A question to the submitter: the submission stays open (they may change it). */
  | { kind: 'question'; question: string };
