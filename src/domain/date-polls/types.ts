// A poll of candidate dates for coming meetings, and the answers to it.

/** "Passer", "Passer helst", "Passer ikke". */
export type DateAnswer = 'yes' | 'preferred' | 'no';

export interface DatePollCandidate {
  id: string;
  startsAt: Date;
  endsAt: Date;
  /** Current answers per kind. */
  tally: Record<DateAnswer, number>;
}

/** One meeting a poll finds a date for ("Første møde"), with its candidates. */
export interface DatePollGroup {
  id: string;
  /** 0: "Første møde", 1: "Andet møde" … */
  position: number;
  candidates: DatePollCandidate[];
  chosenCandidateId: string | null;
  /** The meeting the chosen date became. */
  meetingId: string | null;
  /** The meeting's Outlook event: null (not written), pending, creating, created, skipped or failed. */
  outlookState: string | null;
  outlookError: string | null;
}

export interface DatePoll {
  id: string;
  committeeId: string;
  title: string;
  place: string | null;
  /** Answers are taken until then (null: until it is closed). */
  deadline: Date | null;
  status: 'open' | 'closed';
  createdById: string | null;
  closedBy: { personId: string; name: string } | null;
  closedAt: Date | null;
  /** The poll's card in the channel, once posted. */
  cardActivityId: string | null;
  groups: DatePollGroup[];
  createdAt: Date;
}

/** A date poll as the secretariat writes it. */
export interface DatePollDraft {
  title: string;
  place: string | null;
  deadline: Date | null;
  /** For each meeting ("Første møde" …), its candidate dates in order. */
  groups: Array<{ candidates: Array<{ startsAt: Date; endsAt: Date }> }>;
}
