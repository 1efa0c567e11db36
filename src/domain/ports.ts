// What the domain needs from storage. The store implements these with Prisma;
// tests may implement them in memory.
import type { ParsedDocument, ParsedItem } from '../documents/parsed-document';
import type {
  ActionItem,
  Actor,
  Agenda,
  AgendaItem,
  Committee,
  DecisionOutcome,
  Meeting,
  Member,
  Minutes,
  MinutesCorrection,
  OrganisationKind,
  PositionKind,
  Role,
  SectionKind,
  InputRequest,
  InputResponse,
  Organisation,
  SubmissionPurpose,
  TopicSubmission,
} from './shared/types';
import type { CreatedEvent } from './calendar/outlook-events';
import type { PublishedItemContent } from './agenda/published-item';
import type { AttendanceAnswer, AttendanceRecord, DateAnswer, DatePoll, QuorumSettings } from './shared/types';

export interface ConversationRef {
  tenantId: string | null;
  teamId: string | null;
  teamAadGroupId: string | null;
  channelId: string | null;
  conversationId: string;
  serviceUrl: string;
}

export interface RosterEntry {
  aadObjectId: string | null;
  teamsUserId: string;
  name: string;
  email: string | null;
}

export interface CommitteeRepository {
  findById(id: string): Promise<Committee | null>;
  findByChannel(channelId: string): Promise<Committee | null>;
  findByTeam(teamId: string): Promise<Committee | null>;
  /** Committees where the person (by aadObjectId) has an active membership. */
  listForPerson(aadObjectId: string): Promise<Committee[]>;
  listUnlinked(): Promise<Committee[]>;
  /** Every committee's name (to notice one named in a question); nothing else about them. */
  listNames(): Promise<string[]>;
  create(input: { name: string; slug: string; tenantId: string | null }): Promise<Committee>;
  link(committeeId: string, ref: ConversationRef): Promise<Committee>;
  setServiceUrl(committeeId: string, serviceUrl: string): Promise<void>;
}

export interface MembershipRepository {
  list(committeeId: string): Promise<Member[]>;
  findByAad(committeeId: string, aadObjectId: string): Promise<Member | null>;
  /** Creates or refreshes the person and gives them a membership if they have none. */
  upsertMember(committeeId: string, who: RosterEntry & { tenantId: string | null; serviceUrl: string | null }, role: Role): Promise<{ member: Member; created: boolean }>;
  update(membershipId: string, change: { role?: Role; organisationName?: string | null }): Promise<Member>;
  ensureOrganisation(name: string, kind: OrganisationKind): Promise<{ id: string }>;
  /** Active members who take part (not observers), or those with one of `roles`, as people to write to. */
  recipients(committeeId: string, roles?: readonly Role[]): Promise<Recipient[]>;
  /** Teams user ids of the committee's active members, at most `limit` of them. */
  teamsUserIds(committeeId: string, limit: number): Promise<string[]>;
}

export interface PersonRepository {
  /** The language the person chose (null: follow Teams, or no such person). */
  findLocale(aadObjectId: string): Promise<string | null>;
  /** The person's id and their personal chat with the bot as stored (null: not a person Dagsorden knows). */
  findPersonalChat(aadObjectId: string): Promise<{ personId: string; conversationId: string | null; serviceUrl: string | null } | null>;
  /** False when no such person is known. */
  setLocale(aadObjectId: string, locale: string | null): Promise<boolean>;
  /** The member's personal chat with the bot, and the serviceUrl it is reached by. */
  setPersonalConversation(personId: string, conversationId: string, serviceUrl: string): Promise<void>;
  /** Mutes or unmutes the person's digests; false when the person is unknown. */
  setDigestMuted(aadObjectId: string, muted: boolean): Promise<boolean>;
}

/** A member as someone the bot can write to personally. */
export interface Recipient {
  personId: string;
  name: string;
  teamsUserId: string | null;
  tenantId: string | null;
  serviceUrl: string | null;
  personalConversationId: string | null;
  /** The member's own language choice, if any. */
  locale: string | null;
  /** The member asked for no digests ("stop opsummering"). */
  digestMuted: boolean;
  /** The member blocked or removed the bot. */
  unreachable: boolean;
}

/** What a proactive message says; the bot turns it into a Teams activity. */
export interface MessageContent {
  /** Markdown text; with a card, the text shown above it. */
  text?: string;
  /** An Adaptive Card (rendered JSON). */
  card?: Record<string, unknown>;
  /** The notification preview of a card. */
  summary?: string;
  /** A document put in the channel's Files and attached when the message is sent (where Graph may; else the card's links carry it). */
  attach?: { minutesOf: string };
}

/** Where a proactive message goes: a member's personal chat (created when there is none yet), or a conversation. */
export type MessageTarget =
  /** The member's own address when known, else `serviceUrl` and `tenantId` (the tenant's, from the channel). */
  | { personId: string; serviceUrl?: string | null; tenantId?: string | null }
  | { conversationId: string; serviceUrl: string; tenantId: string | null };

/** A proactive message to queue. The key makes it once-only: a key already queued is never queued again. */
export interface OutboundMessage {
  key: string;
  kind: string;
  committeeId: string | null;
  /** What it is about (a meeting's id for its digests). */
  subjectId?: string | null;
  to: MessageTarget;
  content: MessageContent;
  notBefore?: Date;
  /** Sent only after the message with this key (a report after the cards it reports on). */
  afterKey?: string | null;
}

/** The kinds of posted card the outbox renders when it sends them, from the state then. */
export type PostedCardKind = 'agenda-overview' | 'agenda-item' | 'date-poll';

/**
 * A card in the committee's channel that should show the current state: posted when it
 * is not there yet, else updated in place. Rendered when sent, so a queue of changes is
 * one send showing them all; asked again while it is being sent, it is sent once more.
 */
export interface CardRefresh {
  kind: PostedCardKind;
  /** The meeting (overview) or the item. */
  subjectId: string;
  committeeId: string;
  /** Not sent before this key's message has been (items follow their overview, in order). */
  afterKey?: string | null;
  /** Gather the changes of this long into one send. */
  delayMs?: number;
}

/** What a sent message is, recorded in the same transaction that marks it sent. */
export type SentRecord =
  | { overviewOf: string }
  | { itemCardOf: string; conversationId: string }
  | { datePollOf: string };

/** A queued message a sender has claimed, with the address to send it to. */
export interface ClaimedMessage {
  id: string;
  key: string;
  kind: string;
  attempts: number;
  /** Null for a posted card (kind PostedCardKind), rendered when sent. */
  content: MessageContent | null;
  committeeId: string | null;
  subjectId: string | null;
  /** The version claimed (see CardRefresh): marking it sent when a newer one was asked for queues it again. */
  version: number;
  personId: string | null;
  /** The conversation, or the member's stored personal chat (null: create it). */
  conversationId: string | null;
  serviceUrl: string | null;
  tenantId: string | null;
  /** The member's Teams user id, for creating their personal chat. */
  teamsUserId: string | null;
  /** The member blocked or removed the bot before: the message is not sent. */
  unreachable: boolean;
}

/**
 * The outbox: every proactive message is queued here first and sent by a worker that
 * claims it with a row lock, so two instances never send the same message.
 */
export interface OutboxRepository {
  /** Queues the messages whose keys are new; returns how many were. */
  enqueue(messages: OutboundMessage[]): Promise<number>;
  /** The keys queued (in any state) of this kind about this subject. */
  keysFor(kind: string, subjectId: string): Promise<Set<string>>;
  /**
   * Claims up to `limit` due messages for `leaseSeconds`: pending ones whose time has
   * come, and ones whose sender stopped mid-send (their lease ran out).
   */
  claimDue(limit: number, leaseSeconds: number): Promise<ClaimedMessage[]>;
  /** Asks for posted cards to be sent with the current state (see CardRefresh). */
  refresh(cards: CardRefresh[]): Promise<void>;
  /**
   * Sent (the version claimed), with what the sent message is recorded in the same
   * transaction; queued again when a newer version was asked for meanwhile.
   */
  markSent(id: string, activityId: string | null, version?: number, record?: SentRecord): Promise<void>;
  /** Back to the queue, to be tried again at `at`. */
  retryAt(id: string, at: Date, error: string): Promise<void>;
  /** Given up: `unreachable` when the member blocked or removed the bot (their later messages are dropped too). */
  markFailed(id: string, error: string, unreachable: boolean): Promise<void>;
  /** Messages left mid-send by a process that stopped, back to the queue (at start-up, when no other instance can be sending). */
  releaseClaims(): Promise<number>;
  /**
   * Reserves the next sending slot for `key`, `intervalMs` after the last one handed out
   * (every instance shares them); returns how many milliseconds from now it is.
   */
  reserveSlot(key: string, intervalMs: number): Promise<number>;
  /** How the queue stands, per status. */
  counts(): Promise<Record<string, number>>;
  /** Forgets messages sent, given up or unreachable before `before`; returns how many. */
  purgeDoneBefore(before: Date): Promise<number>;
}

export interface MeetingRepository {
  /** Meetings that end after `after`, earliest first, cancelled ones included. */
  listUpcoming(committeeId: string, after: Date, limit: number): Promise<Meeting[]>;
  findById(id: string): Promise<Meeting | null>;
  /** The committee's meetings starting in [from, to), earliest first. */
  listStartingBetween(committeeId: string, from: Date, to: Date): Promise<Meeting[]>;
  /** Every committee's meetings starting in [from, to), earliest first. */
  listAllStartingBetween(from: Date, to: Date): Promise<Meeting[]>;
  create(input: Omit<Meeting, 'id' | 'status' | 'submissionDeadline' | 'title'>): Promise<Meeting>;
}

export type ImportStatus = 'previewed' | 'saved' | 'cancelled';

export interface DocumentImportRecord {
  id: string;
  committeeId: string;
  personId: string;
  kind: ParsedDocument['kind'];
  fileName: string | null;
  parsed: ParsedDocument;
  status: ImportStatus;
  meetingId: string | null;
}

export interface DocumentImportRepository {
  /** Stores a new preview and cancels the person's earlier open previews for the committee. */
  createPreview(input: {
    committeeId: string;
    personId: string;
    fileName: string | null;
    parsed: ParsedDocument;
  }): Promise<DocumentImportRecord>;
  find(id: string): Promise<DocumentImportRecord | null>;
  /** Cancels a preview; a saved or cancelled import stays as it is. */
  cancel(id: string): Promise<DocumentImportRecord>;
}

export interface ImportedDecision {
  number: string;
  outcome: DecisionOutcome;
  text: string;
}

export interface SavedImport {
  meetingId: string;
  created: number;
  updated: number;
  /** Items the document no longer has: deleted while draft, withdrawn once published. */
  removed: number;
  decisions: number;
  /** True when this import had been saved before: nothing was changed now. */
  alreadySaved: boolean;
}

export interface PositionRecord {
  personId: string;
  displayName: string;
  organisation: string | null;
  kind: PositionKind;
  comment: string | null;
  at: Date;
}

/** An item as the secretariat writes it on the edit card. */
export interface ItemDraft {
  number: string;
  section: SectionKind;
  title: string;
  presenter: string | null;
  recommendationIntro: string | null;
  recommendations: string[];
  caseText: string;
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

/** The messages a change to a submission sends, built once its new state is known (queued in its transaction). */
export type SubmissionLetters = (submission: TopicSubmission) => OutboundMessage[];

export interface SubmissionRepository {
  create(
    input: { committeeId: string; meetingId: string; lateForMeetingId: string | null; submitterId: string; organisationId: string | null; draft: SubmissionDraft },
    letters: SubmissionLetters,
  ): Promise<TopicSubmission>;
  find(id: string): Promise<TopicSubmission | null>;
  /** The submissions going to the meeting, or that missed its deadline, oldest first. */
  listForMeeting(meetingId: string): Promise<TopicSubmission[]>;
  /**
   * Changes (or withdraws) a submission still waiting for review, if it is still at
   * `version`; null when it is not (reviewed, withdrawn or changed meanwhile).
   */
  edit(id: string, version: number, change: { draft: SubmissionDraft } | { withdraw: true }, letters: SubmissionLetters): Promise<TopicSubmission | null>;
  /** Records the review if the submission is still waiting at `version`; null when someone was first. */
  review(id: string, version: number, reviewerId: string, review: SubmissionReview, letters: SubmissionLetters): Promise<TopicSubmission | null>;
}

/** A request as the secretariat writes it. */
export type InputRequestDraft = Pick<InputRequest, 'title' | 'context' | 'questions' | 'deadline' | 'audience' | 'confidential' | 'reminderDaysBefore' | 'meetingId'>;

/** The compiled note, stored with its request. */
export interface CompiledNote {
  markdown: string;
  docx: Uint8Array;
  /** The secret part of its download link. */
  token: string;
  /** When that token was issued (a new one replaces the old, whose links then answer 404). */
  tokenIssuedAt: Date;
}

export interface InputRequestRepository {
  /** Creates the request, open, and queues its cards in the same transaction. */
  create(committeeId: string, createdById: string, draft: InputRequestDraft, letters: (request: InputRequest) => OutboundMessage[]): Promise<InputRequest>;
  find(id: string): Promise<InputRequest | null>;
  /** The committee's requests, newest first. */
  list(committeeId: string): Promise<InputRequest[]>;
  /** Every request (of all committees) still open, or closed and not yet compiled: for the scheduler. */
  listUnfinished(): Promise<InputRequest[]>;
  responses(requestId: string): Promise<InputResponse[]>;
  /** Saves the person's answers if the request is open and its deadline is after `at`; false if not. */
  saveResponse(requestId: string, personId: string, organisationId: string | null, answers: string[], at: Date): Promise<boolean>;
  /** Open → closed; false when it was not open. */
  close(id: string): Promise<boolean>;
  /** Stores the compiled note (the request is then "compiled") and queues what announces it. */
  saveNote(id: string, note: CompiledNote, letters: OutboundMessage[]): Promise<void>;
  /** The note as Word or Markdown, if the token is its link's. */
  noteFile(id: string, token: string, kind: 'docx' | 'md'): Promise<{ title: string; body: Uint8Array | string; tokenIssuedAt: Date } | null>;
  noteOf(id: string): Promise<{ markdown: string; token: string; tokenIssuedAt: Date } | null>;
  /** Replaces the note's link token (an expired one) and the links to it in agenda attachments; false when another renewed it first. */
  renewNoteToken(id: string, oldToken: string, newToken: string, at: Date): Promise<boolean>;
  /** The compiled notes of the meeting's requests (the token is their links' secret). */
  compiledNotes(meetingId: string): Promise<Array<{ requestId: string; token: string; markdown: string }>>;
  /** The committee's organisations (municipalities and region; not the secretariat). */
  organisations(committeeId: string): Promise<Organisation[]>;
  /** Adds the note to the agenda item as an attachment (closed when `closed`); false if it was there already. */
  attachToItem(itemId: string, title: string, url: string, closed: boolean): Promise<boolean>;
}

export interface AgendaRepository {
  /**
   * Creates the item (itemId null) or changes it, possibly onto another meeting, and puts
   * the meeting's items in number order. A number already used on that meeting is refused.
   */
  saveItem(input: { itemId: string | null; meetingId: string; draft: ItemDraft }): Promise<{ item: AgendaItem; created: boolean; moved: boolean }>;
  /** The meeting's agenda: items in order with attachments, decisions and tallies. */
  loadAgenda(meetingId: string): Promise<Agenda | null>;
  /** The channel message of the meeting's overview card (its thread holds the item cards), if posted. */
  overviewActivityId(meetingId: string): Promise<string | null>;
  /** The item; `withTally: false` leaves its tally at zero (the caller reads it after a change). */
  findItem(itemId: string, options?: { withTally?: boolean }): Promise<AgendaItem | null>;
  /**
   * Sets the person's one current answer; `changed` is false when it was already that.
   * When it changed, `audit` is recorded with it, atomically. `tally` counts the item's
   * answers with this one in.
   */
  setPosition(
    input: { itemId: string; personId: string; kind: PositionKind; comment: string | null },
    audit: AuditEntry,
  ): Promise<{ changed: boolean; tally: Record<PositionKind, number> }>;
  listPositions(itemId: string): Promise<PositionRecord[]>;
  /** The person's current answer on each of the items. */
  positionsOf(personId: string, itemIds: string[]): Promise<Map<string, PositionKind>>;
  /** Every current answer on the items: person → item → answer. */
  answersOn(itemIds: string[]): Promise<Map<string, Map<string, PositionKind>>>;
  /**
   * In one transaction: the given items' drafts become published and each item's
   * `published` snapshot is stored (what members' cards show from now on), "changed" marks
   * are cleared, the meeting's agenda is published, the arrived attachments are marked
   * announced, and the cards and messages that say so are queued in the outbox.
   */
  markPublished(input: {
    meetingId: string;
    /** The items as checked for the publish (a draft added since stays a draft). */
    items: Array<{ id: string; published: PublishedItemContent }>;
    at: Date;
    announced: string[];
    cards: CardRefresh[];
    messages: OutboundMessage[];
  }): Promise<{ queued: number }>;

  /**
   * Puts an import's items on the meeting in one transaction: matched by number, updated
   * where they exist, added where new; items the document lacks are removed. Marks the
   * import saved, so a second call (a double click) changes nothing.
   */
  saveImport(input: {
    importId: string;
    meetingId: string;
    actorPersonId: string;
    items: ParsedItem[];
    decisions: ImportedDecision[];
  }): Promise<SavedImport>;
}

/** An audit record written by a repository together with the change it describes. */
export interface AuditEntry {
  committeeId: string | null;
  actorPersonId: string | null;
  action: string;
  subjectType: string;
  subjectId: string | null;
  data: Record<string, unknown>;
  correlationId: string | null;
}

export interface AuditLog {
  record(event: {
    committeeId: string | null;
    actor: Actor;
    action: string;
    subjectType: string;
    subjectId?: string | null;
    data?: Record<string, unknown>;
    correlationId?: string;
    /** The acting person's id when the caller knows it already (spares a lookup). */
    actorPersonId?: string;
  }): Promise<void>;
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
  latest(committeeId: string, limit: number): Promise<{ hits: DecisionHit[]; total: number }>;
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

/** A person Dagsorden knows in an organisation (from a membership in any committee): who could stand in for a member of it. */
export interface KnownPerson {
  personId: string;
  name: string;
  organisationId: string;
  organisation: string;
}

/** An answer as it was before a change and as it is after. */
export interface AttendanceChange {
  before: AttendanceRecord | null;
  after: AttendanceRecord;
}

export interface AttendanceRepository {
  /** Every answer for the meeting. */
  forMeeting(meetingId: string): Promise<AttendanceRecord[]>;
  find(meetingId: string, personId: string): Promise<AttendanceRecord | null>;
  /**
   * Sets the person's one answer for the meeting. When it is what is there already,
   * nothing is written (`changed` false); otherwise, in one transaction: the answer (its
   * version raised when the answer or the stand-in changed), `audit`, and the messages
   * `letters` builds from the change.
   */
  set(
    input: { meetingId: string; personId: string; attendance: AttendanceAnswer; standInId: string | null; note: string | null; recordedById: string },
    audit: AuditEntry,
    letters: (change: AttendanceChange) => OutboundMessage[],
  ): Promise<{ changed: boolean; record: AttendanceRecord; before: AttendanceRecord | null }>;
  /** People with an active membership (in any committee) for one of the organisations, by name. */
  peopleOf(organisationIds: string[]): Promise<KnownPerson[]>;
  /** The standing stand-ins of the committee's members: member's person id → stand-in. */
  standingStandIns(committeeId: string): Promise<Map<string, { personId: string; name: string }>>;
  /** Sets a member's standing stand-in (Membership.standInId) with `audit`; false when it was that already. */
  setStandingStandIn(membershipId: string, standInId: string | null, audit: AuditEntry): Promise<boolean>;
  /** People as someone the bot can write to: stand-ins need not be members of the committee. */
  recipientsOf(personIds: string[]): Promise<Recipient[]>;
  /** True when the person is someone's named stand-in for the meeting now. */
  isStandIn(meetingId: string, personId: string): Promise<boolean>;
  /** True when the person has an active membership of the committee other than an observer's. */
  isParticipant(committeeId: string, personId: string): Promise<boolean>;
  /** The organisations the committee counts for a quorum (municipalities and region; not the secretariat). */
  countedOrganisations(committeeId: string): Promise<Organisation[]>;
  quorumSettings(committeeId: string): Promise<QuorumSettings>;
  /** Changes the committee's quorum rule with `audit`. */
  setQuorumSettings(committeeId: string, settings: QuorumSettings, audit: AuditEntry): Promise<void>;
}

/** A date poll as the secretariat writes it. */
export interface DatePollDraft {
  title: string;
  place: string | null;
  deadline: Date | null;
  /** For each meeting ("Første møde" …), its candidate dates in order. */
  groups: Array<{ candidates: Array<{ startsAt: Date; endsAt: Date }> }>;
}

/** What a change of a poll sends, built once its new state is known (queued in its transaction). */
export type PollSends = { cards: CardRefresh[]; messages: OutboundMessage[] };

export interface DatePollRepository {
  /** Creates the poll, open, sent `at`, with `audit` and what `sends` builds (its card in the channel), in one transaction. */
  create(committeeId: string, createdById: string, draft: DatePollDraft, at: Date, audit: AuditEntry, sends: (poll: DatePoll) => PollSends): Promise<DatePoll>;
  /** The poll with its groups, candidates and tallies. */
  find(id: string): Promise<DatePoll | null>;
  /** The committee's polls, newest first. */
  list(committeeId: string): Promise<DatePoll[]>;
  /** Every committee's open polls, for the scheduler. */
  listOpen(): Promise<DatePoll[]>;
  /** The person's answers on the poll: candidate id → answer. */
  answersOf(pollId: string, personId: string): Promise<Map<string, DateAnswer>>;
  /** Who has answered at least one of the poll's candidates. */
  respondents(pollId: string): Promise<Set<string>>;
  /**
   * Sets the person's answers on the poll's candidates if the poll is open and its
   * deadline (if any) after `at`; null when it is not. Only answers that differ are
   * written, with one `audit` record, and the card is asked to show the new tallies.
   */
  saveAnswers(
    pollId: string,
    personId: string,
    answers: Array<{ candidateId: string; answer: DateAnswer }>,
    at: Date,
    audit: AuditEntry,
    card: CardRefresh,
  ): Promise<{ changed: number } | null>;
  /**
   * Closes the poll if it is open, with one pick per group: each chosen candidate becomes
   * a planned meeting at the poll's place; with the audit record and what `sends` builds,
   * in one transaction. Null when the poll was not open (someone closed it first).
   * `outlook`: the meetings' Outlook events are to be written (their state "pending").
   */
  close(
    input: { pollId: string; closedById: string; picks: Array<{ groupId: string; candidateId: string }>; outlook: boolean },
    audit: AuditEntry,
    sends: (poll: DatePoll, meetings: Meeting[]) => PollSends,
  ): Promise<{ poll: DatePoll; meetings: Meeting[] } | null>;
  /** Claims, for `leaseSeconds`, one meeting whose Outlook event is to be written (pending, or claimed by a writer that stopped). */
  claimOutlook(leaseSeconds: number): Promise<{ groupId: string; pollId: string; meetingId: string } | null>;
  /** The event was written (its ids kept on the meeting), or there was none to write (null: no calendar). */
  outlookWritten(groupId: string, meetingId: string, event: CreatedEvent | null): Promise<void>;
  /** The event could not be written: why, with the messages that say so. */
  outlookFailed(groupId: string, error: string, messages: OutboundMessage[]): Promise<void>;
}

/**
 * Reads that many readers share for a few seconds (the store's read cache): every write by
 * this process clears them, another instance's writes show after READ_CACHE_SECONDS at
 * most. For what is shown only, never for what a decision is made on.
 */
export interface SharedReads {
  get<T>(key: string, load: () => Promise<T>): Promise<T>;
}
