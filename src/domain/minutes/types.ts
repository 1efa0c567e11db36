// A meeting's outcome: decisions (Referat), the actions they agree, the minutes.
import type { DecisionOutcome } from '../shared/types';

export type ActionStatus = 'open' | 'done' | 'cancelled';

/** An action as its decision shows it. */
export interface DecisionAction {
  what: string;
  owner: ActionOwner;
  /** YYYY-MM-DD */
  dueOn: string | null;
  status: ActionStatus;
}

/** Who follows up an action: a person, an organisation, or the secretariat. */
export type ActionOwner =
  | { kind: 'person'; personId: string; name: string }
  | { kind: 'organisation'; organisationId: string; name: string }
  | { kind: 'secretariat' };

/** A follow-up agreed in a decision ("Sekretariatet undersøger … til næste møde"). */
export interface ActionItem {
  id: string;
  committeeId: string;
  what: string;
  owner: ActionOwner;
  /** The last day, YYYY-MM-DD in the committee's time zone; null when none was set. */
  dueOn: string | null;
  status: ActionStatus;
  doneAt: Date | null;
  /** Where it was agreed. */
  origin: { meetingId: string; meetingStartsAt: Date; itemId: string; itemNumber: string; itemTitle: string } | null;
}

export type MinutesStatus = 'draft' | 'published' | 'approved';

/** A meeting's minutes as last built (the document itself is stored with it). */
export interface Minutes {
  meetingId: string;
  status: MinutesStatus;
  version: number;
  /** The secret part of the download links. */
  token: string;
  /** When the token was issued: the links expire FILE_LINK_DAYS from then. */
  tokenIssuedAt: Date;
  builtAt: Date;
  publishedAt: Date | null;
  approvedAt: Date | null;
}

/** A correction to published minutes, listed in them with its date. */
export interface MinutesCorrection {
  id: string;
  note: string;
  itemId: string | null;
  correctedAt: Date;
  /** The version of the minutes that first carried it; null until they are issued again. */
  issuedIn: number | null;
}

/** Who an action is for, as the decision form names them (resolved by the store). */
export type ActionOwnerRef = { kind: 'person'; personId: string } | { kind: 'organisation'; organisationId: string } | { kind: 'secretariat' };

/** An action as the secretariat writes it on the decision form (id null: a new one). */
export interface ActionDraft {
  id: string | null;
  what: string;
  owner: ActionOwnerRef;
  /** YYYY-MM-DD */
  dueOn: string | null;
}

/** A Referat as the secretariat writes it. */
export interface DecisionDraft {
  outcome: DecisionOutcome;
  text: string;
  actions: ActionDraft[];
}

/** An item's recorded decision, with its actions (the cancelled ones left out). */
export interface RecordedDecision {
  itemId: string;
  outcome: DecisionOutcome;
  text: string;
  /** Raised by every change; 0 means nothing is recorded yet. */
  version: number;
  recordedAt: Date;
  recordedBy: string | null;
  actions: ActionItem[];
}

/** A decision found by "beslutninger <søgeord>". */
export interface DecisionHit {
  meetingId: string;
  meetingStartsAt: Date;
  itemId: string;
  itemNumber: string;
  itemTitle: string;
  outcome: DecisionOutcome;
  text: string;
}
