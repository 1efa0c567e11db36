// The digest before each meeting: what a busy director needs to see, once, a few days
// ahead (the committee's digestDaysBefore, default 3), at 08:00 in the committee's time
// zone. Which digests are due is decided from the database on every scheduler tick, so
// a restart neither loses nor repeats one; the outbox's keys (digest:<meeting>:<person>)
// make sure no member gets two for one meeting.
import { publishedItems } from '../agenda/published-item';
import type { DigestAttendance } from '../attendance/attendance.service';
import type { Clock } from '../shared/clock';
import { comingMeetings } from '../meetings/coming-meetings';
import { personalTarget } from '../delivery/delivery.service';
import { DomainError } from '../shared/errors';
import { stillToAnswer } from '../input/input.service';
import { concerns, isOverdue, localDay } from '../minutes/action-item.service';
import type { Actor, Committee, Meeting, Member } from '../shared/types';
import { addDays, fromLocal, toLocal } from '../shared/zoned-time';
import type { SubmissionStatus } from '../submissions/types';
import type { InputRequest } from '../input/types';
import type { Agenda, AgendaItem, PositionKind } from '../agenda/types';
import type { SubmissionRepository } from '../submissions/ports';
import type { MessageTarget, Recipient } from '../delivery/types';
import type { MeetingRepository } from '../meetings/ports';
import type { InputRequestRepository } from '../input/ports';
import type { CommitteeRepository, MembershipRepository, PersonRepository } from '../committees/ports';
import type { AuditLog } from '../shared/ports';
import type { AgendaRepository } from '../agenda/ports';
import type { ActionItemRepository } from '../minutes/ports';

/** The hour, committee time, at which digests go out on their day. */
export const DIGEST_HOUR = 8;
/** Longest digestDaysBefore a committee can have (the scheduler looks this far ahead). */
export const MAX_DIGEST_DAYS = 30;

export interface PersonalDigest {
  recipient: Recipient;
  /** Where it goes. */
  to: MessageTarget;
  /** Decision items without the member's position. */
  undecided: AgendaItem[];
  /** Information items the member has not acknowledged. */
  unacknowledged: AgendaItem[];
  /** The committee's open input requests the member has not answered (their organisation, where one answer is asked of each). */
  openInputs: Array<{ id: string; title: string; deadline: Date }>;
  /** The member's own topics for this meeting, and where they stand. */
  submissions: Array<{ id: string; title: string; status: SubmissionStatus }>;
  /** Open actions that are the member's to do (concerns), and how many of them are overdue. */
  actions: { open: number; overdue: number };
  /** Whether the member comes, with the buttons to say so (absent: no attendance on this digest). */
  attendance?: DigestAttendance | null;
}

/** The members' attendance for their digests (the attendance service). */
export interface AttendancePrompts {
  promptsFor(committee: Committee, meeting: Meeting, personIds: readonly string[]): Promise<Map<string, DigestAttendance>>;
}

export interface MeetingDigests {
  committee: Committee;
  meeting: Meeting;
  /** The published agenda (null: not published yet). */
  agenda: Agenda | null;
  /** Closed attachments with links, for the personal digests only. */
  closedAttachments: Array<{ itemNumber: string; title: string; url: string }>;
  personal: PersonalDigest[];
}

/** When the digest for a meeting is due: `days` days before, at 08:00 committee time. */
export function digestDueAt(meeting: Pick<Meeting, 'startsAt'>, committee: Pick<Committee, 'timeZone' | 'digestDaysBefore'>): Date {
  const local = toLocal(meeting.startsAt, committee.timeZone);
  const day = addDays(local, -committee.digestDaysBefore);
  return fromLocal({ ...day, hour: DIGEST_HOUR, minute: 0 }, committee.timeZone);
}

export interface DigestServiceDeps {
  committees: CommitteeRepository;
  meetings: MeetingRepository;
  memberships: MembershipRepository;
  agenda: AgendaRepository;
  people: PersonRepository;
  audit: AuditLog;
  clock: Clock;
  inputs: InputRequestRepository;
  submissions: SubmissionRepository;
  actions: Pick<ActionItemRepository, 'listOpen'>;
  attendance?: AttendancePrompts;
}

export class DigestService {
  constructor(private readonly deps: DigestServiceDeps) {}

  /** Meetings whose digests are due now: past their due time, not started, not cancelled. */
  async dueMeetings(): Promise<Array<{ committee: Committee; meeting: Meeting }>> {
    const now = this.deps.clock.now();
    const horizon = new Date(now.getTime() + (MAX_DIGEST_DAYS + 1) * 86_400_000);
    const coming = await comingMeetings(this.deps.meetings, this.deps.committees, now, horizon);
    return coming.filter(({ committee, meeting }) => digestDueAt(meeting, committee) <= now);
  }

  /**
   * The meeting's digests for the members who should get one and have not (`done`: the
   * person ids already served): not muted, and the bot can write to them (personalTarget).
   */
  async digestsFor(committee: Committee, meeting: Meeting, done: ReadonlySet<string>, channel = true): Promise<MeetingDigests | null> {
    const recipients = await this.waitingFor(committee, done);
    // Everyone has theirs (the scheduler asks again every tick while the digests are due): nothing to build.
    if (!recipients.length && !channel) return null;
    return this.build(committee, meeting, recipients);
  }

  /**
   * Whether anyone of the committee should get a digest and is not in `done` (the person
   * ids known to be served): what the scheduler asks first on every tick, from the roster
   * as read for every member's turn, before it reads what the outbox holds.
   */
  async anyWaiting(committee: Committee, done: ReadonlySet<string>): Promise<boolean> {
    return (await this.waitingFor(committee, done)).length > 0;
  }

  /** The members who should get a digest and are not in `done`: not muted, and the bot can write to them (personalTarget). */
  private async waitingFor(committee: Committee, done: ReadonlySet<string>): Promise<Array<{ recipient: Recipient; to: MessageTarget }>> {
    // Every member who could get one served already (each tick once the digests are queued):
    // the recipients are not read. They are the same members with their people's contacts,
    // which the outbox changes with each personal chat it records, so after each they are
    // read again; the roster holds no contacts and stays cached. (Observers get none, and
    // nobody Teams has not shown the bot can be written to: see personalTarget.)
    const members = await this.deps.memberships.roster(committee.id);
    if (members.every((m) => m.role === 'observer' || !m.teamsUserId || done.has(m.personId))) return [];
    return (await this.deps.memberships.recipients(committee.id)).flatMap((recipient) => {
      const to = !done.has(recipient.personId) && !recipient.digestMuted ? personalTarget(recipient, committee) : null;
      return to ? [{ recipient, to }] : [];
    });
  }

  /** The actor's own digest of the meeting as it stands now (their card, after they answered on it). */
  async digestFor(meetingId: string, actor: Actor): Promise<MeetingDigests> {
    const meeting = await this.deps.meetings.findById(meetingId);
    const committee = meeting && (await this.deps.committees.findById(meeting.committeeId));
    const me = committee && actor.aadObjectId ? await this.deps.memberships.findByAad(committee.id, actor.aadObjectId) : null;
    if (!meeting || !committee || !me) throw new DomainError('not_member', `digest of ${meetingId}`);
    const recipient = (await this.deps.memberships.recipients(committee.id)).find((r) => r.personId === me.personId);
    return this.build(committee, meeting, recipient ? [{ recipient, to: { personId: recipient.personId } }] : []);
  }

  private async build(committee: Committee, meeting: Meeting, recipients: Array<{ recipient: Recipient; to: MessageTarget }>): Promise<MeetingDigests> {
    // Without the answers' tallies, which no digest shows: the shared agenda itself, not a copy with them per digest.
    const loaded = await this.deps.agenda.loadAgenda(meeting.id, { withTally: false });
    // Members are told what was published: drafts and edits since wait for the next publish.
    const shown = loaded && { ...loaded, items: publishedItems(loaded.items) };
    const published = shown && shown.items.length ? shown : null;
    const items = published ? published.items.filter((i) => i.status === 'published') : [];
    const answers = items.length ? await this.answersOf(items.map((i) => i.id), recipients) : new Map<string, Map<string, PositionKind>>();
    const pending = await this.pendingInputs(committee);
    const submitted = await this.deps.submissions.listForMeeting(meeting.id);
    const openActions = await this.deps.actions.listOpen(committee.id, 'all');
    // The recipients' memberships only: one member's own digest does not index the whole roster.
    const recipientIds = recipients.map((r) => r.recipient.personId);
    const wanted = new Set(recipientIds);
    const members = openActions.length && recipients.length ? new Map((await this.deps.memberships.roster(committee.id)).filter((m) => wanted.has(m.personId)).map((m) => [m.personId, m])) : new Map<string, Member>();
    const today = localDay(this.deps.clock.now(), committee.timeZone).day;
    const attendance = this.deps.attendance ? await this.deps.attendance.promptsFor(committee, meeting, recipientIds) : new Map<string, DigestAttendance>();
    const personal = recipients.map(({ recipient, to }) => {
      const mine = answers.get(recipient.personId) ?? new Map<string, PositionKind>();
      const member = members.get(recipient.personId);
      const theirs = member ? openActions.filter((a) => concerns(member, a)) : [];
      return {
        recipient,
        to,
        undecided: items.filter((i) => i.section === 'decision' && !mine.has(i.id)),
        unacknowledged: items.filter((i) => i.section !== 'decision' && !mine.has(i.id)),
        openInputs: pending.filter((p) => p.waitsFor.has(recipient.personId)).map((p) => ({ id: p.request.id, title: p.request.title, deadline: p.request.deadline })),
        submissions: submitted
          .filter((s) => s.submitter.personId === recipient.personId && s.status !== 'withdrawn')
          .map((s) => ({ id: s.id, title: s.title, status: s.status })),
        actions: { open: theirs.length, overdue: theirs.filter((a) => isOverdue(a, today)).length },
        attendance: attendance.get(recipient.personId) ?? null,
      };
    });
    const closedAttachments = (published?.items ?? [])
      .filter((i) => i.status !== 'withdrawn')
      .flatMap((i) => i.attachments.filter((a) => a.closed && a.url).map((a) => ({ itemNumber: i.number, title: a.title, url: a.url! })));
    return { committee, meeting, agenda: published, closedAttachments, personal };
  }

  /**
   * The recipients' answers on the items (person → item → answer). One member asking for
   * their own digest ("hvad skal jeg nå?") gets theirs from the read the item cards share
   * (positionsOf), not every member's answers on every item read for them.
   */
  private async answersOf(itemIds: string[], recipients: ReadonlyArray<{ recipient: Recipient }>): Promise<Map<string, Map<string, PositionKind>>> {
    const [only] = recipients;
    if (recipients.length === 1 && only) return new Map([[only.recipient.personId, await this.deps.agenda.positionsOf(only.recipient.personId, itemIds)]]);
    return this.deps.agenda.answersOn(itemIds);
  }

  /** The committee's open requests, each with the members still to answer it (asked, and their organisation has not answered where one answer each is asked). */
  private async pendingInputs(committee: Committee): Promise<Array<{ request: InputRequest; waitsFor: Set<string> }>> {
    const now = this.deps.clock.now();
    const open = (await this.deps.inputs.list(committee.id)).filter((r) => r.status === 'open' && r.deadline > now);
    if (!open.length) return [];
    const members = await this.deps.memberships.roster(committee.id);
    return Promise.all(
      open.map(async (request) => {
        const waiting = stillToAnswer(request, members, await this.deps.inputs.responses(request.id));
        return { request, waitsFor: new Set(waiting.map((m) => m.personId)) };
      }),
    );
  }

  /** "stop opsummering" / "start opsummering": the person's digests off or on, in every committee. */
  async setMuted(actor: Actor, muted: boolean, correlationId?: string): Promise<void> {
    if (!actor.aadObjectId || !(await this.deps.people.setDigestMuted(actor.aadObjectId, muted))) {
      throw new DomainError('not_member', 'unknown person (un)muted digests');
    }
    await this.deps.audit.record({
      committeeId: null,
      actor,
      action: muted ? 'person.digest_muted' : 'person.digest_unmuted',
      subjectType: 'person',
      subjectId: actor.aadObjectId,
      correlationId,
    });
  }
}
