// The quorum forecast spelled out for the secretariat's meeting page: each organisation
// the committee counts, whether it is represented, and its chair's and members' answers
// (with the stand-in who comes in a member's place). The rule of what "represented" means
// is attendance-rules' own.
import { REPRESENTING, representedOrganisations } from './attendance-rules';
import type { Member, Organisation } from '../shared/types';
import type { AttendanceRecord } from './types';

export interface OrganisationAttendance {
  name: string;
  represented: boolean;
  people: Array<{ name: string; attendance: AttendanceRecord['attendance'] | null; standIn: string | null }>;
}

export function attendanceByOrganisation(counted: readonly Organisation[], members: readonly Member[], records: readonly AttendanceRecord[]): OrganisationAttendance[] {
  const represented = representedOrganisations(counted, members, records);
  const byPerson = new Map(records.map((r) => [r.personId, r]));
  return counted.map((o) => ({
    name: o.name,
    represented: represented.has(o.id),
    people: members
      .filter((m) => REPRESENTING.includes(m.role) && m.organisation?.id === o.id)
      .map((m) => {
        const r = byPerson.get(m.personId);
        return { name: m.displayName, attendance: r?.attendance ?? null, standIn: r?.standIn?.name ?? null };
      }),
  }));
}
