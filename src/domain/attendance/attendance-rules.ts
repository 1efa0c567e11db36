// The committee's rules about who comes to a meeting, with no storage: when answers are
// taken, who may stand in for a member, when the meeting is quorate ("beslutningsdygtigt"),
// and the participant lists of the minutes ("Deltagere", "Afbud") in the house order.
import type { Meeting, Member, Organisation, Role } from '../shared/types';
import type { AttendanceRecord, KnownPerson, QuorumRule, QuorumSettings } from './types';

/** The roles that speak for an organisation: their attendance (or their stand-in's) makes it represented. */
export const REPRESENTING: readonly Role[] = ['chair', 'member'];

/** Longest note with an answer: a sentence or two for the secretariat. */
export const MAX_ATTENDANCE_NOTE = 500;

/** Organisations needed for a quorum: of 20, 11 for more than half and 10 for at least half; never fewer than the minimum. */
export function requiredOrganisations(settings: QuorumSettings, total: number): number {
  const byRule: Record<QuorumRule, number> = {
    more_than_half: Math.floor(total / 2) + 1,
    at_least_half: Math.ceil(total / 2),
    none: 0,
  };
  return Math.max(byRule[settings.rule], settings.minimum ?? 0);
}

export interface Quorum {
  settings: QuorumSettings;
  /** The organisations the committee counts. */
  total: number;
  /** Of those, represented by a member (or a member's stand-in) who attends. */
  represented: number;
  /** Of those, not represented and with a member who has not answered yet: they could still come. */
  undecided: number;
  needed: number;
  quorate: boolean;
}

/**
 * Which of the counted organisations are represented: a chair or member of it attends, or
 * sent apologies with a stand-in (who comes in their place). The secretariat's and
 * observers' attendance does not count, nor organisations the committee does not count.
 */
export function representedOrganisations(counted: readonly Organisation[], members: readonly Member[], records: readonly AttendanceRecord[]): Set<string> {
  const countedIds = new Set(counted.map((o) => o.id));
  const byPerson = new Map(records.map((r) => [r.personId, r]));
  const represented = new Set<string>();
  for (const m of members) {
    if (!REPRESENTING.includes(m.role) || !m.organisation || !countedIds.has(m.organisation.id)) continue;
    const r = byPerson.get(m.personId);
    if (r && (r.attendance === 'attending' || r.standIn)) represented.add(m.organisation.id);
  }
  return represented;
}

/** Whether the meeting is quorate by the committee's rule, with the counts it rests on. */
export function quorumOf(settings: QuorumSettings, counted: readonly Organisation[], members: readonly Member[], records: readonly AttendanceRecord[]): Quorum {
  const represented = representedOrganisations(counted, members, records);
  const answered = new Set(records.map((r) => r.personId));
  const undecided = new Set(
    members
      .filter((m) => REPRESENTING.includes(m.role) && m.organisation && !represented.has(m.organisation.id) && !answered.has(m.personId))
      .map((m) => m.organisation!.id)
      .filter((id) => counted.some((o) => o.id === id)),
  );
  const needed = requiredOrganisations(settings, counted.length);
  return { settings, total: counted.length, represented: represented.size, undecided: undecided.size, needed, quorate: represented.size >= needed };
}

/**
 * Whether answers are taken for the meeting: members until it starts; the secretariat
 * also after (the minutes must say who came) until the minutes are published. A
 * cancelled meeting takes none.
 */
export function attendanceOpen(meeting: Pick<Meeting, 'status' | 'startsAt'>, now: Date, bySecretariat: boolean): boolean {
  if (meeting.status === 'cancelled' || meeting.status === 'minutes_published') return false;
  return bySecretariat || meeting.startsAt.getTime() > now.getTime();
}

/**
 * Who may stand in for the member: their standing stand-in first, then the people
 * Dagsorden knows in the member's organisation (this committee's roster and other
 * committees'), by name; never the member themselves.
 */
export function standInCandidates(
  member: Pick<Member, 'personId' | 'organisation'>,
  standing: { personId: string; name: string } | null,
  known: readonly KnownPerson[],
): Array<{ personId: string; name: string; standing: boolean }> {
  const seen = new Set([member.personId]);
  const out: Array<{ personId: string; name: string; standing: boolean }> = [];
  if (standing && !seen.has(standing.personId)) {
    out.push({ ...standing, standing: true });
    seen.add(standing.personId);
  }
  const sameOrganisation = known
    .filter((p) => member.organisation && p.organisationId === member.organisation.id)
    .sort((a, b) => a.name.localeCompare(b.name, 'da'));
  for (const p of sameOrganisation) {
    if (seen.has(p.personId)) continue;
    seen.add(p.personId);
    out.push({ personId: p.personId, name: p.name, standing: false });
  }
  return out;
}

/** One line of the minutes' participant lists. */
export interface AttendeeLine {
  name: string;
  organisation: string | null;
  /** The member's role in the committee (a stand-in: the role of the member they stand in for). */
  role: Role;
  /** Write "(formand)" after the name. */
  chair?: boolean;
  /** A stand-in: the name of the member they came for. */
  standInFor?: string;
}

/** The minutes' "Deltagere" and "Afbud", and who never answered (for the secretariat to settle). */
export interface MinutesAttendance {
  present: AttendeeLine[];
  absent: AttendeeLine[];
  notAnswered: AttendeeLine[];
}

/** The order the committee's documents list people in: the chair, the members, observers, the secretariat last. */
const LIST_ORDER: Record<Role, number> = { chair: 0, member: 1, observer: 2, secretariat: 3 };

/**
 * The minutes' lists in the house order: the chair first, then the members, observers and
 * the secretariat, each by name. A stand-in is listed among those present in the place of
 * the member they came for, with that member's organisation; the member is under "Afbud".
 * A person present in their own right is not listed again as a stand-in.
 */
export function minutesAttendance(members: readonly Member[], records: readonly AttendanceRecord[]): MinutesAttendance {
  const ordered = [...members].sort(
    (a, b) => LIST_ORDER[a.role] - LIST_ORDER[b.role] || a.displayName.localeCompare(b.displayName, 'da'),
  );
  const byPerson = new Map(records.map((r) => [r.personId, r]));
  const comingThemselves = new Set(records.filter((r) => r.attendance === 'attending').map((r) => r.personId));
  const listed = new Set<string>();
  const out: MinutesAttendance = { present: [], absent: [], notAnswered: [] };
  for (const m of ordered) {
    const line: AttendeeLine = { name: m.displayName, organisation: m.organisation?.name ?? null, role: m.role, ...(m.role === 'chair' ? { chair: true } : {}) };
    const r = byPerson.get(m.personId);
    if (!r) {
      out.notAnswered.push(line);
    } else if (r.attendance === 'attending') {
      if (!listed.has(m.personId)) out.present.push(line);
      listed.add(m.personId);
    } else {
      out.absent.push(line);
      if (r.standIn && !comingThemselves.has(r.standIn.personId) && !listed.has(r.standIn.personId)) {
        out.present.push({ name: r.standIn.name, organisation: line.organisation, role: m.role, standInFor: m.displayName });
        listed.add(r.standIn.personId);
      }
    }
  }
  return out;
}
