// Who comes to a meeting: members answer "Jeg deltager" or "Jeg melder afbud" (with an
// optional stand-in from their own organisation and a note) on the next-meeting card or
// their digest, and may change their mind until the meeting starts; the secretariat sees
// the answers by organisation with the quorum ("fremmøde"), records answers members gave
// it some other way, and gets the minutes' participant lists. A named stand-in is told in
// their personal chat and gets the meeting's agenda and closed attachments; one who is
// named no longer is told so. Every change is written with its audit record and the
// messages it causes, in one transaction.
import { publishedItems } from '../agenda/published-item';
import type { Clock } from '../shared/clock';
import type { CommitteeService } from '../committees/committee.service';
import { personalTarget } from '../delivery/delivery.service';
import { DomainError } from '../shared/errors';
import {
  attendanceOpen,
  MAX_ATTENDANCE_NOTE,
  minutesAttendance,
  quorumOf,
  REPRESENTING,
  representedOrganisations,
  standInCandidates,
  type MinutesAttendance,
  type Quorum,
} from './attendance-rules';
import { pickNextMeeting } from '../meetings/meeting-rules';
import { toLocal } from '../shared/zoned-time';
import type { Actor, Committee, Meeting, Member, Organisation } from '../shared/types';
import type { Agenda } from '../agenda/types';
import type { OutboundMessage, Recipient } from '../delivery/types';
import type { MembershipRepository } from '../committees/ports';
import type { MeetingRepository } from '../meetings/ports';
import type { AttendanceAnswer, AttendanceRecord, KnownPerson, QuorumSettings } from './types';
import type { AttendanceChange, AttendanceRepository } from './ports';
import type { AgendaRepository } from '../agenda/ports';

/** Someone who may stand in for a member; `standing`: the member's standing stand-in. */
export interface StandInCandidate {
  personId: string;
  name: string;
  standing: boolean;
}

/** A member's own view of their attendance for a meeting: what the card shows and offers. */
export interface MyAttendance {
  committee: Committee;
  meeting: Meeting;
  me: Member;
  record: AttendanceRecord | null;
  /** Who the member may name as stand-in (only chair and members name one). */
  candidates: StandInCandidate[];
  canNameStandIn: boolean;
  /** Answers are taken. */
  open: boolean;
  /** Whether the bot can write to the named stand-in (null: none named). */
  standInReachable: boolean | null;
}

/** What a member answers. */
export interface AttendanceInput {
  attendance: AttendanceAnswer;
  standInId: string | null;
  note: string | null;
  /** Keep the stand-in as the member's standing one (offered first next time). */
  keepAsStanding?: boolean;
}

/** One person on the secretariat's overview, with their answer. */
export interface OverviewPerson {
  member: Member;
  record: AttendanceRecord | null;
  /** Whether the bot can write to their stand-in (null: none named). */
  standInReachable: boolean | null;
}

/** "fremmøde": the answers by organisation, the quorum and the counts (secretariat). */
export interface AttendanceOverview {
  committee: Committee;
  meeting: Meeting;
  quorum: Quorum;
  /** The committee's counted organisations in its order, each with its chair and members. */
  organisations: Array<{ organisation: Organisation; represented: boolean; people: OverviewPerson[] }>;
  /** Everyone else: the secretariat, observers, members of organisations the committee does not count. */
  others: OverviewPerson[];
  counts: { attending: number; absent: number; withStandIn: number; notAnswered: number };
  /** The secretariat may record answers (until the minutes are published). */
  open: boolean;
  /** For the secretariat's form: the members, and who could stand in (the people of their organisations). */
  members: Member[];
  people: KnownPerson[];
}

/** A member's attendance as their digest shows it (the buttons to answer with). */
export interface DigestAttendance {
  record: AttendanceRecord | null;
  candidates: StandInCandidate[];
  canNameStandIn: boolean;
  standInReachable: boolean | null;
  /** The member's organisation, whose people may stand in. */
  organisation: string | null;
  open: boolean;
}

/** A stand-in named for a meeting, as someone to send the meeting's papers to. */
export interface MeetingStandIn {
  recipient: Recipient;
  /** The member they come for. */
  forMember: Member;
  reachable: boolean;
  /** The version of the member's answer that named them (their letters are keyed on it). */
  version: number;
}

/** What a change of an answer sends: everything it needs, loaded before the change. */
export interface StandInContext {
  committee: Committee;
  meeting: Meeting;
  /** The member whose answer it is. */
  member: Member;
  /** The published agenda (null: not published yet), what a newly named stand-in gets. */
  agenda: Agenda | null;
  /** The people a change may write to (the stand-ins before and after), by person id. */
  people: Map<string, Recipient>;
  secretariat: Recipient[];
}

/** Builds what a change sends (implemented by the bot: wording, cards). */
export interface AttendanceLetters {
  /**
   * A new stand-in is told (with the agenda and the closed attachments when the agenda is
   * out), a former one that they are not needed; the secretariat hears of a stand-in the
   * bot cannot write to.
   */
  changed(change: AttendanceChange, context: StandInContext): OutboundMessage[];
}

/** What a meeting's quorum is counted against. */
export interface QuorumBasis {
  counted: Organisation[];
  settings: QuorumSettings;
}

/** Meetings looked through for "fremmøde <dato>": a year either side. */
const DATE_WINDOW_DAYS = 400;

export interface AttendanceServiceDeps {
  committees: CommitteeService;
  meetings: MeetingRepository;
  memberships: MembershipRepository;
  attendance: AttendanceRepository;
  agenda: AgendaRepository;
  clock: Clock;
  letters: AttendanceLetters;
}

export class AttendanceService {
  constructor(private readonly deps: AttendanceServiceDeps) {}

  /** The actor's own answer for the meeting, and what they may answer (any member). */
  async myView(meetingId: string, actor: Actor): Promise<MyAttendance> {
    const { committee, meeting, member } = await this.meetingForMember(meetingId, actor);
    return this.viewOf(committee, meeting, member);
  }

  /** The actor's own view, or null when they are no member (a card everyone in a channel sees). */
  async myViewIfMember(meetingId: string, actor: Actor): Promise<MyAttendance | null> {
    const meeting = await this.deps.meetings.findById(meetingId);
    const committee = meeting && (await this.deps.committees.byId(meeting.committeeId));
    const member = committee && actor.aadObjectId ? await this.deps.memberships.findByAad(committee.id, actor.aadObjectId) : null;
    return committee && meeting && member ? this.viewOf(committee, meeting, member) : null;
  }

  /**
   * "Jeg deltager" / "Jeg melder afbud": sets the actor's answer until the meeting starts.
   * The same answer twice changes nothing; a stand-in must be one of the candidates.
   */
  async answer(actor: Actor, meetingId: string, input: AttendanceInput, correlationId?: string): Promise<{ view: MyAttendance; changed: boolean }> {
    const { committee, meeting, member } = await this.meetingForMember(meetingId, actor);
    if (!attendanceOpen(meeting, this.deps.clock.now(), false)) throw new DomainError('attendance_closed', meetingId);
    const changed = await this.apply(committee, meeting, member, member, input, actor, correlationId);
    return { view: await this.viewOf(committee, meeting, member), changed };
  }

  /** The secretariat records a member's answer given some other way (by mail, by phone), also after the meeting until the minutes are out. */
  async recordFor(actor: Actor, meetingId: string, personId: string, input: AttendanceInput, correlationId?: string): Promise<{ overview: AttendanceOverview; changed: boolean }> {
    const meeting = await this.deps.meetings.findById(meetingId);
    if (!meeting) throw new DomainError('not_found', `no meeting ${meetingId}`);
    const { committee, member: secretary } = await this.deps.committees.getForRole(meeting.committeeId, actor, ['secretariat']);
    if (!attendanceOpen(meeting, this.deps.clock.now(), true)) throw new DomainError('attendance_closed', meetingId);
    const member = (await this.deps.memberships.list(committee.id)).find((m) => m.personId === personId);
    if (!member) throw new DomainError('not_found', `no member ${personId}`);
    const changed = await this.apply(committee, meeting, member, secretary, { ...input, keepAsStanding: false }, actor, correlationId);
    return { overview: await this.overviewOf(committee, meeting), changed };
  }

  private async apply(committee: Committee, meeting: Meeting, member: Member, recorder: Member, input: AttendanceInput, actor: Actor, correlationId?: string): Promise<boolean> {
    const note = input.note?.replace(/\s+/g, ' ').trim() || null;
    if (note && note.length > MAX_ATTENDANCE_NOTE) throw new DomainError('invalid_input', 'attendance note');
    const canNameStandIn = REPRESENTING.includes(member.role);
    const candidates = canNameStandIn ? await this.candidatesOf(committee, member) : [];
    const standInId = input.attendance === 'absent' ? input.standInId : null;
    if (standInId && !candidates.some((c) => c.personId === standInId)) throw new DomainError('invalid_input', `stand-in ${standInId}`);
    const before = await this.deps.attendance.find(meeting.id, member.personId);
    const involved = [standInId, before?.standIn?.personId].filter((id): id is string => Boolean(id));
    const published = meeting.status !== 'cancelled' ? await this.deps.agenda.loadAgenda(meeting.id) : null;
    const context: StandInContext = {
      committee,
      meeting,
      member,
      // What was published, not the drafts or edits since (a stand-in is told what members were).
      agenda: published?.meeting.agendaPublishedAt ? { ...published, items: publishedItems(published.items) } : null,
      people: new Map((await this.deps.attendance.recipientsOf(involved)).map((r) => [r.personId, r])),
      secretariat: standInId ? await this.deps.memberships.recipients(committee.id, ['secretariat']) : [],
    };
    const { changed } = await this.deps.attendance.set(
      { meetingId: meeting.id, personId: member.personId, attendance: input.attendance, standInId, note, recordedById: recorder.personId },
      {
        committeeId: committee.id,
        actorPersonId: recorder.personId,
        action: recorder.personId === member.personId ? 'attendance.answered' : 'attendance.recorded',
        subjectType: 'meeting',
        subjectId: meeting.id,
        data: { actorName: actor.name, personId: member.personId, attendance: input.attendance, standInId, note },
        correlationId: correlationId ?? null,
      },
      (change) => this.deps.letters.changed(change, context),
    );
    if (input.keepAsStanding && standInId) {
      await this.deps.attendance.setStandingStandIn(member.membershipId, standInId, {
        committeeId: committee.id,
        actorPersonId: member.personId,
        action: 'attendance.standing_stand_in',
        subjectType: 'membership',
        subjectId: member.membershipId,
        data: { actorName: actor.name, standInId },
        correlationId: correlationId ?? null,
      });
    }
    return changed;
  }

  /**
   * "fremmøde" / "fremmøde <dato>": the next meeting's answers (or the meeting on that
   * date) by organisation, with the quorum (secretariat).
   */
  async overview(committee: Committee, actor: Actor, date?: { day: number; month: number; year: number | null }): Promise<AttendanceOverview> {
    await this.deps.committees.requireRole(committee, actor, ['secretariat']);
    const meeting = date ? await this.meetingOn(committee, date) : pickNextMeeting(await this.deps.meetings.listUpcoming(committee.id, this.deps.clock.now(), 5), this.deps.clock.now());
    if (!meeting) throw new DomainError(date ? 'no_meeting_on_date' : 'no_open_meeting', committee.slug);
    return this.overviewOf(committee, meeting);
  }

  /** The overview of a meeting by id (the card's own buttons; secretariat). */
  async overviewById(actor: Actor, meetingId: string): Promise<AttendanceOverview> {
    const meeting = await this.deps.meetings.findById(meetingId);
    if (!meeting) throw new DomainError('not_found', `no meeting ${meetingId}`);
    const { committee } = await this.deps.committees.getForRole(meeting.committeeId, actor, ['secretariat']);
    return this.overviewOf(committee, meeting);
  }

  /** What a meeting's quorum is counted against: the committee's organisations and rule (they change rarely; readers may share them). */
  async quorumBasis(committeeId: string): Promise<QuorumBasis> {
    const [counted, settings] = await Promise.all([this.deps.attendance.countedOrganisations(committeeId), this.deps.attendance.quorumSettings(committeeId)]);
    return { counted, settings };
  }

  /** The meeting's answers as they stand (read fresh: they change all day). */
  answersTo(meetingId: string): Promise<AttendanceRecord[]> {
    return this.deps.attendance.forMeeting(meetingId);
  }

  /** The quorum forecast and the counts of answers, for anyone who may read the meeting (no names). */
  forecastOf(meeting: Meeting, basis: QuorumBasis, members: readonly Member[], records: readonly AttendanceRecord[]): Pick<AttendanceOverview, 'quorum' | 'counts' | 'open'> {
    return { quorum: quorumOf(basis.settings, basis.counted, members, records), counts: countsOf(members, records), open: attendanceOpen(meeting, this.deps.clock.now(), true) };
  }

  /** Changes the committee's quorum rule (secretariat); the overview of the meeting comes back. */
  async setQuorumRule(actor: Actor, meetingId: string, settings: QuorumSettings, correlationId?: string): Promise<AttendanceOverview> {
    const meeting = await this.deps.meetings.findById(meetingId);
    if (!meeting) throw new DomainError('not_found', `no meeting ${meetingId}`);
    const { committee, member } = await this.deps.committees.getForRole(meeting.committeeId, actor, ['secretariat']);
    if (settings.minimum !== null && (!Number.isInteger(settings.minimum) || settings.minimum < 0 || settings.minimum > 1000)) {
      throw new DomainError('invalid_input', 'quorum minimum');
    }
    const current = await this.deps.attendance.quorumSettings(committee.id);
    if (current.rule !== settings.rule || current.minimum !== settings.minimum) {
      await this.deps.attendance.setQuorumSettings(committee.id, settings, {
        committeeId: committee.id,
        actorPersonId: member.personId,
        action: 'committee.quorum_rule',
        subjectType: 'committee',
        subjectId: committee.id,
        data: { actorName: actor.name, ...settings },
        correlationId: correlationId ?? null,
      });
    }
    return this.overviewOf(committee, meeting);
  }

  /**
   * The minutes' "Deltagere" and "Afbud" for a meeting, in the house order (the chair
   * first, then members, observers and the secretariat, by name; a stand-in in the place
   * of the member they came for), and who never answered. No membership check: the
   * caller (the minutes) has made its own.
   */
  async attendanceForMinutes(meetingId: string): Promise<MinutesAttendance> {
    const meeting = await this.deps.meetings.findById(meetingId);
    if (!meeting) throw new DomainError('not_found', `no meeting ${meetingId}`);
    // The roster as cached (a large committee's is read once for every build); the answers fresh.
    const [members, records] = await Promise.all([this.deps.memberships.roster(meeting.committeeId), this.deps.attendance.forMeeting(meetingId)]);
    return minutesAttendance(members, records);
  }

  /** The stand-ins named for the meeting now, with the members they come for (for the agenda's letters). */
  async standInsOf(committee: Committee, meetingId: string): Promise<MeetingStandIn[]> {
    const named = (await this.deps.attendance.forMeeting(meetingId)).filter((r) => r.attendance === 'absent' && r.standIn);
    if (!named.length) return [];
    const members = new Map((await this.deps.memberships.list(committee.id)).map((m) => [m.personId, m]));
    const people = new Map((await this.deps.attendance.recipientsOf(named.map((r) => r.standIn!.personId))).map((p) => [p.personId, p]));
    return named.flatMap((r) => {
      const recipient = people.get(r.standIn!.personId);
      const forMember = members.get(r.personId);
      if (!recipient || !forMember) return [];
      return [{ recipient, forMember, reachable: personalTarget(recipient, committee) !== null, version: r.version }];
    });
  }

  /**
   * Whether the person may get the meeting's closed papers: an active member of its
   * committee (not an observer), or someone's named stand-in for it now. Asked again
   * when each letter is sent, so one named no longer gets nothing more.
   */
  async mayReceiveMeetingPapers(meetingId: string, personId: string): Promise<boolean> {
    const meeting = await this.deps.meetings.findById(meetingId);
    if (!meeting) return false;
    return (await this.deps.attendance.isParticipant(meeting.committeeId, personId)) || (await this.deps.attendance.isStandIn(meetingId, personId));
  }

  /** Each member's attendance for their digest: their answer and what they may answer. */
  async promptsFor(committee: Committee, meeting: Meeting, personIds: readonly string[]): Promise<Map<string, DigestAttendance>> {
    const wanted = new Set(personIds);
    // The roster as cached: the digests of 1,000 members, and each member's own digest card, read it once.
    const members = (await this.deps.memberships.roster(committee.id)).filter((m) => wanted.has(m.personId));
    const [records, standing, known] = await Promise.all([
      this.deps.attendance.forMeeting(meeting.id),
      this.deps.attendance.standingStandIns(committee.id),
      this.deps.attendance.peopleOf([...new Set(members.flatMap((m) => (m.organisation ? [m.organisation.id] : [])))]),
    ]);
    const byPerson = new Map(records.map((r) => [r.personId, r]));
    // The stand-ins the wanted members named (one member's own digest reads only theirs).
    const standIns = new Map((await this.deps.attendance.recipientsOf(records.flatMap((r) => (r.standIn && wanted.has(r.personId) ? [r.standIn.personId] : [])))).map((p) => [p.personId, p]));
    const open = attendanceOpen(meeting, this.deps.clock.now(), false);
    return new Map(
      members.map((m) => {
        const canNameStandIn = REPRESENTING.includes(m.role);
        const candidates = canNameStandIn ? standInCandidates(m, standing.get(m.personId) ?? null, known) : [];
        const record = byPerson.get(m.personId) ?? null;
        const standIn = record?.standIn ? standIns.get(record.standIn.personId) : undefined;
        const standInReachable = record?.standIn ? Boolean(standIn && personalTarget(standIn, committee)) : null;
        return [m.personId, { record, candidates, canNameStandIn, standInReachable, organisation: m.organisation?.name ?? null, open }];
      }),
    );
  }

  private async viewOf(committee: Committee, meeting: Meeting, me: Member): Promise<MyAttendance> {
    const canNameStandIn = REPRESENTING.includes(me.role);
    const [record, candidates] = await Promise.all([
      this.deps.attendance.findForView(meeting.id, me.personId),
      canNameStandIn ? this.candidatesOf(committee, me) : Promise.resolve([]),
    ]);
    return {
      committee,
      meeting,
      me,
      record,
      candidates,
      canNameStandIn,
      open: attendanceOpen(meeting, this.deps.clock.now(), false),
      standInReachable: record?.standIn ? await this.reachable(committee, record.standIn.personId) : null,
    };
  }

  private async overviewOf(committee: Committee, meeting: Meeting): Promise<AttendanceOverview> {
    const [members, records, counted, settings] = await Promise.all([
      this.deps.memberships.list(committee.id),
      this.deps.attendance.forMeeting(meeting.id),
      this.deps.attendance.countedOrganisations(committee.id),
      this.deps.attendance.quorumSettings(committee.id),
    ]);
    const byPerson = new Map(records.map((r) => [r.personId, r]));
    const standIns = new Map((await this.deps.attendance.recipientsOf(records.flatMap((r) => (r.standIn ? [r.standIn.personId] : [])))).map((p) => [p.personId, p]));
    const person = (member: Member): OverviewPerson => {
      const record = byPerson.get(member.personId) ?? null;
      const standIn = record?.standIn ? standIns.get(record.standIn.personId) : undefined;
      return { member, record, standInReachable: record?.standIn ? Boolean(standIn && personalTarget(standIn, committee)) : null };
    };
    const represented = representedOrganisations(counted, members, records);
    const countedIds = new Set(counted.map((o) => o.id));
    const speaksFor = (m: Member) => REPRESENTING.includes(m.role) && m.organisation && countedIds.has(m.organisation.id);
    const organisations = counted.map((organisation) => ({
      organisation,
      represented: represented.has(organisation.id),
      people: members.filter((m) => speaksFor(m) && m.organisation!.id === organisation.id).map(person),
    }));
    const known = await this.deps.attendance.peopleOf([...new Set(members.flatMap((m) => (m.organisation && REPRESENTING.includes(m.role) ? [m.organisation.id] : [])))]);
    return {
      committee,
      meeting,
      quorum: quorumOf(settings, counted, members, records),
      organisations,
      others: members.filter((m) => !speaksFor(m)).map(person),
      counts: countsOf(members, records),
      open: attendanceOpen(meeting, this.deps.clock.now(), true),
      members,
      people: known,
    };
  }

  private async candidatesOf(committee: Committee, member: Member): Promise<StandInCandidate[]> {
    const [standing, known] = await Promise.all([
      this.deps.attendance.standingStandIns(committee.id),
      member.organisation ? this.deps.attendance.peopleOf([member.organisation.id]) : Promise.resolve([]),
    ]);
    return standInCandidates(member, standing.get(member.personId) ?? null, known);
  }

  private async reachable(committee: Committee, personId: string): Promise<boolean> {
    const [recipient] = await this.deps.attendance.recipientsOf([personId]);
    return Boolean(recipient && personalTarget(recipient, committee));
  }

  private async meetingForMember(meetingId: string, actor: Actor): Promise<{ committee: Committee; meeting: Meeting; member: Member }> {
    const meeting = await this.deps.meetings.findById(meetingId);
    if (!meeting) throw new DomainError('not_found', `no meeting ${meetingId}`);
    const { committee, member } = await this.deps.committees.getForMember(meeting.committeeId, actor);
    return { committee, meeting, member };
  }

  /** The committee's meeting on the local date (the coming one when the year is left out). */
  private async meetingOn(committee: Committee, date: { day: number; month: number; year: number | null }): Promise<Meeting | null> {
    const now = this.deps.clock.now();
    const span = DATE_WINDOW_DAYS * 86_400_000;
    const all = await this.deps.meetings.listStartingBetween(committee.id, new Date(now.getTime() - span), new Date(now.getTime() + span));
    const matches = all.filter((m) => {
      const local = toLocal(m.startsAt, committee.timeZone);
      return local.day === date.day && local.month === date.month && (date.year === null || local.year === date.year) && m.status !== 'cancelled';
    });
    // Without a year: the coming one if there is one, else the latest.
    return matches.find((m) => m.endsAt > now) ?? matches.at(-1) ?? null;
  }
}

/** How many members answered what (and how many have not). */
function countsOf(members: readonly Member[], records: readonly AttendanceRecord[]): AttendanceOverview['counts'] {
  const byPerson = new Map(records.map((r) => [r.personId, r]));
  const answers = members.map((m) => byPerson.get(m.personId));
  return {
    attending: answers.filter((r) => r?.attendance === 'attending').length,
    absent: answers.filter((r) => r?.attendance === 'absent').length,
    withStandIn: answers.filter((r) => r?.attendance === 'absent' && r.standIn).length,
    notAnswered: answers.filter((r) => !r).length,
  };
}
