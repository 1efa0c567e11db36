// What the tab shows: who I am in which committees, a committee's meetings, a meeting's
// page and "Mine møder". Read models only, composed from the services the bot uses, so a
// rule (who reads drafts, who gets a closed attachment's link, what waits for whom) is
// written once. Every read checks membership (or a named stand-in's right to the meeting).
import { answersFor, type AgendaService } from '../agenda/agenda.service';
import {
  attendanceByOrganisation,
  type OrganisationAttendance,
} from '../attendance/attendance-by-organisation';
import { attendanceOpen } from '../attendance/attendance-rules';
import type {
  AttendanceService,
  DigestAttendance,
  QuorumBasis,
} from '../attendance/attendance.service';
import { isOverdue, type ActionItemService } from '../minutes/action-item.service';
import type { Clock } from '../shared/clock';
import type { CommitteeService } from '../committees/committee.service';
import type { DigestService } from '../digests/digest.service';
import { DomainError } from '../shared/errors';
import { inputsSeenBy, type InputService, type MeetingInputs } from '../input/input.service';
import { asPublished } from '../agenda/published-item';
import { submissionsSeenBy, type SubmissionService } from '../submissions/submission.service';
import type { Actor, Committee, Meeting, Member, Role } from '../shared/types';
import type { TopicSubmission } from '../submissions/types';
import type { Agenda, AgendaItem, PositionKind } from '../agenda/types';
import type { SharedReads } from '../shared/ports';
import { deepFreeze } from '../shared/deep-freeze';
import type { AttendanceRecord } from '../attendance/types';
import type { MeetingRepository } from './ports';
import type { CommitteeRepository, MembershipRepository } from '../committees/ports';
import type { AgendaRepository } from '../agenda/ports';

/** How far back "past meetings" reach, and how many coming ones are listed. */
const PAST_DAYS = 400;
const COMING = 12;
/** "Mine møder": the coming meetings of each committee looked at for what waits. */
const OVERVIEW_MEETINGS = 3;

export type PageRole = Role | 'stand_in';

export interface PageAttachment {
  id: string;
  title: string;
  closed: boolean;
  toFollow: boolean;
  /** Null for a closed attachment the reader may not have (an observer), or one still to follow. */
  url: string | null;
}

export interface PageItem {
  id: string;
  number: string;
  section: AgendaItem['section'];
  sectionTitle: string | null;
  title: string;
  presenter: string | null;
  recommendationIntro: string | null;
  recommendations: string[];
  caseText: string;
  /**
   * «Lukket punkt»: members read it; a reader who is no member (a named stand-in) is told
   * only its number and title and that it is closed, never its content.
   */
  closed: boolean;
  status: AgendaItem['status'];
  /** Secretariat only: never published, or changed since it was. */
  draft: boolean;
  attachments: PageAttachment[];
  /** The answers the item takes (position or acknowledgement); the reader's own is in the page's `myAnswers`. */
  answers: readonly PositionKind[];
  /**
   * Secretariat only (as «status punkt» in the bot): the comments members gave with their
   * answers, by organisation (alphabetical, none last) and name; null for everyone else.
   * The reader's own comment is in the page's `myComments`.
   */
  comments: Array<{ name: string; organisation: string | null; kind: PositionKind; comment: string }> | null;
  tally: Record<PositionKind, number>;
  /**
   * Answers per organisation: for each kind given, a count per entry of the page's
   * `organisations` (same order); who has not answered is the rest of that entry's people.
   * Compact because a 30-item agenda × 20 organisations otherwise doubles the page.
   */
  byOrganisation: Partial<Record<PositionKind, number[]>>;
  decision: AgendaItem['decision'];
  /** The item's card in the channel (its message id), for the tab's link to it. */
  cardMessageId: string | null;
}

export interface MeetingPage {
  /** The channel and team too: the tab links to an item's card there. */
  committee: {
    id: string;
    name: string;
    timeZone: string;
    channelId: string | null;
    teamAadGroupId: string | null;
  };
  meeting: Meeting;
  role: PageRole;
  /** Whether the agenda has gone out (before that, members see no items). */
  agendaPublished: boolean;
  sections: Array<{ section: AgendaItem['section']; title: string | null; items: PageItem[] }>;
  /**
   * The reader's own answers, by item id. Apart from the items so that the agenda is the
   * same for every reader of a kind (and made and serialised once for all of them).
   */
  myAnswers: Record<string, PositionKind>;
  /** The comments the reader gave with their answers, by item id (theirs only). */
  myComments: Record<string, string>;
  /** The organisations of the members who answer (alphabetical, none last), with how many of them each has: what items' byOrganisation counts refer to. */
  organisations: Array<{ name: string | null; people: number }>;
  attendance: {
    mine: {
      attendance: 'attending' | 'absent';
      standIn: string | null;
      note: string | null;
    } | null;
    open: boolean;
    canNameStandIn: boolean;
    candidates: Array<{ personId: string; name: string; standing: boolean }>;
  } | null;
  /** With the secretariat's breakdown by organisation (who comes, who stands in); others see the totals. */
  forecast: ReturnType<AttendanceService['forecastOf']> & {
    organisations?: OrganisationAttendance[];
  };
  inputs: Array<{
    id: string;
    title: string;
    deadline: Date;
    status: string;
    confidential: boolean;
    waitingForMe: boolean;
    /** Secretariat only: per organisation, who answered. */
    organisations: Array<{ organisation: string; answeredBy: string[] }> | null;
  }>;
  submissions: Array<{
    id: string;
    title: string;
    purpose: string;
    status: string;
    submitter: string;
    organisation: string | null;
    mine: boolean;
  }>;
}

export interface MyCommittees {
  name: string;
  committees: Array<{ id: string; name: string; role: Role; organisation: string | null }>;
}

export interface MyOverview {
  meetings: Array<{
    committee: { id: string; name: string };
    meeting: Meeting;
    role: Role;
    attendance: 'attending' | 'absent' | null;
    undecided: Array<{ id: string; number: string; title: string }>;
    unacknowledged: Array<{ id: string; number: string; title: string }>;
    openInputs: Array<{ id: string; title: string; deadline: Date }>;
    submissions: Array<{ id: string; title: string; status: string }>;
  }>;
  tasks: Array<{
    committeeId: string;
    id: string;
    what: string;
    dueOn: string | null;
    overdue: boolean;
  }>;
}

const ANSWERING: readonly Role[] = ['chair', 'member'];

export interface MeetingPageServiceDeps {
  committees: CommitteeService;
  committeeRepo: Pick<CommitteeRepository, 'listForPerson'>;
  memberships: Pick<MembershipRepository, 'list' | 'findByAad'>;
  meetings: MeetingRepository;
  agendaRepo: Pick<AgendaRepository, 'loadAgenda' | 'answersOn' | 'commentsOn'>;
  agenda: AgendaService;
  attendance: AttendanceService;
  inputs: InputService;
  submissions: SubmissionService;
  digests: DigestService;
  actions: ActionItemService;
  clock: Clock;
  /** The page's parts every reader shares (agenda, roster, quorum basis, input, topics), read once for many. */
  reads: SharedReads;
  /** Answers and attendance, shared the same way but cleared by every write (the read cache's writes leave them out). */
  liveReads: SharedReads;
}

export class MeetingPageService {
  /** The readers' views made from one pair of reads (the answers' read as the key, the shared one beside it). */
  private readonly views = new WeakMap<
    LiveReads,
    { shared: SharedPage; byKind: Map<ViewerKind, ReaderView> }
  >();

  constructor(private readonly deps: MeetingPageServiceDeps) {}

  /** The actor's committees and their role in each. */
  async mine(actor: Actor): Promise<MyCommittees> {
    const committees = actor.aadObjectId
      ? await this.deps.committeeRepo.listForPerson(actor.aadObjectId)
      : [];
    const rows = await Promise.all(
      committees.map(async (c) => {
        const member = await this.deps.memberships.findByAad(c.id, actor.aadObjectId!);
        return member
          ? [
              {
                id: c.id,
                name: c.name,
                role: member.role,
                organisation: member.organisation?.name ?? null,
                displayName: member.displayName,
              },
            ]
          : [];
      }),
    );
    const committeesOf = rows.flat();
    // A token need not carry a name (the developer sign-in has none): the roster has one.
    return {
      name: actor.name || (committeesOf[0]?.displayName ?? ''),
      committees: committeesOf.map(({ displayName: _, ...c }) => c),
    };
  }

  /** A committee's coming meetings and those of the past year (members only). */
  async meetingsOf(
    committeeId: string,
    actor: Actor,
  ): Promise<{ committee: Committee; coming: Meeting[]; past: Meeting[] }> {
    const { committee } = await this.deps.committees.getForMember(committeeId, actor);
    const now = this.deps.clock.now();
    const [coming, recent] = await Promise.all([
      this.deps.meetings.listUpcoming(committee.id, now, COMING),
      this.deps.meetings.listStartingBetween(
        committee.id,
        new Date(now.getTime() - PAST_DAYS * 86_400_000),
        now,
      ),
    ]);
    const comingIds = new Set(coming.map((m) => m.id));
    return { committee, coming, past: recent.filter((m) => !comingIds.has(m.id)).reverse() };
  }

  /**
   * The meeting page: the agenda as the reader may see it (the secretariat its drafts too,
   * everyone else what was published), the answers, attendance and quorum, input
   * requests and submitted topics. Members of the committee and stand-ins named for the
   * meeting only; for anyone else the meeting does not exist.
   */
  async page(meetingId: string, actor: Actor): Promise<MeetingPage> {
    const meeting = await this.deps.meetings.findById(meetingId);
    if (!meeting || !actor.aadObjectId) throw new DomainError('not_found', meetingId);
    const { committee, member, role } = await this.reader(meeting, actor.aadObjectId);
    const shared = await this.shared(committee, meeting);
    const { loaded, members, prompts, inputs: allInputs, submissions: allSubmissions } = shared;
    // Answers and attendance change all day, and writing them leaves the shared reads as they are.
    const ids = (loaded?.items ?? []).map((i) => i.id);
    const live = await this.deps.liveReads.get(
      `tab:meeting-answers:${meeting.id}:${ids.join(',')}`,
      async () => {
        const [answers, records, comments] = await Promise.all([
          ids.length
            ? this.deps.agendaRepo.answersOn(ids)
            : Promise.resolve(new Map<string, Map<string, PositionKind>>()),
          this.deps.attendance.answersTo(meeting.id),
          ids.length ? this.deps.agendaRepo.commentsOn(ids) : Promise.resolve([]),
        ]);
        return { answers, records, comments };
      },
    );
    const { answers, records } = live;
    const view = this.viewFor(meeting, shared, live, viewerKind(role));
    const mine = member ? answers.get(member.personId) : undefined;
    const myAnswers: Record<string, PositionKind> = {};
    if (mine) for (const id of view.itemIds) if (mine.has(id)) myAnswers[id] = mine.get(id)!;
    const myComments: Record<string, string> = {};
    if (member)
      for (const c of live.comments)
        if (c.personId === member.personId && myAnswers[c.itemId]) myComments[c.itemId] = c.comment;
    const prompt = member ? (prompts.get(member.personId) ?? null) : null;
    const record = member ? (records.find((r) => r.personId === member.personId) ?? null) : null;
    const inputs = member ? inputsSeenBy(member, members, allInputs) : [];
    const submissions = member ? submissionsSeenBy(member, allSubmissions) : [];
    return {
      committee: {
        id: committee.id,
        name: committee.name,
        timeZone: committee.timeZone,
        channelId: committee.channelId,
        teamAadGroupId: committee.teamAadGroupId,
      },
      meeting,
      role,
      agendaPublished: Boolean(loaded?.meeting.agendaPublishedAt),
      sections: view.sections,
      myAnswers,
      myComments,
      organisations: view.organisations,
      attendance: member && {
        mine: record && {
          attendance: record.attendance,
          standIn: record.standIn?.name ?? null,
          note: record.note,
        },
        open: attendanceOpen(meeting, this.deps.clock.now(), false),
        canNameStandIn: prompt?.canNameStandIn ?? false,
        candidates: prompt?.candidates ?? [],
      },
      // Whether attendance is open is the clock's: asked for each reader.
      forecast: {
        ...view.forecast,
        open: attendanceOpen(meeting, this.deps.clock.now(), true),
      },
      inputs: inputs.map(({ request, waitingForMe, matrix }) => ({
        id: request.id,
        title: request.title,
        deadline: request.deadline,
        status: request.status,
        confidential: request.confidential,
        waitingForMe,
        organisations: matrix?.rows ?? null,
      })),
      submissions: submissions.map((s) => ({
        id: s.id,
        title: s.title,
        purpose: s.purpose,
        status: s.status,
        submitter: s.submitter.name,
        organisation: s.submitter.organisation,
        mine: member?.personId === s.submitter.personId,
      })),
    };
  }

  /**
   * The part of the page every reader of one kind sees alike (the agenda with its counts,
   * the organisations, the quorum), made once from the shared reads and the answers read
   * with them, and frozen. It is kept only as long as both reads are the ones the caches
   * hand out: a write clears them, and with them this.
   */
  private viewFor(
    meeting: Meeting,
    shared: SharedPage,
    live: LiveReads,
    kind: ViewerKind,
  ): ReaderView {
    let kept = this.views.get(live);
    if (!kept || kept.shared !== shared) {
      kept = { shared, byKind: new Map() };
      this.views.set(live, kept);
    }
    const known = kept.byKind.get(kind);
    if (known) return known;
    const view = readerView(meeting, shared, live, kind, this.deps.attendance);
    kept.byKind.set(kind, view);
    return view;
  }

  /** "Mine møder": each committee's coming meetings and what waits for the actor there (the digest's rules), and their open tasks. */
  async overview(actor: Actor): Promise<MyOverview> {
    const committees = actor.aadObjectId
      ? await this.deps.committeeRepo.listForPerson(actor.aadObjectId)
      : [];
    const now = this.deps.clock.now();
    const meetings: MyOverview['meetings'] = [];
    const tasks: MyOverview['tasks'] = [];
    for (const committee of committees) {
      const member = await this.deps.memberships.findByAad(committee.id, actor.aadObjectId!);
      if (!member) continue;
      const coming = (
        await this.deps.meetings.listUpcoming(committee.id, now, OVERVIEW_MEETINGS)
      ).filter((m) => m.status !== 'cancelled');
      for (const meeting of coming) {
        const digest = await this.deps.digests.digestFor(meeting.id, actor);
        const mine = digest.personal[0];
        const brief = (i: AgendaItem) => ({ id: i.id, number: i.number, title: i.title });
        meetings.push({
          committee: { id: committee.id, name: committee.name },
          meeting,
          role: member.role,
          attendance: mine?.attendance?.record?.attendance ?? null,
          // Observers answer nothing: nothing waits for them.
          undecided: member.role === 'observer' ? [] : (mine?.undecided ?? []).map(brief),
          unacknowledged: member.role === 'observer' ? [] : (mine?.unacknowledged ?? []).map(brief),
          openInputs: mine?.openInputs ?? [],
          submissions: mine?.submissions ?? [],
        });
      }
      const list = await this.deps.actions.list(committee, actor);
      for (const a of list.actions) {
        tasks.push({
          committeeId: committee.id,
          id: a.id,
          what: a.what,
          dueOn: a.dueOn,
          overdue: isOverdue(a, list.today),
        });
      }
    }
    meetings.sort((a, b) => a.meeting.startsAt.getTime() - b.meeting.startsAt.getTime());
    return { meetings, tasks };
  }

  /** What every reader of the meeting's page shares; each reader's own view is made from it. */
  private shared(committee: Committee, meeting: Meeting): Promise<SharedPage> {
    return this.deps.reads.get(`tab:meeting-page:${meeting.id}`, async () => {
      const [loaded, members, basis, inputs, submissions] = await Promise.all([
        this.deps.agendaRepo.loadAgenda(meeting.id),
        this.deps.memberships.list(committee.id),
        this.deps.attendance.quorumBasis(committee.id),
        this.deps.inputs.meetingInputs(committee.id, meeting.id),
        this.deps.submissions.allForMeeting(meeting.id),
      ]);
      const prompts = await this.deps.attendance.promptsFor(
        committee,
        meeting,
        members.map((m) => m.personId),
      );
      return { loaded, members, basis, prompts, inputs, submissions };
    });
  }

  private reader(
    meeting: Meeting,
    aadObjectId: string,
  ): Promise<{ committee: Committee; member: Member | null; role: PageRole }> {
    return meetingReader(this.deps, meeting, aadObjectId);
  }
}

/** What every reader of the meeting's page shares; each reader's own view is made from it. */
interface SharedPage {
  loaded: Agenda | null;
  members: Member[];
  basis: QuorumBasis;
  /** Each member's stand-in candidates, by person (their answers are read fresh). */
  prompts: Map<string, DigestAttendance>;
  inputs: MeetingInputs;
  submissions: TopicSubmission[];
}

/** The answers to the items and the attendance, read for all readers at once. */
interface LiveReads {
  answers: Map<string, Map<string, PositionKind>>;
  records: AttendanceRecord[];
  comments: Array<{ itemId: string; personId: string; comment: string }>;
}

/**
 * The kinds of reader whose pages differ apart from their own answers: the secretariat
 * (drafts, the breakdown by organisation), members who answer, observers (a closed
 * attachment's title, not its link) and named stand-ins (a closed item's title only).
 */
type ViewerKind = 'secretariat' | 'answering' | 'observer' | 'stand_in';

function viewerKind(role: PageRole): ViewerKind {
  if (role === 'secretariat' || role === 'observer' || role === 'stand_in') return role;
  return 'answering';
}

/** What all readers of one kind see alike, frozen: serialised once for all of them. */
interface ReaderView {
  itemIds: readonly string[];
  sections: MeetingPage['sections'];
  organisations: MeetingPage['organisations'];
  forecast: Omit<MeetingPage['forecast'], 'open'>;
}

function readerView(
  meeting: Meeting,
  shared: SharedPage,
  live: LiveReads,
  kind: ViewerKind,
  attendance: Pick<AttendanceService, 'forecastOf'>,
): ReaderView {
  const { loaded, members, basis } = shared;
  const { answers, records } = live;
  const secretariat = kind === 'secretariat';
  // Whether attendance is still open is the clock's: the page asks that for each reader.
  const { quorum, counts } = attendance.forecastOf(meeting, basis, members, records);
  const shown = (loaded?.items ?? []).flatMap((item) =>
    secretariat ? [item] : (asPublished(item) ?? []),
  );
  const organisations = answeringOrganisations(members);
  const items = shown.map((item) =>
    pageItem(item, {
      secretariat,
      // The closed papers go where the bot sends them: to members (not observers) and named stand-ins.
      mayHaveClosed: kind !== 'observer',
      member: kind !== 'stand_in',
      organisations,
      answers,
      comments: live.comments,
    }),
  );
  const sections: MeetingPage['sections'] = [];
  for (const item of items) {
    const last = sections.at(-1);
    if (last && last.section === item.section && last.title === item.sectionTitle)
      last.items.push(item);
    else sections.push({ section: item.section, title: item.sectionTitle, items: [item] });
  }
  return deepFreeze({
    itemIds: items.map((i) => i.id),
    sections,
    organisations: organisations.map((o) => ({ name: o.name, people: o.people.length })),
    forecast: {
      quorum,
      counts,
      ...(secretariat
        ? { organisations: attendanceByOrganisation(basis.counted, members, records) }
        : {}),
    },
  });
}

/** What telling who reads a meeting needs. */
export interface ReaderDeps {
  committees: Pick<CommitteeService, 'byId'>;
  memberships: Pick<MembershipRepository, 'findByAad'>;
  agenda: Pick<AgendaService, 'isNamedStandIn'>;
}

/**
 * Who reads the meeting: a member of its committee, or a stand-in named for it; anyone else
 * is told it does not exist. The page and the side panel's live state ask the same.
 */
export async function meetingReader(
  deps: ReaderDeps,
  meeting: Meeting,
  aadObjectId: string,
): Promise<{ committee: Committee; member: Member | null; role: PageRole }> {
  const committee = await deps.committees.byId(meeting.committeeId);
  if (!committee) throw new DomainError('not_found', meeting.id);
  const member = await deps.memberships.findByAad(committee.id, aadObjectId);
  if (member) return { committee, member, role: member.role };
  if (await deps.agenda.isNamedStandIn(meeting.id, aadObjectId))
    return { committee, member: null, role: 'stand_in' };
  throw new DomainError('not_found', meeting.id);
}

/** The organisations of the members who answer items (alphabetical, none last), each with its people. */
function answeringOrganisations(
  members: readonly Member[],
): Array<{ name: string | null; people: Member[] }> {
  const groups = new Map<string | null, Member[]>();
  for (const m of members) {
    if (!ANSWERING.includes(m.role)) continue;
    const name = m.organisation?.name ?? null;
    groups.set(name, [...(groups.get(name) ?? []), m]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a === null ? 1 : b === null ? -1 : a.localeCompare(b, 'da')))
    .map(([name, people]) => ({ name, people }));
}

function pageItem(
  item: AgendaItem,
  ctx: {
    secretariat: boolean;
    mayHaveClosed: boolean;
    /** A member of the committee (observers too): only they read a closed item. */
    member: boolean;
    organisations: ReadonlyArray<{ name: string | null; people: Member[] }>;
    answers: Map<string, Map<string, PositionKind>>;
    comments: ReadonlyArray<{ itemId: string; personId: string; comment: string }>;
  },
): PageItem {
  const byOrganisation: Partial<Record<PositionKind, number[]>> = {};
  ctx.organisations.forEach((o, index) => {
    for (const m of o.people) {
      const answer = ctx.answers.get(m.personId)?.get(item.id);
      if (!answer) continue;
      const counts = (byOrganisation[answer] ??= ctx.organisations.map(() => 0));
      counts[index]! += 1;
    }
  });
  const page: PageItem = {
    id: item.id,
    number: item.number,
    section: item.section,
    sectionTitle: item.sectionTitle,
    title: item.title,
    presenter: item.presenter,
    recommendationIntro: item.recommendationIntro,
    recommendations: item.recommendations,
    caseText: item.caseText,
    closed: item.closed,
    status: item.status,
    draft: ctx.secretariat && (!item.published || item.changedSincePublish),
    attachments: item.attachments.map((a) => ({
      id: a.id,
      title: a.title,
      closed: a.closed,
      toFollow: a.toFollow,
      url: a.closed && !ctx.mayHaveClosed ? null : a.url,
    })),
    answers: answersFor(item),
    comments: ctx.secretariat ? commentsOf(item.id, ctx) : null,
    tally: tallyOf(item.id, ctx.answers),
    byOrganisation,
    decision: item.decision,
    cardMessageId: item.cardActivityId,
  };
  if (!item.closed || ctx.member) return page;
  // What the channel's card of a closed item shows, and no more.
  return {
    ...page,
    presenter: null,
    recommendationIntro: null,
    recommendations: [],
    caseText: '',
    attachments: [],
    decision: null,
    byOrganisation: {},
  };
}

/** The comments given with the item's current answers, in the page's order of organisations, then by name. */
function commentsOf(
  itemId: string,
  ctx: {
    organisations: ReadonlyArray<{ name: string | null; people: Member[] }>;
    answers: Map<string, Map<string, PositionKind>>;
    comments: ReadonlyArray<{ itemId: string; personId: string; comment: string }>;
  },
): NonNullable<PageItem['comments']> {
  const byPerson = new Map(
    ctx.comments.filter((c) => c.itemId === itemId).map((c) => [c.personId, c.comment]),
  );
  return ctx.organisations.flatMap((o) =>
    [...o.people]
      .sort((a, b) => a.displayName.localeCompare(b.displayName, 'da'))
      .flatMap((m) => {
        const comment = byPerson.get(m.personId);
        const kind = ctx.answers.get(m.personId)?.get(itemId);
        return comment && kind
          ? [{ name: m.displayName, organisation: o.name, kind, comment }]
          : [];
      }),
  );
}

/** An item's answers per kind, counted from the answers read now (the agenda's own tally may be older). */
function tallyOf(
  itemId: string,
  answers: Map<string, Map<string, PositionKind>>,
): Record<PositionKind, number> {
  const tally: Record<PositionKind, number> = {
    acknowledged: 0,
    can_approve: 0,
    wants_discussion: 0,
    cannot_approve: 0,
  };
  for (const mine of answers.values()) {
    const kind = mine.get(itemId);
    if (kind) tally[kind] += 1;
  }
  return tally;
}
