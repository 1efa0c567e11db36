// What decisions, actions and minutes need from storage.
import type { ParsedDocument } from '../import/parsed-document';
import type { ItemDraft } from '../agenda/types';
import type { OutboundMessage, Recipient } from '../delivery/types';
import type { AuditEntry } from '../shared/ports';
import type { Meeting } from '../shared/types';
import type { ActionItem, DecisionDraft, DecisionHit, Minutes, MinutesCorrection, RecordedDecision } from './types';

/** A decision form to record, as the domain hands it to the store. */
export interface DecisionRecord {
  itemId: string;
  committeeId: string;
  /** The version the form was filled in on (0: nothing recorded yet). */
  version: number;
  draft: DecisionDraft;
  actorPersonId: string;
  at: Date;
  /** What was corrected, once the meeting's minutes are published. */
  correction: string | null;
  audit: AuditEntry;
}

export interface DecisionRepository {
  /** The item's decision and its open and done actions, or null. */
  find(itemId: string): Promise<RecordedDecision | null>;
  /**
   * Records the item's decision if what is recorded is still at `version` (0: nothing
   * yet); null when someone changed it meanwhile. One transaction: the decision, the item
   * decided (its answers close), its actions (those left off the form are cancelled), the
   * audit record, a correction of the meeting's published minutes when there is one, the
   * minutes this item approves marked approved when the outcome approves them, and the
   * item's card in the channel asked to show it.
   */
  record(input: DecisionRecord): Promise<RecordedDecision | null>;
  /** The committee's decisions matching the words (Danish full-text search), newest meeting first. */
  search(committeeId: string, words: string, limit: number): Promise<{ hits: DecisionHit[]; total: number }>;
  /** The committee's latest decisions, newest meeting first. */
  latest(committeeId: string, limit: number): Promise<{ hits: readonly DecisionHit[]; total: number }>;
}

export interface ActionItemRepository {
  find(id: string): Promise<ActionItem | null>;
  /**
   * The committee's open actions for the person: their own, their organisation's, and the
   * secretariat's when they are in it (or every open one: 'all'), earliest due first.
   */
  listOpen(committeeId: string, who: { personId: string; organisationId: string | null; secretariat: boolean } | 'all'): Promise<ActionItem[]>;
  /** Open actions agreed at meetings that started before `before` (for the next agenda). */
  openBefore(committeeId: string, before: Date): Promise<ActionItem[]>;
  /** Open → done, with who and when and the audit record; false when it was not open. */
  markDone(id: string, personId: string, at: Date, audit: AuditEntry): Promise<boolean>;
  /** Open actions whose last day is before `today` (YYYY-MM-DD) and whose owners were never reminded: every committee's. */
  overdue(today: string): Promise<ActionItem[]>;
  /** Marks the action reminded and queues the reminders, once: false when it had been reminded already. */
  markReminded(id: string, at: Date, messages: OutboundMessage[]): Promise<boolean>;
  /** Who may act for an owner: the person; an organisation's members (not observers); the secretariat. */
  ownersOf(committeeId: string, action: ActionItem): Promise<Recipient[]>;
}

/** The minutes as the store keeps them, with the document. */
export interface StoredMinutes extends Minutes {
  markdown: string;
  docx: Uint8Array;
  corrections: MinutesCorrection[];
}

/** A build of a meeting's minutes: the document, over the version the builder read. */
export interface MinutesBuild {
  meetingId: string;
  /** The version read (0: none built yet). */
  version: number;
  markdown: string;
  docx: Uint8Array;
  token: string;
  at: Date;
  byPersonId: string | null;
  messages: OutboundMessage[];
}

/** Where published minutes are approved: the next meeting's "Godkendelse af referat", carrying their link. */
export interface MinutesApproval {
  nextMeetingId: string;
  attachmentTitle: string;
  url: string;
  /** The item to create when the next agenda has none of that title. */
  draft: Omit<ItemDraft, 'number'>;
}

export interface MinutesRepository {
  find(meetingId: string): Promise<StoredMinutes | null>;
  /** The meeting, of those starting in [since, until), whose minutes were published last by its date; null for none. */
  latestPublishedMeeting(committeeId: string, since: Date, until: Date): Promise<string | null>;
  /**
   * Stores a build. A first build creates the draft (with `token`); later ones replace its
   * document with the version after `version` (the one the caller read; 0 for none).
   * Null when someone else built or published it meanwhile. `messages` are queued with it.
   */
  save(input: MinutesBuild & { /** Corrections this build carries (they are marked issued). */ issues: string[] }): Promise<StoredMinutes | null>;
  /**
   * Publishes the minutes with this document: a draft at `version` (0: none built yet)
   * becomes published, in one transaction with the meeting's status, the next meeting's
   * "Godkendelse af referat" item (linked, or created as a draft when there is none)
   * carrying the link, that item's card asked to show it, and `messages`. False when it
   * was not a draft at that version (published by someone else, or built again meanwhile).
   */
  publish(input: MinutesBuild & { approval: MinutesApproval | null }): Promise<{ published: boolean; approvalItemNumber: string | null }>;
  /** Records a correction to published minutes, to be issued with the next build. */
  addCorrection(meetingId: string, note: string, itemId: string | null, byPersonId: string, at: Date): Promise<void>;
  /** Meetings whose published minutes have corrections not yet issued (after a crash between the two). */
  withUnissuedCorrections(): Promise<string[]>;
  /** The participants and apologies of the minutes document imported onto the meeting, if any. */
  importedAttendance(meetingId: string): Promise<{ participants: ParsedDocument['participants']; absent: ParsedDocument['absent'] } | null>;
  /** The document behind a download link, if the token is the link's. */
  file(meetingId: string, token: string, kind: 'docx' | 'md'): Promise<{ body: Uint8Array | string; startsAt: Date; committee: string; tokenIssuedAt: Date } | null>;
  /** Replaces the links' token (an expired one) and the links to it in agenda attachments; false when another renewed it first. */
  renewToken(meetingId: string, oldToken: string, newToken: string, at: Date): Promise<boolean>;
  /** The current Word document of the meeting's minutes (to put in the channel's Files). */
  docx(meetingId: string): Promise<{ body: Uint8Array; startsAt: Date; committee: string } | null>;
  /** The latest meeting of the committee that starts before `before` and has items (the one being recorded). */
  latestWithItems(committeeId: string, before: Date): Promise<Meeting | null>;
}
