// A meeting's agenda as the committee meets it in Teams: published to the channel after
// a CPR check, answered item by item (acknowledgements and positions), and followed by
// the secretariat ("status punkt 1.2").
import type { Clock } from '../shared/clock';
import type { CommitteeService } from '../committees/committee.service';
import { checkCpr, CprHeld, cprHolds, type CprFinding, type NamedText } from '../shared/cpr-check';
import { DomainError } from '../shared/errors';
import { cardKey } from '../delivery/delivery.service';
import { asPublished, publishedItems, publishedContentOf } from './published-item';
import type { Actor, Committee, Meeting, Member } from '../shared/types';
import type { Agenda, AgendaItem, AttachmentDraft, ItemDraft, PositionKind, PositionRecord } from './types';
import { attachmentKey } from './attachment-title';
import type { MembershipRepository, PersonRepository } from '../committees/ports';
import type { MeetingRepository } from '../meetings/ports';
import type { InputRequestRepository } from '../input/ports';
import type { CardRefresh, OutboundMessage, Recipient } from '../delivery/types';
import type { AuditLog } from '../shared/ports';
import type { AttendanceRepository } from '../attendance/ports';
import type { AgendaRepository } from './ports';

/** How many coming meetings are searched for the one with an agenda. */
const LOOKAHEAD = 6;
/** Limits on what the secretariat writes on the edit card. */
export const ITEM_LIMITS = { title: 200, presenter: 200, caseText: 10_000, recommendations: 20, sectionTitle: 200, attachments: 30, url: 2000 } as const;
const ITEM_NUMBER = /^\d{1,3}(\.\d{1,3}){0,2}$/;

export interface ItemEditView {
  committee: Committee;
  item: AgendaItem | null;
  /** The meeting the item is on (or goes on), and the others it could move to. */
  meetingId: string;
  meetings: Meeting[];
}

/** Teams refreshes a card per user only in conversations of at most this many members. */
export const MAX_VIEWERS = 60;
/** A comment with a position is a sentence or two, not a case text. */
export const MAX_COMMENT_LENGTH = 2000;

export interface PublishPlan {
  committee: Committee;
  agenda: Agenda;
  /** CPR numbers found in the agenda: publishing needs the secretariat's explicit yes. */
  findings: CprFinding[];
  /** The fingerprint of the texts checked: the yes must name it (a change since needs a new yes). */
  fingerprint: string;
}

export interface NoticeAttachment {
  id: string;
  itemNumber: string;
  title: string;
  url: string;
  closed: boolean;
}

/** What members are to be told about attachments when an agenda is published. */
export interface AttachmentNotices {
  /** Closed attachments with a link: each member gets them personally, each one once. */
  personal: Array<{ recipient: Recipient; attachments: NoticeAttachment[] }>;
  /** Members the bot cannot write to yet (never seen in Teams). */
  unreachable: Recipient[];
  /** Open attachments whose link came after their item was posted: said once in the thread. */
  arrivedOpen: NoticeAttachment[];
  /** Every to-follow attachment that has its link now (marked announced once told). */
  arrivedIds: string[];
  /** Closed items ("Lukket punkt"): each reachable member gets their text personally. */
  closedItems: AgendaItem[];
  /** The members who can be written to, for the closed items. */
  reachable: Recipient[];
}

export interface ItemStatusReport {
  committee: Committee;
  item: AgendaItem;
  /** Per organisation (alphabetical, none last): who answered what, who has not. */
  organisations: Array<{
    name: string | null;
    people: Array<{ name: string; answer: PositionRecord | null }>;
  }>;
}

/**
 * Decision items take a position; "Godkendelse af referat" is approved or commented on;
 * every other kind of item is acknowledged.
 */
export function answersFor(item: Pick<AgendaItem, 'section' | 'approvesMinutesOf'>): readonly PositionKind[] {
  if (item.approvesMinutesOf) return ['can_approve', 'wants_discussion'];
  return item.section === 'decision' ? ['can_approve', 'wants_discussion', 'cannot_approve'] : ['acknowledged'];
}

/**
 * The channel's cards for a publish, in the order members read them: the overview (its
 * message starts the thread), then every item as a reply, each sent after the one before
 * (so new cards appear in agenda order). Cards already in the channel are updated in place.
 */
export function publishCards(plan: PublishPlan): CardRefresh[] {
  const committeeId = plan.committee.id;
  const overview: CardRefresh = { kind: 'agenda-overview', subjectId: plan.agenda.meeting.id, committeeId };
  const cards = [overview];
  let after = cardKey(overview.kind, overview.subjectId);
  for (const item of plan.agenda.items) {
    cards.push({ kind: 'agenda-item', subjectId: item.id, committeeId, afterKey: after });
    after = cardKey('agenda-item', item.id);
  }
  return cards;
}

export interface AgendaServiceDeps {
  committees: CommitteeService;
  meetings: MeetingRepository;
  memberships: MembershipRepository;
  agenda: AgendaRepository;
  audit: AuditLog;
  clock: Clock;
  /** Compiled input notes: an open attachment that is one goes to the channel with its text. */
  notes: Pick<InputRequestRepository, 'compiledNotes'>;
  /** Who else may read a meeting's items: the stand-ins named for it. */
  standIns: { attendance: Pick<AttendanceRepository, 'isStandIn'>; people: Pick<PersonRepository, 'findPersonalChat'> };
}

export class AgendaService {
  constructor(private readonly deps: AgendaServiceDeps) {}

  /** The agenda of the committee's next meeting that has one (`withTally: false`: shared and frozen, tallies at zero; see loadAgenda). */
  async current(committee: Committee, options: { withTally?: boolean } = {}): Promise<Agenda | null> {
    for (const meeting of await this.deps.meetings.listUpcoming(committee.id, this.deps.clock.now(), LOOKAHEAD)) {
      if (meeting.status === 'cancelled') continue;
      const agenda = await this.deps.agenda.loadAgenda(meeting.id, options);
      if (agenda && agenda.items.some((i) => i.status !== 'withdrawn')) return agenda;
    }
    return null;
  }

  /**
   * The next agenda as a member sees it ("dagsorden"), with their own answers per item.
   * The agenda is the shared, frozen one (no tallies: the compact agenda shows none).
   */
  async memberAgenda(committee: Committee, actor: Actor): Promise<{ agenda: Readonly<Agenda> | null; mine: Map<string, PositionKind> }> {
    const member = await this.deps.committees.requireMember(committee, actor);
    const agenda = await this.current(committee, { withTally: false });
    if (!agenda) return { agenda: null, mine: new Map() };
    const mine = await this.deps.agenda.positionsOf(member.personId, agenda.items.map((i) => i.id));
    return { agenda, mine };
  }

  /** What "udsend dagsorden" would post, with any CPR numbers found (secretariat only). */
  async preparePublish(committee: Committee, actor: Actor, meetingId?: string): Promise<PublishPlan> {
    await this.deps.committees.requireRole(committee, actor, ['secretariat']);
    const agenda = meetingId ? await this.deps.agenda.loadAgenda(meetingId) : await this.current(committee);
    if (!agenda || agenda.meeting.committeeId !== committee.id || !agenda.items.length) {
      throw new DomainError('no_agenda', meetingId ?? committee.slug);
    }
    const { findings, fingerprint } = checkCpr(agendaTexts(agenda, await this.deps.notes.compiledNotes(agenda.meeting.id)));
    return { committee, agenda, findings, fingerprint };
  }

  /**
   * Publishes the agenda: drafts become published items, "Ændret" marks are cleared, and
   * in the same transaction the channel's cards (publishCards) and the messages about it
   * are queued in the outbox, which posts them. Publishing again updates the cards in
   * place and queues no message twice. Returns how many messages were new. An agenda
   * with CPR-like numbers goes only with `confirmedCpr`, the fingerprint of the plan's texts.
   */
  async publish(
    plan: PublishPlan,
    actor: Actor,
    input: { confirmedCpr: string | null; correlationId?: string; cards: CardRefresh[]; messages: OutboundMessage[]; announced: string[] },
  ): Promise<number> {
    const { correlationId } = input;
    if (cprHolds(plan, input.confirmedCpr)) throw new CprHeld({ findings: plan.findings, fingerprint: plan.fingerprint }, plan.agenda.meeting.id);
    const confirmedCpr = plan.findings.length > 0;
    const announced = new Set(input.announced);
    const { queued } = await this.deps.agenda.markPublished({
      meetingId: plan.agenda.meeting.id,
      items: plan.agenda.items.map((item) => ({ id: item.id, published: publishedContentOf(item, announced) })),
      at: this.deps.clock.now(),
      announced: input.announced,
      cards: input.cards,
      messages: input.messages,
    });
    await this.deps.audit.record({
      committeeId: plan.committee.id,
      actor,
      action: 'agenda.published',
      subjectType: 'meeting',
      subjectId: plan.agenda.meeting.id,
      data: { items: plan.agenda.items.length, cprFindings: plan.findings.length, confirmedCpr },
      correlationId,
    });
    return queued;
  }

  /** Who gets which closed attachment, and which links arrived since the agenda went out. */
  async attachmentNotices(plan: PublishPlan): Promise<AttachmentNotices> {
    const live = plan.agenda.items.filter((i) => i.status !== 'withdrawn');
    const withLink = live.flatMap((item) =>
      item.attachments
        .filter((a) => a.url)
        .map((a) => ({ item, a, notice: { id: a.id, itemNumber: item.number, title: a.title, url: a.url!, closed: a.closed } })),
    );
    const closed = withLink.filter((x) => x.a.closed).map((x) => x.notice);
    const arrived = withLink.filter((x) => x.a.toFollow);
    const recipients = await this.deps.memberships.recipients(plan.committee.id);
    const reachable = (r: Recipient) => Boolean(r.teamsUserId && (r.serviceUrl || plan.committee.serviceUrl));
    const closedItems = live.filter((i) => i.closed);
    const confidential = closed.length > 0 || closedItems.length > 0;
    return {
      personal: closed.length ? recipients.filter(reachable).map((recipient) => ({ recipient, attachments: closed })) : [],
      unreachable: confidential ? recipients.filter((r) => !reachable(r)) : [],
      closedItems,
      reachable: closedItems.length ? recipients.filter(reachable) : [],
      arrivedOpen: arrived.filter((x) => !x.a.closed && x.item.cardActivityId).map((x) => x.notice),
      arrivedIds: arrived.map((x) => x.a.id),
    };
  }

  /** The item, with the committee it belongs to, for a member of that committee. */
  async itemForMember(
    itemId: string,
    actor: Actor,
    options: { withTally?: boolean } = {},
  ): Promise<{ item: AgendaItem; committee: Committee; member: Member }> {
    const item = await this.deps.agenda.findItem(itemId, options);
    if (!item) throw new DomainError('not_found', `no item ${itemId}`);
    const meeting = await this.deps.meetings.findById(item.meetingId);
    if (!meeting) throw new DomainError('not_found', `no meeting for item ${itemId}`);
    const { committee, member } = await this.deps.committees.getForMember(meeting.committeeId, actor);
    return { item, committee, member };
  }

  /**
   * Sets the actor's one current answer on an item. Observers and non-members are
   * refused; a decided or unpublished item takes no answers; the same answer twice
   * changes nothing.
   */
  async setPosition(
    actor: Actor,
    itemId: string,
    kind: PositionKind,
    comment: string | null,
    correlationId?: string,
  ): Promise<{ item: AgendaItem; committee: Committee; changed: boolean }> {
    // The tally comes back with the answer.
    const { item, committee, member } = await this.itemForMember(itemId, actor, { withTally: false });
    if (member.role === 'observer') throw new DomainError('observer');
    if (item.status !== 'published') throw new DomainError('item_closed', `${item.number} is ${item.status}`);
    if (!answersFor(item).includes(kind)) throw new DomainError('invalid_input', `${kind} on ${item.section}`);
    const text = comment?.trim() || null;
    if (text && text.length > MAX_COMMENT_LENGTH) throw new DomainError('invalid_input', 'comment too long');
    // The answer and its audit record are one write.
    const { changed, tally } = await this.deps.agenda.setPosition(
      { itemId: item.id, personId: member.personId, kind, comment: text },
      {
        committeeId: committee.id,
        actorPersonId: member.personId,
        action: 'position.set',
        subjectType: 'agenda_item',
        subjectId: item.id,
        data: { actorName: actor.name, kind, comment: text },
        correlationId: correlationId ?? null,
      },
    );
    // The clicker's card shows what was published, as every card of the item does.
    const shown = asPublished({ ...item, tally });
    if (!shown) throw new DomainError('item_closed', `${item.number} was never published`);
    return { item: shown, committee, changed };
  }

  /**
   * An item card as the actor should see it (a refresh): the item as published, with their
   * own answer. Only for those who may read the meeting's items — a member of its committee
   * (observers and the secretariat included) or a stand-in named for the meeting; anyone
   * else, and any item never published, gets null. The refresh carries only an item id,
   * which anyone may send: nothing but the database says who may read what.
   */
  async itemView(itemId: string, actor: Actor): Promise<{ item: AgendaItem; committee: Committee; mine: PositionKind | null; secretariat: boolean } | null> {
    if (!actor.aadObjectId) return null;
    const found = await this.publishedItem(itemId);
    if (!found) return null;
    const { item } = found;
    const member = await this.deps.memberships.findByAad(found.committee.id, actor.aadObjectId);
    if (!member && !(await this.isNamedStandIn(item.meetingId, actor.aadObjectId))) return null;
    const mine = member ? ((await this.deps.agenda.positionsOf(member.personId, [itemId])).get(itemId) ?? null) : null;
    return { item, committee: found.committee, mine, secretariat: member?.role === 'secretariat' };
  }

  /**
   * Whether the actor may read the meeting's cards: a member of its committee (observers
   * and the secretariat included) or a stand-in named for it. Refreshes ask this, since
   * Teams sends them with nothing but ids, which anyone could send.
   */
  async mayRead(meeting: Pick<Meeting, 'id' | 'committeeId'>, actor: Actor): Promise<boolean> {
    if (!actor.aadObjectId) return false;
    return Boolean(await this.deps.memberships.findByAad(meeting.committeeId, actor.aadObjectId)) || this.isNamedStandIn(meeting.id, actor.aadObjectId);
  }

  /** Whether the person is a stand-in named for the meeting (who may read its items). */
  async isNamedStandIn(meetingId: string, aadObjectId: string): Promise<boolean> {
    const person = await this.deps.standIns.people.findPersonalChat(aadObjectId);
    return Boolean(person && (await this.deps.standIns.attendance.isStandIn(meetingId, person.personId)));
  }

  /** An item as its card in the channel shows it (published; null when it never was), with its committee. */
  async publishedItem(itemId: string): Promise<{ item: AgendaItem; committee: Committee } | null> {
    const found = await this.itemWithCommittee(itemId);
    const item = found && asPublished(found.item);
    return found && item ? { item, committee: found.committee } : null;
  }

  /** An item and its committee, for refreshing the posted card (no actor: it shows what the channel shows). */
  async itemWithCommittee(itemId: string): Promise<{ item: AgendaItem; committee: Committee } | null> {
    const item = await this.deps.agenda.findItem(itemId);
    const meeting = item && (await this.deps.meetings.findById(item.meetingId));
    const committee = meeting && (await this.deps.committees.byId(meeting.committeeId));
    return item && committee ? { item, committee } : null;
  }

  /** The channel message that starts the meeting's thread (its overview card), if posted. */
  overviewActivityId(meetingId: string): Promise<string | null> {
    return this.deps.agenda.overviewActivityId(meetingId);
  }

  /** The meeting's agenda as published (items never published left out), with its committee: for its overview card in the channel. */
  async publishedAgenda(meetingId: string): Promise<{ agenda: Agenda; committee: Committee } | null> {
    const agenda = await this.deps.agenda.loadAgenda(meetingId);
    const committee = agenda && (await this.deps.committees.byId(agenda.meeting.committeeId));
    if (!agenda || !committee) return null;
    const items = publishedItems(agenda.items);
    return { agenda: { ...agenda, items }, committee };
  }

  /** Teams ids of the members whose clients may show each one their own view of an item card; none above MAX_VIEWERS. */
  async viewers(committee: Committee): Promise<string[]> {
    const ids = await this.deps.memberships.teamsUserIds(committee.id, MAX_VIEWERS + 1);
    return ids.length > MAX_VIEWERS ? [] : ids;
  }

  /**
   * The edit card's content (secretariat only): item `number` of the current agenda, or a
   * new item (number null) for it — or for the next meeting when no agenda exists yet.
   */
  async editView(committee: Committee, actor: Actor, number: string | null): Promise<ItemEditView> {
    await this.deps.committees.requireRole(committee, actor, ['secretariat']);
    const meetings = (await this.deps.meetings.listUpcoming(committee.id, this.deps.clock.now(), 8)).filter((m) => m.status !== 'cancelled');
    const agenda = await this.current(committee);
    const item = number ? (agenda?.items.find((i) => i.number === number) ?? null) : null;
    if (number && !item) throw new DomainError('invalid_input', `no item ${number}`);
    const meetingId = item?.meetingId ?? agenda?.meeting.id ?? meetings[0]?.id;
    if (!meetingId) throw new DomainError('no_agenda', committee.slug);
    return { committee, item, meetingId, meetings };
  }

  /**
   * Creates or changes an item from the edit card, possibly moving it to another meeting
   * (secretariat only). A posted item's card keeps showing what was published (its
   * snapshot) until the agenda is published again, where the CPR guard checks the edit.
   */
  async saveItem(
    actor: Actor,
    input: { itemId: string | null; meetingId: string; draft: ItemDraft },
    correlationId?: string,
  ): Promise<{ item: AgendaItem; committee: Committee; created: boolean; moved: boolean }> {
    const meeting = await this.deps.meetings.findById(input.meetingId);
    if (!meeting) throw new DomainError('not_found', `no meeting ${input.meetingId}`);
    const { committee } = await this.deps.committees.getForRole(meeting.committeeId, actor, ['secretariat']);
    if (input.itemId) {
      // The item must belong to the same committee: card data is never trusted for that.
      const owner = await this.itemWithCommittee(input.itemId);
      if (!owner) throw new DomainError('not_found', `no item ${input.itemId}`);
      if (owner.committee.id !== committee.id) throw new DomainError('invalid_input', 'item of another committee');
    }
    const draft = cleanDraft(input.draft);
    const saved = await this.deps.agenda.saveItem({ ...input, draft });
    await this.deps.audit.record({
      committeeId: committee.id,
      actor,
      action: saved.created ? 'item.created' : saved.moved ? 'item.moved' : 'item.changed',
      subjectType: 'agenda_item',
      subjectId: saved.item.id,
      data: { number: draft.number, meetingId: input.meetingId },
      correlationId,
    });
    return { ...saved, committee };
  }

  /** "status punkt 1.2": who answered what and who has not, by organisation (secretariat only). */
  async itemStatus(committee: Committee, actor: Actor, number: string): Promise<ItemStatusReport> {
    await this.deps.committees.requireRole(committee, actor, ['secretariat']);
    const agenda = await this.current(committee);
    if (!agenda) throw new DomainError('no_agenda', committee.slug);
    const item = agenda.items.find((i) => i.number === number);
    if (!item) throw new DomainError('invalid_input', `no item ${number}`);
    const [positions, members] = await Promise.all([
      this.deps.agenda.listPositions(item.id),
      this.deps.memberships.list(committee.id),
    ]);
    const byPerson = new Map(positions.map((p) => [p.personId, p]));
    const groups = new Map<string | null, Array<{ name: string; answer: PositionRecord | null }>>();
    for (const m of members) {
      if (m.role === 'observer' || m.role === 'secretariat') continue;
      const name = m.organisation?.name ?? null;
      const list = groups.get(name) ?? [];
      list.push({ name: m.displayName, answer: byPerson.get(m.personId) ?? null });
      groups.set(name, list);
    }
    const organisations = [...groups.entries()]
      .sort(([a], [b]) => (a === null ? 1 : b === null ? -1 : a.localeCompare(b, 'da')))
      .map(([name, people]) => ({ name, people }));
    return { committee, item, organisations };
  }
}

/**
 * Every text of the agenda that the channel shows or links to, named by where it stands:
 * the meeting, each item's fields and Referat, attachment titles, and the text of a
 * compiled input note attached openly (its link is open to everyone in the channel).
 */
export function agendaTexts(agenda: Agenda, notes: ReadonlyArray<{ requestId: string; token: string; markdown: string }> = []): NamedText[] {
  const noteOf = (url: string | null) => (url ? notes.find((n) => url.includes(n.requestId) && url.includes(n.token)) : undefined);
  const { meeting } = agenda;
  return [
    { where: 'mødets titel', text: meeting.title },
    { where: 'mødested', text: [meeting.place, meeting.room].filter(Boolean).join(', ') },
    ...agenda.items.flatMap((item) => [
      { where: `${item.number} · afsnit`, text: item.sectionTitle },
      ...itemTexts(item),
      { where: `${item.number} · referat`, text: [item.decision?.text, ...(item.decision?.actions ?? []).map((a) => a.what)].filter(Boolean).join('\n') },
      ...item.attachments.flatMap((a) => {
        const note = a.closed ? undefined : noteOf(a.url);
        return [
          { where: `${item.number} · bilag`, text: `${a.title} ${a.url ?? ''}` },
          ...(note ? [{ where: `${item.number} · bilag «${a.title}»`, text: note.markdown }] : []),
        ];
      }),
    ]),
  ];
}

/** The texts of an item that the secretariat writes on the edit card. */
function itemTexts(item: Pick<AgendaItem, 'number' | 'title' | 'presenter' | 'recommendationIntro' | 'recommendations' | 'caseText'>): NamedText[] {
  return [
    { where: `${item.number} · titel`, text: item.title },
    { where: `${item.number} · ved`, text: item.presenter },
    { where: `${item.number} · indstilling`, text: [item.recommendationIntro, ...item.recommendations].filter(Boolean).join('\n') },
    { where: `${item.number} · sagsfremstilling`, text: item.caseText },
  ];
}

/** The draft as stored: trimmed, within the limits, recommendations one per line. */
export function cleanDraft(draft: ItemDraft): ItemDraft {
  const title = draft.title.replace(/\s+/g, ' ').trim();
  const number = draft.number.trim();
  if (!title || title.length > ITEM_LIMITS.title) throw new DomainError('invalid_input', 'title');
  if (!ITEM_NUMBER.test(number)) throw new DomainError('invalid_input', 'number');
  if (draft.caseText.length > ITEM_LIMITS.caseText) throw new DomainError('invalid_input', 'case text');
  const recommendations = draft.recommendations.map((r) => r.replace(/^[-•*]\s*/, '').trim()).filter(Boolean);
  if (recommendations.length > ITEM_LIMITS.recommendations) throw new DomainError('invalid_input', 'recommendations');
  const presenter = draft.presenter?.trim().slice(0, ITEM_LIMITS.presenter) || null;
  return {
    number,
    section: draft.section,
    title,
    presenter,
    recommendationIntro: draft.recommendationIntro?.trim() || null,
    recommendations,
    caseText: draft.caseText.replace(/\r\n?/g, '\n').trim(),
    ...(draft.sectionTitle === undefined ? {} : { sectionTitle: cleanSectionTitle(draft.sectionTitle) }),
    ...(draft.closed === undefined ? {} : { closed: draft.closed }),
    ...(draft.attachments === undefined ? {} : { attachments: cleanAttachments(draft.attachments) }),
  };
}

function cleanSectionTitle(title: string | null): string | null {
  const text = title?.replace(/\s+/g, ' ').trim() || null;
  if (text && text.length > ITEM_LIMITS.sectionTitle) throw new DomainError('invalid_input', 'section title');
  return text;
}

/**
 * Attachments as stored: a title each (two with one title would be one attachment), a
 * link that is a web address or none; one without a link is "to follow" until it has one.
 */
function cleanAttachments(attachments: AttachmentDraft[]): AttachmentDraft[] {
  if (attachments.length > ITEM_LIMITS.attachments) throw new DomainError('invalid_input', 'attachments');
  const seen = new Set<string>();
  return attachments.map((a) => {
    const title = a.title.replace(/\s+/g, ' ').trim();
    if (!title || title.length > ITEM_LIMITS.title) throw new DomainError('invalid_input', 'attachment title');
    const key = attachmentKey(title);
    if (seen.has(key)) throw new DomainError('invalid_input', 'attachment title twice');
    seen.add(key);
    const url = a.url?.trim() || null;
    if (url && (url.length > ITEM_LIMITS.url || !isWebAddress(url))) throw new DomainError('invalid_input', 'attachment link');
    return { title, url, closed: a.closed, toFollow: a.toFollow || !url };
  });
}

function isWebAddress(text: string): boolean {
  try {
    const url = new URL(text);
    return (url.protocol === 'https:' || url.protocol === 'http:') && !/\s/.test(text);
  } catch {
    return false;
  }
}
