// A meeting's agenda: its items, their attachments and the answers members give on them.
import type { DecisionAction } from '../minutes/types';
import type { DecisionOutcome, Meeting, SectionKind } from '../shared/types';
import type { PublishedItemContent } from './published-item';

export type ItemStatus = 'draft' | 'published' | 'decided' | 'withdrawn';

export type PositionKind = 'acknowledged' | 'can_approve' | 'wants_discussion' | 'cannot_approve';

export interface AgendaAttachment {
  id: string;
  title: string;
  url: string | null;
  closed: boolean;
  /** "eftersendes": announced, not there yet. */
  toFollow: boolean;
}

export interface AgendaItem {
  id: string;
  meetingId: string;
  number: string;
  position: number;
  section: SectionKind;
  sectionTitle: string | null;
  title: string;
  presenter: string | null;
  recommendationIntro: string | null;
  recommendations: string[];
  caseText: string;
  /** "Lukket punkt": the channel shows only number and title; members get the text personally. */
  closed: boolean;
  status: ItemStatus;
  changedSincePublish: boolean;
  /** The last publish changed it (its cards say so until the next publish). */
  changedInPublish: boolean;
  cardActivityId: string | null;
  cardConversationId: string | null;
  attachments: AgendaAttachment[];
  /** The recorded Referat, with the actions it agreed (cancelled ones left out). */
  decision: { outcome: DecisionOutcome; text: string; actions: DecisionAction[] } | null;
  /** "Godkendelse af referat": the earlier meeting whose minutes this item approves. */
  approvesMinutesOf: string | null;
  /** Current answers per kind. */
  tally: Record<PositionKind, number>;
  /** Its content as the last publish showed members (null: never published); see asPublished. */
  published: PublishedItemContent | null;
}

export interface Agenda {
  meeting: Meeting & { overviewActivityId: string | null; agendaPublishedAt: Date | null };
  items: AgendaItem[];
}

export interface PositionRecord {
  personId: string;
  displayName: string;
  organisation: string | null;
  kind: PositionKind;
  comment: string | null;
  at: Date;
}

/** An attachment as the secretariat writes it in the tab's workbench. */
export interface AttachmentDraft {
  title: string;
  /** null: no link yet (an attachment "to follow" has none until it arrives). */
  url: string | null;
  closed: boolean;
  toFollow: boolean;
}

/**
 * An item as the secretariat writes it: on the edit card (the first seven fields) or in
 * the tab's workbench, which also sets the rest. A field left out keeps what it was.
 */
export interface ItemDraft {
  number: string;
  section: SectionKind;
  title: string;
  presenter: string | null;
  recommendationIntro: string | null;
  recommendations: string[];
  caseText: string;
  /** The section's heading as written ("Beslutningspunkter"); null: the kind's own name. */
  sectionTitle?: string | null;
  /** "Lukket punkt". */
  closed?: boolean;
  /** The item's attachments, all of them, in order (one with the same title is the same attachment). */
  attachments?: AttachmentDraft[];
}
