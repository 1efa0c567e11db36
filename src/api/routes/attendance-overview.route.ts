import { z } from 'zod';
import type { OverviewPerson } from '../../domain/attendance/attendance.service';
import { defineRoute } from '../route';

const person = ({ member, record }: OverviewPerson) => ({
  personId: member.personId,
  name: member.displayName,
  role: member.role,
  attendance: record?.attendance ?? null,
  standIn: record?.standIn ?? null,
  note: record?.note ?? null,
  recordedBy: record?.recordedBy?.name ?? null,
});

/** "fremmøde" (secretariat): every member's answer by organisation, with who could stand in, the quorum rule and forecast. */
export const attendanceOverviewRoute = defineRoute({
  method: 'GET',
  path: '/meetings/:id/attendance-overview',
  params: z.object({ id: z.uuid() }),
  async run({ actor, services }, { id }) {
    const o = await services.attendance.overviewById(actor, id);
    return {
      meetingId: o.meeting.id,
      open: o.open,
      quorum: o.quorum,
      counts: o.counts,
      organisations: o.organisations.map((g) => ({
        id: g.organisation.id,
        name: g.organisation.name,
        represented: g.represented,
        people: g.people.map(person),
      })),
      others: o.others.map(person),
      standIns: o.people.map((p) => ({
        personId: p.personId,
        name: p.name,
        organisationId: p.organisationId,
        organisation: p.organisation,
      })),
    };
  },
});
